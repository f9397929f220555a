// Parts of a model as models of their own, so that every exporter (JGF, DOT, GraphML,
// node-link) can draw a neighbourhood or an explanation without a focus option of its own.
#include <deque>

#include "kyoso/error.hpp"
#include "kyoso/query.hpp"

namespace kyoso {
namespace {

// The kept nodes and the edges between two kept nodes. Rebuilt through ModelBuilder, which
// checks again what the whole model already passed; a part of a valid model is valid, and
// the cost is one pass over the nodes and edges kept.
Model induced(const Model& model, const std::vector<bool>& keep) {
  ModelBuilder builder;
  builder.info(model.info());
  for (NodeIndex i = 0; i < model.node_count(); ++i) {
    if (keep[i]) builder.add_node(model.node(i));
  }
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    const Edge& e = model.edge(i);
    if (!keep[e.source] || !keep[e.target]) continue;
    builder.add_edge({model.node(e.source).id, model.node(e.target).id, e.relation, e.certainty,
                      e.fiscal_year(), model.detail(i)});
  }
  return std::move(builder).build();
}

}  // namespace

Model subgraph(const Model& model, std::span<const std::string> ids) {
  std::vector<bool> keep(model.node_count(), false);
  for (const std::string& id : ids) keep[model.resolve(id)] = true;
  return induced(model, keep);
}

Model neighbourhood(const Model& model, std::string_view focus, int depth) {
  if (depth < 0)
    throw Error("neighbourhood needs a depth of 0 or more, not " + std::to_string(depth));
  NodeIndex start = model.resolve(focus);
  std::vector<int> distance(model.node_count(), -1);
  std::vector<bool> keep(model.node_count(), false);
  distance[start] = 0;
  keep[start] = true;
  std::deque<NodeIndex> queue{start};
  while (!queue.empty()) {
    NodeIndex n = queue.front();
    queue.pop_front();
    if (distance[n] == depth) continue;
    for (const Step& s : model.neighbors(n, Direction::both)) {
      if (distance[s.node] >= 0) continue;
      distance[s.node] = distance[n] + 1;
      keep[s.node] = true;
      queue.push_back(s.node);
    }
  }
  return induced(model, keep);
}

}  // namespace kyoso
