// scenario.hpp: scenarios read from text or a file, and applied to a model. A scenario crosses
// the boundary as its kyoso.scenario/1 text (the kyoso.Scenario class of kyoso/scenario.py
// holds it as a dict), so that a dict, a file and the fluent builder are all read, checked
// and reported by the C++ reader. Reading, parsing and applying release the GIL.
#include <string>

#include "py_arguments.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {
namespace {

// Python writes the text it sends (json.dumps), so errors name no line or column in it.
Scenario parse_generated(const std::string& json, const std::string& origin) {
  return read_generated([&] { return parse_scenario(json, origin); });
}

}  // namespace

void init_scenario(py::module_& m) {
  m.attr("scenario_schema") = std::string(scenario_schema);
  m.def(
      "parse_scenario",
      [](const std::string& json, const std::string& origin, bool positions) {
        py::gil_scoped_release unlocked;
        return to_json(positions ? parse_scenario(json, origin) : parse_generated(json, origin));
      },
      py::arg("json"), py::arg("origin"), py::arg("positions"),
      "Reads and checks a kyoso.scenario/1 document; returns it as canonical text (one line, "
      "keys sorted). Without `positions` errors name the JSON pointer but no line or column.");
  m.def(
      "load_scenario",
      [](const std::string& file) {
        py::gil_scoped_release unlocked;
        return to_json(load_scenario(file));
      },
      py::arg("file"), "Reads and checks a scenario file; returns it as canonical text.");
  m.def(
      "apply",
      [](const Model& base, const std::string& json, const std::string& origin) {
        return interruptible([&] { return apply(base, parse_generated(json, origin)); });
      },
      py::arg("base"), py::arg("scenario"), py::arg("origin"),
      "The base with the scenario's edits (canonical text) as a new Model (kyoso::apply); "
      "errors name `origin`, the edit's JSON pointer, its op and the offending id.");
}

}  // namespace kyoso::python
