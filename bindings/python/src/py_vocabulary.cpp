// vocabulary.hpp: the closed vocabulary, as tuples of the words files and users see.
#include <kyoso/vocabulary.hpp>

#include "py_init.hpp"

namespace kyoso::python {
namespace {

template <typename Enum>
py::tuple words(std::span<const Enum> all) {
  py::tuple out(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string_view word = to_string(all[i]);
    out[i] = py::str(word.data(), word.size());
  }
  return out;
}

}  // namespace

void init_vocabulary(py::module_& m) {
  m.attr("kinds") = words(all_kinds());
  m.attr("relations") = words(all_relations());
}

}  // namespace kyoso::python
