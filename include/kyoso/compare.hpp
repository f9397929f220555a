// The same query on a base model and on a scenario's model, side by side with what changed
// (OpenFisca's and PolicyEngine's compare(): baseline, reform, change). The scenario's model
// is apply(base, scenario); any Model pair works.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"
#include "kyoso/simulate.hpp"

namespace kyoso {

// ---- fit ---------------------------------------------------------------------------------

// Where a program stands in one fit result.
struct FitStanding {
  std::size_t rank = 0;  // 1-based position in FitResult::results
  double score = 0;
  Eligibility eligibility = Eligibility::eligible;
  friend bool operator==(const FitStanding&, const FitStanding&) = default;
};

struct FitChange {
  std::string id;
  Text name;                            // as the scenario names it (the base, if removed)
  std::optional<FitStanding> base;      // empty: the program is not in the base model
  std::optional<FitStanding> scenario;  // empty: the scenario removed it

  // The profile can apply for it (eligible, or via a partner) in the scenario and not in the
  // base — it is new, or it opened to the profile; left() is the reverse.
  bool entered() const noexcept;
  bool left() const noexcept;
  // Places moved up: base rank − scenario rank (positive: higher in the scenario); 0 when the
  // program is missing on either side.
  long rank_move() const noexcept;
  // Scenario score − base score; 0 when the program is missing on either side.
  double score_change() const noexcept;
  bool eligibility_changed() const noexcept;
  // It was added or removed, or its rank, score or eligibility differs.
  bool changed() const noexcept;
};

struct FitComparison {
  FitResult base;
  FitResult scenario;
  // Every program of either result: in the scenario's order, then those the scenario removed
  // in the base's order.
  std::vector<FitChange> programs;

  std::vector<std::string> entered() const;
  std::vector<std::string> left() const;
};

// fit() on both models with one profile. Throws UnknownIdError when a profile id is missing
// from either model (a scenario that removes a node the profile names).
FitComparison compare_fit(const Model& base, const Model& scenario, const Profile&,
                          const FitWeights& = {});

// ---- simulate ----------------------------------------------------------------------------

// Scenario minus base in one fiscal year, on the medians when Monte Carlo.
struct YearChange {
  int fiscal_year = 0;
  std::map<std::string, std::int64_t> active;  // by track of either side
  std::int64_t new_sites = 0;
  std::int64_t promoted = 0;
  std::int64_t ended = 0;
  std::int64_t turned_away = 0;
  std::int64_t spend_jpy = 0;
  std::int64_t budget_jpy = 0;
  double over_budget = 0;  // change in the share of runs over budget
  double budget_bound = 0;
  friend bool operator==(const YearChange&, const YearChange&) = default;
};

struct SimulationComparison {
  SimulationResult base;
  SimulationResult scenario;
  std::vector<YearChange> years;  // the fiscal years both simulate, in order
  // The assumptions that differ between the two runs (a re-derived promotion rate, another
  // budget series): those only the base made, and those only the scenario made, in order.
  std::vector<Text> base_only_assumptions;
  std::vector<Text> scenario_only_assumptions;
};

// simulate() on both models with the same options — with Monte Carlo, the same seed, so both
// sides draw the same random numbers and the deltas show the scenario, not the noise.
SimulationComparison compare_simulation(const Model& base, const Model& scenario,
                                        std::string_view program, const SimulationOptions& = {});

}  // namespace kyoso
