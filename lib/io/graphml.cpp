// GraphML export, written by Boost.Graph's write_graphml (header-only; the GraphML reader
// is the part that needs libboost_graph, and we do not read GraphML).
//
// The mapping. GraphML data values are scalars, so the lists and maps of a node or edge are
// stored as compact JSON text (sorted keys, UTF-8 as is; the shapes of docs/format.md) in
// string attributes. Every node and every edge carries every key; a missing value is an
// empty string (GraphML readers such as networkx then leave the attribute out), or 0 for
// fiscal_year.
//
//   graph   model_id         string  the model's id, e.g. "kyoso-fy2024"
//           model_name_ja    string
//           model_name_en    string
//   node    (node id)        n0, n1 … in kyoso id order: n<i> is the i-th id when sorted
//           kyoso_id         string  "program/coi-next"
//           kind             string  "program"
//           name_ja          string
//           name_en          string
//           description_ja   string
//           description_en   string
//           note_ja          string
//           note_en          string
//           attributes_json  string  {"fields":"any"}                      ({} when none)
//           figures_json     string  [{"name":"funding_per_site",…}]      ([] when none)
//           calls_json       string  [{"status":"open","fiscal_year":2024,…}] ([] when none)
//           sources_json     string  [{"document":…,"quote":…}]           ([] when none)
//   edge    (edge id)        e0, e1 … in model order (by source id, relation, target id)
//           relation         string  "serves"
//           certainty        string  certain | high | medium | unknown
//           fiscal_year      int     e.g. 2023 on `awarded`; 0 = not tied to a year
//           what_ja          string  what flows on a flows_to edge
//           what_en          string
//           attributes_json  string  {"round":"2"}                        ({} when none)
//           figures_json     string  [{"name":"allocation",…}]            ([] when none)
//           note_ja          string
//           note_en          string
//           sources_json     string  as for nodes
//
// Why the kyoso id is an attribute and not the GraphML node id: write_graphml prints every
// node id as the letter "n" followed by the vertex index map's value, with no way to drop
// the "n", and uses the same form in each edge's source and target. We keep its canonical
// ids (and say so with parse.nodeids="canonical"); in networkx, relabel with
// nx.relabel_nodes(G, nx.get_node_attributes(G, "kyoso_id")).
//
// XML 1.0 cannot hold control characters other than tab, LF and CR; any other one in a
// scalar string is written as U+FFFD (JSON text escapes them as \u00XX instead).
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "io/boost_graph.hpp"
#include "io/json_writer.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

using EdgeDescriptor = boost::graph_traits<detail::BoostGraph>::edge_descriptor;

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

std::string compact(const boost::json::value& v) {
  return detail::write_json(v, detail::JsonLayout::compact);
}

// Registers one read-only attribute computed by `f` from a node index, edge descriptor or
// Graph*; the key type decides whether write_graphml files it under graph, node or edge.
template <class Key, class F>
void add(boost::dynamic_properties& dp, const char* name, F f) {
  using Value = decltype(f(std::declval<Key>()));
  dp.property(name, boost::function_property_map<F, Key, Value>(f));
}

}  // namespace

std::string to_graphml(const Model& model) {
  const detail::BoostGraph graph = detail::boost_graph(model);
  boost::dynamic_properties dp;

  const ModelInfo& info = model.info();
  add<detail::BoostGraph*>(dp, "model_id", [&](detail::BoostGraph*) { return xml_safe(info.id); });
  add<detail::BoostGraph*>(dp, "model_name_ja",
                           [&](detail::BoostGraph*) { return xml_safe(info.name.ja); });
  add<detail::BoostGraph*>(dp, "model_name_en",
                           [&](detail::BoostGraph*) { return xml_safe(info.name.en); });

  auto node = [&model](NodeIndex v) -> const Node& { return model.node(v); };
  add<NodeIndex>(dp, "kyoso_id", [=](NodeIndex v) { return node(v).id; });
  add<NodeIndex>(dp, "kind", [=](NodeIndex v) { return std::string(to_string(node(v).kind)); });
  add<NodeIndex>(dp, "name_ja", [=](NodeIndex v) { return xml_safe(node(v).name.ja); });
  add<NodeIndex>(dp, "name_en", [=](NodeIndex v) { return xml_safe(node(v).name.en); });
  add<NodeIndex>(dp, "description_ja",
                 [=](NodeIndex v) { return xml_safe(node(v).description.ja); });
  add<NodeIndex>(dp, "description_en",
                 [=](NodeIndex v) { return xml_safe(node(v).description.en); });
  add<NodeIndex>(dp, "note_ja", [=](NodeIndex v) { return xml_safe(node(v).note.ja); });
  add<NodeIndex>(dp, "note_en", [=](NodeIndex v) { return xml_safe(node(v).note.en); });
  add<NodeIndex>(dp, "calls_json",
                 [=](NodeIndex v) { return compact(detail::calls_json(node(v).calls)); });
  add<NodeIndex>(dp, "attributes_json",
                 [=](NodeIndex v) { return compact(detail::attributes_json(node(v).attributes)); });
  add<NodeIndex>(dp, "figures_json",
                 [=](NodeIndex v) { return compact(detail::figures_json(node(v).figures)); });
  add<NodeIndex>(dp, "sources_json",
                 [=](NodeIndex v) { return compact(detail::sources_json(node(v).sources)); });

  auto edge = [&model, &graph](EdgeDescriptor d) -> const Edge& {
    return model.edge(boost::get(boost::edge_index, graph, d));
  };
  auto detail_of = [&model, &graph](EdgeDescriptor d) -> const EdgeDetail& {
    return model.detail(boost::get(boost::edge_index, graph, d));
  };
  add<EdgeDescriptor>(dp, "relation",
                      [=](EdgeDescriptor d) { return std::string(to_string(edge(d).relation)); });
  add<EdgeDescriptor>(dp, "certainty",
                      [=](EdgeDescriptor d) { return std::string(to_string(edge(d).certainty)); });
  add<EdgeDescriptor>(dp, "fiscal_year",
                      [=](EdgeDescriptor d) { return edge(d).fiscal_year().value_or(0); });
  add<EdgeDescriptor>(dp, "what_ja",
                      [=](EdgeDescriptor d) { return xml_safe(detail_of(d).what.ja); });
  add<EdgeDescriptor>(dp, "what_en",
                      [=](EdgeDescriptor d) { return xml_safe(detail_of(d).what.en); });
  add<EdgeDescriptor>(dp, "attributes_json", [=](EdgeDescriptor d) {
    return compact(detail::attributes_json(detail_of(d).attributes));
  });
  add<EdgeDescriptor>(dp, "figures_json", [=](EdgeDescriptor d) {
    return compact(detail::figures_json(detail_of(d).figures));
  });
  add<EdgeDescriptor>(dp, "note_ja",
                      [=](EdgeDescriptor d) { return xml_safe(detail_of(d).note.ja); });
  add<EdgeDescriptor>(dp, "note_en",
                      [=](EdgeDescriptor d) { return xml_safe(detail_of(d).note.en); });
  add<EdgeDescriptor>(dp, "sources_json", [=](EdgeDescriptor d) {
    return compact(detail::sources_json(detail_of(d).sources));
  });

  std::ostringstream out;
  boost::write_graphml(out, graph, dp, /*ordered_vertices=*/true);
  return out.str();
}

}  // namespace kyoso
