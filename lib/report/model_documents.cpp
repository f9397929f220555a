// The documents about a model rather than a query's answer (report.hpp): one node with its
// neighbours ("kyoso.node/2"), many nodes ("kyoso.nodes/1"), the counts ("kyoso.stats/1") and a
// successful check
// ("kyoso.validate/1"); and where an input went wrong ("kyoso.error/1").
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>
#include <tuple>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::bilingual_json;
using detail::sources_json;

// The figure as in the model file, every member present, plus "text": the value written for
// people in `lang`.
json::object figure_json(const Figure& figure, Lang lang) {
  return {{"name", figure.name},
          {"value", figure.value},
          {"unit", to_string(figure.unit)},
          {"qualifier", to_string(figure.qualifier)},
          {"fiscal_year", figure.fiscal_year ? json::value(*figure.fiscal_year) : json::value()},
          {"note", bilingual_json(figure.note)},
          {"sources", sources_json(figure.sources)},
          {"text", to_text(figure, lang)}};
}

json::object attributes_json(const std::map<std::string, std::string>& attributes) {
  json::object out;
  for (const auto& [key, value] : attributes) out[key] = value;
  return out;
}

json::array figures_json(const std::vector<Figure>& figures, Lang lang) {
  json::array out;
  for (const Figure& f : figures) out.push_back(figure_json(f, lang));
  return out;
}

// Every member present, as in the other result documents.
json::array calls_json(const std::vector<Call>& calls) {
  json::array out;
  for (const Call& c : calls) {
    out.push_back(
        json::object{{"status", to_string(c.status)},
                     {"fiscal_year", c.fiscal_year ? json::value(*c.fiscal_year) : json::value()},
                     {"until_fiscal_year",
                      c.until_fiscal_year ? json::value(*c.until_fiscal_year) : json::value()},
                     {"scope", bilingual_json(c.scope)},
                     {"period", c.period},
                     {"note", bilingual_json(c.note)},
                     {"sources", sources_json(c.sources)}});
  }
  return out;
}

json::object node_json(const Node& node, Lang lang) {
  return {{"id", node.id},
          {"kind", to_string(node.kind)},
          {"name", bilingual_json(node.name)},
          {"description", bilingual_json(node.description)},
          {"attributes", attributes_json(node.attributes)},
          {"figures", figures_json(node.figures, lang)},
          {"calls", calls_json(node.calls)},
          {"note", bilingual_json(node.note)},
          {"sources", sources_json(node.sources)}};
}

// Outgoing before incoming, then by relation, then by the other node's id.
std::vector<Step> sorted_neighbours(const Model& model, NodeIndex node) {
  std::vector<Step> steps = model.neighbors(node, Direction::both);
  std::stable_sort(steps.begin(), steps.end(), [&](const Step& a, const Step& b) {
    return std::tuple(!a.forward, model.edge(a.edge).relation, model.node(a.node).id) <
           std::tuple(!b.forward, model.edge(b.edge).relation, model.node(b.node).id);
  });
  return steps;
}

json::object neighbour_json(const Model& model, const Step& step, Lang lang) {
  const Edge& edge = model.edge(step.edge);
  const EdgeDetail& detail = model.detail(step.edge);
  const Node& other = model.node(step.node);
  return {{"direction", step.forward ? "out" : "in"},
          {"relation", to_string(edge.relation)},
          {"id", other.id},
          {"kind", to_string(other.kind)},
          {"name", bilingual_json(other.name)},
          {"certainty", to_string(edge.certainty)},
          {"fiscal_year", edge.fiscal_year() ? json::value(*edge.fiscal_year()) : json::value()},
          {"what", detail.what.empty() ? json::value() : json::value(bilingual_json(detail.what))},
          {"attributes", attributes_json(detail.attributes)},
          {"figures", figures_json(detail.figures, lang)},
          {"note", bilingual_json(detail.note)},
          {"sources", sources_json(detail.sources)}};
}

std::string_view error_type(const Error& e) {
  if (dynamic_cast<const ParseError*>(&e)) return "parse";
  if (dynamic_cast<const ValidationError*>(&e)) return "validation";
  if (dynamic_cast<const AmbiguousNameError*>(&e)) return "ambiguous_name";
  if (dynamic_cast<const UnknownIdError*>(&e)) return "unknown_id";
  if (dynamic_cast<const IoError*>(&e)) return "io";
  return "error";
}

json::value optional_string(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value();
}

}  // namespace

std::string node_json(const Model& model, std::string_view id, Lang lang) {
  NodeIndex node = model.resolve(id);
  json::array neighbours;
  for (const Step& step : sorted_neighbours(model, node)) {
    neighbours.push_back(neighbour_json(model, step, lang));
  }
  return detail::document(
      {{"node", node_json(model.node(node), lang)}, {"neighbors", std::move(neighbours)}},
      "kyoso.node/2");
}

std::string nodes_json(const Model& model, std::optional<Kind> kind, Lang lang) {
  json::array nodes;
  auto add = [&](NodeIndex i) { nodes.push_back(node_json(model.node(i), lang)); };
  if (kind) {
    for (NodeIndex i : model.nodes_of_kind(*kind)) add(i);
  } else {
    for (NodeIndex i = 0; i < model.node_count(); ++i) add(i);
  }
  return detail::document({{"nodes", std::move(nodes)}}, "kyoso.nodes/1");
}

std::string stats_json(const Model& model) {
  std::array<std::size_t, relation_count> by_relation{};
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    ++by_relation[static_cast<std::size_t>(model.edge(i).relation)];
  }
  json::object kinds;
  for (Kind kind : all_kinds()) kinds[to_string(kind)] = model.nodes_of_kind(kind).size();
  json::object relations;
  for (Relation r : all_relations()) {
    relations[to_string(r)] = by_relation[static_cast<std::size_t>(r)];
  }
  Model::Memory memory = model.memory();
  return detail::document(
      {{"model", detail::model_info_json(model.info())},
       {"nodes", {{"total", model.node_count()}, {"by_kind", std::move(kinds)}}},
       {"edges", {{"total", model.edge_count()}, {"by_relation", std::move(relations)}}},
       {"memory",
        {{"graph", memory.graph},
         {"nodes", memory.nodes},
         {"details", memory.details},
         {"total", memory.total()}}}},
      "kyoso.stats/1");
}

std::string validation_json(const Model& model, const std::vector<std::string>& files,
                            const std::optional<std::string>& scenario) {
  return detail::document({{"ok", true},
                           {"file", files.size() == 1 ? json::value(files[0]) : json::value()},
                           {"files", detail::strings_json(files)},
                           {"scenario", optional_string(scenario)},
                           {"model", detail::model_info_json(model.info())},
                           {"nodes", model.node_count()},
                           {"edges", model.edge_count()}},
                          "kyoso.validate/1");
}

std::string to_json(const Error& e) {
  const Location& where = e.where();
  auto optional_text = [](const std::string& s) {
    return s.empty() ? json::value() : json::value(s);
  };
  auto optional_number = [](std::size_t n) { return n == 0 ? json::value() : json::value(n); };
  auto* unknown = dynamic_cast<const UnknownIdError*>(&e);
  json::object error{
      {"type", error_type(e)},
      {"message", e.what()},
      {"problem", e.problem()},
      {"file", optional_text(where.file)},
      {"line", optional_number(where.line)},
      {"column", optional_number(where.column)},
      {"pointer", optional_text(where.pointer)},
      {"id", optional_text(where.id)},
      {"suggestion", unknown ? optional_text(unknown->suggestion()) : json::value()}};
  auto* ambiguous = dynamic_cast<const AmbiguousNameError*>(&e);
  error["candidates"] =
      ambiguous ? json::value(detail::strings_json(ambiguous->candidates())) : json::value();
  return detail::document({{"error", std::move(error)}}, "kyoso.error/1");
}

}  // namespace kyoso
