// The cohort model, year by year (docs/simulate.md):
//
//  1. Sites that have been funded for their track's whole duration finish. A finishing
//     cohort of a track that promotes_to another goes through the promotion review
//     (育成型: 「本格型への昇格審査を実施」); the rest end.
//  2. Running sites cost their track's per-site amount.
//  3. Each open track admits its new sites (育成型: 「新規６拠点程度」), and the promoted
//     sites enter their new track.
//  4. The budget policy decides when 2 and 3 together cost more than the year's budget.
//
// The model was read into a Plan before; a run touches only numbers.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <utility>

#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/simulate.hpp"
#include "simulate/plan.hpp"
#include "simulate/random.hpp"

namespace kyoso {

namespace {
constexpr std::pair<BudgetPolicy, std::string_view> policy_names[] = {
    {BudgetPolicy::admit_fewer, "admit-fewer"},
    {BudgetPolicy::scale_funding, "scale-funding"},
    {BudgetPolicy::report_only, "report-only"},
};
}  // namespace

std::string_view to_string(BudgetPolicy policy) noexcept {
  for (auto [value, name] : policy_names) {
    if (value == policy) return name;
  }
  return "?";
}

std::optional<BudgetPolicy> parse_budget_policy(std::string_view text) noexcept {
  for (auto [value, name] : policy_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

namespace {

using detail::Plan;

// Money is whole yen in 64 bits, added and multiplied exactly; a year whose spending would not
// fit is refused rather than rounded or wrapped, so that a budget near the top of the range
// is never compared with a spend that silently stopped growing.
[[noreturn]] void overflow(int fiscal_year) {
  throw Error("simulate: FY" + std::to_string(fiscal_year) +
              "'s spending is more than 9,223,372,036,854,775,807 JPY, the most a 64-bit "
              "amount holds: the per-site amounts or site counts are too large");
}

std::int64_t times(std::int64_t count, std::int64_t amount, int fiscal_year) {
  std::int64_t out;
  if (__builtin_mul_overflow(count, amount, &out)) overflow(fiscal_year);
  return out;
}

std::int64_t plus(std::int64_t a, std::int64_t b, int fiscal_year) {
  std::int64_t out;
  if (__builtin_add_overflow(a, b, &out)) overflow(fiscal_year);
  return out;
}

struct YearRun {
  std::vector<std::int64_t> active;  // by track, in plan order
  std::int64_t new_sites = 0;
  std::int64_t promoted = 0;
  std::int64_t ended = 0;
  std::int64_t turned_away = 0;
  std::int64_t spend = 0;
  bool over = false;
  bool bound = false;
  double scale = 1;
};

// Splits `total` into `parts` whole counts as evenly as the running remainder allows
// (33 over 10: 3 3 3 4 3 3 3 4 3 4), the same rounding the deterministic reviews use, so a
// steady state read from the model stays steady.
std::vector<std::int64_t> spread(std::int64_t total, int parts) {
  std::vector<std::int64_t> out;
  double share = static_cast<double>(total) / parts;
  double carry = 0;
  std::int64_t given = 0;
  for (int k = 0; k < parts; ++k) {
    carry += share;
    auto n = static_cast<std::int64_t>(std::floor(carry + 1e-9));
    carry -= static_cast<double>(n);
    out.push_back(n);
    given += n;
  }
  out.back() += total - given;
  return out;
}

// One run's state, made once per simulate() and reset for each run: a run allocates nothing.
class CohortRun {
 public:
  explicit CohortRun(const Plan& plan) : plan_(plan) {
    std::size_t n = plan.tracks.size();
    amount_.resize(n);
    carry_.resize(n);
    start_.resize(n);
    for (std::size_t t = 0; t < n; ++t) {
      int duration = plan.tracks[t].track.duration;
      start_[t].assign(static_cast<std::size_t>(duration) + 1, 0);
      if (duration == 0) continue;
      // Sites running before the start, spread evenly over their term: the oldest, who
      // finish first, take the first share.
      std::vector<std::int64_t> shares = spread(plan.tracks[t].track.initial_sites, duration);
      for (int k = 0; k < duration; ++k)
        start_[t][static_cast<std::size_t>(duration - k)] = shares[k];
    }
    done_ = start_;
    y_.active.resize(n);
    continuing_.resize(n);
    wanted_new_.resize(n);
    wanted_promoted_.resize(n);
    admitted_new_.resize(n);
    admitted_promoted_.resize(n);
  }

  // Each year in turn, handed to `take` with its position. `random` null: the deterministic
  // run, at the stated amounts and expected promotions.
  template <class Take>
  void run(detail::Random* random, Take take) {
    random_ = random;
    for (std::size_t t = 0; t < plan_.tracks.size(); ++t) {
      amount_[t] = draw_amount(plan_.tracks[t].track);
      std::copy(start_[t].begin(), start_[t].end(), done_[t].begin());
    }
    std::fill(carry_.begin(), carry_.end(), 0.0);
    for (std::size_t i = 0; i < plan_.budget.size(); ++i) {
      fiscal_year_ = *plan_.options.start_fy + static_cast<int>(i);
      year(plan_.budget[i]);
      take(i, std::as_const(y_));
    }
  }

 private:
  // 程度 (approx) within ±spread, 〜/最長 (up_to) between the floor and the cap, 以上
  // (at_least) up to +spread, exact as stated; per run, so a run's draw is the program's
  // true average amount.
  std::int64_t draw_amount(const SimulatedTrack& t) {
    double factor = 1;
    if (random_) {
      const SimulationOptions& o = plan_.options;
      switch (t.funding_qualifier) {
        case Qualifier::approx:
          factor = random_->uniform(1 - o.approx_spread, 1 + o.approx_spread);
          break;
        case Qualifier::up_to:
          factor = random_->uniform(o.up_to_floor, 1);
          break;
        case Qualifier::at_least:
          factor = random_->uniform(1, 1 + o.approx_spread);
          break;
        case Qualifier::exact:
          break;
      }
    }
    if (factor == 1) return t.funding_per_site;  // exact, even next to 2^63
    double amount = std::round(static_cast<double>(t.funding_per_site) * factor);
    // 2^63 itself does not fit; a stated amount near it, drawn above it, is refused.
    if (!(amount < 0x1p63)) overflow(*plan_.options.start_fy);
    return static_cast<std::int64_t>(amount);
  }

  // How many of a finishing cohort the review promotes: binomial in a Monte Carlo run;
  // otherwise rate × cohort, rounded down with the remainder carried to the next review, so
  // that over the years the promotions add up to the rate exactly (6 × 0.55 = 3.3 a year:
  // 3 3 3 4 3 3 3 4 3 4).
  std::int64_t review(std::size_t t, std::int64_t cohort) {
    double rate = plan_.tracks[t].track.promotion_rate;
    if (random_) return random_->binomial(cohort, rate);
    carry_[t] += static_cast<double>(cohort) * rate;
    auto n = static_cast<std::int64_t>(std::floor(carry_[t] + 1e-9));
    n = std::clamp<std::int64_t>(n, 0, cohort);
    carry_[t] -= static_cast<double>(n);
    return n;
  }

  // The year's numbers into y_.
  void year(std::int64_t budget) {
    std::size_t n = plan_.tracks.size();
    YearRun& y = y_;
    std::fill(y.active.begin(), y.active.end(), 0);
    y.new_sites = y.promoted = y.ended = y.turned_away = y.spend = 0;
    y.over = y.bound = false;
    y.scale = 1;
    std::fill(continuing_.begin(), continuing_.end(), 0);
    std::fill(wanted_new_.begin(), wanted_new_.end(), 0);
    std::fill(wanted_promoted_.begin(), wanted_promoted_.end(), 0);
    std::int64_t cost = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const SimulatedTrack& track = plan_.tracks[t].track;
      int duration = track.duration;
      if (duration == 0) continue;
      std::int64_t finishing = done_[t][static_cast<std::size_t>(duration)];
      for (int a = 1; a < duration; ++a) continuing_[t] += done_[t][static_cast<std::size_t>(a)];
      std::int64_t promoted = 0;
      if (auto to = plan_.tracks[t].promotes_to) {
        promoted = review(t, finishing);
        wanted_promoted_[*to] += promoted;
      }
      y.ended += finishing - promoted;
      wanted_new_[t] = track.new_sites;
      cost = plus(cost, times(continuing_[t], amount_[t], fiscal_year_), fiscal_year_);
    }
    std::copy(wanted_new_.begin(), wanted_new_.end(), admitted_new_.begin());
    std::copy(wanted_promoted_.begin(), wanted_promoted_.end(), admitted_promoted_.begin());
    const BudgetPolicy policy = plan_.options.policy;
    if (policy == BudgetPolicy::admit_fewer) {
      // Running sites first, then the cheap entry tracks, then promotions: the new 育成型
      // sites are the pipeline later promotions come from, so they are cut last. Both
      // amounts are within 0 and 2^63, so their difference fits.
      std::int64_t left = budget - cost;
      auto admit = [&](std::int64_t want, std::int64_t amount) -> std::int64_t {
        if (want <= 0) return 0;
        if (amount <= 0) return want;
        std::int64_t k = left <= 0 ? 0 : std::min(want, left / amount);
        left -= k * amount;  // at most left
        return k;
      };
      for (std::size_t t = 0; t < n; ++t) admitted_new_[t] = admit(wanted_new_[t], amount_[t]);
      for (std::size_t t = 0; t < n; ++t) {
        admitted_promoted_[t] = admit(wanted_promoted_[t], amount_[t]);
      }
    }
    for (std::size_t t = 0; t < n; ++t) {
      std::int64_t refused_promotions = wanted_promoted_[t] - admitted_promoted_[t];
      y.turned_away += wanted_new_[t] - admitted_new_[t] + refused_promotions;
      y.ended += refused_promotions;
      y.new_sites += admitted_new_[t];
      y.promoted += admitted_promoted_[t];
      std::int64_t entering = admitted_new_[t] + admitted_promoted_[t];
      cost = plus(cost, times(entering, amount_[t], fiscal_year_), fiscal_year_);
      y.active[t] = continuing_[t] + entering;
    }
    y.spend = cost;
    y.bound = y.turned_away > 0;
    if (policy == BudgetPolicy::scale_funding && cost > budget) {
      y.scale = static_cast<double>(budget) / static_cast<double>(cost);
      y.spend = budget;
      y.bound = true;
    }
    y.over = y.spend > budget;
    age();
  }

  // Everyone funded this year has one more year behind them; those admitted have their first.
  void age() {
    for (std::size_t t = 0; t < done_.size(); ++t) {
      std::vector<std::int64_t>& d = done_[t];
      if (d.size() < 2) continue;
      for (std::size_t a = d.size() - 1; a > 1; --a) d[a] = d[a - 1];
      d[1] = admitted_new_[t] + admitted_promoted_[t];
    }
  }

  const Plan& plan_;
  detail::Random* random_ = nullptr;
  std::vector<std::int64_t> amount_;  // per site per year, this run
  int fiscal_year_ = 0;               // the year being run, for messages
  std::vector<double> carry_;         // deterministic reviews' remainders
  // done_[t][a]: sites of track t funded for a years before this year (a = 1 … duration);
  // start_ is the same before the first year, where every run begins.
  std::vector<std::vector<std::int64_t>> done_, start_;
  YearRun y_;  // the year just run
  // A year's working figures by track.
  std::vector<std::int64_t> continuing_, wanted_new_, wanted_promoted_, admitted_new_,
      admitted_promoted_;
};

// Every run's numbers, kept until the percentiles are taken: one column of runs per year and
// number, 8 bytes a value (limits::max_simulation_values bounds them), rather than each run's
// years as records of their own.
class RunTable {
 public:
  RunTable(const Plan& plan, std::size_t runs)
      : runs_(runs),
        tracks_(plan.tracks.size()),
        counts_(plan.budget.size() * (tracks_ + numbers) * runs),
        scale_(plan.budget.size() * runs),
        flags_(plan.budget.size() * runs) {}

  void put(std::size_t run, std::size_t year, const YearRun& y) {
    for (std::size_t t = 0; t < tracks_; ++t) column(year, t)[run] = y.active[t];
    column(year, tracks_ + 0)[run] = y.new_sites;
    column(year, tracks_ + 1)[run] = y.promoted;
    column(year, tracks_ + 2)[run] = y.ended;
    column(year, tracks_ + 3)[run] = y.turned_away;
    column(year, tracks_ + 4)[run] = y.spend;
    scale_[year * runs_ + run] = y.scale;
    flags_[year * runs_ + run] = static_cast<std::uint8_t>((y.over ? 1 : 0) | (y.bound ? 2 : 0));
  }

  // The three order statistics of a column. Site counts span a handful of values, so they
  // are counted; other columns (spend) are reordered in place (each is read once) by
  // selection: the median first, then p10 below it and p90 above it, where they are the same
  // ranks of what is left.
  Quantiles quantiles(std::size_t year, std::size_t number) {
    std::span<std::int64_t> values = column(year, number);
    std::size_t p10 = rank(0.1), p50 = rank(0.5), p90 = rank(0.9);
    auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    std::int64_t low = *lowest;
    // Unsigned, so that the width of any two 64-bit values is exact.
    std::uint64_t width = static_cast<std::uint64_t>(*highest) - static_cast<std::uint64_t>(low);
    if (width < tally_.size()) {
      std::fill_n(tally_.begin(), width + 1, 0);
      for (std::int64_t v : values)
        ++tally_[static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(low)];
      std::size_t k = 0, below = 0;  // runs with a value under low + k
      auto at = [&](std::size_t rank) {
        while (below + tally_[k] <= rank) below += tally_[k++];
        return low + static_cast<std::int64_t>(k);
      };
      return Quantiles{at(p10), at(p50), at(p90)};  // ranks in increasing order
    }
    auto at = [&](std::size_t rank) { return values.begin() + static_cast<std::ptrdiff_t>(rank); };
    std::nth_element(values.begin(), at(p50), values.end());
    if (p10 < p50) std::nth_element(values.begin(), at(p10), at(p50));
    if (p90 > p50) std::nth_element(at(p50 + 1), at(p90), values.end());
    return Quantiles{*at(p10), *at(p50), *at(p90)};
  }
  Quantiles active(std::size_t year, std::size_t track) { return quantiles(year, track); }
  Quantiles new_sites(std::size_t year) { return quantiles(year, tracks_ + 0); }
  Quantiles promoted(std::size_t year) { return quantiles(year, tracks_ + 1); }
  Quantiles ended(std::size_t year) { return quantiles(year, tracks_ + 2); }
  Quantiles turned_away(std::size_t year) { return quantiles(year, tracks_ + 3); }
  Quantiles spend(std::size_t year) { return quantiles(year, tracks_ + 4); }

  // The share of runs over budget and bound, and the median funding scale.
  void shares(std::size_t year, SimulatedYear& y) {
    std::span<const std::uint8_t> flags(flags_.data() + year * runs_, runs_);
    std::size_t over = 0, bound = 0;
    for (std::uint8_t f : flags) {
      over += f & 1;
      bound += (f >> 1) & 1;
    }
    y.over_budget = static_cast<double>(over) / static_cast<double>(runs_);
    y.budget_bound = static_cast<double>(bound) / static_cast<double>(runs_);
    std::span<double> scales(scale_.data() + year * runs_, runs_);
    auto middle = scales.begin() + static_cast<std::ptrdiff_t>((runs_ - 1) / 2);
    std::nth_element(scales.begin(), middle, scales.end());
    y.funding_scale = *middle;
  }

 private:
  static constexpr std::size_t numbers = 5;  // new, promoted, ended, turned away, spend

  // Nearest-rank percentile: the smallest value with at least p of the runs at or below it,
  // i.e. the value at this position of the sorted runs.
  std::size_t rank(double p) const {
    auto r = static_cast<std::size_t>(std::ceil(p * static_cast<double>(runs_)));
    return std::clamp<std::size_t>(r, 1, runs_) - 1;
  }

  std::span<std::int64_t> column(std::size_t year, std::size_t number) {
    return {counts_.data() + (year * (tracks_ + numbers) + number) * runs_, runs_};
  }

  std::size_t runs_;
  std::size_t tracks_;
  std::vector<std::int64_t> counts_;
  std::vector<double> scale_;
  std::vector<std::uint8_t> flags_;
  std::array<std::size_t, 64> tally_;  // runs by value above a column's lowest
};

SimulatedYear summarize(const Plan& plan, RunTable& table, std::size_t i) {
  SimulatedYear y;
  y.fiscal_year = *plan.options.start_fy + static_cast<int>(i);
  for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
    y.active[plan.tracks[t].track.id] = table.active(i, t);
  }
  y.new_sites = table.new_sites(i);
  y.promoted = table.promoted(i);
  y.ended = table.ended(i);
  y.turned_away = table.turned_away(i);
  y.spend_jpy = table.spend(i);
  y.budget_jpy = plan.budget[i];
  table.shares(i, y);
  return y;
}

void note_method(const Plan& plan, std::vector<Text>& notes) {
  const SimulationOptions& o = plan.options;
  notes.push_back({"開始前年度の拠点は支援期間の各年に均等に配分（定常状態）",
                   "sites running before the start are spread evenly over the years of their "
                   "term (a steady state)"});
  if (o.runs == 0) {
    notes.push_back(
        {"確定的な1回の計算: "
         "各トラックは記載額（上限付きは上限額）、昇格は率×件数（端数は翌年へ繰越）",
         "one deterministic run: each track is paid its stated amount (an up_to "
         "amount at its cap); a review promotes rate × cohort, the fraction carried "
         "to the next review"});
    return;
  }
  char spread[64];
  std::snprintf(spread, sizeof spread, "±%g%%, %g-100%%", o.approx_spread * 100,
                o.up_to_floor * 100);
  notes.push_back(
      {"モンテカルロ " + std::to_string(o.runs) + " 回（乱数シード " + std::to_string(o.seed) +
           "）: 昇格は二項分布、1拠点額は「程度」と「上限」の範囲（" + spread +
           "）の一様分布、p10/p50/p90 は最近順位法",
       "Monte Carlo, " + std::to_string(o.runs) + " runs (seed " + std::to_string(o.seed) +
           "): promotions binomial; per-site amounts uniform within approx / up_to (" + spread +
           "); p10/p50/p90 by nearest rank"});
}

}  // namespace

SimulationResult simulate(const Model& model, std::string_view program,
                          const SimulationOptions& options) {
  Plan plan = detail::read_plan(model, program, options);
  std::size_t runs = std::max<std::size_t>(options.runs, 1);
  RunTable table(plan, runs);
  auto keep = [&](std::size_t run) {
    return [&table, run](std::size_t year, const YearRun& y) { table.put(run, year, y); };
  };
  CohortRun cohort(plan);
  if (options.runs == 0) {
    cohort.run(nullptr, keep(0));
  } else {
    for (std::size_t r = 0; r < options.runs; ++r) {
      if (r % 256 == 0) InterruptScope::check();
      detail::Random random(options.seed, r);
      cohort.run(&random, keep(r));
    }
  }
  SimulationResult result;
  result.program = plan.program;
  result.name = plan.name;
  result.options = plan.options;
  for (const detail::TrackPlan& t : plan.tracks) result.tracks.push_back(t.track);
  for (std::size_t i = 0; i < plan.budget.size(); ++i) {
    result.years.push_back(summarize(plan, table, i));
  }
  result.assumptions = std::move(plan.assumptions);
  note_method(plan, result.assumptions);
  return result;
}

}  // namespace kyoso
