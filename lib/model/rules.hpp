// The rules each node and edge must keep on its own (docs/format.md, "Rules checked on
// loading"). The builder checks them for the whole graph at build(); scenarios check them edit
// by edit, so that a scenario's error names the first edit that breaks one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// The longest node id: ids are repeated in every path and message, so a megabyte-long one
// would make every answer that names it a megabyte.
inline constexpr std::size_t max_id_bytes = 256;

// What is wrong with the id by the grammar of docs/format.md ('kind/slug'); empty if nothing.
std::string id_problem(std::string_view id);

// The calls of a program are dated (Node::calls); the undated attribute of older files is
// refused wherever a node is made: read, built in code, or edited by a scenario.
inline constexpr std::string_view undated_call_problem =
    "the \"call\" attribute was replaced by \"calls\", dated by fiscal year (docs/format.md), "
    "e.g. \"calls\": [{\"status\": \"open\", \"fiscal_year\": 2024}]; in a scenario, set "
    "calls@<fiscal year>/status";

// What is wrong with the node by itself (id, kind prefix, names, figures, the undated call
// attribute, calls); empty if nothing.
std::string node_problem(const Node&);

// What is wrong with the edge between nodes of these kinds (the relation's signature, a
// self-loop, the fiscal year's range); empty if nothing.
std::string edge_problem(Relation, std::string_view source, std::string_view target,
                         std::optional<int> fiscal_year, Kind source_kind, Kind target_kind);

}  // namespace kyoso::detail
