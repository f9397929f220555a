// Exports for other tools: GraphViz DOT (labels GraphViz parses back exactly, one look per
// kind, a focused neighbourhood), GraphML (scalars as attributes, lists as JSON text) and
// NetworkX node-link JSON (real nested JSON).
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace kyoso {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

Node node(std::string id, Kind kind, std::string ja, std::string en) {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.name = {std::move(ja), std::move(en)};
  return n;
}

ModelBuilder::EdgeSpec edge(std::string source, std::string target, Relation relation,
                            Certainty certainty = Certainty::certain) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  e.certainty = certainty;
  return e;
}

DotOptions in_english() {
  DotOptions options;
  options.lang = Lang::en;
  return options;
}

DotOptions around(std::string focus, int depth) {
  DotOptions options;
  options.focus = std::move(focus);
  options.depth = depth;
  return options;
}

Source seed_quote(std::string section, std::string quote) {
  Source s;
  s.document = "seed.txt";
  s.section = std::move(section);
  s.quote = std::move(quote);
  return s;
}

// A chain of five nodes, so that each depth around the purpose adds known nodes:
//   university/hirosaki -awarded-> program/coi-next -serves-> purpose/social
//   program/coi-next -administered_by-> org/jst -flows_to(資金)-> stakeholder/company
Model chain() {
  ModelBuilder b;
  ModelInfo info;
  info.id = "chain";
  info.name = {"連鎖", "chain"};
  b.info(info);
  Node coi = node("program/coi-next", Kind::program, "共創の場形成支援プログラム", "COI-NEXT");
  coi.attributes = {{"fields", "any"}};
  Figure budget;
  budget.name = "budget";
  budget.value = 13'400'000'000;
  budget.unit = Unit::jpy;
  budget.fiscal_year = 2024;
  budget.sources = {seed_quote("", "134億円")};
  coi.figures = {budget};
  coi.sources = {seed_quote("slide 6", "支援規模")};
  b.add_node(coi);
  b.add_node(node("purpose/social", Kind::purpose, "社会実装", "social implementation"));
  b.add_node(node("university/hirosaki", Kind::university, "弘前大学", "Hirosaki University"));
  b.add_node(node("org/jst", Kind::org, "科学技術振興機構", "JST"));
  b.add_node(node("stakeholder/company", Kind::stakeholder, "企業", "company"));
  b.add_edge(edge("program/coi-next", "purpose/social", Relation::serves));
  ModelBuilder::EdgeSpec awarded =
      edge("university/hirosaki", "program/coi-next", Relation::awarded, Certainty::high);
  awarded.fiscal_year = 2022;
  b.add_edge(awarded);
  b.add_edge(edge("program/coi-next", "org/jst", Relation::administered_by));
  ModelBuilder::EdgeSpec money = edge("org/jst", "stakeholder/company", Relation::flows_to);
  money.detail.what = {"資金", "funding"};
  money.detail.note = {"委託費", "commissioning fee"};
  Source jst;
  jst.publisher = "JST";
  jst.url = "https://www.jst.go.jp/";
  money.detail.sources = {jst};
  b.add_edge(money);
  return std::move(b).build();
}

// The lines of a DOT text that start with `prefix` (the node and edge statements).
std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
  }
  return out;
}

// The ids of the nodes a DOT text draws, in order.
std::vector<std::string> drawn_nodes(const std::string& dot) {
  std::vector<std::string> out;
  for (const std::string& line : lines_starting(dot, "\"")) {
    if (line.find("->") != std::string::npos) continue;
    out.push_back(line.substr(1, line.find('"', 1) - 1));
  }
  return out;
}

std::vector<std::string> drawn_edges(const std::string& dot) {
  std::vector<std::string> out;
  for (const std::string& line : lines_starting(dot, "\"")) {
    if (line.find("->") != std::string::npos) out.push_back(line.substr(0, line.find(" [")));
  }
  return out;
}

// The DOT statement that draws one node.
std::string node_line(const std::string& dot, const std::string& id) {
  for (const std::string& line : lines_starting(dot, "\"" + id + "\"[")) return line;
  ADD_FAILURE() << "no node " << id << " in\n" << dot;
  return {};
}

// ---- DOT -----------------------------------------------------------------------------------

TEST(Dot, LabelsNodesWithTheirJapaneseNameByDefault) {
  std::string dot = to_dot(chain());
  EXPECT_NE(node_line(dot, "program/coi-next").find("label=\"共創の場形成支援プログラム\""),
            std::string::npos);
}

TEST(Dot, LabelsNodesWithTheirEnglishNameWhenAsked) {
  std::string dot = to_dot(chain(), in_english());
  EXPECT_NE(node_line(dot, "program/coi-next").find("label=\"COI-NEXT\""), std::string::npos);
  EXPECT_EQ(dot.find("共創"), std::string::npos);
}

TEST(Dot, NamesEachNodeByItsKyosoIdAndSetsItAsTheSvgId) {
  std::string dot = to_dot(chain());
  EXPECT_EQ(node_line(dot, "org/jst"),
            "\"org/jst\"[id=\"org/jst\", label=\"科学技術振興機構\", shape=component, "
            "fillcolor=\"#d9d2e9\"];");
}

TEST(Dot, DrawsEachKindWithItsOwnShape) {
  ModelBuilder b;
  for (Kind k : all_kinds()) {
    std::string name(to_string(k));
    b.add_node(node(name + "/x", k, name, name));
  }
  std::string dot = to_dot(std::move(b).build());
  auto shape_of = [&](const std::string& id) {
    std::string line = node_line(dot, id);
    auto at = line.find("shape=") + 6;
    return line.substr(at, line.find(',', at) - at);
  };
  EXPECT_EQ(shape_of("program/x"), "box");
  EXPECT_EQ(shape_of("purpose/x"), "ellipse");
  EXPECT_EQ(shape_of("challenge/x"), "note");
  EXPECT_EQ(shape_of("university/x"), "house");
  std::set<std::string> shapes;
  for (Kind k : all_kinds()) shapes.insert(shape_of(std::string(to_string(k)) + "/x"));
  EXPECT_EQ(shapes.size(), kind_count);
}

TEST(Dot, LabelsEdgesWithTheirRelationAndFlowsWithWhatFlows) {
  Model m = chain();
  std::string ja = to_dot(m);
  EXPECT_NE(ja.find("\"program/coi-next\"->\"purpose/social\" [label=\"serves\"];"),
            std::string::npos);
  EXPECT_NE(ja.find("\"org/jst\"->\"stakeholder/company\" [label=\"flows_to\\n資金\"];"),
            std::string::npos);
  std::string en = to_dot(m, in_english());
  EXPECT_NE(en.find("[label=\"flows_to\\nfunding\"]"), std::string::npos);
}

TEST(Dot, DashesOnlyTheEdgesThatAreNotCertain) {
  std::string dot = to_dot(chain());
  EXPECT_NE(dot.find("\"university/hirosaki\"->\"program/coi-next\" [label=\"awarded\", "
                     "style=dashed, tooltip=\"high\"];"),
            std::string::npos);
  EXPECT_EQ(dot.find("style=dashed"), dot.rfind("style=dashed"));
}

TEST(Dot, LaysOutLeftToRightInAFontWithJapaneseGlyphs) {
  std::string dot = to_dot(chain());
  EXPECT_EQ(dot.rfind("digraph G {\ngraph [rankdir=LR, fontname=\"Noto Sans CJK JP\"];\n", 0), 0u);
  EXPECT_NE(dot.find("node [style=filled, fontname=\"Noto Sans CJK JP\"];"), std::string::npos);
}

TEST(Dot, ListsNodesInIdOrderAndEdgesInModelOrder) {
  Model m = chain();
  std::string dot = to_dot(m);
  EXPECT_EQ(drawn_nodes(dot),
            (std::vector<std::string>{"org/jst", "program/coi-next", "purpose/social",
                                      "stakeholder/company", "university/hirosaki"}));
  std::vector<std::string> edges;
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) {
    edges.push_back("\"" + m.node(m.edge(i).source).id + "\"->\"" + m.node(m.edge(i).target).id +
                    "\"");
  }
  EXPECT_EQ(drawn_edges(dot), edges);
  EXPECT_EQ(to_dot(m), dot);
}

// A name with everything that could break a DOT string or a GraphViz label.
const std::string awkward_name = "say \"hi\" C:\\dir\\N\n二行目 R&amp;D ends\\";

Model awkward() {
  ModelBuilder b;
  b.add_node(node("program/awkward", Kind::program, awkward_name, "awkward"));
  return std::move(b).build();
}

TEST(Dot, EscapesQuotesBackslashesLineBreaksAndEntitiesInLabels) {
  std::string dot = to_dot(awkward());
  EXPECT_NE(dot.find("label=\"say \\\"hi\\\" C:\\\\dir\\\\N\\n二行目 R&amp;amp;D ends\\\\\""),
            std::string::npos)
      << dot;
}

TEST(Dot, ReplacesControlCharactersAndNormalisesCarriageReturns) {
  ModelBuilder b;
  b.add_node(node("program/ctl", Kind::program,
                  "a\r\nb\rc\x01"
                  "d",
                  "ctl"));
  EXPECT_NE(to_dot(std::move(b).build())
                .find("label=\"a\\nb\\nc\xEF\xBF\xBD"
                      "d\""),
            std::string::npos);
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(Dot, GraphvizParsesEscapedLabelsBackToTheOriginalText) {
  if (!fs::exists("/usr/bin/dot")) GTEST_SKIP() << "GraphViz (/usr/bin/dot) is not installed";
  fs::path dir = fs::temp_directory_path() / ("kyoso-export-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "awkward.dot") << to_dot(awkward());
  std::string command = "/usr/bin/dot -Tsvg '" + (dir / "awkward.dot").string() + "' -o '" +
                        (dir / "awkward.svg").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::string svg = read_file(dir / "awkward.svg");
  fs::remove_all(dir);
  // GraphViz splits the label at the line break and writes XML entities for & and ".
  EXPECT_NE(svg.find(">say &quot;hi&quot; C:\\dir\\N</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">二行目 R&amp;amp;D ends\\</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("id=\"program/awkward\""), std::string::npos);
}

TEST(Dot, FocusWithDepthKeepsExactlyTheNodesThatManyStepsAwayInEitherDirection) {
  Model m = chain();
  auto nodes_within = [&](int depth) {
    return drawn_nodes(to_dot(m, around("purpose/social", depth)));
  };
  EXPECT_EQ(nodes_within(0), (std::vector<std::string>{"purpose/social"}));
  EXPECT_EQ(nodes_within(1), (std::vector<std::string>{"program/coi-next", "purpose/social"}));
  // Depth 2 reaches hirosaki against an edge's direction and jst along one.
  EXPECT_EQ(nodes_within(2), (std::vector<std::string>{"org/jst", "program/coi-next",
                                                       "purpose/social", "university/hirosaki"}));
  EXPECT_EQ(nodes_within(3).size(), m.node_count());
}

TEST(Dot, FocusDrawsOnlyTheEdgesBetweenDrawnNodes) {
  std::string dot = to_dot(chain(), around("program/coi-next", 1));
  // Model order: by source id, then relation (serves comes before administered_by).
  EXPECT_EQ(drawn_edges(dot),
            (std::vector<std::string>{"\"program/coi-next\"->\"purpose/social\"",
                                      "\"program/coi-next\"->\"org/jst\"",
                                      "\"university/hirosaki\"->\"program/coi-next\""}));
}

TEST(Dot, FocusAcceptsAnIdWithoutItsKindPrefix) {
  Model m = chain();
  EXPECT_EQ(to_dot(m, around("coi-next", 1)), to_dot(m, around("program/coi-next", 1)));
}

TEST(Dot, UnknownFocusThrowsUnknownIdErrorSuggestingTheNearestId) {
  try {
    to_dot(chain(), around("program/coi-nxt", 1));
    FAIL() << "accepted an unknown focus";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.suggestion(), "program/coi-next");
  }
}

TEST(Dot, NegativeDepthIsRefused) {
  EXPECT_THROW(to_dot(chain(), around("program/coi-next", -1)), Error);
}

// `kyoso export --focus` exports neighbourhood() in every format; for DOT that must be the
// picture the focus option draws.
TEST(Dot, AFocusedPictureIsThePictureOfTheNeighbourhood) {
  for (const Model& m : {chain(), default_model()}) {
    for (const char* focus : {"program/coi-next", "university/hirosaki"}) {
      for (int depth : {0, 1, 2, 3}) {
        EXPECT_EQ(to_dot(m, around(focus, depth)), to_dot(neighbourhood(m, focus, depth)))
            << focus << " " << depth;
      }
    }
  }
}

// ---- GraphML -------------------------------------------------------------------------------

// A GraphML document read back with a real XML parser: each node's and edge's data by the
// key's attr.name.
struct GraphMl {
  using Data = std::map<std::string, std::string>;
  std::map<std::string, std::string> key_types;  // "node:kind" -> "string"
  Data graph;
  std::vector<std::pair<std::string, Data>> nodes;  // GraphML id, data
  std::vector<std::pair<std::string, Data>> edges;  // "source->target", data
};

GraphMl read_graphml(const std::string& text) {
  namespace pt = boost::property_tree;
  pt::ptree doc;
  std::istringstream in(text);
  pt::read_xml(in, doc);
  GraphMl out;
  std::map<std::string, std::string> names;  // key id -> attr.name
  const pt::ptree& root = doc.get_child("graphml");
  for (const auto& [tag, child] : root) {
    if (tag != "key") continue;
    // By key, not by path: the '.' in "attr.name" would be read as a path separator.
    auto attribute = [&](const char* key) {
      return child.get_child("<xmlattr>").find(key)->second.data();
    };
    names[attribute("id")] = attribute("attr.name");
    out.key_types[attribute("for") + ":" + attribute("attr.name")] = attribute("attr.type");
  }
  auto data_of = [&](const pt::ptree& element) {
    GraphMl::Data data;
    for (const auto& [tag, child] : element) {
      if (tag == "data") data[names[child.get<std::string>("<xmlattr>.key")]] = child.data();
    }
    return data;
  };
  const pt::ptree& graph = root.get_child("graph");
  out.graph = data_of(graph);
  for (const auto& [tag, child] : graph) {
    if (tag == "node") {
      out.nodes.emplace_back(child.get<std::string>("<xmlattr>.id"), data_of(child));
    } else if (tag == "edge") {
      out.edges.emplace_back(child.get<std::string>("<xmlattr>.source") + "->" +
                                 child.get<std::string>("<xmlattr>.target"),
                             data_of(child));
    }
  }
  return out;
}

TEST(GraphMl, WritesEveryNodeWithItsKyosoIdKindAndNames) {
  Model m = chain();
  GraphMl g = read_graphml(to_graphml(m));
  ASSERT_EQ(g.nodes.size(), m.node_count());
  for (NodeIndex i = 0; i < m.node_count(); ++i) {
    const Node& n = m.node(i);
    const auto& [graphml_id, data] = g.nodes[i];
    // write_graphml cannot name nodes by kyoso id (see lib/io/graphml.cpp).
    EXPECT_EQ(graphml_id, "n" + std::to_string(i));
    EXPECT_EQ(data.at("kyoso_id"), n.id);
    EXPECT_EQ(data.at("kind"), to_string(n.kind));
    EXPECT_EQ(data.at("name_ja"), n.name.ja);
    EXPECT_EQ(data.at("name_en"), n.name.en);
  }
  EXPECT_EQ(g.graph.at("model_id"), "chain");
  EXPECT_EQ(g.graph.at("model_name_ja"), "連鎖");
}

TEST(GraphMl, WritesEveryEdgeWithItsRelationCertaintyYearAndDetail) {
  Model m = chain();
  GraphMl g = read_graphml(to_graphml(m));
  ASSERT_EQ(g.edges.size(), m.edge_count());
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) {
    const Edge& e = m.edge(i);
    const auto& [ends, data] = g.edges[i];
    EXPECT_EQ(ends, "n" + std::to_string(e.source) + "->n" + std::to_string(e.target));
    EXPECT_EQ(data.at("relation"), to_string(e.relation));
    EXPECT_EQ(data.at("certainty"), to_string(e.certainty));
    // GraphML has no null: an edge without a fiscal year has 0 (the mapping, graphml.cpp).
    EXPECT_EQ(data.at("fiscal_year"), std::to_string(e.fiscal_year().value_or(0)));
    EXPECT_EQ(data.at("what_ja"), m.detail(i).what.ja);
    EXPECT_EQ(data.at("note_ja"), m.detail(i).note.ja);
    EXPECT_EQ(data.at("note_en"), m.detail(i).note.en);
  }
  EXPECT_EQ(g.key_types.at("edge:fiscal_year"), "int");
  EXPECT_EQ(g.key_types.at("node:name_ja"), "string");
}

TEST(GraphMl, StoresListsAndMapsAsJsonTextThatParsesBack) {
  Model m = chain();
  GraphMl g = read_graphml(to_graphml(m));
  const GraphMl::Data& coi = g.nodes[*m.find("program/coi-next")].second;
  EXPECT_EQ(json::parse(coi.at("attributes_json")), json::parse(R"({"fields": "any"})"));
  EXPECT_EQ(json::parse(coi.at("figures_json")), json::parse(R"([{
      "name": "budget", "value": 13400000000, "unit": "jpy", "qualifier": "exact",
      "fiscal_year": 2024, "sources": [{"document": "seed.txt", "quote": "134億円"}]}])"));
  EXPECT_EQ(
      json::parse(coi.at("sources_json")),
      json::parse(R"([{"document": "seed.txt", "section": "slide 6", "quote": "支援規模"}])"));
  const GraphMl::Data& jst = g.nodes[*m.find("org/jst")].second;
  EXPECT_EQ(jst.at("attributes_json"), "{}");
  EXPECT_EQ(jst.at("figures_json"), "[]");
  EXPECT_EQ(jst.at("sources_json"), "[]");
  for (const auto& [ends, data] : g.edges) {
    if (data.at("relation") != "flows_to") continue;
    EXPECT_EQ(json::parse(data.at("sources_json")),
              json::parse(R"([{"publisher": "JST", "url": "https://www.jst.go.jp/"}])"));
  }
}

TEST(GraphMl, KeepsQuotesAndLineBreaksAndReplacesCharactersXmlCannotHold) {
  ModelBuilder b;
  b.add_node(node("program/awkward", Kind::program, awkward_name, "bell\x07"));
  GraphMl g = read_graphml(to_graphml(std::move(b).build()));
  EXPECT_EQ(g.nodes[0].second.at("name_ja"), awkward_name);
  EXPECT_EQ(g.nodes[0].second.at("name_en"), "bell\xEF\xBF\xBD");
}

// ---- node-link -----------------------------------------------------------------------------

TEST(NodeLink, IsADirectedMultigraphWithEveryNodeAndLink) {
  Model m = chain();
  json::object doc = json::parse(to_node_link(m)).as_object();
  EXPECT_EQ(doc.at("directed"), true);
  EXPECT_EQ(doc.at("multigraph"), true);
  EXPECT_EQ(doc.at("nodes").as_array().size(), m.node_count());
  EXPECT_EQ(doc.at("links").as_array().size(), m.edge_count());
  EXPECT_EQ(doc.at("graph").at("id"), "chain");
  EXPECT_EQ(doc.at("graph").at("schema_version"), schema_version);
}

TEST(NodeLink, NodesCarryKindNamesAndTheirListsAsRealJson) {
  Model m = chain();
  json::object doc = json::parse(to_node_link(m)).as_object();
  const json::value& coi = doc.at("nodes").at(*m.find("program/coi-next"));
  EXPECT_EQ(coi.at("id"), "program/coi-next");
  EXPECT_EQ(coi.at("kind"), "program");
  EXPECT_EQ(coi.at("name_ja"), "共創の場形成支援プログラム");
  EXPECT_EQ(coi.at("name_en"), "COI-NEXT");
  EXPECT_EQ(coi.at("attributes"), json::parse(R"({"fields": "any"})"));
  EXPECT_EQ(coi.at("figures").at(0).at("value"), 13'400'000'000);
  EXPECT_EQ(coi.at("sources").at(0).at("quote"), "支援規模");
  const json::value& jst = doc.at("nodes").at(*m.find("org/jst"));
  EXPECT_EQ(jst.at("figures"), json::array{});
  EXPECT_EQ(jst.at("description_ja"), "");
}

TEST(NodeLink, LinksAreKeyedByRelationAndCarryTheirDetail) {
  Model m = chain();
  json::object doc = json::parse(to_node_link(m)).as_object();
  std::map<std::string, json::value> by_relation;
  for (const json::value& link : doc.at("links").as_array()) {
    by_relation[std::string(link.at("relation").as_string())] = link;
    EXPECT_EQ(link.at("key"), link.at("relation"));
  }
  const json::value& awarded = by_relation.at("awarded");
  EXPECT_EQ(awarded.at("source"), "university/hirosaki");
  EXPECT_EQ(awarded.at("target"), "program/coi-next");
  EXPECT_EQ(awarded.at("certainty"), "high");
  EXPECT_EQ(awarded.at("fiscal_year"), 2022);
  const json::value& money = by_relation.at("flows_to");
  EXPECT_EQ(money.at("what"), json::parse(R"({"ja": "資金", "en": "funding"})"));
  EXPECT_EQ(money.at("note_ja"), "委託費");
  EXPECT_EQ(money.at("note_en"), "commissioning fee");
  EXPECT_EQ(money.at("sources").at(0).at("publisher"), "JST");
  EXPECT_TRUE(by_relation.at("serves").at("fiscal_year").is_null());
  EXPECT_EQ(by_relation.at("serves").at("certainty"), "certain");
}

}  // namespace
}  // namespace kyoso
