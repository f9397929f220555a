// simulate.hpp: a multi-track program's sites over the years. Computed with the GIL released,
// converted to dicts (kyoso.SimulationResult reads them) with it held.
#include <string>

#include "py_convert.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_simulate(py::module_& m) {
  m.def(
      "simulate",
      [](const Model& model, const std::string& program, const py::dict& options) {
        SimulationOptions o = simulation_options_from(options);
        SimulationResult result = interruptible([&] { return simulate(model, program, o); });
        return to_python(result);
      },
      py::arg("model"), py::arg("program"), py::arg("options"),
      "The program's sites year by year, as a dict (kyoso::simulate).");
  m.def(
      "simulate_json",
      [](const Model& model, const std::string& program, const py::dict& options,
         const std::string& format) {
        SimulationOptions o = simulation_options_from(options);
        bool csv = format == "csv";
        if (!csv && format != "json") throw Error("unknown format '" + format + "'");
        SimulationResult result = interruptible([&] { return simulate(model, program, o); });
        py::gil_scoped_release unlocked;
        return csv ? to_csv(result) : to_json(result);
      },
      py::arg("model"), py::arg("program"), py::arg("options"), py::arg("format"),
      "The simulation as kyoso.simulate/1 JSON or as CSV, the bytes `kyoso simulate` writes.");
}

}  // namespace kyoso::python
