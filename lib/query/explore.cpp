// explore: how things are connected — a node's neighbourhood, and every shortest path
// between two nodes. Both are breadth-first searches written over Model::out_edges/in_edges:
// Boost's breadth_first_search on the compressed_sparse_row_graph the Model keeps follows
// out-edges only, and cannot walk the in-edges as well, which both queries need to treat the
// graph as undirected.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"
#include "query/facts.hpp"

namespace kyoso {
namespace {

// A model's nodes are numbered in id order (Model::find), so comparing indices compares ids
// without touching the strings.
bool id_less(const Model&, NodeIndex a, NodeIndex b) { return a < b; }

// Paths come in output order: by the sequence of node ids, then by the relations (in the
// vocabulary's order), then with edges followed forward before edges followed backward.

// Per-thread scratch for the searches: a distance per node from each end, reset after each
// query through the list of the nodes it touched. A query on a national model reaches a small
// part of it, so clearing or allocating arrays of every node per query would cost more than
// the search (the NetworkX comparison in bench/README.md runs thousands).
struct SearchScratch {
  static constexpr std::uint32_t unreached = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> from_start;  // hops from the query's `from`
  std::vector<std::uint32_t> to_end;      // hops to the query's `to`
  std::vector<char> on_path;              // reached while reading the paths back
  std::vector<NodeIndex> touched;

  void prepare(std::size_t nodes) {
    if (from_start.size() < nodes) {
      from_start.assign(nodes, unreached);
      to_end.assign(nodes, unreached);
      on_path.assign(nodes, 0);
    }
  }
  void reset() {
    for (NodeIndex v : touched) {
      from_start[v] = to_end[v] = unreached;
      on_path[v] = 0;
    }
    touched.clear();
  }
};

// Every shortest path between two nodes. A breadth-first search from both ends at once, each
// step growing the end whose frontier has fewer edges, finds the length while touching far fewer
// nodes than a search from one end (through a hub, one end's second level can be most of a
// national model). The paths are then read back from the distances: a step u -> v lies on a
// shortest path when u is i hops from `from` and v is length - i - 1 hops from `to`.
class ShortestPathSearch {
 public:
  ShortestPathSearch(const Model& model, const PathQuery& query)
      : model_(model),
        query_(query),
        from_(model.resolve(query.from)),
        to_(model.resolve(query.to)),
        scratch_(thread_scratch()) {
    scratch_.prepare(model.node_count());
  }
  ~ShortestPathSearch() { scratch_.reset(); }
  ShortestPathSearch(const ShortestPathSearch&) = delete;
  ShortestPathSearch& operator=(const ShortestPathSearch&) = delete;

  PathResult run() {
    PathResult result;
    result.from = model_.node(from_).id;
    result.to = model_.node(to_).id;
    if (from_ == to_) {
      result.length = 0;
      add(result, detail::start_at(model_, from_));
      return result;
    }
    std::optional<std::uint32_t> length = search();
    if (!length) return result;
    result.length = *length;
    if (query_.max_paths == 0) {
      result.truncated = true;
      return result;
    }
    std::vector<NodeIndex> nodes{from_};
    list_paths(nodes, successors(*length), result);
    return result;
  }

 private:
  static constexpr std::uint32_t unreached = SearchScratch::unreached;

  struct Arrival {
    EdgeIndex edge;
    NodeIndex node;  // the other end of the edge
    bool forward;
  };
  using Successors = std::unordered_map<NodeIndex, std::vector<Arrival>>;

  static SearchScratch& thread_scratch() {
    thread_local SearchScratch scratch;
    return scratch;
  }

  bool allowed(EdgeIndex e) const {
    return query_.relations.empty() || std::find(query_.relations.begin(), query_.relations.end(),
                                                 model_.edge(e).relation) != query_.relations.end();
  }

  // Calls step(edge, other end, forward) for each edge a walk may take from `v`: away from
  // `from` (toward_start false) it follows edges forward, undirected either way; toward
  // `from` it follows them backward.
  template <class Step>
  void each_step(NodeIndex v, bool toward_start, Step step) const {
    bool out = !query_.directed || !toward_start;
    bool in = !query_.directed || toward_start;
    if (out) {
      for (EdgeIndex e : model_.out_edges(v)) {
        if (allowed(e)) step(e, model_.edge(e).target, true);
      }
    }
    if (in) {
      for (EdgeIndex e : model_.in_edges(v)) {
        if (allowed(e)) step(e, model_.edge(e).source, false);
      }
    }
  }

  struct Side {
    std::vector<std::uint32_t>& distance;
    std::vector<NodeIndex> frontier;
    std::uint32_t depth = 0;
    bool toward_start;
  };

  // Grows `side` by one level; returns the shortest length through a node the other side has
  // reached, if this level met it.
  std::optional<std::uint32_t> grow(Side& side, const Side& other) {
    std::optional<std::uint32_t> met;
    std::vector<NodeIndex> next;
    std::uint32_t level = side.depth + 1;
    // Every meeting on the first level that meets gives the same length, so when no path is
    // to be listed the first one answers.
    const bool length_only = query_.max_paths == 0;
    for (NodeIndex u : side.frontier) {
      if (met && length_only) break;
      each_step(u, side.toward_start, [&](EdgeIndex, NodeIndex v, bool) {
        if (side.distance[v] != unreached || (met && length_only)) return;
        if (other.distance[v] == unreached) scratch_.touched.push_back(v);
        side.distance[v] = level;
        next.push_back(v);
        if (other.distance[v] != unreached) {
          std::uint32_t through = level + other.distance[v];
          if (!met || through < *met) met = through;
        }
      });
    }
    side.frontier = std::move(next);
    side.depth = level;
    return met;
  }

  // The edges growing a side would look at. A frontier of a few hubs (a mission, a purpose
  // that hundreds of universities share) costs more than many small nodes.
  std::size_t work(const Side& side) const {
    std::size_t edges = 0;
    for (NodeIndex v : side.frontier) {
      edges += model_.out_edges(v).size() + model_.in_edges(v).size();
    }
    return edges;
  }

  std::optional<std::uint32_t> search() {
    Side start{scratch_.from_start, {from_}, 0, false};
    Side end{scratch_.to_end, {to_}, 0, true};
    scratch_.touched.push_back(from_);
    scratch_.touched.push_back(to_);
    start.distance[from_] = 0;
    end.distance[to_] = 0;
    auto max_length = static_cast<std::uint32_t>(
        std::min<long long>(query_.max_length, std::numeric_limits<std::uint32_t>::max() - 1));
    while (start.depth + end.depth < max_length && !start.frontier.empty() &&
           !end.frontier.empty()) {
      Side& smaller = work(start) <= work(end) ? start : end;
      const Side& larger = &smaller == &start ? end : start;
      if (auto met = grow(smaller, larger)) {
        middle_ = start.depth;
        return *met;
      }
    }
    return std::nullopt;
  }

  // The steps of the shortest paths, from each node on one, ordered by the node reached. The
  // nodes `middle_` hops from `from` on a shortest path have both distances; from them the
  // steps run back to `from` by the distances from it, and on to `to` by the distances to it.
  Successors successors(std::uint32_t length) const {
    const std::vector<std::uint32_t>& from_start = scratch_.from_start;
    const std::vector<std::uint32_t>& to_end = scratch_.to_end;
    std::vector<NodeIndex> middle;
    for (NodeIndex v : scratch_.touched) {
      if (from_start[v] == middle_ && to_end[v] == length - middle_) middle.push_back(v);
    }
    Successors out;
    std::vector<char>& seen = scratch_.on_path;  // every node on a path was touched
    std::vector<NodeIndex> stack = middle;
    for (NodeIndex v : middle) seen[v] = 1;
    while (!stack.empty()) {  // back toward `from`
      NodeIndex v = stack.back();
      stack.pop_back();
      each_step(v, true, [&](EdgeIndex e, NodeIndex u, bool forward) {
        if (from_start[v] == 0 || from_start[u] != from_start[v] - 1) return;
        out[u].push_back({e, v, !forward});
        if (!seen[u]) {
          seen[u] = 1;
          stack.push_back(u);
        }
      });
    }
    stack = middle;
    while (!stack.empty()) {  // on toward `to`
      NodeIndex v = stack.back();
      stack.pop_back();
      each_step(v, false, [&](EdgeIndex e, NodeIndex w, bool forward) {
        if (to_end[v] == 0 || to_end[w] != to_end[v] - 1) return;
        out[v].push_back({e, w, forward});
        if (!seen[w]) {
          seen[w] = 1;
          stack.push_back(w);
        }
      });
    }
    for (auto& [node, steps] : out) {
      std::stable_sort(steps.begin(), steps.end(), [&](const Arrival& a, const Arrival& b) {
        return id_less(model_, a.node, b.node);
      });
    }
    return out;
  }

  // Walks the node sequences in id order; returns false once more than max_paths are found.
  bool list_paths(std::vector<NodeIndex>& nodes, const Successors& next, PathResult& result) const {
    NodeIndex u = nodes.back();
    if (u == to_) return add_edge_choices(nodes, next, result);
    auto it = next.find(u);
    if (it == next.end()) return true;
    const std::vector<Arrival>& steps = it->second;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (i > 0 && steps[i].node == steps[i - 1].node) continue;  // one visit per node
      nodes.push_back(steps[i].node);
      bool more = list_paths(nodes, next, result);
      nodes.pop_back();
      if (!more) return false;
    }
    return true;
  }

  // One node sequence can be walked along different parallel edges, one choice per hop: as
  // many paths as the choices' product. They are listed in path_less order, and only until
  // max_paths, so a long sequence of doubled edges costs the paths listed, not the product:
  // the relation sequences in order, each with its directions in order (forward first).
  bool add_edge_choices(const std::vector<NodeIndex>& nodes, const Successors& next,
                        PathResult& result) const {
    std::size_t hops = nodes.size() - 1;
    Choices choices(hops);
    for (std::size_t hop = 0; hop < hops; ++hop) {
      for (const Arrival& a : next.at(nodes[hop])) {
        if (a.node == nodes[hop + 1]) choices.arrivals[hop].push_back(a);
      }
      std::sort(choices.arrivals[hop].begin(), choices.arrivals[hop].end(),
                [&](const Arrival& a, const Arrival& b) {
                  Relation ra = model_.edge(a.edge).relation, rb = model_.edge(b.edge).relation;
                  return ra != rb ? ra < rb : a.forward > b.forward;
                });
    }
    return pick_relations(choices, 0, nodes[0], result);
  }

  struct Choices {
    explicit Choices(std::size_t hops) : arrivals(hops), relations(hops), picked(hops) {}
    std::vector<std::vector<Arrival>> arrivals;  // per hop, by relation, forward first
    std::vector<Relation> relations;             // the relation sequence being listed
    std::vector<const Arrival*> picked;          // the edges of the path being listed
  };

  bool pick_relations(Choices& c, std::size_t hop, NodeIndex start, PathResult& result) const {
    if (hop == c.arrivals.size()) return pick_directions(c, 0, start, result);
    const std::vector<Arrival>& here = c.arrivals[hop];
    for (std::size_t i = 0; i < here.size(); ++i) {
      Relation r = model_.edge(here[i].edge).relation;
      if (i > 0 && r == model_.edge(here[i - 1].edge).relation) continue;
      c.relations[hop] = r;
      if (!pick_relations(c, hop + 1, start, result)) return false;
    }
    return true;
  }

  bool pick_directions(Choices& c, std::size_t hop, NodeIndex start, PathResult& result) const {
    if (hop == c.arrivals.size()) {
      Path p = detail::start_at(model_, start);
      for (const Arrival* a : c.picked)
        p = detail::extend(model_, std::move(p), a->edge, a->forward);
      return add(result, std::move(p));
    }
    for (const Arrival& a : c.arrivals[hop]) {
      if (model_.edge(a.edge).relation != c.relations[hop]) continue;
      c.picked[hop] = &a;
      if (!pick_directions(c, hop + 1, start, result)) return false;
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
  SearchScratch& scratch_;
  std::uint32_t middle_ = 0;  // hops from `from` of the layer where the two searches met
};

}  // namespace

std::vector<Neighbor> neighbors(const Model& model, std::string_view id,
                                std::optional<Relation> relation, Direction direction, int depth) {
  if (depth < 1) throw Error("neighbors needs a depth of at least 1");
  if (depth > limits::max_neighbor_depth) {
    throw Error("neighbors: depth " + std::to_string(depth) + " is over the cap of " +
                std::to_string(limits::max_neighbor_depth) +
                " (kyoso::limits::max_neighbor_depth)");
  }
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
        if (out.size() == limits::max_neighbors) {
          throw Error("neighbors: more than " + std::to_string(limits::max_neighbors) +
                      " nodes within " + std::to_string(depth) + " steps of '" +
                      model.node(start).id +
                      "', the cap (kyoso::limits::max_neighbors); ask for fewer steps or one "
                      "relation");
        }
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
  if (query.max_length > limits::max_path_length) {
    throw Error("shortest_paths: max_length " + std::to_string(query.max_length) +
                " is over the cap of " + std::to_string(limits::max_path_length) +
                " (kyoso::limits::max_path_length)");
  }
  if (query.max_paths > limits::max_paths) {
    throw Error("shortest_paths: max_paths " + std::to_string(query.max_paths) +
                " is over the cap of " + std::to_string(limits::max_paths) +
                " (kyoso::limits::max_paths)");
  }
  return ShortestPathSearch(model, query).run();
}

std::vector<Source> path_sources(const Model& model, const Path& path) {
  std::vector<Source> out;
  detail::add_path_sources(model, path, out);
  return out;
}

}  // namespace kyoso
