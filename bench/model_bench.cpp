// Load, freeze and look-up costs of the embedded model. Run: build/bin/kyoso_bench
#include <benchmark/benchmark.h>

#include <kyoso/kyoso.hpp>

namespace {

void BM_parse_embedded(benchmark::State& state) {
  const std::string text = kyoso::to_jgf(kyoso::default_model());
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::parse_model(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_parse_embedded);

void BM_freeze_embedded(benchmark::State& state) {
  const kyoso::ModelBuilder builder = kyoso::ModelBuilder::from(kyoso::default_model());
  for (auto _ : state) benchmark::DoNotOptimize(builder.build());
}
BENCHMARK(BM_freeze_embedded);

void BM_save_embedded(benchmark::State& state) {
  const kyoso::Model& model = kyoso::default_model();
  for (auto _ : state) benchmark::DoNotOptimize(kyoso::to_jgf(model));
}
BENCHMARK(BM_save_embedded);

void BM_find_by_id(benchmark::State& state) {
  const kyoso::Model& model = kyoso::default_model();
  for (auto _ : state) benchmark::DoNotOptimize(model.find("program/coi-next/full-scale/regional"));
}
BENCHMARK(BM_find_by_id);

void BM_neighbors_both(benchmark::State& state) {
  const kyoso::Model& model = kyoso::default_model();
  const kyoso::NodeIndex coi_next = model.resolve("program/coi-next");
  for (auto _ : state) benchmark::DoNotOptimize(model.neighbors(coi_next, kyoso::Direction::both));
}
BENCHMARK(BM_neighbors_both);

}  // namespace
