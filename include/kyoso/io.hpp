// Reading and writing models: JSON Graph Format v2 (kyoso's native format), and exports to
// GraphViz DOT, GraphML and NetworkX node-link JSON.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kyoso/model.hpp"

namespace kyoso {

// The file format version this build reads and writes (top-level "schema_version").
inline constexpr int schema_version = 1;

// The embedded FY2024 (令和6年度) dataset, compiled into the library; built on first use.
const Model& default_model();

// Parses a JGF v2 document. `origin` names it in error messages (a file name).
// Throws ParseError (with line and column) or ValidationError (with a JSON pointer).
Model parse_model(std::string_view json, std::string_view origin = "<input>");
// Reads and parses a file; throws IoError if it cannot be read.
Model load_model(const std::filesystem::path& file);

// The model as JGF v2, pretty-printed with sorted keys and a trailing newline, so that
// saving what was loaded gives the same bytes.
std::string to_jgf(const Model&);
void save_model(const Model&, const std::filesystem::path& file);

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
