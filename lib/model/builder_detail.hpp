// What the library's loaders add to ModelBuilder: edges without a string copy of each end,
// and places given by position rather than a JSON pointer per edge. A million-edge file
// would otherwise cost four million small strings (bench/README.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// As ModelBuilder::add_edge; the ends are interned, not kept per edge.
void add_edge(ModelBuilder&, std::string_view source, std::string_view target, Relation, Certainty,
              std::optional<int> fiscal_year, EdgeDetail&& detail, std::string where = {});

// As add_node and add_edge, sharing a record of another model rather than copying it (layers
// merged by merge_layers: most of a layer's nodes and edges go over unchanged).
void add_shared_node(ModelBuilder&, std::shared_ptr<const Node> node);
void add_shared_edge(ModelBuilder&, std::string_view source, std::string_view target, Relation,
                     Certainty, std::optional<int> fiscal_year,
                     std::shared_ptr<const EdgeDetail> detail);

// From now on, edge i (counting every edge added) is at `prefix` followed by i in error
// messages; the `where` given to add_edge is ignored. For a file's "/graph/edges/".
void place_edges_by_position(ModelBuilder&, std::string prefix);

// The node with this id, to change in place, its place in errors now `where`; null when there
// is none. A record shared with a model (the one the builder came from, or one it built) is
// copied first, once, so many edits of one node cost one copy. Valid until the next edit.
Node* edit_node(ModelBuilder&, std::string_view id, std::string where);

}  // namespace kyoso::detail
