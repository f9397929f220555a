// The cost of "what if" on the embedded model: applying a scenario (which shares the base's
// node records instead of copying them), and simulating COI-NEXT. Run:
// build/bin/kyoso_scenario_bench
#include <benchmark/benchmark.h>

#include <kyoso/kyoso.hpp>

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
      .set_attribute("program/local-10000", "call", "open")
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
