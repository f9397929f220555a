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
#include <cmath>

#include "kyoso/simulate.hpp"
#include "simulate/plan.hpp"
#include "simulate/random.hpp"

namespace kyoso {
namespace {

using detail::Plan;

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

std::int64_t yen(double amount) {
  constexpr double most = 9.2e18;  // within int64
  return static_cast<std::int64_t>(std::round(std::min(amount, most)));
}

class CohortRun {
 public:
  // `random` null: the deterministic run, at the stated amounts and expected promotions.
  CohortRun(const Plan& plan, detail::Random* random) : plan_(plan), random_(random) {
    std::size_t n = plan.tracks.size();
    amount_.resize(n);
    carry_.assign(n, 0);
    done_.resize(n);
    for (std::size_t t = 0; t < n; ++t) {
      const SimulatedTrack& track = plan.tracks[t].track;
      amount_[t] = draw_amount(track);
      int duration = track.duration;
      done_[t].assign(static_cast<std::size_t>(duration) + 1, 0);
      if (duration == 0) continue;
      // Sites running before the start, spread evenly over their term: the oldest, who
      // finish first, take the first share.
      std::vector<std::int64_t> shares = spread(track.initial_sites, duration);
      for (int k = 0; k < duration; ++k)
        done_[t][static_cast<std::size_t>(duration - k)] = shares[k];
    }
  }

  std::vector<YearRun> run() {
    std::vector<YearRun> years;
    for (std::int64_t budget : plan_.budget) years.push_back(year(budget));
    return years;
  }

 private:
  // 程度 (approx) within ±spread, 〜/最長 (up_to) between the floor and the cap, 以上
  // (at_least) up to +spread, exact as stated; per run, so a run's draw is the program's
  // true average amount.
  double draw_amount(const SimulatedTrack& t) {
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
    return std::round(static_cast<double>(t.funding_per_site) * factor);
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

  YearRun year(std::int64_t budget) {
    std::size_t n = plan_.tracks.size();
    YearRun y;
    y.active.assign(n, 0);
    std::vector<std::int64_t> continuing(n, 0), wanted_new(n, 0), wanted_promoted(n, 0);
    // Money is summed in doubles: exact to the yen below 2^53 yen (about 9,000兆円), far above
    // any program, and no count × amount can overflow.
    double cost = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const SimulatedTrack& track = plan_.tracks[t].track;
      int duration = track.duration;
      if (duration == 0) continue;
      std::int64_t finishing = done_[t][static_cast<std::size_t>(duration)];
      for (int a = 1; a < duration; ++a) continuing[t] += done_[t][static_cast<std::size_t>(a)];
      std::int64_t promoted = 0;
      if (auto to = plan_.tracks[t].promotes_to) {
        promoted = review(t, finishing);
        wanted_promoted[*to] += promoted;
      }
      y.ended += finishing - promoted;
      wanted_new[t] = track.new_sites;
      cost += static_cast<double>(continuing[t]) * amount_[t];
    }
    std::vector<std::int64_t> admitted_new = wanted_new, admitted_promoted = wanted_promoted;
    const BudgetPolicy policy = plan_.options.policy;
    if (policy == BudgetPolicy::admit_fewer) {
      // Running sites first, then the cheap entry tracks, then promotions: the new 育成型
      // sites are the pipeline later promotions come from, so they are cut last.
      double left = static_cast<double>(budget) - cost;
      auto admit = [&](std::int64_t want, double amount) -> std::int64_t {
        if (want <= 0) return 0;
        if (amount <= 0) return want;
        double fits = left <= 0 ? 0 : std::floor(left / amount);
        auto k = fits >= static_cast<double>(want) ? want : static_cast<std::int64_t>(fits);
        left -= static_cast<double>(k) * amount;
        return k;
      };
      for (std::size_t t = 0; t < n; ++t) admitted_new[t] = admit(wanted_new[t], amount_[t]);
      for (std::size_t t = 0; t < n; ++t) {
        admitted_promoted[t] = admit(wanted_promoted[t], amount_[t]);
      }
    }
    for (std::size_t t = 0; t < n; ++t) {
      std::int64_t refused_promotions = wanted_promoted[t] - admitted_promoted[t];
      y.turned_away += wanted_new[t] - admitted_new[t] + refused_promotions;
      y.ended += refused_promotions;
      y.new_sites += admitted_new[t];
      y.promoted += admitted_promoted[t];
      cost += static_cast<double>(admitted_new[t] + admitted_promoted[t]) * amount_[t];
      y.active[t] = continuing[t] + admitted_new[t] + admitted_promoted[t];
    }
    y.spend = yen(cost);
    y.bound = y.turned_away > 0;
    if (policy == BudgetPolicy::scale_funding && cost > static_cast<double>(budget)) {
      y.scale = static_cast<double>(budget) / cost;
      y.spend = budget;
      y.bound = true;
    }
    y.over = y.spend > budget;
    age(admitted_new, admitted_promoted);
    return y;
  }

  // Everyone funded this year has one more year behind them; those admitted have their first.
  void age(const std::vector<std::int64_t>& admitted_new,
           const std::vector<std::int64_t>& admitted_promoted) {
    for (std::size_t t = 0; t < done_.size(); ++t) {
      std::vector<std::int64_t>& d = done_[t];
      if (d.size() < 2) continue;
      for (std::size_t a = d.size() - 1; a > 1; --a) d[a] = d[a - 1];
      d[1] = admitted_new[t] + admitted_promoted[t];
    }
  }

  const Plan& plan_;
  detail::Random* random_;
  std::vector<double> amount_;  // per site per year, this run
  std::vector<double> carry_;   // deterministic reviews' remainders
  // done_[t][a]: sites of track t funded for a years before this year (a = 1 … duration).
  std::vector<std::vector<std::int64_t>> done_;
};

// Nearest-rank percentile of sorted values: the smallest value with at least p of the runs at
// or below it.
std::int64_t percentile(const std::vector<std::int64_t>& sorted, double p) {
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

Quantiles quantiles(std::vector<std::int64_t> values) {
  std::sort(values.begin(), values.end());
  return Quantiles{percentile(values, 0.1), percentile(values, 0.5), percentile(values, 0.9)};
}

template <typename Get>
Quantiles over_runs(const std::vector<std::vector<YearRun>>& runs, std::size_t year, Get get) {
  std::vector<std::int64_t> values;
  values.reserve(runs.size());
  for (const auto& run : runs) values.push_back(get(run[year]));
  return quantiles(std::move(values));
}

SimulatedYear summarize(const Plan& plan, const std::vector<std::vector<YearRun>>& runs,
                        std::size_t i) {
  SimulatedYear y;
  y.fiscal_year = *plan.options.start_fy + static_cast<int>(i);
  for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
    y.active[plan.tracks[t].track.id] =
        over_runs(runs, i, [t](const YearRun& r) { return r.active[t]; });
  }
  y.new_sites = over_runs(runs, i, [](const YearRun& r) { return r.new_sites; });
  y.promoted = over_runs(runs, i, [](const YearRun& r) { return r.promoted; });
  y.ended = over_runs(runs, i, [](const YearRun& r) { return r.ended; });
  y.turned_away = over_runs(runs, i, [](const YearRun& r) { return r.turned_away; });
  y.spend_jpy = over_runs(runs, i, [](const YearRun& r) { return r.spend; });
  y.budget_jpy = plan.budget[i];
  std::vector<double> scales;
  for (const auto& run : runs) {
    y.over_budget += run[i].over ? 1 : 0;
    y.budget_bound += run[i].bound ? 1 : 0;
    scales.push_back(run[i].scale);
  }
  y.over_budget /= static_cast<double>(runs.size());
  y.budget_bound /= static_cast<double>(runs.size());
  std::sort(scales.begin(), scales.end());
  y.funding_scale = scales[(scales.size() - 1) / 2];
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
  std::vector<std::vector<YearRun>> runs;
  if (options.runs == 0) {
    runs.push_back(CohortRun(plan, nullptr).run());
  } else {
    runs.reserve(options.runs);
    for (std::size_t r = 0; r < options.runs; ++r) {
      detail::Random random(options.seed, r);
      runs.push_back(CohortRun(plan, &random).run());
    }
  }
  SimulationResult result;
  result.program = plan.program;
  result.name = plan.name;
  result.options = plan.options;
  for (const detail::TrackPlan& t : plan.tracks) result.tracks.push_back(t.track);
  for (std::size_t i = 0; i < plan.budget.size(); ++i) {
    result.years.push_back(summarize(plan, runs, i));
  }
  result.assumptions = std::move(plan.assumptions);
  note_method(plan, result.assumptions);
  return result;
}

}  // namespace kyoso
