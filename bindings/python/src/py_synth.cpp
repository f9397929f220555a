// synth.hpp: synthetic national-scale models, generated with the GIL released.
#include "py_arguments.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_synth(py::module_& m) {
  m.def(
      "synthesize",
      [](const py::dict& options) {
        SynthOptions o = synth_options_from(options);
        return interruptible([&] { return synthesize(o); });
      },
      py::arg("options"),
      "The embedded model plus generated universities, programs, stakeholders and "
      "joint-research links (kyoso::synthesize); options as in SynthOptions.");
}

}  // namespace kyoso::python
