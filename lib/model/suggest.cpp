#include "model/suggest.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <vector>

namespace kyoso {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

static std::string_view slug_of(std::string_view id) {
  auto slash = id.find('/');
  return slash == std::string_view::npos ? id : id.substr(slash + 1);
}

std::string nearest_id(std::string_view id, std::span<const std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  std::size_t best_whole = best_distance;
  for (std::string_view candidate : candidates) {
    std::size_t whole = edit_distance(id, candidate);
    std::size_t d = std::min(whole, edit_distance(slug_of(id), slug_of(candidate)));
    // A truncated id ("purpose/social") is close to what it abbreviates.
    if (!slug_of(id).empty() && slug_of(candidate).starts_with(slug_of(id)))
      d = std::min(d, std::size_t{1});
    // Of slugs equally near, the one of the kind the id names ("university/iwat").
    if (std::tie(d, whole, candidate) < std::tie(best_distance, best_whole, best)) {
      best = candidate;
      best_distance = d;
      best_whole = whole;
    }
  }
  // More than half the slug changed is no longer a misspelling.
  if (best.empty() || best_distance > std::max<std::size_t>(2, slug_of(id).size() / 2)) return {};
  return std::string(best);
}

}  // namespace kyoso
