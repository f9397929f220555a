// sweep.hpp: a sweep checked against a model (kyoso::SweepRunner), its points run on every
// core with the GIL released, a range of them at a time so that Python can hand ranges to
// other processes, and one-at-a-time sensitivity. A sweep crosses as its kyoso.sweep/1 text.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "py_arguments.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {
namespace {

py::object cell(const SweepValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return py::int_(*n);
  if (const auto* d = std::get_if<double>(&v)) return py::float_(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return py::str(*s);
  return py::none();
}

// A row as the CSV's columns: point, the values, seed, status, reason, the quantities.
py::tuple row_tuple(const SweepRow& row) {
  py::tuple out(row.values.size() + row.quantities.size() + 4);
  std::size_t at = 0;
  out[at++] = py::int_(row.index);
  for (const SweepValue& v : row.values) out[at++] = cell(v);
  out[at++] = py::int_(row.seed);
  out[at++] = py::str(row.ok ? "ok" : "failed");
  out[at++] = py::str(row.reason);
  for (const SweepValue& v : row.quantities) out[at++] = cell(v);
  return out;
}

std::unique_ptr<SweepRunner> make_runner(const Model& model, const std::string& json,
                                         const std::string& origin, const std::string& base_dir,
                                         bool positions, std::optional<std::size_t> runs,
                                         std::optional<std::uint64_t> seed) {
  return interruptible([&] {
    auto read = [&] {
      Sweep s = parse_sweep(json, origin, base_dir);
      if (runs) s.options.runs = *runs;
      if (seed) s.seed = *seed;
      return std::make_unique<SweepRunner>(model, std::move(s));
    };
    return positions ? read() : read_generated(read);
  });
}

}  // namespace

void init_sweep(py::module_& m) {
  m.attr("sweep_schema") = std::string(sweep_schema);
  py::class_<SweepRunner>(m, "SweepRunner",
                          "A sweep checked against a model, ready to run (kyoso::SweepRunner).")
      .def(py::init(&make_runner), py::arg("model"), py::arg("json"), py::arg("origin"),
           py::arg("base_dir"), py::arg("positions"), py::arg("runs"), py::arg("seed"),
           "Reads the kyoso.sweep/1 text and checks it against the model; `runs` and `seed` "
           "replace the file's. Without `positions` errors name the JSON pointer but no line.")
      .def_property_readonly("size", &SweepRunner::size, "The number of points.")
      .def_property_readonly(
          "columns",
          [](const SweepRunner& self) {
            std::vector<std::string> out{"point"};
            for (const SweepParameter& p : self.sweep().parameters) out.push_back(p.name);
            out.insert(out.end(), {"seed", "status", "reason"});
            out.insert(out.end(), self.quantities().begin(), self.quantities().end());
            return out;
          },
          "The rows' columns, as `kyoso sweep --format csv` heads them.")
      .def_property_readonly(
          "parameters",
          [](const SweepRunner& self) {
            std::vector<std::string> out;
            for (const SweepParameter& p : self.sweep().parameters) out.push_back(p.name);
            return out;
          },
          "The parameters' names.")
      .def_property_readonly(
          "quantities", [](const SweepRunner& self) { return self.quantities(); },
          "The recorded quantities' names.")
      .def(
          "run",
          [](const SweepRunner& self, std::size_t begin, std::size_t end, unsigned threads,
             bool stop_on_error) {
            std::vector<SweepRow> rows;
            interruptible([&] {
              SweepOptions options;
              options.threads = threads;
              options.stop_on_error = stop_on_error;
              options.begin = begin;
              options.end = end;
              self.run(options, [&](const SweepRow& row) { rows.push_back(row); });
              return 0;
            });
            py::list out;
            for (const SweepRow& row : rows) out.append(row_tuple(row));
            return out;
          },
          py::arg("begin"), py::arg("end"), py::arg("threads"), py::arg("stop_on_error"),
          "Runs the points [begin, end) on `threads` threads (0: every core); the rows as "
          "tuples in `columns`' order, in point order.")
      .def(
          "one_at_a_time",
          [](const SweepRunner& self, const std::string& quantity) {
            std::vector<Sensitivity> found =
                interruptible([&] { return one_at_a_time(self, quantity); });
            py::list out;
            for (const Sensitivity& s : found) {
              py::dict d;
              d["parameter"] = s.parameter;
              d["low_value"] = cell(s.low_value);
              d["high_value"] = cell(s.high_value);
              d["at_low"] = cell(s.at_low);
              d["at_base"] = cell(s.at_base);
              d["at_high"] = cell(s.at_high);
              d["swing"] = s.swing;
              out.append(d);
            }
            return out;
          },
          py::arg("quantity"),
          "One-at-a-time sensitivity of one quantity (kyoso::one_at_a_time), largest swing "
          "first, as dicts.");
}

}  // namespace kyoso::python
