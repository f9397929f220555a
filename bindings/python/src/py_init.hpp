// The _kyoso extension module is put together from one init function per public header:
// each binds that header's classes and functions and nothing else.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace kyoso::python {

namespace py = pybind11;

void init_error(py::module_& m);       // error.hpp: the C++ -> Python error translation
void init_vocabulary(py::module_& m);  // vocabulary.hpp: kinds and relations
void init_model(py::module_& m);       // model.hpp: the Model class
void init_io(py::module_& m);          // io.hpp: loading, saving and exports
void init_query(py::module_& m);       // query.hpp: fit, fit_all, explain, diagnose, explore …
void init_scenario(py::module_& m);    // scenario.hpp: scenarios and apply
void init_simulate(py::module_& m);    // simulate.hpp: the cohort simulation
void init_compare(py::module_& m);     // compare.hpp: a query on base and scenario, diffed
void init_sweep(py::module_& m);       // sweep.hpp: sweeps, a range of points at a time
void init_synth(py::module_& m);       // synth.hpp: synthetic national-scale models
void init_university(py::module_& m);  // find.hpp, university.hpp: names and universities

}  // namespace kyoso::python
