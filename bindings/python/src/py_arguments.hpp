// Query arguments from Python into C++: weights, simulation and synthesis options and
// vocabulary words. A profile crosses as the profile file's JSON text, read by the report
// layer's parse_profile(); answers come back as documents (py_document.hpp).
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <string_view>

namespace kyoso::python {

namespace py = pybind11;

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

namespace kyoso::python {

// Reads a JSON text that Python wrote (json.dumps), with `read`. A line and column in that
// text would point nowhere the user can see, so an error keeps its origin, JSON pointer and
// id and drops them.
template <typename Read>
auto read_generated(Read read) -> decltype(read()) {
  auto drop = [](Location where) {
    where.line = 0;
    where.column = 0;
    return where;
  };
  try {
    return read();
  } catch (const AmbiguousNameError& e) {
    throw AmbiguousNameError(e, drop(e.where()));
  } catch (const UnknownIdError& e) {
    throw UnknownIdError(e, drop(e.where()));
  } catch (const ValidationError& e) {
    throw ValidationError(e.problem(), drop(e.where()));
  } catch (const ParseError& e) {
    throw ParseError(e.problem(), drop(e.where()));
  }
}

// A profile in the profile file's shape (report.hpp), as kyoso.Profile writes it.
inline Profile profile_from(const Model& model, const std::string& json) {
  return read_generated([&] { return parse_profile(model, json, "profile"); });
}

}  // namespace kyoso::python
