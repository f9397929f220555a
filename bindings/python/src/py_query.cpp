// query.hpp: the questions. Each reads its arguments, computes and writes its report document
// with the GIL released (a Model is immutable, so Python threads may query one at once), then
// turns the document into Python values with the GIL held. A profile arrives as the profile
// file's JSON text.
#include <optional>
#include <string>
#include <vector>

#include "py_arguments.hpp"
#include "py_document.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_query(py::module_& m) {
  m.def(
      "fit",
      [](const Model& model, const std::string& profile, const py::dict& weights) {
        FitWeights w = weights_from(weights);
        return answer([&] {
          Profile p = profile_from(model, profile);
          require_criteria(p);
          return to_json(fit(model, p, w));
        });
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "Every program ranked for the profile: the kyoso.fit/2 document.");
  m.def(
      "explain",
      [](const Model& model, const std::string& program, const std::string& profile,
         const py::dict& weights) {
        FitWeights w = weights_from(weights);
        return answer([&] {
          Profile p = profile_from(model, profile);
          return to_json(explain(model, program, p, w), resolve_profile(model, p));
        });
      },
      py::arg("model"), py::arg("program"), py::arg("profile"), py::arg("weights"),
      "One program's recommendation: the kyoso.explain/2 document.");
  m.def(
      "profile_of",
      [](const Model& model, const std::string& university) {
        return answer([&] { return to_json(profile_of(model, university)); });
      },
      py::arg("model"), py::arg("university"),
      "A university's stored profile, in the profile file's shape (kyoso::profile_of).");
  m.def(
      "rank",
      [](const Model& model, const std::string& profile, const py::dict& weights) {
        FitWeights w = weights_from(weights);
        return answer([&] {
          Profile p = profile_from(model, profile);
          return to_json(rank(model, p, w), resolve_profile(model, p), w);
        });
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "fit's ranking without the explanations: the kyoso.rank/2 document.");
  m.def(
      "fit_all",
      [](const Model& model, const py::dict& weights, unsigned threads) {
        FitWeights w = weights_from(weights);
        std::vector<std::string> jsons = interruptible([&] {
          std::vector<std::string> out;
          for (const UniversityFit& f : fit_all(model, w, threads)) out.push_back(to_json(f));
          return out;
        });
        return documents(jsons);
      },
      py::arg("model"), py::arg("weights"), py::arg("threads"),
      "Every university's ranking by its stored profile: one kyoso.fit_all/2 document each.");
  m.def(
      "diagnose",
      [](const Model& model, std::vector<std::string> challenges, std::string stage,
         std::string text) {
        DiagnoseQuery query;
        query.challenges = std::move(challenges);
        query.stage = std::move(stage);
        query.text = std::move(text);
        return answer([&] { return to_json(diagnose(model, query)); });
      },
      py::arg("model"), py::arg("challenges"), py::arg("stage"), py::arg("text"),
      "The success factors and reference cases for challenges: the kyoso.diagnose/2 document.");
  m.def(
      "neighbors",
      [](const Model& model, const std::string& id, const std::optional<std::string>& relation,
         std::string_view direction, int depth) {
        std::optional<Relation> r;
        if (relation) r = relation_from(*relation);
        Direction d = direction_from(direction);
        return answer(
            [&] { return to_json(model.node(id).id, neighbors(model, id, r, d, depth)); });
      },
      py::arg("model"), py::arg("id"), py::arg("relation"), py::arg("direction"), py::arg("depth"),
      "Nodes within `depth` steps: the kyoso.neighbors/1 document.");
  m.def(
      "shortest_paths",
      [](const Model& model, std::string from, std::string to, int max_length,
         const std::vector<std::string>& relations, bool directed, std::size_t max_paths) {
        PathQuery query;
        query.from = std::move(from);
        query.to = std::move(to);
        query.max_length = max_length;
        query.directed = directed;
        query.max_paths = max_paths;
        for (const std::string& relation : relations) {
          query.relations.push_back(relation_from(relation));
        }
        return answer([&] { return to_json(shortest_paths(model, query)); });
      },
      py::arg("model"), py::arg("source"), py::arg("target"), py::arg("max_length"),
      py::arg("relations"), py::arg("directed"), py::arg("max_paths"),
      "Every shortest path between two nodes: the kyoso.path/1 document.");
  m.def(
      "portfolio",
      [](const Model& model, const std::string& profile, const py::dict& weights) {
        FitWeights w = weights_from(weights);
        return answer([&] { return to_json(portfolio(model, profile_from(model, profile), w)); });
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "A plan of programs covering the profile's goals: the kyoso.portfolio/1 document.");
}

}  // namespace kyoso::python
