// The frozen representation behind Model; shared by the model, io and query code.
#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

// Adjacency in Boost's compressed sparse row form: compact, immutable, and bidirectional so
// that in-edges cost one index per edge. Edge descriptors' idx is our EdgeIndex, because
// edges are stored sorted by source.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                 boost::no_property, boost::no_property, NodeIndex,
                                                 EdgeIndex>;

struct Model::Impl {
  ModelInfo info;
  std::vector<Node> nodes;          // sorted by id; NodeIndex = position
  std::vector<Edge> edges;          // sorted by (source, relation, target)
  std::vector<EdgeDetail> details;  // [0] is the empty detail
  std::vector<EdgeIndex> edge_ids;  // 0 … m-1, so out-edges can be handed out as spans
  std::array<std::vector<NodeIndex>, kind_count> by_kind;
  Graph graph;

  const Graph& adjacency() const { return graph; }
};

// The Impl behind a Model, for library code that runs Boost.Graph algorithms on it.
const Model::Impl& impl_of(const Model&);

}  // namespace kyoso
