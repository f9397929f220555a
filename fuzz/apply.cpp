// A scenario applied to a model, both from the input: a model file, a line "---", then a
// scenario file. The model's edges are found for the scenario's edits through the builder's
// index rather than a scan (lib/model/builder.cpp); here every outcome is checked against the
// edits replayed on plain sets of ids, and the queries whose walks the index and the caps
// bound are run on what applies. A broken promise aborts; a refusal must be a kyoso::Error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <kyoso/kyoso.hpp>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "apply: %s\n%s\n", what, detail.c_str());
  std::abort();
}

using EdgeKey = std::tuple<std::string, std::string, kyoso::Relation>;

struct Graph {
  std::map<std::string, kyoso::Kind> nodes;
  std::set<EdgeKey> edges;

  explicit Graph(const kyoso::Model& m) {
    for (kyoso::NodeIndex i = 0; i < m.node_count(); ++i) {
      nodes.emplace(m.node(i).id, m.node(i).kind);
    }
    for (kyoso::EdgeIndex i = 0; i < m.edge_count(); ++i) {
      const kyoso::Edge& e = m.edge(i);
      edges.emplace(m.node(e.source).id, m.node(e.target).id, e.relation);
    }
  }

  // The edit as apply() documents it, on sets; apply() succeeded, so each edit was valid.
  void replay(const kyoso::Edit& e) {
    switch (e.op) {
      case kyoso::EditOp::set:
        break;
      case kyoso::EditOp::add_node:
        nodes.emplace(e.new_node->id, e.new_node->kind);
        break;
      case kyoso::EditOp::remove_node:
        remove(e.node);
        break;
      case kyoso::EditOp::add_edge:
        edges.emplace(e.edge->source, e.edge->target, e.edge->relation);
        break;
      case kyoso::EditOp::remove_edge:
        edges.erase(EdgeKey{e.edge->source, e.edge->target, e.edge->relation});
        break;
    }
  }

  // A program goes with every program part_of it, level after level (docs/scenarios.md).
  void remove(const std::string& id) {
    std::set<std::string> doomed{id};
    if (nodes.at(id) == kyoso::Kind::program) {
      for (bool grew = true; grew;) {
        grew = false;
        for (const auto& [source, target, relation] : edges) {
          if (relation == kyoso::Relation::part_of && doomed.contains(target) &&
              nodes.at(source) == kyoso::Kind::program) {
            grew |= doomed.insert(source).second;
          }
        }
      }
    }
    for (const std::string& gone : doomed) nodes.erase(gone);
    std::erase_if(edges, [&](const EdgeKey& k) {
      return doomed.contains(std::get<0>(k)) || doomed.contains(std::get<1>(k));
    });
  }

  friend bool operator==(const Graph&, const Graph&) = default;
};

// Every walk the limits bound, from the first program and the first stage, if any.
void query(const kyoso::Model& m) {
  using namespace kyoso;
  std::span<const NodeIndex> programs = m.nodes_of_kind(Kind::program);
  std::span<const NodeIndex> stages = m.nodes_of_kind(Kind::stage);
  Profile p;
  if (!stages.empty()) p.stage = m.node(stages.front()).id;
  if (!programs.empty() && !p.stage.empty()) {
    (void)fit(m, p);
    (void)explain(m, m.node(programs.front()).id, p);
    (void)portfolio(m, p);
    (void)rank(m, p);
  }
  (void)fit_all(m, {}, 1);
  if (m.node_count() >= 2) {
    PathQuery q;
    q.from = m.node(0).id;
    q.to = m.node(static_cast<NodeIndex>(m.node_count() - 1)).id;
    q.max_length = 30;
    (void)shortest_paths(m, q);
    (void)neighbors(m, m.node(0).id, std::nullopt, Direction::both, 3);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t split = input.find("\n---\n");
  if (split == std::string_view::npos) return -1;
  kyoso::Model base;
  kyoso::Scenario scenario;
  try {
    base = kyoso::parse_model(input.substr(0, split), "model.json");
    scenario = kyoso::parse_scenario(input.substr(split + 5), "scenario.json");
  } catch (const kyoso::Error&) {
    return -1;  // not a model and a scenario: keep it out of the corpus
  }
  std::string before = kyoso::to_jgf(base);
  kyoso::Model derived;
  try {
    derived = kyoso::apply(base, scenario);
  } catch (const kyoso::Error&) {
    if (kyoso::to_jgf(base) != before) broken("a refused scenario changed the base", before);
    return 0;
  }
  if (kyoso::to_jgf(base) != before) broken("applying changed the base", before);
  Graph expected(base);
  for (const kyoso::Edit& e : scenario.edits) expected.replay(e);
  if (!(Graph(derived) == expected)) {
    broken("the derived model's nodes or edges differ from the edits replayed",
           kyoso::to_json(scenario));
  }
  try {
    query(derived);
  } catch (const kyoso::Error&) {
  }
  return 0;
}
