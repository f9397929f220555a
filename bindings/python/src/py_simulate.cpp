// simulate.hpp: a multi-track program's sites over the years, computed and written as the
// kyoso.simulate/1 document (or CSV) with the GIL released.
#include <string>

#include "py_arguments.hpp"
#include "py_document.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_simulate(py::module_& m) {
  m.def(
      "simulate",
      [](const Model& model, const std::string& program, const py::dict& options) {
        SimulationOptions o = simulation_options_from(options);
        return document(interruptible([&] { return to_json(simulate(model, program, o)); }));
      },
      py::arg("model"), py::arg("program"), py::arg("options"),
      "The program's sites year by year: the kyoso.simulate/1 document.");
  m.def(
      "simulate_csv",
      [](const Model& model, const std::string& program, const py::dict& options) {
        SimulationOptions o = simulation_options_from(options);
        return interruptible([&] { return to_csv(simulate(model, program, o)); });
      },
      py::arg("model"), py::arg("program"), py::arg("options"),
      "The simulation as the CSV `kyoso simulate --format csv` writes.");
}

}  // namespace kyoso::python
