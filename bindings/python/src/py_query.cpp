// query.hpp: the questions. Each computes with the GIL released (a Model is immutable, so
// Python threads may query one at once), then converts its answer with the GIL held.
#include <optional>
#include <string>
#include <vector>

#include "py_convert.hpp"
#include "py_init.hpp"
#include "py_interrupt.hpp"

namespace kyoso::python {

void init_query(py::module_& m) {
  m.def(
      "fit",
      [](const Model& model, const py::dict& profile, const py::dict& weights) {
        Profile p = profile_from(profile);
        FitWeights w = weights_from(weights);
        require_criteria(p);
        FitResult result;
        {
          py::gil_scoped_release unlocked;
          result = fit(model, p, w);
        }
        return to_python(result.results);
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "Every program ranked for the profile, as dicts (kyoso::fit).");
  m.def(
      "explain",
      [](const Model& model, const std::string& program, const py::dict& profile,
         const py::dict& weights) {
        Profile p = profile_from(profile);
        FitWeights w = weights_from(weights);
        Recommendation result;
        {
          py::gil_scoped_release unlocked;
          result = explain(model, program, p, w);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("program"), py::arg("profile"), py::arg("weights"),
      "One program's recommendation, as a dict (kyoso::explain).");
  m.def(
      "profile_of",
      [](const Model& model, const std::string& university) {
        Profile result;
        {
          py::gil_scoped_release unlocked;
          result = profile_of(model, university);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("university"),
      "A university's stored profile, as a dict of fit's arguments (kyoso::profile_of).");
  m.def(
      "rank",
      [](const Model& model, const py::dict& profile, const py::dict& weights) {
        Profile p = profile_from(profile);
        FitWeights w = weights_from(weights);
        std::vector<RankedProgram> result;
        {
          py::gil_scoped_release unlocked;
          result = rank(model, p, w);
        }
        return to_python(model, result);
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "fit's ranking without the explanations, as [(program, score, eligibility), …] "
      "(kyoso::rank).");
  m.def(
      "fit_all",
      [](const Model& model, const py::dict& weights, unsigned threads) {
        FitWeights w = weights_from(weights);
        std::vector<UniversityFit> result =
            interruptible([&] { return fit_all(model, w, threads); });
        return to_python(model, result);
      },
      py::arg("model"), py::arg("weights"), py::arg("threads"),
      "Every university's ranking by its stored profile, as (university, [(program, score, "
      "eligibility), …]) tuples (kyoso::fit_all).");
  m.def(
      "diagnose",
      [](const Model& model, std::vector<std::string> challenges, std::string stage,
         std::string text) {
        DiagnoseQuery query;
        query.challenges = std::move(challenges);
        query.stage = std::move(stage);
        query.text = std::move(text);
        std::vector<Diagnosis> result;
        {
          py::gil_scoped_release unlocked;
          result = diagnose(model, query);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("challenges"), py::arg("stage"), py::arg("text"),
      "The success factors and reference cases for challenges, as dicts (kyoso::diagnose).");
  m.def(
      "neighbors",
      [](const Model& model, const std::string& id, const std::optional<std::string>& relation,
         std::string_view direction, int depth) {
        std::optional<Relation> r;
        if (relation) r = relation_from(*relation);
        Direction d = direction_from(direction);
        std::vector<Neighbor> result;
        {
          py::gil_scoped_release unlocked;
          result = neighbors(model, id, r, d, depth);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("id"), py::arg("relation"), py::arg("direction"), py::arg("depth"),
      "Nodes within `depth` steps, as dicts (kyoso::neighbors).");
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
        PathResult result;
        {
          py::gil_scoped_release unlocked;
          result = shortest_paths(model, query);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("source"), py::arg("target"), py::arg("max_length"),
      py::arg("relations"), py::arg("directed"), py::arg("max_paths"),
      "Every shortest path between two nodes, as a dict (kyoso::shortest_paths).");
  m.def(
      "portfolio",
      [](const Model& model, const py::dict& profile, const py::dict& weights) {
        Profile p = profile_from(profile);
        FitWeights w = weights_from(weights);
        Portfolio result;
        {
          py::gil_scoped_release unlocked;
          result = portfolio(model, p, w);
        }
        return to_python(result);
      },
      py::arg("model"), py::arg("profile"), py::arg("weights"),
      "A plan of programs covering the profile's goals, as a dict (kyoso::portfolio).");
}

}  // namespace kyoso::python
