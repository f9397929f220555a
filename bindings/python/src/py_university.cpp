// find.hpp and university.hpp: nodes by name, the universities table and a university's
// derived profile. Each answer is its report document (report.hpp), read into Python values
// (py_document.hpp) for the result classes built from docs/schemas/.
#include <kyoso/find.hpp>
#include <kyoso/report.hpp>
#include <kyoso/university.hpp>
#include <optional>
#include <string>
#include <vector>

#include "py_document.hpp"
#include "py_init.hpp"

namespace kyoso::python {
namespace {

std::vector<std::string> strings(const py::dict& filter, const char* key) {
  if (!filter.contains(key)) return {};
  return py::cast<std::vector<std::string>>(filter[key]);
}

std::string string(const py::dict& filter, const char* key) {
  if (!filter.contains(key)) return {};
  return py::cast<std::string>(filter[key]);
}

}  // namespace

void init_university(py::module_& m) {
  m.def(
      "find",
      [](const Model& model, const std::string& text, const std::optional<std::string>& kind) {
        std::optional<Kind> wanted;
        if (kind) {
          wanted = parse_kind(*kind);
          if (!wanted) throw py::value_error("unknown kind '" + *kind + "'");
        }
        return answer([&] { return to_json(text, wanted, find_nodes(model, text, wanted)); });
      },
      py::arg("model"), py::arg("text"), py::arg("kind"),
      "The kyoso.find/1 document of the nodes whose id or name contains the text.");
  m.def(
      "universities",
      [](const Model& model, const py::dict& filter) {
        UniversityFilter f;
        f.prefecture = string(filter, "prefecture");
        f.region = string(filter, "region");
        f.establishment = string(filter, "establishment");
        f.framework = string(filter, "framework");
        f.fields = strings(filter, "fields");
        f.holds = strings(filter, "holds");
        f.lacks = strings(filter, "lacks");
        f.current_only = filter.contains("current_only") && py::cast<bool>(filter["current_only"]);
        std::vector<std::string> asked = f.holds;
        asked.insert(asked.end(), f.lacks.begin(), f.lacks.end());
        return answer([&] { return to_json(universities(model, f), lists_partial(model, asked)); });
      },
      py::arg("model"), py::arg("filter"),
      "The kyoso.universities/1 document of the universities the filter keeps.");
  m.def(
      "university_profile",
      [](const Model& model, const std::string& university, std::optional<int> fiscal_year) {
        return answer([&] { return to_json(derive_profile(model, university, fiscal_year)); });
      },
      py::arg("model"), py::arg("university"), py::arg("fiscal_year") = py::none(),
      "The kyoso.university_profile/1 document of a university's derived profile.");
}

}  // namespace kyoso::python
