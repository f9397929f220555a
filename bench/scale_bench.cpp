// Load, freeze, fit, batch fit, path, diagnose, scenario apply and simulate at three sizes:
// the embedded FY2024 model (~200 edges), a synthetic 10k-edge model and a synthetic 1M-edge
// one (1,000 universities, 200 programs, 100,000 stakeholders). The synthetic files are made
// by `kyoso synth` into the build tree (target bench_models; `make bench` builds it first).
// Run: build/bin/kyoso_scale_bench; bench/README.md has the figures.
#include <benchmark/benchmark.h>

#include <boost/json/basic_parser_impl.hpp>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <map>

namespace {

using namespace kyoso;

enum class Size { embedded, edges_10k, edges_1m };

std::filesystem::path file_of(Size size) {
  std::filesystem::path dir = KYOSO_BENCH_DIR;
  return dir / (size == Size::edges_10k ? "national-10k.jgf.json" : "national-1m.jgf.json");
}

// Each size is loaded once, on first use, and kept for every case after.
const Model* model_of(Size size, benchmark::State& state) {
  static std::map<Size, Model> loaded;
  if (size == Size::embedded) return &default_model();
  if (auto it = loaded.find(size); it != loaded.end()) return &it->second;
  if (!std::filesystem::exists(file_of(size))) {
    state.SkipWithError(
        ("no " + file_of(size).string() + ": build the bench_models target").c_str());
    return nullptr;
  }
  return &loaded.emplace(size, load_model(file_of(size))).first->second;
}

// The first generated university (the embedded ones store no profile).
std::string generated_university(const Model& model) {
  for (NodeIndex u : model.nodes_of_kind(Kind::university)) {
    if (!profile_of(model, model.node(u).id).mission.empty()) return model.node(u).id;
  }
  return {};
}

// A generated university's stored profile, or the seed's model case on the embedded model.
Profile profile_for(const Model& model, Size size) {
  if (size != Size::embedded) return profile_of(model, generated_university(model));
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {"purpose/social-implementation"};
  return p;
}

// Reading, parsing, checking and freezing a model file; the embedded model is parsed from its
// text, there being no file.
void BM_load(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  std::string text = size == Size::embedded ? to_jgf(default_model()) : std::string();
  for (auto _ : state) {
    benchmark::DoNotOptimize(size == Size::embedded ? parse_model(text)
                                                    : load_model(file_of(size)));
  }
  Model::Memory memory = model->memory();
  auto edges = static_cast<double>(model->edge_count());
  auto bytes = size == Size::embedded ? text.size() : std::filesystem::file_size(file_of(size));
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["model_MB"] = static_cast<double>(memory.total()) / 1e6;
  state.counters["graph_B/edge"] = static_cast<double>(memory.graph) / edges;
  state.counters["model_B/edge"] = static_cast<double>(memory.total()) / edges;
}

// The floor under any JSON loader: reading the file and Boost.JSON's tokenizer (with its UTF-8
// check) over it, with a handler that keeps nothing. BM_load less this is what kyoso's own
// reading, checking and freezing cost.
struct NullHandler {
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  using ec = boost::json::error_code;
  using sv = boost::json::string_view;
  bool on_document_begin(ec&) { return true; }
  bool on_document_end(ec&) { return true; }
  bool on_array_begin(ec&) { return true; }
  bool on_array_end(std::size_t, ec&) { return true; }
  bool on_object_begin(ec&) { return true; }
  bool on_object_end(std::size_t, ec&) { return true; }
  bool on_string_part(sv, std::size_t, ec&) { return true; }
  bool on_string(sv, std::size_t, ec&) { return true; }
  bool on_key_part(sv, std::size_t, ec&) { return true; }
  bool on_key(sv, std::size_t, ec&) { return true; }
  bool on_number_part(sv, ec&) { return true; }
  bool on_int64(std::int64_t, sv, ec&) { return true; }
  bool on_uint64(std::uint64_t, sv, ec&) { return true; }
  bool on_double(double, sv, ec&) { return true; }
  bool on_bool(bool, ec&) { return true; }
  bool on_null(ec&) { return true; }
  bool on_comment_part(sv, ec&) { return true; }
  bool on_comment(sv, ec&) { return true; }
};

void BM_json_floor(benchmark::State& state, Size size) {
  std::string text;
  if (size == Size::embedded) text = to_jgf(default_model());
  for (auto _ : state) {
    if (size != Size::embedded) {
      std::ifstream in(file_of(size), std::ios::binary);
      text.resize(std::filesystem::file_size(file_of(size)));
      in.read(text.data(), static_cast<std::streamsize>(text.size()));
    }
    boost::json::basic_parser<NullHandler> parser({});
    boost::json::error_code ec;
    benchmark::DoNotOptimize(parser.write_some(false, text.data(), text.size(), ec));
    if (ec) state.SkipWithError("the file is not JSON");
  }
}

void BM_freeze(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  const ModelBuilder builder = ModelBuilder::from(*model);
  for (auto _ : state) benchmark::DoNotOptimize(builder.build());
}

void BM_fit_single(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  const Profile profile = profile_for(*model, size);
  for (auto _ : state) benchmark::DoNotOptimize(fit(*model, profile));
  state.counters["programs"] = static_cast<double>(model->nodes_of_kind(Kind::program).size());
}

// fit()'s ranking alone for one profile: rank(), for sweeps over many profiles or scenarios.
void BM_rank_single(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  const Profile profile = profile_for(*model, size);
  for (auto _ : state) benchmark::DoNotOptimize(rank(*model, profile));
  state.counters["programs"] = static_cast<double>(model->nodes_of_kind(Kind::program).size());
}

// Copying a finished fit() answer: the allocations that building every explanation takes at
// the least, whatever fit() does to reach it (bench/README.md, single fit).
void BM_fit_copy(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  const FitResult answer = fit(*model, profile_for(*model, size));
  for (auto _ : state) benchmark::DoNotOptimize(FitResult(answer));
}

// Every university against every program, on `threads` threads (0: one per core).
void BM_fit_all(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(fit_all(*model, {}, threads));
  state.counters["universities"] =
      static_cast<double>(model->nodes_of_kind(Kind::university).size());
}

// The same answers one university at a time through fit(), with every explanation built:
// what a loop over `kyoso fit` would cost, and why fit_all exists.
void BM_fit_each(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  for (auto _ : state) {
    for (NodeIndex u : model->nodes_of_kind(Kind::university)) {
      benchmark::DoNotOptimize(fit(*model, profile_of(*model, model->node(u).id)));
    }
  }
}

// A university to a stakeholder it is not linked to, any direction: the question "how is
// this university connected to that company".
void BM_path(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  PathQuery q;
  if (size == Size::embedded) {
    q.from = "university/hirosaki";
    q.to = "program/coi-next";
  } else {
    q.from = generated_university(*model);
    q.to = size == Size::edges_10k ? "stakeholder/s0999" : "stakeholder/s099999";
  }
  q.max_length = 100;
  q.max_paths = 1;
  std::size_t length = 0;
  for (auto _ : state) {
    PathResult r = shortest_paths(*model, q);
    length = r.length.value_or(0);
    benchmark::DoNotOptimize(r);
  }
  state.counters["length"] = static_cast<double>(length);
}

void BM_diagnose(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  DiagnoseQuery q;
  q.stage = "stage/1";
  q.text = "トップマネジメント";
  for (auto _ : state) benchmark::DoNotOptimize(diagnose(*model, q));
}

// A what-if on the whole model: COI-NEXT's FY2025 budget cut. apply() rebuilds and checks the
// derived model, so it costs about a freeze, while sharing the base's node records.
void BM_scenario_apply(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  Scenario cut("budget_cut");
  cut.set_budget("program/coi-next", 2025, 12'000'000'000);
  for (auto _ : state) benchmark::DoNotOptimize(apply(*model, cut));
}

// COI-NEXT's tracks over ten years, 1,000 Monte Carlo runs. It reads one program's figures;
// what grows with the model is malloc's work in the heap a large model leaves behind.
void BM_simulate(benchmark::State& state, Size size) {
  const Model* model = model_of(size, state);
  if (!model) return;
  SimulationOptions options;
  options.runs = 1'000;
  for (auto _ : state) benchmark::DoNotOptimize(simulate(*model, "program/coi-next", options));
}

constexpr auto ms = benchmark::kMillisecond;
constexpr auto us = benchmark::kMicrosecond;

// Registered (and so run) smallest size first: once the 1M-edge model is loaded it stays in
// memory, and the heap it leaves behind slows the small cases' allocations about twofold.
BENCHMARK_CAPTURE(BM_load, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_json_floor, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_freeze, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_fit_single, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_rank_single, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_fit_copy, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_fit_all, embedded, Size::embedded)->Arg(1)->Arg(0)->Unit(us)->UseRealTime();
BENCHMARK_CAPTURE(BM_path, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_diagnose, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_scenario_apply, embedded, Size::embedded)->Unit(us);
BENCHMARK_CAPTURE(BM_simulate, embedded, Size::embedded)->Unit(ms);

BENCHMARK_CAPTURE(BM_load, 10k, Size::edges_10k)->Unit(ms);
BENCHMARK_CAPTURE(BM_json_floor, 10k, Size::edges_10k)->Unit(ms);
BENCHMARK_CAPTURE(BM_freeze, 10k, Size::edges_10k)->Unit(ms);
BENCHMARK_CAPTURE(BM_fit_single, 10k, Size::edges_10k)->Unit(us);
BENCHMARK_CAPTURE(BM_rank_single, 10k, Size::edges_10k)->Unit(us);
BENCHMARK_CAPTURE(BM_fit_all, 10k, Size::edges_10k)->Arg(1)->Arg(0)->Unit(ms)->UseRealTime();
BENCHMARK_CAPTURE(BM_fit_each, 10k, Size::edges_10k)->Unit(ms);
BENCHMARK_CAPTURE(BM_path, 10k, Size::edges_10k)->Unit(us);
BENCHMARK_CAPTURE(BM_diagnose, 10k, Size::edges_10k)->Unit(us);
BENCHMARK_CAPTURE(BM_scenario_apply, 10k, Size::edges_10k)->Unit(ms);
BENCHMARK_CAPTURE(BM_simulate, 10k, Size::edges_10k)->Unit(ms);

BENCHMARK_CAPTURE(BM_load, 1m, Size::edges_1m)->Unit(ms)->Iterations(1);
BENCHMARK_CAPTURE(BM_json_floor, 1m, Size::edges_1m)->Unit(ms)->Iterations(1);
BENCHMARK_CAPTURE(BM_freeze, 1m, Size::edges_1m)->Unit(ms)->Iterations(1);
BENCHMARK_CAPTURE(BM_fit_single, 1m, Size::edges_1m)->Unit(us);
BENCHMARK_CAPTURE(BM_rank_single, 1m, Size::edges_1m)->Unit(us);
BENCHMARK_CAPTURE(BM_fit_all, 1m, Size::edges_1m)->Arg(1)->Arg(0)->Unit(ms)->UseRealTime();
BENCHMARK_CAPTURE(BM_fit_each, 1m, Size::edges_1m)->Unit(ms)->Iterations(1);
BENCHMARK_CAPTURE(BM_path, 1m, Size::edges_1m)->Unit(ms);
BENCHMARK_CAPTURE(BM_diagnose, 1m, Size::edges_1m)->Unit(us);
BENCHMARK_CAPTURE(BM_scenario_apply, 1m, Size::edges_1m)->Unit(ms)->Iterations(1);
BENCHMARK_CAPTURE(BM_simulate, 1m, Size::edges_1m)->Unit(ms);

}  // namespace
