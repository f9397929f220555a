// The report layer's documents (kyoso/report.hpp) as Python values: each JSON text becomes
// dicts, lists, str, int, float, bool and None in one pass, with no tree in between. The
// kyoso package builds its result classes over these dicts from the documents' schemas
// (docs/schemas/), so no result type is converted field by field here.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

namespace kyoso::python {

namespace py = pybind11;

// One document. The text must be JSON, as every report document is.
py::object document(std::string_view json);
// The document `write` returns: computed and written with the GIL released (a Model is
// immutable, so Python threads may query one at once), read into Python with it held.
template <typename Write>
py::object answer(Write write) {
  std::string json;
  {
    py::gil_scoped_release unlocked;
    json = write();
  }
  return document(json);
}
// Many documents of one kind (fit_all's, one per university): each key and each short
// string (ids, vocabulary words) is made once and shared by all of them.
py::list documents(const std::vector<std::string>& jsons);

}  // namespace kyoso::python
