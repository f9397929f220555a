// Sweeps: many "what if"s at once. A sweep lays a base scenario over the model, then varies a
// few parameters — a figure a scenario `set` can write (a budget, a per-site amount, a call's
// status), a simulation option (the promotion rate) or a fit weight — over a grid or a sampled
// design, and runs one query (simulate, or fit's ranking) per point on every core: hundreds to
// millions of (scenario × seed) points, one row each. Every point's Monte Carlo seed comes from the
// sweep's seed and the point's index alone, so the rows are the same bit for bit whatever the
// thread count. docs/sweeps.md describes the file format (kyoso.sweep/1) and the columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "kyoso/query.hpp"
#include "kyoso/scenario.hpp"
#include "kyoso/simulate.hpp"

namespace kyoso {

// The "schema" member of a sweep file.
inline constexpr std::string_view sweep_schema = "kyoso.sweep/1";

// One cell: empty (a failed point's quantities, a track a point does not have), a whole
// number (counts, yen), a real number (a rate, a share of runs) or a text (a call status).
using SweepValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// What a parameter varies.
enum class SweepTarget : std::uint8_t {
  edit,            // a scenario `set` of `node` at `path` (docs/scenarios.md, "Paths")
  promotion_rate,  // SimulationOptions::promotion_rate, 0–1
  budget,          // SimulationOptions::budget_jpy: every simulated year's budget
  future_budget,   // SimulationOptions::future_budget_jpy: the years after the last figure
  // fit: the FitWeights member of the same name, ≥ 0
  weight_mission,
  weight_goals,
  weight_fields,
  weight_stage,
  weight_inherited,
};
std::string_view to_string(SweepTarget) noexcept;  // "edit", "promotion_rate", …

struct SweepParameter {
  std::string name;  // its column; unique in the sweep
  SweepTarget target = SweepTarget::edit;
  std::string node;  // edit: the node's full id
  std::string path;  // edit: e.g. "figures/budget@2025/value"
  // Either the values to try (a grid; any design picks among them), or a range [min, max]
  // that random and latin-hypercube designs sample and a grid divides into `steps` values,
  // both ends included. A whole-number target rounds a sampled value to the nearest integer.
  std::vector<SweepValue> values;
  std::optional<std::pair<double, double>> range;
  std::size_t steps = 0;
};

enum class SweepDesign : std::uint8_t {
  grid,             // every combination; the first parameter varies slowest
  random,           // `samples` points, each parameter drawn independently
  latin_hypercube,  // `samples` points; each parameter's range cut into `samples` equal
                    // strata, each stratum drawn exactly once
};
std::string_view to_string(SweepDesign) noexcept;  // "grid", "random", "latin-hypercube"

// What a point records of its simulation: per track per year the sites funded (p10, p50,
// p90), per year the spending (p10, p50, p90) and the share of runs over budget, and the
// over-budget years (the mean over runs).
enum class SweepRecord : std::uint8_t { sites, spend, over_budget };
std::string_view to_string(SweepRecord) noexcept;  // "sites", "spend", "over_budget"

// The query each point runs.
enum class SweepQuery : std::uint8_t {
  simulate,  // simulate(program, options), recording `record`
  fit,       // rank(profile, weights), recording each of `programs`' rank, score, eligibility
};

struct Sweep {
  std::string name;
  std::string description;
  Scenario base;  // laid over the model before every point; may have no edits
  std::vector<SweepParameter> parameters;
  SweepDesign design = SweepDesign::grid;
  std::size_t samples = 0;  // random, latin_hypercube
  std::uint64_t seed = 0;   // the design's draws and every point's Monte Carlo seed
  SweepQuery query = SweepQuery::simulate;
  std::string program;  // simulate: the program simulated at each point
  // years, start_fy, policy, runs as `simulate` takes them; `seed` is set per point.
  SimulationOptions options;
  std::vector<SweepRecord> record{SweepRecord::sites, SweepRecord::spend, SweepRecord::over_budget};
  // fit: whose ranking — a university's stored profile (profile_of), or a profile document
  // (report.hpp, parse_profile), read against the model with the base scenario — and the
  // programs recorded. `weights` are the weights no parameter varies.
  std::string university;
  std::string profile;
  std::vector<std::string> programs;
  FitWeights weights;
  // The file read (named by errors) and its text, kept so that an error found against the
  // model names the line and column. Both may be empty for a sweep built in code.
  std::string origin;
  std::string source;
};

// Reads a kyoso.sweep/1 document (docs/sweeps.md). `base_dir` is where a base scenario named
// by path is looked for. Checks the document's shape, each parameter's form (a value the path
// takes, a range that is not empty, a grid design's every parameter gridded), and the number
// of points against limits::max_sweep_points; ids and paths are checked against a model by
// SweepRunner. Throws ParseError for text that is not JSON, ValidationError naming `origin`,
// line, column and JSON pointer otherwise.
Sweep parse_sweep(std::string_view json, std::string_view origin = "<input>",
                  const std::filesystem::path& base_dir = {});
// Reads a file; a base scenario's path is relative to the file's folder.
Sweep load_sweep(const std::filesystem::path& file);

// How many points the design has; throws ValidationError over limits::max_sweep_points.
std::size_t sweep_size(const Sweep&);

struct SweepRow {
  std::size_t index = 0;
  std::vector<SweepValue> values;  // by parameter
  std::uint64_t seed = 0;          // the point's Monte Carlo seed
  bool ok = true;
  std::string reason;                  // why it failed
  std::vector<SweepValue> quantities;  // by SweepRunner::quantities(); empty cells if failed
  friend bool operator==(const SweepRow&, const SweepRow&) = default;
};

struct SweepOptions {
  unsigned threads = 0;        // 0: std::thread::hardware_concurrency()
  bool stop_on_error = false;  // the first failed point (in point order) throws
  // The points run: [begin, end), end clamped to the sweep's size; a range lets the points be
  // shared among processes or machines, each row the same as in a run of the whole sweep.
  std::size_t begin = 0;
  std::size_t end = SIZE_MAX;
  // Called on the calling thread now and then with the points done and the total.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// A sweep checked against a model, ready to run. The constructor refuses, before any point
// runs, everything that would fail every point: a base scenario that does not apply, an
// unknown node (UnknownIdError with the nearest id), a path the node does not have, an
// unknown program or simulation options it refuses — each naming the place in the sweep
// file. A point that fails on its own values (a negative budget drawn from a range, a
// promotion rate over 1) is a failed row with its reason.
class SweepRunner {
 public:
  SweepRunner(const Model& model, Sweep sweep);
  ~SweepRunner();
  SweepRunner(const SweepRunner&) = delete;
  SweepRunner& operator=(const SweepRunner&) = delete;

  const Sweep& sweep() const noexcept;
  std::size_t size() const noexcept;
  // The recorded quantities' column names, e.g. "active@2025:program/coi-next/full-scale_p50",
  // "spend_jpy@2025_p50", "over_budget@2025", "over_budget_years"; for fit "rank:program/x"
  // (1 = first), "score:program/x", "eligibility:program/x".
  const std::vector<std::string>& quantities() const noexcept;

  // The point's parameter values and seed, without running it.
  SweepRow point(std::size_t index) const;
  // Runs one point.
  SweepRow run(std::size_t index) const;
  // Runs a row's values with its seed: a point of the design, or any other values of the
  // parameters' kinds (a value of the wrong kind is a failed row). Throws Error when the row
  // has not one value per parameter.
  SweepRow evaluate(SweepRow row) const;
  // Runs every point on `options.threads` threads and hands the rows to `sink` on the calling
  // thread, in point order, as they are done; at most a few thousand rows are held at once.
  // With stop_on_error the first failed row is handed over and then an Error names it.
  // Stops with Interrupted when the caller's InterruptScope asks.
  void run(const SweepOptions& options, const std::function<void(const SweepRow&)>& sink) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The rows as CSV (RFC 4180): the header "point,<parameters…>,seed,status,reason,
// <quantities…>", then one line per row; status is "ok" or "failed".
std::string sweep_csv_header(const SweepRunner&);
std::string to_csv(const SweepRunner&, const SweepRow&);
// One JSON object per line: {"point", "values": {name: value}, "seed", "status", "reason"
// (failed only), "quantities": {name: value}} with sorted keys.
std::string to_jsonl(const SweepRunner&, const SweepRow&);

// One-at-a-time sensitivity of one quantity: each parameter moved alone from its base value
// (the middle of its range or values) to its lowest and highest, the others held at base.
struct Sensitivity {
  std::string parameter;
  SweepValue low_value, high_value;
  SweepValue at_low, at_base, at_high;  // the quantity; empty if that point failed
  double swing = 0;                     // |at_high - at_low|, 0 when either failed
};
// Sorted by swing, largest first. Throws Error for an unknown quantity or a text parameter
// without at least two values.
std::vector<Sensitivity> one_at_a_time(const SweepRunner&, std::string_view quantity);

}  // namespace kyoso
