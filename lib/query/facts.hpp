// Facts about programs as the queries read them: a track inherits what its parent program
// states unless it states that relation itself.
#pragma once

#include <optional>
#include <span>
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

// A node's out-edges of one relation: a run of out_edges(), which is ordered by relation.
std::span<const EdgeIndex> out_edges_of(const Model&, NodeIndex, Relation);

// The edges of one relation that define a program's answer: its own, or else those of the
// nearest ancestor in `chain` (the program, then its part_of ancestors, as Lineage::chain)
// that has any. `depth` is 0 for its own, and for none.
struct DefiningEdges {
  std::span<const EdgeIndex> edges;
  std::size_t depth = 0;
};
DefiningEdges defining_edges(const Model&, std::span<const NodeIndex> chain, Relation);

// Extends `path` by one edge step.
Path extend(const Model&, Path path, EdgeIndex edge, bool forward);
Path start_at(const Model&, NodeIndex node);

// The sources of the edges along a path, appended to `out` without repeats.
void add_path_sources(const Model&, const Path&, std::vector<Source>& out);
void add_sources(const std::vector<Source>& from, std::vector<Source>& out);

// Throws Error for a negative or non-finite weight, an `inherited` above 1, or criteria
// weights that are all 0: fit() and fit_all() refuse the same weights.
void check_weights(const FitWeights&);

}  // namespace kyoso::detail
