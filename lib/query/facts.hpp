// Facts about programs as the queries read them: a track inherits what its parent program
// states unless it states that relation itself.
#pragma once

#include <optional>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"

namespace kyoso::detail {

// The program and its part_of ancestors, nearest first; paths[i] leads from the program to
// chain[i] along part_of edges.
struct Lineage {
  std::vector<NodeIndex> chain;
  std::vector<Path> paths;
};
Lineage lineage_of(const Model&, NodeIndex program);

// The edges of one relation that define a program's answer: its own, or else those of the
// nearest ancestor that has any. `depth` is 0 for its own.
struct DefiningEdges {
  std::vector<EdgeIndex> edges;
  std::size_t depth = 0;
  Path via;  // from the program to the node that states them
};
DefiningEdges defining_edges(const Model&, const Lineage&, Relation);

// Extends `path` by one edge step.
Path extend(const Model&, Path path, EdgeIndex edge, bool forward);
Path start_at(const Model&, NodeIndex node);

// The sources of the edges along a path, appended to `out` without repeats.
void add_path_sources(const Model&, const Path&, std::vector<Source>& out);
void add_sources(const std::vector<Source>& from, std::vector<Source>& out);

}  // namespace kyoso::detail
