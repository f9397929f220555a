// Reading and writing models: JSON Graph Format v2 (kyoso's native format), and exports to
// GraphViz DOT, GraphML and NetworkX node-link JSON.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

// The file format version this build reads and writes (top-level "schema_version").
inline constexpr int schema_version = 1;

// The embedded dataset, compiled into the library and built on first use: the FY2024
// (令和6年度) core read from the seed document (data/fy2024.jgf.json) with the national layer
// over it (data/national.jgf.json: every university, who holds what; docs/national.md).
const Model& default_model();
// The core alone (data/fy2024.jgf.json), without the national layer: what synthetic models
// (synth.hpp) are built on.
const Model& core_model();

// How much a model file may hold (docs/format.md, "Limits"); more is refused with an error
// naming the place, before it can exhaust memory or the stack.
struct LoadLimits {
  std::size_t max_file_bytes = std::size_t{1} << 30;    // 1 GiB, checked before reading
  std::size_t max_depth = 64;                           // nested arrays/objects (at most 1000)
  std::size_t max_string_bytes = std::size_t{1} << 20;  // per string or key, in UTF-8 bytes
  std::size_t max_nodes = 10'000'000;
  std::size_t max_edges = 10'000'000;
};

// Parses a JGF v2 document. `origin` names it in error messages (a file name).
// Throws ParseError (with line and column) or ValidationError (with a JSON pointer).
Model parse_model(std::string_view json, std::string_view origin = "<input>");
Model parse_model(std::string_view json, std::string_view origin, const LoadLimits&);
// Reads and parses a file; throws IoError if it cannot be read or is over the size limit.
Model load_model(const std::filesystem::path& file);
Model load_model(const std::filesystem::path& file, const LoadLimits&);

// Several files read as one model, e.g. the core and the national layer: each is loaded
// alone (so each must be valid by itself), then they are merged in order (merge_layers,
// docs/format.md "Layers"). One file is read as load_model reads it.
Model load_layers(const std::vector<std::filesystem::path>& files);
Model load_layers(const std::vector<std::filesystem::path>& files, const LoadLimits&);

// The model as JGF v2, pretty-printed with sorted keys and a trailing newline, so that
// saving what was loaded gives the same bytes.
std::string to_jgf(const Model&);
// to_jgf() written with write_file().
void save_model(const Model&, const std::filesystem::path& file);

// Writes `text` to `file` without harming what the name points at; throws IoError naming
// the file, and leaves no temporary file behind, on any failure.
//  * A regular file, or a name where there is none yet, is replaced atomically: the text goes
//    to a temporary file created exclusively beside it (a random name, O_EXCL, so a file or
//    link planted there is never written through), which is synced and renamed over the
//    target. Readers see the old file or the whole new one. The target's permission bits
//    (and, for root, its owner) are kept; a new file gets 0666 less the umask. SIGINT,
//    SIGTERM and SIGHUP wait until the temporary file is renamed or removed.
//  * A symbolic link is followed (to the end of a chain of them): what it points at is
//    written as above, and the link stays a link.
//  * A character device (/dev/null, a terminal), a FIFO or another special file is opened and
//    written through, never replaced; "-" is standard output.
//  * A directory is refused.
void write_file(const std::filesystem::path& file, std::string_view text);

struct DotOptions {
  Lang lang = Lang::ja;
  // Draw only the nodes within `depth` steps (either direction) of this node.
  std::optional<std::string> focus;
  int depth = 1;
};
std::string to_dot(const Model&, const DotOptions& = {});

// GraphML with scalar attributes; lists and maps (sources, figures, attributes) are stored
// as JSON text in string attributes (the README documents the mapping).
std::string to_graphml(const Model&);

// NetworkX node-link JSON (networkx.node_link_graph reads it; multigraph, directed).
std::string to_node_link(const Model&);

}  // namespace kyoso
