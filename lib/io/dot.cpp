// GraphViz DOT export, written by Boost.Graph's write_graphviz with our own attribute
// writers: write_graphviz escapes only `"`, so every label goes through dot_quote().
#include <array>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <deque>
#include <sstream>
#include <string>
#include <vector>

#include "io/boost_graph.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

// How each kind is drawn. Shapes follow the role of the kind in the policy picture, and no
// two kinds share a shape, so a picture printed in grey still tells them apart:
//
//   kind           shape          fill      why
//   package        doubleoctagon  #f4cccc   the whole package, the frame of everything else
//   pillar         folder         #fce5cd   a folder of programs (① ② ③, 制度改革 …)
//   program        box            #cfe2f3   the thing a university applies to
//   purpose        ellipse        #d9ead3   a need (【人材育成】 …)
//   mission        hexagon        #fff2cc   the kind of university aimed at
//   field          parallelogram  #ead1dc   a regional industry
//   applicant      invhouse       #d0e0e3   who may apply
//   org            component      #d9d2e9   a ministry or agency
//   stakeholder    octagon        #e6e6e6   a role in a flow of money, licences or research
//   factor         diamond        #b6d7a8   a success factor ❶–❾
//   stage          cds            #ffe599   a step of a sequence (STEP 0–3)
//   challenge      note           #f9cb9c   a casebook challenge, read like a sticky note
//   university     house          #a4c2f4   a named university
//   partner        trapezium      #b4a7d6   a partner a university brings
//   establishment  box3d          #cccccc   national / public / private
//   prefecture     tab            #e2efda   where a university is
//   region         pentagon       #c9daf8   a group of prefectures
//   framework      septagon       #d5a6bd   a support framework a national university chose
//   fund           cylinder       #ffd966   a fund that pays for programs
//   publication    Msquare        #eeeeee   a document the model reads (the casebook)
struct KindStyle {
  Kind kind;
  const char* shape;
  const char* fill;
};
constexpr std::array<KindStyle, kind_count> kind_styles{{
    {Kind::package, "doubleoctagon", "#f4cccc"},
    {Kind::pillar, "folder", "#fce5cd"},
    {Kind::program, "box", "#cfe2f3"},
    {Kind::purpose, "ellipse", "#d9ead3"},
    {Kind::mission, "hexagon", "#fff2cc"},
    {Kind::field, "parallelogram", "#ead1dc"},
    {Kind::applicant, "invhouse", "#d0e0e3"},
    {Kind::org, "component", "#d9d2e9"},
    {Kind::stakeholder, "octagon", "#e6e6e6"},
    {Kind::factor, "diamond", "#b6d7a8"},
    {Kind::stage, "cds", "#ffe599"},
    {Kind::challenge, "note", "#f9cb9c"},
    {Kind::university, "house", "#a4c2f4"},
    {Kind::partner, "trapezium", "#b4a7d6"},
    {Kind::establishment, "box3d", "#cccccc"},
    {Kind::prefecture, "tab", "#e2efda"},
    {Kind::region, "pentagon", "#c9daf8"},
    {Kind::framework, "septagon", "#d5a6bd"},
    {Kind::fund, "cylinder", "#ffd966"},
    {Kind::publication, "Msquare", "#eeeeee"},
}};
// The table is indexed by Kind; a kind added out of order would silently get another's style.
static_assert([] {
  for (std::size_t i = 0; i < kind_styles.size(); ++i) {
    if (static_cast<std::size_t>(kind_styles[i].kind) != i) return false;
  }
  return true;
}());

// Any installed CJK font renders the Japanese names; GraphViz falls back quietly if this
// one is missing.
constexpr const char* font = "Noto Sans CJK JP";

// A DOT double-quoted string that GraphViz shows exactly as `text` reads:
// * `\` is doubled, since GraphViz gives `\N`, `\G`, `\l` … special meanings in labels;
// * `"` is escaped, the only escape the DOT grammar itself has;
// * a line break becomes `\n` (a centred line in a label), CR LF and a lone CR included;
// * `&` becomes `&amp;`, since GraphViz decodes HTML entities in labels;
// * other control characters become U+FFFD, since SVG (XML) output cannot hold them.
// UTF-8 (Japanese) passes through unchanged.
std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

// The nodes to draw: all of them, or those within `depth` steps of the focus.
std::vector<bool> nodes_to_draw(const Model& model, const DotOptions& options) {
  if (!options.focus) return std::vector<bool>(model.node_count(), true);
  if (options.depth < 0) {
    throw Error("DOT export: depth must be 0 or more, not " + std::to_string(options.depth));
  }
  std::vector<bool> keep(model.node_count(), false);
  std::vector<int> distance(model.node_count(), -1);
  NodeIndex focus = model.resolve(*options.focus);
  std::deque<NodeIndex> queue{focus};
  distance[focus] = 0;
  keep[focus] = true;
  auto visit = [&](NodeIndex from, NodeIndex to) {
    if (distance[to] >= 0) return;
    distance[to] = distance[from] + 1;
    keep[to] = true;
    queue.push_back(to);
  };
  while (!queue.empty()) {
    NodeIndex n = queue.front();
    queue.pop_front();
    if (distance[n] == options.depth) continue;
    for (EdgeIndex e : model.out_edges(n)) visit(n, model.edge(e).target);
    for (EdgeIndex e : model.in_edges(n)) visit(n, model.edge(e).source);
  }
  return keep;
}

class NodeWriter {
 public:
  NodeWriter(const Model& model, Lang lang) : model_(model), lang_(lang) {}
  void operator()(std::ostream& out, NodeIndex v) const {
    const Node& n = model_.node(v);
    const KindStyle& style = kind_styles[static_cast<std::size_t>(n.kind)];
    out << "[id=" << dot_quote(n.id) << ", label=" << dot_quote(n.name.in(lang_))
        << ", shape=" << style.shape << ", fillcolor=\"" << style.fill << "\"]";
  }

 private:
  const Model& model_;
  Lang lang_;
};

class EdgeWriter {
 public:
  EdgeWriter(const Model& model, const detail::BoostGraph& graph, Lang lang)
      : model_(model), graph_(graph), lang_(lang) {}
  void operator()(std::ostream& out,
                  boost::graph_traits<detail::BoostGraph>::edge_descriptor d) const {
    EdgeIndex i = boost::get(boost::edge_index, graph_, d);
    const Edge& e = model_.edge(i);
    std::string label(to_string(e.relation));
    const Text& what = model_.detail(i).what;
    if (e.relation == Relation::flows_to && !what.empty()) label += "\n" + what.in(lang_);
    out << "[label=" << dot_quote(label);
    if (e.certainty != Certainty::certain) {
      out << ", style=dashed, tooltip=" << dot_quote(to_string(e.certainty));
    }
    out << "]";
  }

 private:
  const Model& model_;
  const detail::BoostGraph& graph_;
  Lang lang_;
};

// filtered_graph copies, assigns and default-constructs its predicate, so not a lambda.
struct DrawnNode {
  const std::vector<bool>* keep = nullptr;
  bool operator()(NodeIndex v) const { return (*keep)[v]; }
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "graph [rankdir=LR, fontname=" << dot_quote(font) << "];\n"
        << "node [style=filled, fontname=" << dot_quote(font) << "];\n"
        << "edge [fontname=" << dot_quote(font) << ", fontsize=10];\n";
  }
};

}  // namespace

std::string to_dot(const Model& model, const DotOptions& options) {
  const detail::BoostGraph graph = detail::boost_graph(model);
  std::vector<bool> keep = nodes_to_draw(model, options);
  boost::filtered_graph<detail::BoostGraph, boost::keep_all, DrawnNode> view(
      graph, boost::keep_all{}, DrawnNode{&keep});
  // DOT node names are the kyoso ids (write_graphviz quotes them; ids are plain ASCII), so
  // a focused picture names its nodes the same way as the whole one.
  auto id_of = [&model](NodeIndex v) -> const std::string& { return model.node(v).id; };
  boost::function_property_map<decltype(id_of), NodeIndex, const std::string&> ids(id_of);
  std::ostringstream out;
  boost::write_graphviz(out, view, NodeWriter(model, options.lang),
                        EdgeWriter(model, graph, options.lang), GraphWriter{}, ids);
  return out.str();
}

}  // namespace kyoso
