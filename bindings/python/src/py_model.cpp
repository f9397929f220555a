// model.hpp: the immutable Model, and the report documents about it: one node with every edge
// at it (kyoso.node/2), many nodes (kyoso.nodes/1) and the counts (kyoso.stats/1). Loading
// and saving are in py_io.cpp, the queries in py_query.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "py_arguments.hpp"
#include "py_document.hpp"
#include "py_init.hpp"

namespace kyoso::python {

void init_model(py::module_& m) {
  py::class_<Model>(m, "Model", "An immutable, validated policy graph (kyoso::Model).")
      .def(py::init<>(), "An empty model.")
      .def_property_readonly("node_count", &Model::node_count, "The number of nodes.")
      .def_property_readonly("edge_count", &Model::edge_count, "The number of edges.")
      .def(
          "contains",
          [](const Model& self, std::string_view id) { return self.find(id).has_value(); },
          py::arg("id"), "Whether a node has exactly this id.")
      .def(
          "resolve", [](const Model& self, std::string_view id) { return self.node(id).id; },
          py::arg("id"), "The full id of a node; the kind prefix may be left out.")
      .def("__eq__", [](const Model& a, const Model& b) { return a == b; });
  m.def(
      "node",
      [](const Model& model, const std::string& id, std::string_view lang) {
        Lang l = lang_from(lang);
        return answer([&] { return node_json(model, id, l); });
      },
      py::arg("model"), py::arg("id"), py::arg("lang"),
      "One node and every edge at it: the kyoso.node/2 document.");
  m.def(
      "nodes",
      [](const Model& model, const std::optional<std::string>& kind, std::string_view lang) {
        std::optional<Kind> k;
        if (kind) k = kind_from(*kind);
        Lang l = lang_from(lang);
        return answer([&] { return nodes_json(model, k, l); });
      },
      py::arg("model"), py::arg("kind"), py::arg("lang"),
      "Every node (of one kind) in id order: the kyoso.nodes/1 document.");
  m.def(
      "stats", [](const Model& model) { return answer([&] { return stats_json(model); }); },
      py::arg("model"), "What the model holds, counted: the kyoso.stats/1 document.");
}

}  // namespace kyoso::python
