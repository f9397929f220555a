#include "model/names.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

#include "model/rules.hpp"
#include "model/suggest.hpp"

namespace kyoso::detail {
namespace {

// One UTF-8 sequence at `at`: its code point and length. A byte that starts no valid
// sequence stands for itself, so that any bytes compare without throwing.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(at);
  std::size_t length = c < 0x80           ? 1
                       : (c >> 5) == 0x6  ? 2
                       : (c >> 4) == 0xE  ? 3
                       : (c >> 3) == 0x1E ? 4
                                          : 0;
  if (length <= 1 || at + length > s.size()) return {c, 1};
  char32_t cp = c & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {c, 1};
    cp = (cp << 6) | (byte(at + i) & 0x3F);
  }
  return {cp, length};
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, length] = decode(s, i);
    out.push_back(cp);
    i += length;
  }
  return out;
}

std::string_view slug_of(std::string_view id) {
  auto slash = id.find('/');
  return slash == std::string_view::npos ? id : id.substr(slash + 1);
}

// "coi-next" of "共創の場形成支援プログラム(coi-next)", normalised already.
std::string_view short_form(std::string_view name) {
  if (!name.ends_with(')')) return {};
  auto open = name.rfind('(');
  if (open == std::string_view::npos) return {};
  std::string_view inside = name.substr(open + 1, name.size() - open - 2);
  bool plain = inside.size() >= 2 && std::all_of(inside.begin(), inside.end(), [](char c) {
                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
               });
  return plain ? inside : std::string_view{};
}

}  // namespace

std::string normalize_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, length] = decode(text, i);
    std::string_view bytes = text.substr(i, length);
    i += length;
    if (cp == 0x3000 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      out += bytes;
    }
  }
  return out;
}

namespace {

// 岩手 of 岩手県, 東北 of 東北地方: how prefectures and regions are named in running text.
std::string_view without_suffix(const Node& node, std::string_view name) {
  static constexpr std::string_view prefecture[] = {"県", "府", "都"};
  static constexpr std::string_view region[] = {"地方"};
  std::span<const std::string_view> suffixes;
  if (node.kind == Kind::prefecture) suffixes = prefecture;
  if (node.kind == Kind::region) suffixes = region;
  for (std::string_view suffix : suffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> names_of(const Node& node) {
  std::vector<std::string> out{node.id, std::string(slug_of(node.id))};
  for (const std::string* name : {&node.name.ja, &node.name.en}) {
    if (name->empty()) continue;
    std::string normal = normalize_name(*name);
    if (std::string_view brief = short_form(normal); !brief.empty()) out.emplace_back(brief);
    if (std::string_view plain = without_suffix(node, normal); !plain.empty())
      out.emplace_back(plain);
    out.push_back(std::move(normal));
  }
  return out;
}

bool id_shaped(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           c == '/';
  });
}

std::size_t text_distance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x = code_points(a);
  std::vector<char32_t> y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::vector<NodeIndex> nearest_nodes(const Model& model, std::string_view text,
                                     std::span<const NodeIndex> among, std::size_t limit) {
  const std::string wanted = normalize_name(text);
  const std::size_t length = code_points(wanted).size();
  // Longer than any id may be: no misspelling of one, and not worth comparing with names.
  if (text.size() > max_id_bytes) return {};
  // More than half the text changed is no longer a misspelling.
  const std::size_t cutoff = std::max<std::size_t>(2, length / 2);
  // (how, distance, how much longer the name is, index): a name the text starts comes first,
  // then one it is inside, then a near spelling; the closer in length the better.
  using Rank = std::tuple<int, std::size_t, std::size_t, NodeIndex>;
  std::vector<Rank> near;
  for (NodeIndex i : among) {
    std::optional<Rank> best;
    for (const std::string& name : names_of(model.node(i))) {
      std::size_t size = code_points(name).size();
      std::size_t longer = size > length ? size - length : length - size;
      int how = 2;
      std::size_t d = 0;
      if (length >= 2 && name.starts_with(wanted)) {
        how = 0;
      } else if (length >= 2 && name.find(wanted) != std::string::npos) {
        how = 1;
      } else if (longer > cutoff || (d = text_distance(wanted, name)) > cutoff) {
        // The distance is at least the difference in length: no need to compute it.
        continue;
      }
      Rank rank{how, d, longer, i};
      if (!best || rank < *best) best = rank;
    }
    if (best) near.push_back(*best);
  }
  std::sort(near.begin(), near.end());
  std::vector<NodeIndex> out;
  for (std::size_t k = 0; k < near.size() && k < limit; ++k) out.push_back(std::get<3>(near[k]));
  return out;
}

std::string describe_node(const Node& node) {
  std::string out = node.id;
  if (!node.name.ja.empty()) out += " " + node.name.ja;
  return out;
}

}  // namespace kyoso::detail
