// The sites of a multi-track program over the years: a cohort model read from the model's
// data — COI-NEXT first (docs/domain.md, Figures): new 育成型 sites each year, a promotion review
// into 本格型, 本格型 sites for up to 10 years, OPERA's continuing projects running out, each site
// funded at its track's per-site amount, all within the program's annual budget.
//
// Everything program-specific is data: the tracks are the programs that are part_of the
// program, promotion follows promotes_to, and the numbers are the tracks' figures
// (funding_per_site, duration, sites, new_sites) and the program's budget figures. The
// model is read once per call; runs work on plain numbers, so a Monte Carlo of many runs
// never copies the model. docs/simulate.md gives the rules year by year.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

// What happens when the sites a year's rules admit would cost more than its budget.
enum class BudgetPolicy : std::uint8_t {
  // Running sites keep their funding; new entries, then promotions, are admitted only while
  // the budget lasts. The default: a cut shows as fewer sites.
  admit_fewer,
  // Everyone the rules admit is funded; when that costs more than the budget, every site's
  // funding that year is scaled down to fit. A cut shows as smaller grants.
  scale_funding,
  // The budget limits nothing; a year that costs more is only marked over_budget. Shows
  // whether the budget covers the stated figures at all.
  report_only,
};
std::string_view to_string(BudgetPolicy) noexcept;  // "admit-fewer", "scale-funding", …
std::optional<BudgetPolicy> parse_budget_policy(std::string_view) noexcept;

struct SimulationOptions {
  int years = 10;               // how many fiscal years to simulate, 1–100
  std::optional<int> start_fy;  // default: the model's fiscal year (2024 for the dataset)
  // Every year's budget in JPY, in place of the program's budget figures (--budget).
  std::optional<std::int64_t> budget_jpy;
  // The budget of years after the last budget figure; default: the last figure's value.
  std::optional<std::int64_t> future_budget_jpy;
  BudgetPolicy policy = BudgetPolicy::admit_fewer;
  // The share of a finishing cohort that a promotion review promotes, 0–1. Default: the rate
  // that keeps the promoted-to track at its stated `sites` in steady state (see simulate()).
  std::optional<double> promotion_rate;
  // Sites running in the year before the start, by track id; default: the track's `sites`
  // figure, else 0 (the seed gives no count for OPERA's continuing projects).
  std::map<std::string, std::int64_t> initial_sites;
  // New sites admitted each year, by track id; default: the track's `new_sites` figure, else 0.
  std::map<std::string, std::int64_t> new_sites;

  // Monte Carlo: 0 runs is one deterministic run at the stated amounts. With runs ≥ 1 each
  // run draws every promotion review's outcome (binomial) and each track's per-site amount
  // within its qualifier, and the years report p10/p50/p90 over the runs. The same seed gives
  // the same result on every platform: the engine is std::mt19937_64, whose output the
  // standard fixes, and the distributions are kyoso's own, not the standard library's.
  std::size_t runs = 0;
  std::uint64_t seed = 0;
  double approx_spread = 0.10;  // 程度 (approx): uniform within ±10% of the stated amount
  double up_to_floor = 0.75;    // 〜/最長 (up_to): uniform between 75% and 100% of the cap
};

// A count or amount over the runs (nearest-rank percentiles); without Monte Carlo all three
// are the one run's value.
struct Quantiles {
  std::int64_t p10 = 0;
  std::int64_t p50 = 0;
  std::int64_t p90 = 0;
  friend bool operator==(const Quantiles&, const Quantiles&) = default;
};

struct SimulatedYear {
  int fiscal_year = 0;
  std::map<std::string, Quantiles> active;  // sites funded this year, by track id
  Quantiles new_sites;                      // admitted into tracks that take new sites
  Quantiles promoted;                       // admitted by promotion review
  // Funded last year, not this year, and not promoted: a term that ran out, a review that did
  // not promote, or a promotion the budget turned away.
  Quantiles ended;
  Quantiles turned_away;  // new or promoted sites the budget policy did not admit
  Quantiles spend_jpy;
  std::int64_t budget_jpy = 0;
  // The share of runs (0 or 1 without Monte Carlo) whose spend exceeded the budget, and in
  // which the budget bound: the policy admitted fewer or scaled funding down.
  double over_budget = 0;
  double budget_bound = 0;
  double funding_scale = 1;  // scale_funding: the factor paid (the median over runs)
  friend bool operator==(const SimulatedYear&, const SimulatedYear&) = default;
};

// A track as simulated: its figures and where each number came from.
struct SimulatedTrack {
  std::string id;
  Text name;
  std::int64_t funding_per_site = 0;  // JPY per year, as stated
  Qualifier funding_qualifier = Qualifier::exact;
  int duration = 0;                // fiscal years a site is funded
  std::int64_t new_sites = 0;      // per year
  std::int64_t initial_sites = 0;  // running the year before the start
  std::string promotes_to;         // the track its review promotes into, if any
  double promotion_rate = 0;       // of a finishing cohort, if it promotes
  bool open = true;  // takes entries: its call that year is not closed or continuing-only
  friend bool operator==(const SimulatedTrack&, const SimulatedTrack&) = default;
};

struct SimulationResult {
  std::string program;
  Text name;
  SimulationOptions options;           // as given, with start_fy resolved
  std::vector<SimulatedTrack> tracks;  // entry tracks first, then along promotions, closed last
  std::vector<SimulatedYear> years;
  // Each default taken and each number read from the model, with where it came from: what a
  // reader checks to trust the result.
  std::vector<Text> assumptions;
  bool monte_carlo() const noexcept { return options.runs > 0; }
};

// Simulates `program` (an id; the kind prefix may be left out). Throws UnknownIdError for an
// unknown program, and Error for bad options (years outside 1–100, a negative budget, a
// promotion rate outside 0–1, runs over 100000) and for a program the cohort model cannot
// read: one with no tracks (nothing is part_of it), a track that may hold sites without
// funding_per_site or duration figures, or no budget figure and no budget option.
//
// The default promotion rate keeps the promoted-to track at its stated size: in steady state
// a track that only promotion fills holds rate × (sites finishing the earlier track each
// year) × (its duration), so rate = sites / (inflow × duration). For COI-NEXT that is
// 33 / (6 × 10) = 0.55 (本格型 「33拠点程度」, 育成型 「新規６拠点程度」, 「最長10年度」).
SimulationResult simulate(const Model&, std::string_view program, const SimulationOptions& = {});

}  // namespace kyoso
