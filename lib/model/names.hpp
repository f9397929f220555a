// Names as users type them: a node is found by its id, its slug, its Japanese or English name
// or the short form in its name's brackets, compared after the same normalisation. Model::resolve
// and the find query (lib/query/find.cpp) share these rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// The text as names are compared: full-width ASCII as ASCII, the ideographic space as a
// space, ASCII letters lower-case, each run of spaces as one, none at either end.
std::string normalize_name(std::string_view text);

// What a node answers to, each normalised: its id, its slug, its names, and a short form in
// brackets at the end of a name ("COI-NEXT" of 共創の場形成支援プログラム（COI-NEXT）). A short
// form is ASCII letters, digits and hyphens, so that a bracketed remark is not one. A
// prefecture also answers to its name without 県, 府 or 都 (岩手), a region without 地方 (東北).
std::vector<std::string> names_of(const Node& node);

// Whether `text` looks like an id or a slug (lower-case ASCII letters, digits, - _ . /),
// rather than a name.
bool id_shaped(std::string_view text);

// Levenshtein distance in code points (a kanji is one step, not three).
std::size_t text_distance(std::string_view a, std::string_view b);

// Up to `limit` nodes of `among` nearest to `text` by id, slug or name, nearest first, then by
// id; none that is not reasonably close. A name that contains the text, or that the text
// starts, counts as near.
std::vector<NodeIndex> nearest_nodes(const Model& model, std::string_view text,
                                     std::span<const NodeIndex> among, std::size_t limit);

// "university/iwate 岩手大学 (university)", for messages.
std::string describe_node(const Node& node);

}  // namespace kyoso::detail
