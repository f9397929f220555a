// compare.hpp: one query on a base model and a scenario's model, and what changed: computed
// and written as a report document with the GIL released, read into Python with it held.
#include <string>

#include "py_arguments.hpp"
#include "py_document.hpp"
#include "py_init.hpp"

namespace kyoso::python {

void init_compare(py::module_& m) {
  m.def(
      "compare_fit",
      [](const Model& base, const Model& scenario, const std::string& profile,
         const py::dict& weights) {
        FitWeights w = weights_from(weights);
        return answer([&] {
          Profile p = profile_from(base, profile);
          require_criteria(p);
          return to_json(compare_fit(base, scenario, p, w));
        });
      },
      py::arg("base"), py::arg("scenario"), py::arg("profile"), py::arg("weights"),
      "fit on both models and what changed: the kyoso.compare.fit/2 document.");
  m.def(
      "compare_simulation",
      [](const Model& base, const Model& scenario, const std::string& program,
         const py::dict& options) {
        SimulationOptions o = simulation_options_from(options);
        return answer([&] { return to_json(compare_simulation(base, scenario, program, o)); });
      },
      py::arg("base"), py::arg("scenario"), py::arg("program"), py::arg("options"),
      "simulate on both models and the per-year deltas: the kyoso.compare.simulate/1 document.");
}

}  // namespace kyoso::python
