// model.hpp: the immutable Model. Nodes come out as dicts (kyoso.Node reads them); loading
// and saving are in py_io.cpp, the queries in py_query.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "py_convert.hpp"
#include "py_init.hpp"

namespace kyoso::python {

void init_model(py::module_& m) {
  py::class_<Model>(m, "Model", "An immutable, validated policy graph (kyoso::Model).")
      .def(py::init<>(), "An empty model.")
      .def_property_readonly("node_count", &Model::node_count, "The number of nodes.")
      .def_property_readonly("edge_count", &Model::edge_count, "The number of edges.")
      .def(
          "info", [](const Model& self) { return to_python(self.info()); },
          "What the whole graph is about, as a dict.")
      .def(
          "contains",
          [](const Model& self, std::string_view id) { return self.find(id).has_value(); },
          py::arg("id"), "Whether a node has exactly this id.")
      .def(
          "resolve", [](const Model& self, std::string_view id) { return self.node(id).id; },
          py::arg("id"), "The full id of a node; the kind prefix may be left out.")
      .def(
          "node", [](const Model& self, std::string_view id) { return to_python(self.node(id)); },
          py::arg("id"), "One node as a dict; the kind prefix of the id may be left out.")
      .def(
          "nodes",
          [](const Model& self, const std::optional<std::string>& kind) {
            py::list out;
            if (kind) {
              for (NodeIndex i : self.nodes_of_kind(kind_from(*kind))) {
                out.append(to_python(self.node(i)));
              }
            } else {
              for (NodeIndex i = 0; i < self.node_count(); ++i) out.append(to_python(self.node(i)));
            }
            return out;
          },
          py::arg("kind") = py::none(), "Every node (of one kind), in id order, as dicts.")
      .def("__eq__", [](const Model& a, const Model& b) { return a == b; });
}

}  // namespace kyoso::python
