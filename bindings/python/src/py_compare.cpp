// compare.hpp: one query on a base model and a scenario's model, and what changed. Computed
// with the GIL released, converted to dicts (kyoso.FitComparison, kyoso.SimulationComparison)
// with it held.
#include <string>

#include "py_convert.hpp"
#include "py_init.hpp"

namespace kyoso::python {

void init_compare(py::module_& m) {
  m.def(
      "compare_fit",
      [](const Model& base, const Model& scenario, const py::dict& profile,
         const py::dict& weights) {
        Profile p = profile_from(profile);
        FitWeights w = weights_from(weights);
        require_criteria(p);
        FitComparison result;
        {
          py::gil_scoped_release unlocked;
          result = compare_fit(base, scenario, p, w);
        }
        return to_python(result);
      },
      py::arg("base"), py::arg("scenario"), py::arg("profile"), py::arg("weights"),
      "fit on both models and what changed, as a dict (kyoso::compare_fit).");
  m.def(
      "compare_simulation",
      [](const Model& base, const Model& scenario, const std::string& program,
         const py::dict& options) {
        SimulationOptions o = simulation_options_from(options);
        SimulationComparison result;
        {
          py::gil_scoped_release unlocked;
          result = compare_simulation(base, scenario, program, o);
        }
        return to_python(result);
      },
      py::arg("base"), py::arg("scenario"), py::arg("program"), py::arg("options"),
      "simulate on both models and the per-year deltas, as a dict (kyoso::compare_simulation).");
}

}  // namespace kyoso::python
