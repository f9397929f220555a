// The cost of "what if" on the embedded model: applying a scenario (which shares the base's
// node records instead of copying them), and simulating COI-NEXT. Run:
// build/bin/kyoso_scenario_bench
#include <benchmark/benchmark.h>

#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <span>
#include <vector>

namespace {

kyoso::Scenario budget_cut() {
  kyoso::Scenario s("budget_cut");
  s.set_budget("program/coi-next", 2025, 12'000'000'000);
  return s;
}

// Every op once: a figure, an attribute, a node added and removed, edges added and removed.
kyoso::Scenario every_op() {
  kyoso::Node n;
  n.id = "program/startup-hub";
  n.kind = kyoso::Kind::program;
  n.name = {"地域大学発スタートアップ創出拠点形成事業（仮想）", "Start-up hub (hypothetical)"};
  kyoso::Scenario s("every_op");
  s.set_budget("program/coi-next", 2025, 12'000'000'000)
      .set("program/local-10000", "calls@2024/status", std::string("open"))
      .add_node(n)
      .add_edge("program/startup-hub", "mission/regional-revitalization", kyoso::Relation::targets)
      .add_edge("program/local-10000", "applicant/university", kyoso::Relation::applied_by)
      .remove_edge("program/coi-next", "program/j-peaks", kyoso::Relation::considers)
      .remove_node("program/opera");
  return s;
}

void BM_apply_budget_cut(benchmark::State& state) {
  const kyoso::Model& base = kyoso::default_model();
  const kyoso::Scenario s = budget_cut();
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::apply(base, s));
}
BENCHMARK(BM_apply_budget_cut)->Unit(benchmark::kMicrosecond);

void BM_apply_every_op(benchmark::State& state) {
  const kyoso::Model& base = kyoso::default_model();
  const kyoso::Scenario s = every_op();
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::apply(base, s));
}
BENCHMARK(BM_apply_every_op)->Unit(benchmark::kMicrosecond);

// The floor under apply: a builder from the base and a new model, with no edit. Every rule is
// checked again over the whole graph, but no node record is copied.
void BM_rebuild_from_base(benchmark::State& state) {
  const kyoso::Model& base = kyoso::default_model();
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::ModelBuilder::from(base).build());
}
BENCHMARK(BM_rebuild_from_base)->Unit(benchmark::kMicrosecond);

// A national-scale base (300,000 edges) and N edits, each naming an edge or node by its ids:
// the builder finds them through the base's adjacency and an index of added edges, so the
// time is the rebuild (BM_rebuild_national, the floor) plus a constant per edit. A scan per
// edit made 16,000 removals take seconds here (bench/README.md has both).
const kyoso::Model& national() {
  static const kyoso::Model model = [] {
    kyoso::SynthOptions o;
    o.universities = 1'000;
    o.programs = 200;
    o.stakeholders = 20'000;
    o.edges = 300'000;
    return kyoso::synthesize(o);
  }();
  return model;
}

// N collaborates_with edges of the base, spread over it, removed.
kyoso::Scenario remove_edges(const kyoso::Model& base, std::size_t n) {
  std::vector<kyoso::EdgeIndex> links;
  for (kyoso::EdgeIndex i = 0; i < base.edge_count(); ++i) {
    if (base.edge(i).relation == kyoso::Relation::collaborates_with) links.push_back(i);
  }
  kyoso::Scenario s("remove_edges");
  for (std::size_t k = 0; k < n; ++k) {
    const kyoso::Edge& e = base.edge(links[k * links.size() / n]);
    s.remove_edge(base.node(e.source).id, base.node(e.target).id, e.relation);
  }
  return s;
}

// N stakeholders removed, with every edge at them.
kyoso::Scenario remove_nodes(const kyoso::Model& base, std::size_t n) {
  std::span<const kyoso::NodeIndex> stakeholders = base.nodes_of_kind(kyoso::Kind::stakeholder);
  kyoso::Scenario s("remove_nodes");
  for (std::size_t k = 0; k < n; ++k) {
    s.remove_node(base.node(stakeholders[k * stakeholders.size() / n]).id);
  }
  return s;
}

void BM_apply_edits_national(benchmark::State& state) {
  const kyoso::Model& base = national();
  auto n = static_cast<std::size_t>(state.range(0));
  const kyoso::Scenario s = remove_edges(base, n);
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::apply(base, s));
}
BENCHMARK(BM_apply_edits_national)
    ->Arg(1'000)
    ->Arg(4'000)
    ->Arg(16'000)
    ->Arg(64'000)
    ->Unit(benchmark::kMillisecond);

void BM_apply_node_removals_national(benchmark::State& state) {
  const kyoso::Model& base = national();
  auto n = static_cast<std::size_t>(state.range(0));
  const kyoso::Scenario s = remove_nodes(base, n);
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::apply(base, s));
}
BENCHMARK(BM_apply_node_removals_national)
    ->Arg(1'000)
    ->Arg(4'000)
    ->Arg(16'000)
    ->Unit(benchmark::kMillisecond);

void BM_rebuild_national(benchmark::State& state) {
  const kyoso::Model& base = national();
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::ModelBuilder::from(base).build());
}
BENCHMARK(BM_rebuild_national)->Unit(benchmark::kMillisecond);

void BM_parse_scenario(benchmark::State& state) {
  const std::string text = kyoso::to_json(every_op());
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::parse_scenario(text));
}
BENCHMARK(BM_parse_scenario)->Unit(benchmark::kMicrosecond);

void BM_simulate_coi_next(benchmark::State& state) {
  const kyoso::Model& base = kyoso::default_model();
  kyoso::SimulationOptions options;
  options.years = 10;
  options.runs = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(kyoso::simulate(base, "program/coi-next", options));
  }
}
BENCHMARK(BM_simulate_coi_next)->Arg(0)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_compare_fit_after_apply(benchmark::State& state) {
  const kyoso::Model& base = kyoso::default_model();
  const kyoso::Scenario s = every_op();
  kyoso::Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {"purpose/social-implementation"};
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::compare_fit(base, kyoso::apply(base, s), p));
}
BENCHMARK(BM_compare_fit_after_apply)->Unit(benchmark::kMicrosecond);

}  // namespace
