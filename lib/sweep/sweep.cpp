// The sweep engine: the design's points, one scenario and simulation per point, on every core.
//
// A point is a pure function of the sweep and its index: its parameter values come from the
// design (the grid's digits, or draws seeded by the sweep's seed and the index), its Monte
// Carlo seed is splitmix64(seed ^ index). Threads only decide which core computes a point,
// never what it computes, so the rows are the same bit for bit on 1 thread or 64.
#include "kyoso/sweep.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/query.hpp"
#include "kyoso/report.hpp"
#include "simulate/random.hpp"
#include "sweep/sweep_detail.hpp"

namespace kyoso {

namespace detail {

ValueKind value_kind(const SweepParameter& p) {
  if (p.target != SweepTarget::edit) return value_kind(p.target);
  std::string problem;
  auto path = parse_edit_path(p.path, problem);
  return path ? value_kind(*path) : ValueKind::text;
}

std::string format_number(double d) {
  std::string out;
  append_number(out, d);
  return out;
}

Location place(const Sweep& s, const std::string& pointer, const std::string& id) {
  Location where{s.origin, 0, 0, pointer, id};
  if (!s.source.empty()) {
    if (auto pos = find_pointer(s.source, pointer)) {
      where.line = pos->line;
      where.column = pos->column;
    }
  }
  return where;
}

}  // namespace detail

namespace {

using detail::ValueKind;

// The design's draws, apart from the Monte Carlo's: the same seed must not make a point's
// parameters and its runs move together.
constexpr std::uint64_t design_stream = 0x5357'4545'5044'4553ULL;

std::size_t count_of(const SweepParameter& p) {
  return p.values.empty() ? p.steps : p.values.size();
}

// A value of the range at `share` of the way, 0–1, rounded for a whole-number target.
SweepValue in_range(const SweepParameter& p, double share) {
  double v = p.range->first + (p.range->second - p.range->first) * share;
  if (detail::value_kind(p) == ValueKind::whole) return static_cast<std::int64_t>(std::llround(v));
  return v;
}

// The k-th of a parameter's n grid values.
SweepValue grid_value(const SweepParameter& p, std::size_t k) {
  if (!p.values.empty()) return p.values[k];
  return in_range(p, static_cast<double>(k) / static_cast<double>(p.steps - 1));
}

// A value at `u` in [0, 1): a listed value with equal chances, or a point of the range.
SweepValue drawn_value(const SweepParameter& p, double u) {
  if (p.values.empty()) return in_range(p, u);
  auto k = static_cast<std::size_t>(u * static_cast<double>(p.values.size()));
  return p.values[std::min(k, p.values.size() - 1)];
}

std::optional<double> as_number(const SweepValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::nullopt;
}

bool fits(const SweepParameter& p, const SweepValue& v) {
  switch (detail::value_kind(p)) {
    case ValueKind::whole:
      return std::holds_alternative<std::int64_t>(v);
    case ValueKind::real:
      return std::holds_alternative<double>(v);
    case ValueKind::text:
      return std::holds_alternative<std::string>(v);
  }
  return false;
}

std::string_view kind_text(ValueKind kind) {
  switch (kind) {
    case ValueKind::whole:
      return "a whole number";
    case ValueKind::real:
      return "a number";
    case ValueKind::text:
      return "a text";
  }
  return "?";
}

std::string at_parameter(std::size_t i) { return "/parameters/" + std::to_string(i); }

}  // namespace

std::size_t sweep_size(const Sweep& s) {
  constexpr std::size_t limit = limits::max_sweep_points;
  auto over = [&](const std::string& what) {
    throw ValidationError(
        what + " points, more than the limit of " + std::to_string(limit) +
            " (limits::max_sweep_points)",
        detail::place(s, s.design == SweepDesign::grid ? "/parameters" : "/design/samples"));
  };
  if (s.design != SweepDesign::grid) {
    if (s.samples > limit) over(std::to_string(s.samples));
    return s.samples;
  }
  if (s.parameters.empty()) return 0;
  std::uint64_t n = 1;
  bool exact = true;  // false once the product no longer fits in 64 bits
  std::string product;
  for (const SweepParameter& p : s.parameters) {
    std::size_t k = count_of(p);
    product += (product.empty() ? "" : " × ") + std::to_string(k);
    if (exact && __builtin_mul_overflow(n, k, &n)) exact = false;
  }
  if (!exact || n > limit) {
    over("a grid of " + product + (exact ? " = " + std::to_string(n) : std::string()));
  }
  return static_cast<std::size_t>(n);
}

struct SweepRunner::Impl {
  Sweep sweep;
  Model base;  // the model with the sweep's base scenario
  std::size_t size = 0;
  std::vector<std::string> quantities;
  std::vector<int> fiscal_years;
  std::vector<std::string> tracks;
  Profile profile;  // fit
  // latin_hypercube: each parameter's stratum for each point.
  std::vector<std::vector<std::uint32_t>> strata;

  std::vector<SweepValue> values(std::size_t index) const;
  std::uint64_t seed(std::size_t index) const {
    return detail::splitmix64(sweep.seed ^ static_cast<std::uint64_t>(index));
  }
  SweepRow run(std::size_t index) const;
  // Runs the parameters at `values` with Monte Carlo seed `seed`; fills ok, reason, quantities.
  void evaluate(SweepRow& row) const;
  void record(const SimulationResult&, std::vector<SweepValue>& out) const;
  void record(const std::vector<RankedProgram>&, std::vector<SweepValue>& out) const;
  // The query's own checks and columns, after the base and the parameters are checked.
  void prepare_simulate();
  void prepare_fit();
};

void SweepRunner::Impl::record(const std::vector<RankedProgram>& ranking,
                               std::vector<SweepValue>& out) const {
  std::size_t first = out.size();
  out.resize(first + 3 * sweep.programs.size());
  for (std::size_t r = 0; r < ranking.size(); ++r) {
    auto it = std::find(sweep.programs.begin(), sweep.programs.end(), ranking[r].program);
    if (it == sweep.programs.end()) continue;
    std::size_t at = first + 3 * static_cast<std::size_t>(it - sweep.programs.begin());
    out[at] = static_cast<std::int64_t>(r + 1);
    out[at + 1] = ranking[r].score;
    out[at + 2] = std::string(to_string(ranking[r].eligibility));
  }
}

std::vector<SweepValue> SweepRunner::Impl::values(std::size_t index) const {
  const std::vector<SweepParameter>& ps = sweep.parameters;
  std::vector<SweepValue> out(ps.size());
  switch (sweep.design) {
    case SweepDesign::grid: {
      std::size_t rest = index;
      for (std::size_t i = ps.size(); i-- > 0;) {
        std::size_t k = count_of(ps[i]);
        out[i] = grid_value(ps[i], rest % k);
        rest /= k;
      }
      break;
    }
    case SweepDesign::random: {
      detail::Random draw(sweep.seed ^ design_stream, index);
      for (std::size_t i = 0; i < ps.size(); ++i) out[i] = drawn_value(ps[i], draw.uniform());
      break;
    }
    case SweepDesign::latin_hypercube: {
      detail::Random jitter(sweep.seed ^ design_stream, index);
      auto n = static_cast<double>(size);
      for (std::size_t i = 0; i < ps.size(); ++i) {
        double u = (static_cast<double>(strata[i][index]) + jitter.uniform()) / n;
        out[i] = drawn_value(ps[i], std::min(u, std::nextafter(1.0, 0.0)));
      }
      break;
    }
  }
  return out;
}

void SweepRunner::Impl::record(const SimulationResult& r, std::vector<SweepValue>& out) const {
  auto quantiles = [&](const Quantiles& q) {
    out.emplace_back(q.p10);
    out.emplace_back(q.p50);
    out.emplace_back(q.p90);
  };
  for (SweepRecord what : sweep.record) {
    switch (what) {
      case SweepRecord::sites:
        for (const SimulatedYear& y : r.years) {
          for (const std::string& t : tracks) {
            if (auto it = y.active.find(t); it != y.active.end()) {
              quantiles(it->second);
            } else {
              out.resize(out.size() + 3);
            }
          }
        }
        break;
      case SweepRecord::spend:
        for (const SimulatedYear& y : r.years) quantiles(y.spend_jpy);
        break;
      case SweepRecord::over_budget: {
        double years = 0;
        for (const SimulatedYear& y : r.years) {
          out.emplace_back(y.over_budget);
          years += y.over_budget;
        }
        out.emplace_back(years);
        break;
      }
    }
  }
}

void SweepRunner::Impl::evaluate(SweepRow& row) const {
  Scenario edits(sweep.name);
  std::vector<std::size_t> edited;  // the parameter of each edit
  SimulationOptions options = sweep.options;
  options.seed = row.seed;
  FitWeights weights = sweep.weights;
  for (std::size_t i = 0; i < sweep.parameters.size(); ++i) {
    const SweepParameter& p = sweep.parameters[i];
    const SweepValue& v = row.values[i];
    if (!fits(p, v)) {
      row.ok = false;
      row.reason = p.name + ": expected " + std::string(kind_text(detail::value_kind(p)));
      row.quantities.assign(quantities.size(), SweepValue{});
      return;
    }
    switch (p.target) {
      case SweepTarget::edit:
        if (const auto* n = std::get_if<std::int64_t>(&v)) {
          edits.set(p.node, p.path, *n);
        } else {
          edits.set(p.node, p.path, std::get<std::string>(v));
        }
        edited.push_back(i);
        break;
      case SweepTarget::promotion_rate:
        options.promotion_rate = std::get<double>(v);
        break;
      case SweepTarget::budget:
        options.budget_jpy = std::get<std::int64_t>(v);
        break;
      case SweepTarget::future_budget:
        options.future_budget_jpy = std::get<std::int64_t>(v);
        break;
      case SweepTarget::weight_mission:
        weights.mission = std::get<double>(v);
        break;
      case SweepTarget::weight_goals:
        weights.goals = std::get<double>(v);
        break;
      case SweepTarget::weight_fields:
        weights.fields = std::get<double>(v);
        break;
      case SweepTarget::weight_stage:
        weights.stage = std::get<double>(v);
        break;
      case SweepTarget::weight_inherited:
        weights.inherited = std::get<double>(v);
        break;
    }
  }
  try {
    std::optional<Model> applied;
    if (!edits.edits.empty()) applied = apply(base, edits);
    const Model& model = applied ? *applied : base;
    row.quantities.reserve(quantities.size());
    if (sweep.query == SweepQuery::fit) {
      record(rank(model, profile, weights), row.quantities);
    } else {
      record(simulate(model, sweep.program, options), row.quantities);
    }
    row.ok = true;
  } catch (const Interrupted&) {
    throw;
  } catch (const Error& e) {
    row.ok = false;
    row.quantities.assign(quantities.size(), SweepValue{});
    // apply() names the edit ("/edits/2/value"): say which parameter that is.
    const std::string& pointer = e.where().pointer;
    std::string who;
    if (pointer.starts_with("/edits/")) {
      std::size_t k = std::strtoul(pointer.c_str() + 7, nullptr, 10);
      if (k < edited.size()) who = sweep.parameters[edited[k]].name + ": ";
    }
    row.reason = who + e.problem();
  }
}

SweepRow SweepRunner::Impl::run(std::size_t index) const {
  SweepRow row;
  row.index = index;
  row.values = values(index);
  row.seed = seed(index);
  evaluate(row);
  return row;
}

namespace {

// Moves an error raised against the model to the sweep file's place `pointer`.
[[noreturn]] void rethrow_at(const Error& e, const Sweep& s, const std::string& pointer,
                             std::string_view context) {
  if (const auto* unknown = dynamic_cast<const UnknownIdError*>(&e)) {
    throw UnknownIdError(e.where().id, unknown->suggestion(), detail::place(s, pointer), context);
  }
  throw ValidationError(std::string(context) + ": " + e.problem(),
                        detail::place(s, pointer, e.where().id));
}

// A value an edit parameter's path accepts, to check the node and path against the model
// before any point runs: a figure's value takes 0, a text path its first listed value.
EditValue probe_value(const SweepParameter& p) {
  if (detail::value_kind(p) == ValueKind::text) return std::get<std::string>(p.values.front());
  return std::int64_t{0};
}

// The part of the model a point's simulation reads — the program, its tracks and what they
// promote to — with the nodes the parameters edit, as a model of its own. Applying a point's
// edits to it costs microseconds, where the whole model with its national layer costs a
// third of a millisecond, as much as a 100-run simulation. Kept only when the base point's
// simulation on it equals the whole model's, so a rule of simulate() that someday reads
// more of the model costs speed, never a wrong row.
Model simulated_part(const Model& model, const Sweep& s, const SimulationResult& whole,
                     const SimulationOptions& options) {
  std::vector<std::string> ids{whole.program};
  NodeIndex program = model.resolve(whole.program);
  for (const Step& track : model.neighbors(program, Direction::in, Relation::part_of)) {
    ids.push_back(model.node(track.node).id);
    for (const Step& to : model.neighbors(track.node, Direction::out, Relation::promotes_to)) {
      ids.push_back(model.node(to.node).id);
    }
  }
  for (const SweepParameter& p : s.parameters) {
    if (p.target == SweepTarget::edit) ids.push_back(p.node);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Model part = subgraph(model, ids);
  SimulationResult check = simulate(part, whole.program, options);
  if (check.years != whole.years || check.tracks != whole.tracks) return model;
  return part;
}

}  // namespace

void SweepRunner::Impl::prepare_simulate() {
  const Sweep& s = sweep;
  // The columns come from the base point: its tracks and years. The Monte Carlo adds nothing
  // to them, so one deterministic run is enough.
  SimulationOptions probe = s.options;
  probe.runs = 0;
  SimulationResult base_run;
  try {
    base_run = simulate(base, s.program, probe);
  } catch (const Interrupted&) {
    throw;
  } catch (const Error& e) {
    rethrow_at(
        e, s,
        dynamic_cast<const UnknownIdError*>(&e) ? "/query/simulate/program" : "/query/simulate",
        "simulate");
  }
  if (s.options.runs > 0) {
    // Refused by simulate() for every point alike: say so once, here.
    try {
      SimulationOptions one = s.options;
      one.runs = 1;
      one.years = 1;
      simulate(base, s.program, one);
    } catch (const Interrupted&) {
      throw;
    } catch (const Error& e) {
      rethrow_at(e, s, "/query/simulate/runs", "simulate");
    }
  }
  sweep.program = base_run.program;
  base = simulated_part(base, s, base_run, probe);
  for (const SimulatedTrack& t : base_run.tracks) tracks.push_back(t.id);
  for (const SimulatedYear& y : base_run.years) fiscal_years.push_back(y.fiscal_year);
  auto quantiles = [&](const std::string& name) {
    for (const char* q : {"_p10", "_p50", "_p90"}) quantities.push_back(name + q);
  };
  for (SweepRecord what : s.record) {
    switch (what) {
      case SweepRecord::sites:
        for (int fy : fiscal_years) {
          for (const std::string& t : tracks) quantiles("active@" + std::to_string(fy) + ":" + t);
        }
        break;
      case SweepRecord::spend:
        for (int fy : fiscal_years) quantiles("spend_jpy@" + std::to_string(fy));
        break;
      case SweepRecord::over_budget:
        for (int fy : fiscal_years) quantities.push_back("over_budget@" + std::to_string(fy));
        quantities.emplace_back("over_budget_years");
        break;
    }
  }
}

void SweepRunner::Impl::prepare_fit() {
  const Sweep& s = sweep;
  try {
    profile = s.university.empty() ? parse_profile(base, s.profile, s.origin)
                                   : profile_of(base, s.university);
  } catch (const Interrupted&) {
    throw;
  } catch (const Error& e) {
    // A profile's errors name their pointer inside the profile document.
    rethrow_at(
        e, s,
        s.university.empty() ? "/query/fit/profile" + e.where().pointer : "/query/fit/university",
        "fit");
  }
  for (std::size_t i = 0; i < s.programs.size(); ++i) {
    try {
      sweep.programs[i] = base.node(base.resolve(s.programs[i], Kind::program)).id;
    } catch (const Error& e) {
      rethrow_at(e, s, "/query/fit/programs/" + std::to_string(i), "fit");
    }
  }
  try {
    rank(base, profile, s.weights);
  } catch (const Interrupted&) {
    throw;
  } catch (const Error& e) {
    rethrow_at(e, s, "/query/fit", "fit");
  }
  for (const std::string& program : s.programs) {
    for (const char* what : {"rank:", "score:", "eligibility:"})
      quantities.push_back(what + program);
  }
}

SweepRunner::SweepRunner(const Model& model, Sweep sweep) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.sweep = std::move(sweep);
  const Sweep& s = m.sweep;
  m.size = sweep_size(s);
  if (m.size == 0)
    throw ValidationError("a sweep varies at least one parameter", detail::place(s, "/parameters"));
  try {
    m.base = apply(model, s.base);
  } catch (const Interrupted&) {
    throw;
  } catch (const Error& e) {
    // Inline edits were read from the sweep file: name their place in it.
    bool inline_base = s.base.origin == s.origin;
    rethrow_at(e, s, inline_base ? "/base" + e.where().pointer : "/base",
               inline_base ? "base" : "base scenario " + s.base.origin);
  }
  for (std::size_t i = 0; i < s.parameters.size(); ++i) {
    const SweepParameter& p = s.parameters[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (p.target != SweepTarget::edit && s.parameters[j].target == p.target) {
        throw ValidationError("option '" + std::string(to_string(p.target)) +
                                  "' is also varied by " + at_parameter(j),
                              detail::place(s, at_parameter(i) + "/option"));
      }
    }
    if (p.target != SweepTarget::edit) continue;
    if (!m.base.find(p.node)) {
      std::string suggestion;
      try {
        suggestion = m.base.node(m.base.resolve(p.node)).id;
      } catch (const UnknownIdError& e) {
        suggestion = e.suggestion();
      }
      throw UnknownIdError(p.node, suggestion, detail::place(s, at_parameter(i) + "/node"),
                           "parameter");
    }
    try {
      apply(m.base, Scenario(s.name).set(p.node, p.path, probe_value(p)));
    } catch (const Interrupted&) {
      throw;
    } catch (const Error& e) {
      rethrow_at(e, s, at_parameter(i) + "/path", "parameter");
    }
  }
  if (s.query == SweepQuery::fit) {
    m.prepare_fit();
  } else {
    m.prepare_simulate();
  }
  if (s.design == SweepDesign::latin_hypercube) {
    // Each parameter's strata in an order of its own: a Fisher–Yates shuffle seeded by the
    // sweep's seed and the parameter's position.
    for (std::size_t i = 0; i < s.parameters.size(); ++i) {
      std::vector<std::uint32_t> order(m.size);  // max_sweep_points fits in 32 bits
      for (std::size_t k = 0; k < m.size; ++k) order[k] = static_cast<std::uint32_t>(k);
      detail::Random draw(detail::splitmix64(s.seed ^ design_stream), i);
      for (std::size_t k = m.size; k > 1; --k) {
        auto j = static_cast<std::size_t>(draw.uniform() * static_cast<double>(k));
        std::swap(order[k - 1], order[std::min(j, k - 1)]);
      }
      m.strata.push_back(std::move(order));
    }
  }
}

SweepRunner::~SweepRunner() = default;

const Sweep& SweepRunner::sweep() const noexcept { return impl_->sweep; }
std::size_t SweepRunner::size() const noexcept { return impl_->size; }
const std::vector<std::string>& SweepRunner::quantities() const noexcept {
  return impl_->quantities;
}

SweepRow SweepRunner::point(std::size_t index) const {
  if (index >= impl_->size) {
    throw Error("sweep: point " + std::to_string(index) + " out of range (the sweep has " +
                std::to_string(impl_->size) + ")");
  }
  SweepRow row;
  row.index = index;
  row.values = impl_->values(index);
  row.seed = impl_->seed(index);
  return row;
}

SweepRow SweepRunner::run(std::size_t index) const {
  SweepRow row = point(index);
  impl_->evaluate(row);
  return row;
}

SweepRow SweepRunner::evaluate(SweepRow row) const {
  if (row.values.size() != impl_->sweep.parameters.size()) {
    throw Error("sweep: a row has " + std::to_string(row.values.size()) + " values for " +
                std::to_string(impl_->sweep.parameters.size()) + " parameters");
  }
  row.quantities.clear();
  row.reason.clear();
  impl_->evaluate(row);
  return row;
}

void SweepRunner::run(const SweepOptions& options,
                      const std::function<void(const SweepRow&)>& sink) const {
  const Impl& m = *impl_;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, threads);
  // Points are done a block at a time and handed over in order; a block of 64 points per
  // thread keeps every core busy but for the last point of each block, and bounds the rows
  // held.
  const std::size_t block = std::min<std::size_t>(4096, 64 * std::size_t{threads});
  const std::atomic<bool>* stop = InterruptScope::current();
  const std::size_t end = std::min(m.size, options.end);
  std::vector<SweepRow> rows;
  for (std::size_t first = options.begin; first < end; first += block) {
    InterruptScope::check();
    std::size_t last = std::min(end, first + block);
    rows.assign(last - first, SweepRow{});
    std::atomic<std::size_t> next{first};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    auto work = [&] {
      std::optional<InterruptScope> scope;
      if (stop) scope.emplace(*stop);
      try {
        for (std::size_t i; !failed && (i = next.fetch_add(1)) < last;) rows[i - first] = m.run(i);
      } catch (...) {
        // The first error wins; the others were caused by the same stop or shortage.
        if (!failed.exchange(true)) error = std::current_exception();
      }
    };
    std::size_t helpers = std::min<std::size_t>(threads, last - first) - 1;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    for (const SweepRow& row : rows) {
      sink(row);
      if (!row.ok && options.stop_on_error) {
        throw Error("sweep: point " + std::to_string(row.index) + " failed: " + row.reason,
                    Location{m.sweep.origin, 0, 0, {}, {}});
      }
    }
    if (options.progress) options.progress(last - options.begin, end - options.begin);
  }
}

std::vector<Sensitivity> one_at_a_time(const SweepRunner& runner, std::string_view quantity) {
  const std::vector<std::string>& names = runner.quantities();
  auto column = std::find(names.begin(), names.end(), quantity);
  if (column == names.end()) {
    throw Error("one-at-a-time: no recorded quantity '" + std::string(quantity) + "'" +
                (names.empty() ? std::string() : " (e.g. '" + names.back() + "')"));
  }
  auto at = static_cast<std::size_t>(column - names.begin());
  const Sweep& s = runner.sweep();
  auto ends = [](const SweepParameter& p) -> std::array<SweepValue, 3> {
    if (p.range) return {in_range(p, 0), in_range(p, 0.5), in_range(p, 1)};
    return {p.values.front(), p.values[p.values.size() / 2], p.values.back()};
  };
  // Every run shares the first point's seed, so that a difference is the parameter's alone
  // and not the Monte Carlo's.
  SweepRow base = runner.point(0);
  for (std::size_t i = 0; i < s.parameters.size(); ++i) base.values[i] = ends(s.parameters[i])[1];
  auto quantity_at = [&](std::size_t i, const SweepValue& v) {
    SweepRow row = base;
    row.values[i] = v;
    row = runner.evaluate(std::move(row));
    return row.ok ? row.quantities[at] : SweepValue{};
  };
  SweepValue at_base = runner.evaluate(base).quantities[at];
  std::vector<Sensitivity> out;
  for (std::size_t i = 0; i < s.parameters.size(); ++i) {
    auto [low, middle, high] = ends(s.parameters[i]);
    Sensitivity x{s.parameters[i].name, low, high, quantity_at(i, low), at_base,
                  quantity_at(i, high), 0};
    auto a = as_number(x.at_low);
    auto b = as_number(x.at_high);
    if (a && b) x.swing = std::abs(*b - *a);
    out.push_back(std::move(x));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Sensitivity& a, const Sensitivity& b) { return a.swing > b.swing; });
  return out;
}

// ---- rows as text ----

namespace {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string cell(const SweepValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return detail::format_number(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return csv_field(*s);
  return {};
}

boost::json::value json_value(const SweepValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return boost::json::string(*s);
  return nullptr;
}

}  // namespace

std::string sweep_csv_header(const SweepRunner& runner) {
  std::string out = "point";
  for (const SweepParameter& p : runner.sweep().parameters) out += "," + csv_field(p.name);
  out += ",seed,status,reason";
  for (const std::string& q : runner.quantities()) out += "," + csv_field(q);
  return out + "\n";
}

std::string to_csv(const SweepRunner&, const SweepRow& row) {
  std::string out = std::to_string(row.index);
  for (const SweepValue& v : row.values) out += "," + cell(v);
  out += "," + std::to_string(row.seed) + (row.ok ? ",ok," : ",failed,") + csv_field(row.reason);
  for (const SweepValue& v : row.quantities) out += "," + cell(v);
  return out + "\n";
}

std::string to_jsonl(const SweepRunner& runner, const SweepRow& row) {
  boost::json::object o;
  o["point"] = row.index;
  o["seed"] = row.seed;
  o["status"] = row.ok ? "ok" : "failed";
  if (!row.ok) o["reason"] = row.reason;
  boost::json::object values;
  const std::vector<SweepParameter>& ps = runner.sweep().parameters;
  for (std::size_t i = 0; i < ps.size() && i < row.values.size(); ++i) {
    values[ps[i].name] = json_value(row.values[i]);
  }
  o["values"] = std::move(values);
  boost::json::object quantities;
  const std::vector<std::string>& names = runner.quantities();
  for (std::size_t i = 0; i < names.size() && i < row.quantities.size(); ++i) {
    quantities[names[i]] = json_value(row.quantities[i]);
  }
  o["quantities"] = std::move(quantities);
  return detail::write_json(o, detail::JsonLayout::compact) + "\n";
}

}  // namespace kyoso
