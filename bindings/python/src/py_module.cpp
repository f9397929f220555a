// The compiled half of the kyoso Python package. Users import `kyoso`, whose pure-Python
// modules wrap what this module returns into documented classes (bindings/python/kyoso/).
#include <kyoso/version.hpp>
#include <string>

#include "py_init.hpp"

PYBIND11_MODULE(_kyoso, m) {
  namespace python = kyoso::python;
  m.doc() = "kyoso's C++ library, bound thinly; use the `kyoso` package instead.";
  m.attr("version") = std::string(kyoso::version);
  python::init_error(m);
  python::init_vocabulary(m);
  python::init_model(m);
  python::init_io(m);
  python::init_query(m);
  python::init_scenario(m);
  python::init_simulate(m);
  python::init_compare(m);
  python::init_sweep(m);
  python::init_synth(m);
  python::init_university(m);
}
