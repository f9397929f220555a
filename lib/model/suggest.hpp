// "Did you mean" suggestions for misspelt ids.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace kyoso {

// Levenshtein distance, in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `id`: compared whole and by slug (the part after the kind), so
// "regional-revitalisation" finds "mission/regional-revitalization". Empty if nothing is
// reasonably close.
std::string nearest_id(std::string_view id, std::span<const std::string_view> candidates);

}  // namespace kyoso
