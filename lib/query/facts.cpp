#include "query/facts.hpp"

#include <algorithm>
#include <cmath>

#include "kyoso/error.hpp"

namespace kyoso::detail {

Path start_at(const Model& model, NodeIndex node) {
  Path p;
  p.nodes.push_back(model.node(node).id);
  return p;
}

Path extend(const Model& model, Path path, EdgeIndex edge, bool forward) {
  const Edge& e = model.edge(edge);
  path.relations.push_back(e.relation);
  path.forward.push_back(forward);
  path.nodes.push_back(model.node(forward ? e.target : e.source).id);
  return path;
}

Lineage lineage_of(const Model& model, NodeIndex program) {
  Lineage out;
  out.chain.push_back(program);
  out.paths.push_back(start_at(model, program));
  // part_of has no cycles (the builder refuses them); follow the first parent program.
  for (;;) {
    NodeIndex current = out.chain.back();
    std::optional<Step> parent;
    for (const Step& s : model.neighbors(current, Direction::out, Relation::part_of)) {
      if (model.node(s.node).kind == Kind::program) {
        parent = s;
        break;
      }
    }
    if (!parent) break;
    out.paths.push_back(extend(model, out.paths.back(), parent->edge, true));
    out.chain.push_back(parent->node);
  }
  return out;
}

std::span<const EdgeIndex> out_edges_of(const Model& model, NodeIndex node, Relation relation) {
  std::span<const EdgeIndex> out = model.out_edges(node);
  auto is = [&](EdgeIndex e) { return model.edge(e).relation == relation; };
  auto first = std::find_if(out.begin(), out.end(), is);
  return {first, std::find_if_not(first, out.end(), is)};
}

DefiningEdges defining_edges(const Model& model, std::span<const NodeIndex> chain,
                             Relation relation) {
  for (std::size_t depth = 0; depth < chain.size(); ++depth) {
    std::span<const EdgeIndex> edges = out_edges_of(model, chain[depth], relation);
    if (!edges.empty()) return {edges, depth};
  }
  return {};
}

void add_sources(const std::vector<Source>& from, std::vector<Source>& out) {
  for (const Source& s : from) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
}

void add_path_sources(const Model& model, const Path& path, std::vector<Source>& out) {
  for (std::size_t i = 0; i < path.relations.size(); ++i) {
    const std::string& a = path.nodes[i];
    const std::string& b = path.nodes[i + 1];
    NodeIndex source = model.resolve(path.forward[i] ? a : b);
    NodeIndex target = model.resolve(path.forward[i] ? b : a);
    for (EdgeIndex e : model.out_edges(source)) {
      const Edge& edge = model.edge(e);
      if (edge.target == target && edge.relation == path.relations[i]) {
        add_sources(model.detail(e).sources, out);
      }
    }
  }
}

void check_weights(const FitWeights& w) {
  for (double v : {w.mission, w.goals, w.fields, w.stage, w.inherited}) {
    if (!std::isfinite(v) || v < 0) throw Error("fit weights must be finite and not negative");
  }
  if (w.inherited > 1) throw Error("fit weight 'inherited' must be at most 1");
  if (w.mission == 0 && w.goals == 0 && w.fields == 0 && w.stage == 0) {
    throw Error(
        "fit weights mission, goals, fields and stage may not all be 0 (every score would "
        "be 0)");
  }
}

}  // namespace kyoso::detail
