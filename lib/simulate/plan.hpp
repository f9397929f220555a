// What simulate() reads from the model, once per call: the tracks with their figures, the
// budget of each simulated year, and the assumptions behind each number. Runs work on this
// plan alone.
#pragma once

#include <optional>
#include <vector>

#include "kyoso/simulate.hpp"

namespace kyoso::detail {

struct TrackPlan {
  SimulatedTrack track;                    // as reported
  std::optional<std::size_t> promotes_to;  // position in Plan::tracks
};

struct Plan {
  std::string program;
  Text name;
  SimulationOptions options;         // start_fy resolved
  std::vector<TrackPlan> tracks;     // in simulation order: a promoting track before its target
  std::vector<std::int64_t> budget;  // per simulated year
  std::vector<Text> assumptions;
};

// Throws UnknownIdError for an unknown program, Error for bad options or a program the
// cohort model cannot read.
Plan read_plan(const Model&, std::string_view program, const SimulationOptions&);

}  // namespace kyoso::detail
