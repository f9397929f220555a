// The rule by which a university's mission is read from the support framework it chose, on
// node indices: derive_profile() (university.cpp) explains it, fit_all() applies it to every
// university, and both give the same mission.
#pragma once

#include <optional>

#include "kyoso/model.hpp"

namespace kyoso::detail {

// Evidence weaker than this is shown, never used: a framework choice the sources do not
// settle (② or ③) gives no mission.
inline bool usable(Certainty c) noexcept { return c != Certainty::unknown; }

// Whether an `awarded` edge is held as of the fiscal year (none: every award is): an award
// of a later year is not yet.
inline bool held_in(const Edge& awarded, std::optional<int> fiscal_year) noexcept {
  return !fiscal_year || !awarded.fiscal_year() || *awarded.fiscal_year() <= *fiscal_year;
}

// The weaker of two certainties: a path is as sure as its least sure edge.
inline Certainty weaker(Certainty a, Certainty b) noexcept { return a > b ? a : b; }

struct MissionEvidence {
  NodeIndex mission = 0;
  EdgeIndex chose = 0;      // university -chose_framework-> framework
  EdgeIndex indicates = 0;  // framework -indicates-> mission
  Certainty certainty = Certainty::certain;
};

// Every framework choice of the university with the mission its framework indicates, in edge
// order.
std::vector<MissionEvidence> framework_evidence(const Model&, NodeIndex university);

// The mission the usable evidence agrees on (the surest path to it), or none: no usable
// evidence, or usable evidence for more than one mission.
std::optional<MissionEvidence> mission_from_frameworks(const Model&, NodeIndex university);

}  // namespace kyoso::detail
