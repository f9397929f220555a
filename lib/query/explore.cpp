// explore: how things are connected — a node's neighbourhood, and every shortest path
// between two nodes. Both are breadth-first searches written over Model::out_edges/in_edges
// (through Model::neighbors): Boost's breadth_first_search on the compressed_sparse_row_graph
// the Model keeps follows out-edges only, and cannot walk the in-edges as well, which both
// queries need to treat the graph as undirected.
#include <algorithm>

#include "kyoso/error.hpp"
#include "query/facts.hpp"

namespace kyoso {
namespace {

bool id_less(const Model& model, NodeIndex a, NodeIndex b) {
  return model.node(a).id < model.node(b).id;
}

// Paths in output order: by the sequence of node ids, then by the relations (in the
// vocabulary's order), then with edges followed forward before edges followed backward.
bool path_less(const Path& a, const Path& b) {
  if (a.nodes != b.nodes) return a.nodes < b.nodes;
  if (a.relations != b.relations) return a.relations < b.relations;
  return a.forward > b.forward;
}

// The BFS behind shortest_paths: each reached node's distance from the start, and every step
// that reaches it from a node one hop nearer (its arrivals on a shortest path).
class ShortestPathSearch {
 public:
  ShortestPathSearch(const Model& model, const PathQuery& query)
      : model_(model),
        query_(query),
        from_(model.resolve(query.from)),
        to_(model.resolve(query.to)),
        distance_(model.node_count(), unreached),
        arrivals_(model.node_count()) {}

  PathResult run() {
    PathResult result;
    result.from = model_.node(from_).id;
    result.to = model_.node(to_).id;
    if (from_ == to_) {
      result.length = 0;
      add(result, detail::start_at(model_, from_));
      return result;
    }
    search();
    if (distance_[to_] == unreached) return result;
    result.length = distance_[to_];
    std::vector<NodeIndex> nodes{from_};
    list_paths(nodes, successors(), result);
    return result;
  }

 private:
  static constexpr std::size_t unreached = static_cast<std::size_t>(-1);

  struct Arrival {
    EdgeIndex edge;
    NodeIndex node;  // the other end of the edge
    bool forward;
  };

  bool allowed(const Step& s) const {
    return query_.relations.empty() ||
           std::find(query_.relations.begin(), query_.relations.end(),
                     model_.edge(s.edge).relation) != query_.relations.end();
  }

  void search() {
    Direction direction = query_.directed ? Direction::out : Direction::both;
    std::vector<NodeIndex> frontier{from_};
    distance_[from_] = 0;
    auto max_length = static_cast<std::size_t>(query_.max_length);
    for (std::size_t level = 1; level <= max_length && !frontier.empty(); ++level) {
      std::vector<NodeIndex> next;
      for (NodeIndex u : frontier) {
        for (const Step& s : model_.neighbors(u, direction)) {
          if (!allowed(s)) continue;
          if (distance_[s.node] == unreached) {
            distance_[s.node] = level;
            next.push_back(s.node);
          }
          if (distance_[s.node] == level) arrivals_[s.node].push_back({s.edge, u, s.forward});
        }
      }
      if (distance_[to_] != unreached) return;
      frontier = std::move(next);
    }
  }

  // The steps of the shortest paths to `to`, from each node, ordered by the node reached.
  // Only arrivals walked back from `to` count: every step kept leads on to `to`.
  std::vector<std::vector<Arrival>> successors() const {
    std::vector<std::vector<Arrival>> out(model_.node_count());
    std::vector<bool> seen(model_.node_count(), false);
    std::vector<NodeIndex> stack{to_};
    seen[to_] = true;
    while (!stack.empty()) {
      NodeIndex v = stack.back();
      stack.pop_back();
      for (const Arrival& a : arrivals_[v]) {
        out[a.node].push_back({a.edge, v, a.forward});
        if (!seen[a.node]) {
          seen[a.node] = true;
          stack.push_back(a.node);
        }
      }
    }
    for (std::vector<Arrival>& steps : out) {
      std::stable_sort(steps.begin(), steps.end(), [&](const Arrival& a, const Arrival& b) {
        return id_less(model_, a.node, b.node);
      });
    }
    return out;
  }

  // Walks the node sequences in id order; returns false once more than max_paths are found.
  bool list_paths(std::vector<NodeIndex>& nodes, const std::vector<std::vector<Arrival>>& next,
                  PathResult& result) const {
    NodeIndex u = nodes.back();
    if (u == to_) return add_edge_choices(nodes, next, result);
    const std::vector<Arrival>& steps = next[u];
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (i > 0 && steps[i].node == steps[i - 1].node) continue;  // one visit per node
      nodes.push_back(steps[i].node);
      bool more = list_paths(nodes, next, result);
      nodes.pop_back();
      if (!more) return false;
    }
    return true;
  }

  // One node sequence can be walked along different parallel edges; lists each choice.
  bool add_edge_choices(const std::vector<NodeIndex>& nodes,
                        const std::vector<std::vector<Arrival>>& next, PathResult& result) const {
    std::vector<Path> paths{detail::start_at(model_, nodes[0])};
    for (std::size_t hop = 0; hop + 1 < nodes.size(); ++hop) {
      std::vector<Path> longer;
      for (const Path& p : paths) {
        for (const Arrival& a : next[nodes[hop]]) {
          if (a.node == nodes[hop + 1])
            longer.push_back(detail::extend(model_, p, a.edge, a.forward));
        }
      }
      paths = std::move(longer);
    }
    std::sort(paths.begin(), paths.end(), path_less);
    for (Path& p : paths) {
      if (!add(result, std::move(p))) return false;
    }
    return true;
  }

  bool add(PathResult& result, Path path) const {
    if (result.paths.size() == query_.max_paths) {
      result.truncated = true;
      return false;
    }
    result.paths.push_back(std::move(path));
    return true;
  }

  const Model& model_;
  const PathQuery& query_;
  NodeIndex from_;
  NodeIndex to_;
  std::vector<std::size_t> distance_;
  std::vector<std::vector<Arrival>> arrivals_;
};

}  // namespace

std::vector<Neighbor> neighbors(const Model& model, std::string_view id,
                                std::optional<Relation> relation, Direction direction, int depth) {
  if (depth < 1) throw Error("neighbors needs a depth of at least 1");
  NodeIndex start = model.resolve(id);
  std::vector<bool> seen(model.node_count(), false);
  seen[start] = true;
  std::vector<Neighbor> out;
  std::vector<std::pair<NodeIndex, Path>> frontier{{start, detail::start_at(model, start)}};
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<std::pair<NodeIndex, Path>> next;
    for (const auto& [node, path] : frontier) {
      for (const Step& s : model.neighbors(node, direction, relation)) {
        if (seen[s.node]) continue;
        seen[s.node] = true;
        const Node& reached = model.node(s.node);
        Path to_reached = detail::extend(model, path, s.edge, s.forward);
        out.push_back(Neighbor{reached.id, reached.name, reached.kind, level, to_reached});
        next.emplace_back(s.node, std::move(to_reached));
      }
    }
    // The next level is expanded in output order, so a node's path runs through the first
    // of its parents as listed.
    std::sort(next.begin(), next.end(),
              [&](const auto& a, const auto& b) { return id_less(model, a.first, b.first); });
    frontier = std::move(next);
  }
  std::stable_sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
    if (a.depth != b.depth) return a.depth < b.depth;
    return a.id < b.id;
  });
  return out;
}

PathResult shortest_paths(const Model& model, const PathQuery& query) {
  if (query.max_length < 0) throw Error("shortest_paths needs a max_length of at least 0");
  return ShortestPathSearch(model, query).run();
}

std::vector<Source> path_sources(const Model& model, const Path& path) {
  std::vector<Source> out;
  detail::add_path_sources(model, path, out);
  return out;
}

}  // namespace kyoso
