// A model in a compact binary form, for the embedded default model: the build turns the JGF
// files (the reference) into a snapshot with kyoso_snapshot (snapshot_tool.cpp), and
// default_model() reads it at a fraction of the cost of parsing the JSON (bench/README.md).
//
// Layout, little-endian: "KYOSOSNP", the format version (u32), the digest of the source
// files (u64), then tables of strings, sources, nodes, edge details and edges. Strings,
// sources and edge details are each stored once and referred to by index, so the list's
// citation repeated on two thousand edges costs one entry. The model read back equals the
// model written (Model's operator==), and is checked again by ModelBuilder on the way in.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// Raised whenever the layout changes; a snapshot of another version is refused. 2: calls,
// notes in both languages.
inline constexpr std::uint32_t snapshot_version = 2;

// FNV-1a over each file's length and bytes, in order: what a snapshot says it was made from.
std::uint64_t source_digest(std::span<const std::string_view> files);

std::string write_snapshot(const Model& model, std::uint64_t digest);

struct Snapshot {
  Model model;
  std::uint64_t digest = 0;
};

// Throws ParseError naming `origin` and the byte offset for a snapshot that is not one of
// this version, is cut short, or refers to a string, source, node or detail it lacks; and
// ValidationError for a graph that breaks the model's rules.
Snapshot read_snapshot(std::string_view bytes, std::string_view origin = "<snapshot>");

// The snapshot compiled into the library: the core and the national layer, as
// default_model() gives them. Generated at build time (lib/CMakeLists.txt).
extern const std::string_view default_snapshot;

}  // namespace kyoso::detail
