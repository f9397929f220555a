// kyoso's C++ values as plain Python values (dict, list, str, int, float, bool, None) in the
// shapes that kyoso/results.py reads into dataclasses, and query arguments back into C++.
// Vocabulary words (kinds, relations …) are the strings files and users see.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kyoso::python {

namespace py = pybind11;

py::str to_python(const std::string& text);
py::str to_python(Relation relation);
py::bool_ to_python(bool value);
py::dict to_python(const Text& text);
py::dict to_python(const Source& source);
py::dict to_python(const Figure& figure);
py::dict to_python(const Node& node);
py::dict to_python(const ModelInfo& info);
py::dict to_python(const Path& path);
py::dict to_python(const Profile& profile);
py::dict to_python(const Criterion& criterion);
py::dict to_python(const CallReading& call);
py::dict to_python(const Participation& route);
py::dict to_python(const Recommendation& recommendation);
py::dict to_python(const FactorLink& factor);
py::dict to_python(const CaseLink& reference);
py::dict to_python(const Diagnosis& diagnosis);
py::dict to_python(const Neighbor& neighbor);
py::dict to_python(const PathResult& result);
py::dict to_python(const PlanItem& item);
py::dict to_python(const Portfolio& portfolio);
// fit_all's answer as [(university, [(program, score, eligibility), …]), …]: tuples rather
// than dicts, for a national model has hundreds of thousands of ranked programs; each
// program's id and each eligibility word is one str object shared by every ranking.
py::list to_python(const Model& model, const std::vector<UniversityFit>& fits);
// rank()'s answer as [(program, score, eligibility), …].
py::list to_python(const Model& model, const std::vector<RankedProgram>& ranking);
py::dict to_python(const Quantiles& quantiles);
py::dict to_python(const SimulationOptions& options);
py::dict to_python(const SimulatedTrack& track);
py::dict to_python(const SimulatedYear& year);
py::dict to_python(const SimulationResult& result);
py::dict to_python(const FitStanding& standing);
py::dict to_python(const FitChange& change);
py::dict to_python(const FitComparison& comparison);
py::dict to_python(const YearChange& change);
py::dict to_python(const SimulationComparison& comparison);

template <typename T>
py::list to_python(const std::vector<T>& values) {
  py::list out;
  for (const T& value : values) out.append(to_python(value));
  return out;
}

// A profile from the keyword arguments of Model.fit (keys as in Profile; lists of ids).
Profile profile_from(const py::dict& arguments);
// Weights from {"mission": 0.35, …}; missing keys keep FitWeights' defaults.
FitWeights weights_from(const py::dict& weights);

// Simulation options from the keyword arguments of Model.simulate (keys as in
// SimulationOptions; None keeps a default). A value of the wrong type is a TypeError naming
// the argument; an unknown key or policy is a kyoso::Error. The values themselves (years,
// budget …) are checked by simulate().
SimulationOptions simulation_options_from(const py::dict& arguments);

// Synthesis options from the keyword arguments of kyoso.synthesize (keys as in SynthOptions).
// A value that is not a whole number of 0 or more is a TypeError naming the argument; an
// unknown key, or a count beyond what `kyoso synth` allows (100000000 nodes of a kind, the
// edges a model file may hold), is a kyoso::Error. Whether the counts fit together is
// synthesize()'s to check.
SynthOptions synth_options_from(const py::dict& arguments);

// A vocabulary word; throws kyoso::Error naming the words allowed.
Kind kind_from(std::string_view word);
Relation relation_from(std::string_view word);
Direction direction_from(std::string_view word);
Lang lang_from(std::string_view word);

}  // namespace kyoso::python
