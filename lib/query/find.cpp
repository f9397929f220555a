// find: nodes by a part of their id or name, by the rules Model::resolve compares names with
// (lib/model/names.hpp).
#include "kyoso/find.hpp"

#include <algorithm>
#include <tuple>

#include "kyoso/error.hpp"
#include "model/names.hpp"

namespace kyoso {

std::string_view to_string(MatchQuality q) noexcept {
  switch (q) {
    case MatchQuality::exact:
      return "exact";
    case MatchQuality::prefix:
      return "prefix";
    case MatchQuality::substring:
      return "substring";
  }
  return "?";
}

namespace {

// A place to tell like names apart: the first of these edges the node has.
void add_context(const Model& model, NodeIndex v, Match& m) {
  for (Relation r : {Relation::located_in, Relation::in_region, Relation::part_of}) {
    for (const Step& s : model.neighbors(v, Direction::out, r)) {
      m.context = model.node(s.node).id;
      m.context_name = model.node(s.node).name;
      return;
    }
  }
}

struct Candidate {
  MatchQuality quality = MatchQuality::substring;
  std::size_t length = 0;  // of what matched: the shorter, the closer
  std::string matched;
};

// The best way the node answers to `wanted`, if any. names_of() lists the id, the slug, then
// each name's short form before the name.
std::optional<Candidate> best_match(const Node& node, const std::string& wanted) {
  std::vector<std::string> names = detail::names_of(node);
  std::optional<Candidate> best;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    std::size_t at = name.find(wanted);
    if (at == std::string::npos) continue;
    Candidate c;
    c.quality = name.size() == wanted.size() ? MatchQuality::exact
                : at == 0                    ? MatchQuality::prefix
                                             : MatchQuality::substring;
    c.length = name.size();
    bool ja = !node.name.ja.empty() && name == detail::normalize_name(node.name.ja);
    bool en = !node.name.en.empty() && name == detail::normalize_name(node.name.en);
    c.matched = i < 2 ? "id" : ja ? "name.ja" : en ? "name.en" : "short";
    if (!best || std::tie(c.quality, c.length) < std::tie(best->quality, best->length)) best = c;
  }
  return best;
}

}  // namespace

std::vector<Match> find_nodes(const Model& model, std::string_view text, std::optional<Kind> kind) {
  const std::string wanted = detail::normalize_name(text);
  if (wanted.empty()) throw Error("find needs a text to look for");
  std::vector<std::tuple<MatchQuality, Kind, std::size_t, NodeIndex, std::string>> found;
  for (NodeIndex v = 0; v < model.node_count(); ++v) {
    const Node& node = model.node(v);
    if (kind && node.kind != *kind) continue;
    if (auto c = best_match(node, wanted)) {
      found.emplace_back(c->quality, node.kind, c->length, v, std::move(c->matched));
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<Match> out;
  out.reserve(found.size());
  for (auto& [quality, node_kind, length, v, matched] : found) {
    const Node& node = model.node(v);
    Match m{node.id, node_kind, node.name, quality, std::move(matched), {}, {}};
    add_context(model, v, m);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<Match> nodes_of_kind(const Model& model, Kind kind) {
  std::vector<Match> out;
  for (NodeIndex v : model.nodes_of_kind(kind)) {
    const Node& node = model.node(v);
    Match m{node.id, node.kind, node.name, MatchQuality::exact, {}, {}, {}};
    add_context(model, v, m);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kyoso
