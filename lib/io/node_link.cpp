// NetworkX node-link JSON: what networkx.node_link_graph (2.8 and later, default
// attribute names) reads back into a MultiDiGraph. Every node and link has every key, so
// the lists turn into pandas columns without gaps.
//
//   graph  id, name {ja, en}, description {ja, en}, fiscal_year (null when none), sources,
//          schema_version (kyoso's, as in the JGF file)
//   node   id, kind, name_ja, name_en, description_ja, description_en, note,
//          attributes {…}, figures […], sources […]
//   link   source, target, key (= relation: an edge is unique by source, target, relation),
//          relation, certainty, fiscal_year (null when none), what {ja, en}, note, sources
#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;

json::value year_or_null(std::optional<int> year) {
  return year ? json::value(*year) : json::value(nullptr);
}

json::object graph_json(const ModelInfo& info) {
  json::object o;
  o["id"] = info.id;
  o["name"] = detail::text_json(info.name);
  o["description"] = detail::text_json(info.description);
  o["fiscal_year"] = year_or_null(info.fiscal_year);
  o["sources"] = detail::sources_json(info.sources);
  o["schema_version"] = schema_version;
  return o;
}

json::object node_json(const Node& n) {
  json::object o;
  o["id"] = n.id;
  o["kind"] = std::string(to_string(n.kind));
  o["name_ja"] = n.name.ja;
  o["name_en"] = n.name.en;
  o["description_ja"] = n.description.ja;
  o["description_en"] = n.description.en;
  o["note_ja"] = n.note.ja;
  o["note_en"] = n.note.en;
  o["attributes"] = detail::attributes_json(n.attributes);
  o["figures"] = detail::figures_json(n.figures);
  o["calls"] = detail::calls_json(n.calls);
  o["sources"] = detail::sources_json(n.sources);
  return o;
}

json::object link_json(const Model& model, EdgeIndex i) {
  const Edge& e = model.edge(i);
  const EdgeDetail& d = model.detail(i);
  std::string relation(to_string(e.relation));
  json::object o;
  o["source"] = model.node(e.source).id;
  o["target"] = model.node(e.target).id;
  o["key"] = relation;
  o["relation"] = relation;
  o["certainty"] = std::string(to_string(e.certainty));
  o["fiscal_year"] = year_or_null(e.fiscal_year());
  o["what"] = detail::text_json(d.what);
  o["attributes"] = detail::attributes_json(d.attributes);
  o["figures"] = detail::figures_json(d.figures);
  o["note_ja"] = d.note.ja;
  o["note_en"] = d.note.en;
  o["sources"] = detail::sources_json(d.sources);
  return o;
}

}  // namespace

std::string to_node_link(const Model& model) {
  json::array nodes;
  for (NodeIndex i = 0; i < model.node_count(); ++i) nodes.push_back(node_json(model.node(i)));
  json::array links;
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    links.push_back(link_json(model, i));
  }
  json::object top;
  top["directed"] = true;
  top["multigraph"] = true;
  top["graph"] = graph_json(model.info());
  top["nodes"] = std::move(nodes);
  top["links"] = std::move(links);
  return detail::write_json(top);
}

}  // namespace kyoso
