// io.hpp: loading, saving and exporting models. Reading, parsing and writing release the GIL.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "py_arguments.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_io(py::module_& m) {
  using release = py::call_guard<py::gil_scoped_release>;
  m.attr("schema_version") = schema_version;
  m.def("default_model", &default_model, release(),
        "The embedded dataset: the FY2024 core and the national layer (built once, on first "
        "use).");
  m.def(
      "load_model",
      [](const std::string& file) { return interruptible([&] { return load_model(file); }); },
      py::arg("file"), "Reads and validates a JGF v2 file.");
  m.def(
      "load_layers",
      [](const std::vector<std::string>& files) {
        return load_layers(std::vector<std::filesystem::path>(files.begin(), files.end()));
      },
      py::arg("files"), release(),
      "Reads several JGF files as one model, each laid over the ones before it.");
  m.def(
      "parse_model",
      [](const std::string& json, const std::string& origin) { return parse_model(json, origin); },
      py::arg("json"), py::arg("origin") = "<input>", release(),
      "Parses and validates a JGF v2 document; `origin` names it in error messages.");
  m.def(
      "save_model", [](const Model& model, const std::string& file) { save_model(model, file); },
      py::arg("model"), py::arg("file"), release(),
      "Writes the model as a JGF v2 file (kyoso::write_file: a regular file replaced whole, a "
      "link followed, a device or FIFO written through).");
  m.def(
      "write_file",
      [](const std::string& file, const std::string& text) { write_file(file, text); },
      py::arg("file"), py::arg("text"), release(),
      "Writes text to a file as save_model does (kyoso::write_file).");
  m.def("to_jgf", &to_jgf, py::arg("model"), release(), "The model as JGF v2 text.");
  m.def("to_graphml", &to_graphml, py::arg("model"), release(), "The model as GraphML.");
  m.def("to_node_link", &to_node_link, py::arg("model"), release(),
        "The model as NetworkX node-link JSON.");
  m.def(
      "to_dot",
      [](const Model& model, std::string_view lang, std::optional<std::string> focus, int depth) {
        DotOptions options;
        options.lang = lang_from(lang);
        options.focus = std::move(focus);
        options.depth = depth;
        py::gil_scoped_release unlocked;
        return to_dot(model, options);
      },
      py::arg("model"), py::arg("lang") = "ja", py::arg("focus") = py::none(), py::arg("depth") = 1,
      "The model (or the part near `focus`) as GraphViz DOT.");
}

}  // namespace kyoso::python
