// The frozen representation behind Model; shared by the model, io and query code.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

struct Model::Impl {
  ModelInfo info;
  // Sorted by id; NodeIndex = position. Node records and edge details are shared, never
  // copied, between a model and the models derived from it (ModelBuilder::from, scenarios):
  // deriving a model costs a pointer per node, not its texts and sources (a reform that
  // deep-copies the whole system was policyengine-core's worst performance bug, #397).
  std::vector<std::shared_ptr<const Node>> nodes;
  // Sorted by (source, relation, target), so a node's out-edges are one run of them.
  std::vector<Edge> edges;
  // [0] is the empty detail.
  std::vector<std::shared_ptr<const EdgeDetail>> details;
  std::array<std::vector<NodeIndex>, kind_count> by_kind;

  // Adjacency in compressed sparse row form: node v's out-edges are the edges
  // [out_start[v], out_start[v + 1]), handed out as that run of edge_ids (0 … m-1); its
  // in-edges are in_edges[in_start[v] … in_start[v + 1]), in edge order. Both directions cost
  // 8 bytes per edge and 8 per node beside the edge records.
  std::vector<EdgeIndex> edge_ids;
  std::vector<EdgeIndex> out_start;  // node count + 1
  std::vector<EdgeIndex> in_start;   // node count + 1
  std::vector<EdgeIndex> in_edges;
};

// The Impl behind a Model, for library code that reads the frozen records directly.
const Model::Impl& impl_of(const Model&);

// The shared record of edge i's detail, for library code that passes it on unchanged to
// another model (merge_layers).
const std::shared_ptr<const EdgeDetail>& detail_record(const Model&, EdgeIndex i);

}  // namespace kyoso
