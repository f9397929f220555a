// Sweep throughput: points per second of a 10-year COI-NEXT simulation with 100 Monte Carlo
// runs per point (a budget, a promotion rate and a per-site amount varied by a Latin
// hypercube), on one thread and on every core. Run: build/bin/kyoso_sweep_bench
#include <benchmark/benchmark.h>

#include <kyoso/kyoso.hpp>
#include <thread>

namespace {

// The sweep bench/peers/sweep_peer.py writes in Python, with `samples` points.
kyoso::Sweep coi_next_sweep(std::size_t samples) {
  return kyoso::parse_sweep(R"({
    "schema": "kyoso.sweep/1",
    "name": "bench",
    "parameters": [
      {"name": "budget_2025", "node": "program/coi-next", "path": "figures/budget@2025/value",
       "range": [10000000000, 16000000000]},
      {"name": "promotion_rate", "option": "promotion_rate", "range": [0.35, 0.75]},
      {"name": "full_scale_amount", "node": "program/coi-next/full-scale",
       "path": "figures/funding_per_site/value", "range": [250000000, 400000000]}
    ],
    "design": {"kind": "latin-hypercube", "samples": )" +
                            std::to_string(samples) + R"(},
    "seed": 2025,
    "query": {"simulate": {"program": "program/coi-next", "years": 10, "start_fy": 2025,
                           "runs": 100}}
  })");
}

void run_sweep(benchmark::State& state, unsigned threads) {
  const kyoso::SweepRunner runner(kyoso::default_model(), coi_next_sweep(256));
  std::size_t points = 0;
  for (auto _ : state) {
    runner.run(
        {.threads = threads, .stop_on_error = false, .progress = {}},
        [&](const kyoso::SweepRow& row) { benchmark::DoNotOptimize(row.quantities.data()); });
    points += runner.size();
  }
  state.counters["points/s"] =
      benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
  state.counters["threads"] = threads;
}

void BM_sweep_one_thread(benchmark::State& state) { run_sweep(state, 1); }
void BM_sweep_all_threads(benchmark::State& state) {
  run_sweep(state, std::max(1u, std::thread::hardware_concurrency()));
}

// One point alone: the scenario applied, the simulation, the row recorded.
void BM_sweep_point(benchmark::State& state) {
  const kyoso::SweepRunner runner(kyoso::default_model(), coi_next_sweep(256));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(runner.run(i++ % runner.size()));
}

}  // namespace

BENCHMARK(BM_sweep_one_thread)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_sweep_all_threads)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_sweep_point)->Unit(benchmark::kMicrosecond);
