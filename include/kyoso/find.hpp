// Finding nodes by what users know of them: a part of an id or of a Japanese or English name.
// The rules for comparing names are Model::resolve's (model.hpp): ASCII case and full-width
// forms do not matter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

// How well a node answers to the text, best first.
enum class MatchQuality : std::uint8_t {
  exact,      // the whole id, slug, name or bracketed short form
  prefix,     // the start of one of them
  substring,  // somewhere inside one
};
std::string_view to_string(MatchQuality) noexcept;  // "exact", "prefix", "substring"

struct Match {
  std::string id;
  Kind kind = Kind::program;
  Text name;
  MatchQuality quality = MatchQuality::exact;
  std::string matched;  // what matched best: "id", "name.ja", "name.en"
  // Where the node belongs, to tell like names apart: a university's prefecture, a
  // prefecture's region, a track's program; empty otherwise.
  std::string context;
  Text context_name;
  friend bool operator==(const Match&, const Match&) = default;
};

// Every node (of `kind`, when given) whose id or name contains `text`: exact matches first,
// then prefixes, then the rest; within each by kind (the vocabulary's order), then the
// shorter matched name, then id. Throws Error for a text that is empty after normalising.
std::vector<Match> find_nodes(const Model&, std::string_view text,
                              std::optional<Kind> kind = std::nullopt);

// Every node of the kind in id order, each with its context as find_nodes() gives it (the
// quality exact, `matched` empty): what `kyoso list KIND` shows.
std::vector<Match> nodes_of_kind(const Model&, Kind kind);

}  // namespace kyoso
