// The frozen representation behind Model; shared by the model, io and query code.
#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <memory>
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
  // Sorted by id; NodeIndex = position. Node records and edge details are shared, never
  // copied, between a model and the models derived from it (ModelBuilder::from, scenarios):
  // deriving a model costs a pointer per node, not its texts and sources (a reform that
  // deep-copies the whole system was policyengine-core's worst performance bug, #397).
  std::vector<std::shared_ptr<const Node>> nodes;
  // Sorted by (source, relation, target).
  std::vector<Edge> edges;
  // [0] is the empty detail.
  std::vector<std::shared_ptr<const EdgeDetail>> details;
  std::vector<EdgeIndex> edge_ids;  // 0 … m-1, so out-edges can be handed out as spans
  std::array<std::vector<NodeIndex>, kind_count> by_kind;
  Graph graph;

  const Graph& adjacency() const { return graph; }
};

// The Impl behind a Model, for library code that runs Boost.Graph algorithms on it.
const Model::Impl& impl_of(const Model&);

}  // namespace kyoso
