// The model's edges as a Boost.Graph graph, for Boost's writers (DOT, GraphML). Made on each
// export: the model keeps its own adjacency, and an export writes every edge anyway.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <utility>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// A vertex is a NodeIndex; an edge descriptor's edge_index is its EdgeIndex, because the
// model's edges are sorted by source and kept in that order.
using BoostGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, NodeIndex, EdgeIndex>;

inline BoostGraph boost_graph(const Model& model) {
  std::vector<std::pair<NodeIndex, NodeIndex>> pairs;
  pairs.reserve(model.edge_count());
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    const Edge& e = model.edge(i);
    pairs.emplace_back(e.source, e.target);
  }
  return BoostGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(),
                    static_cast<NodeIndex>(model.node_count()));
}

}  // namespace kyoso::detail
