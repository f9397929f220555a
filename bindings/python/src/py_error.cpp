// The one place where kyoso's C++ errors become Python exceptions. The Python classes live in
// kyoso/errors.py, where they are documented and typed; here each C++ class is mapped to its
// Python class, and the error's location is copied into the exception's attributes.
#include <exception>
#include <kyoso/error.hpp>

#include "py_init.hpp"

namespace kyoso::python {
namespace {

py::object line_or_none(std::size_t value) {
  return value == 0 ? py::object(py::none()) : py::object(py::int_(value));
}

// Sets the Python error `kyoso.errors.<name>` for `error`, with `extra` attributes.
void raise(const char* name, const Error& error, py::dict extra = {}) {
  const Location& where = error.where();
  extra["problem"] = error.problem();
  extra["file"] = where.file;
  extra["line"] = line_or_none(where.line);
  extra["column"] = line_or_none(where.column);
  extra["pointer"] = where.pointer;
  extra["id"] = where.id;
  py::object type = py::module_::import("kyoso.errors").attr(name);
  py::object exception = type(error.what(), **extra);
  PyErr_SetObject(type.ptr(), exception.ptr());
}

// Most derived class first. Anything else is left to pybind11's own translators.
void translate(std::exception_ptr thrown) {
  try {
    if (thrown) std::rethrow_exception(thrown);
  } catch (const AmbiguousNameError& e) {
    py::dict extra;
    extra["suggestion"] = e.suggestion();
    extra["candidates"] = e.candidates();
    raise("AmbiguousNameError", e, extra);
  } catch (const UnknownIdError& e) {
    py::dict extra;
    extra["suggestion"] = e.suggestion();
    raise("UnknownIdError", e, extra);
  } catch (const ParseError& e) {
    raise("ParseError", e);
  } catch (const ValidationError& e) {
    raise("ValidationError", e);
  } catch (const IoError& e) {
    raise("IoError", e);
  } catch (const Error& e) {
    raise("Error", e);
  }
}

}  // namespace

void init_error(py::module_&) { py::register_exception_translator(&translate); }

}  // namespace kyoso::python
