// compare_fit and compare_simulation: one query on two models, and the change between them.
#include "kyoso/compare.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kyoso {

namespace {
bool can_apply(const std::optional<FitStanding>& s) {
  return s && s->eligibility != Eligibility::not_eligible;
}
}  // namespace

bool FitChange::entered() const noexcept { return can_apply(scenario) && !can_apply(base); }
bool FitChange::left() const noexcept { return can_apply(base) && !can_apply(scenario); }

long FitChange::rank_move() const noexcept {
  if (!base || !scenario) return 0;
  return static_cast<long>(base->rank) - static_cast<long>(scenario->rank);
}

double FitChange::score_change() const noexcept {
  return base && scenario ? scenario->score - base->score : 0;
}

bool FitChange::eligibility_changed() const noexcept {
  return base && scenario && base->eligibility != scenario->eligibility;
}

bool FitChange::changed() const noexcept { return base != scenario; }

std::vector<std::string> FitComparison::entered() const {
  std::vector<std::string> out;
  for (const FitChange& c : programs) {
    if (c.entered()) out.push_back(c.id);
  }
  return out;
}

std::vector<std::string> FitComparison::left() const {
  std::vector<std::string> out;
  for (const FitChange& c : programs) {
    if (c.left()) out.push_back(c.id);
  }
  return out;
}

FitComparison compare_fit(const Model& base, const Model& scenario, const Profile& profile,
                          const FitWeights& weights) {
  FitComparison out{fit(base, profile, weights), fit(scenario, profile, weights), {}};
  std::map<std::string_view, std::pair<std::size_t, const Recommendation*>> in_base;
  for (std::size_t i = 0; i < out.base.results.size(); ++i) {
    in_base[out.base.results[i].id] = {i + 1, &out.base.results[i]};
  }
  auto standing = [](std::size_t rank, const Recommendation& r) {
    return FitStanding{rank, r.score, r.eligibility};
  };
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < out.scenario.results.size(); ++i) {
    const Recommendation& r = out.scenario.results[i];
    FitChange c{r.id, r.name, std::nullopt, standing(i + 1, r)};
    if (auto it = in_base.find(r.id); it != in_base.end()) {
      c.base = standing(it->second.first, *it->second.second);
    }
    seen.insert(r.id);
    out.programs.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < out.base.results.size(); ++i) {
    const Recommendation& r = out.base.results[i];
    if (seen.count(r.id)) continue;
    out.programs.push_back(FitChange{r.id, r.name, standing(i + 1, r), std::nullopt});
  }
  return out;
}

SimulationComparison compare_simulation(const Model& base, const Model& scenario,
                                        std::string_view program,
                                        const SimulationOptions& options) {
  SimulationComparison out{
      simulate(base, program, options), simulate(scenario, program, options), {}, {}, {}};
  // An assumption is the same when its text is: each run writes its own in the same words.
  auto only_in = [](const std::vector<Text>& these, const std::vector<Text>& others) {
    std::vector<Text> out;
    for (const Text& t : these) {
      if (std::find(others.begin(), others.end(), t) == others.end()) out.push_back(t);
    }
    return out;
  };
  out.base_only_assumptions = only_in(out.base.assumptions, out.scenario.assumptions);
  out.scenario_only_assumptions = only_in(out.scenario.assumptions, out.base.assumptions);
  std::map<int, const SimulatedYear*> base_years;
  for (const SimulatedYear& y : out.base.years) base_years[y.fiscal_year] = &y;
  for (const SimulatedYear& s : out.scenario.years) {
    auto it = base_years.find(s.fiscal_year);
    if (it == base_years.end()) continue;
    const SimulatedYear& b = *it->second;
    YearChange c;
    c.fiscal_year = s.fiscal_year;
    for (const auto& [track, q] : s.active) c.active[track] += q.p50;
    for (const auto& [track, q] : b.active) c.active[track] -= q.p50;
    c.new_sites = s.new_sites.p50 - b.new_sites.p50;
    c.promoted = s.promoted.p50 - b.promoted.p50;
    c.ended = s.ended.p50 - b.ended.p50;
    c.turned_away = s.turned_away.p50 - b.turned_away.p50;
    c.spend_jpy = s.spend_jpy.p50 - b.spend_jpy.p50;
    c.budget_jpy = s.budget_jpy - b.budget_jpy;
    c.over_budget = s.over_budget - b.over_budget;
    c.budget_bound = s.budget_bound - b.budget_bound;
    out.years.push_back(std::move(c));
  }
  return out;
}

}  // namespace kyoso
