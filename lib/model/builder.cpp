#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "kyoso/error.hpp"
#include "model/model_impl.hpp"
#include "model/suggest.hpp"

namespace kyoso {

struct ModelBuilder::State {
  ModelInfo info;
  std::string origin;
  std::vector<Node> nodes;
  std::vector<std::string> node_where;
  std::vector<EdgeSpec> edges;
  std::vector<std::string> edge_where;
};

ModelBuilder::ModelBuilder() : state_(std::make_unique<State>()) {}
ModelBuilder::~ModelBuilder() = default;
ModelBuilder::ModelBuilder(ModelBuilder&&) noexcept = default;
ModelBuilder& ModelBuilder::operator=(ModelBuilder&&) noexcept = default;

ModelBuilder ModelBuilder::from(const Model& model) {
  ModelBuilder builder;
  builder.info(model.info());
  for (NodeIndex i = 0; i < model.node_count(); ++i) builder.add_node(model.node(i));
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    const Edge& e = model.edge(i);
    EdgeSpec spec{
        model.node(e.source).id, model.node(e.target).id, e.relation, e.certainty, std::nullopt,
        model.detail(e)};
    if (e.fiscal_year != 0) spec.fiscal_year = e.fiscal_year;
    builder.add_edge(std::move(spec));
  }
  return builder;
}

ModelBuilder& ModelBuilder::info(ModelInfo info) {
  state_->info = std::move(info);
  return *this;
}

ModelBuilder& ModelBuilder::origin(std::string file) {
  state_->origin = std::move(file);
  return *this;
}

ModelBuilder& ModelBuilder::add_node(Node node, std::string where) {
  state_->nodes.push_back(std::move(node));
  state_->node_where.push_back(std::move(where));
  return *this;
}

ModelBuilder& ModelBuilder::add_edge(EdgeSpec edge, std::string where) {
  state_->edges.push_back(std::move(edge));
  state_->edge_where.push_back(std::move(where));
  return *this;
}

std::size_t ModelBuilder::node_count() const noexcept { return state_->nodes.size(); }
std::size_t ModelBuilder::edge_count() const noexcept { return state_->edges.size(); }

namespace {

bool valid_slug_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == '/';
}

// The checks and the freezing, kept apart from the builder's storage.
class Freezer {
 public:
  explicit Freezer(const ModelBuilder::State& s) : s_(s) {}

  Model::Impl run() {
    Model::Impl impl;
    impl.info = s_.info;
    check_nodes();
    order_nodes(impl);
    std::vector<std::size_t> edge_order = check_edges(impl);
    check_part_of_cycles(impl);
    freeze_edges(impl, edge_order);
    return impl;
  }

 private:
  [[noreturn]] void fail(const std::string& problem, const std::string& where,
                         const std::string& id) const {
    throw ValidationError(problem, Location{s_.origin, 0, 0, where, id});
  }

  void check_nodes() const {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const Node& n = s_.nodes[i];
      const std::string& where = s_.node_where[i];
      auto slash = n.id.find('/');
      if (n.id.empty() || slash == std::string::npos || slash + 1 == n.id.size() ||
          !std::all_of(n.id.begin(), n.id.end(), valid_slug_char)) {
        fail("node id must be 'kind/slug' in lower-case ASCII letters, digits and - _ . /", where,
             n.id);
      }
      if (n.id.substr(0, slash) != to_string(n.kind)) {
        fail("node id's prefix does not match its kind '" + std::string(to_string(n.kind)) + "'",
             where, n.id);
      }
      if (n.name.ja.empty() || n.name.en.empty()) {
        fail("node needs a name in both Japanese and English (name.ja, name.en)", where, n.id);
      }
      for (const Figure& f : n.figures) {
        if (f.name.empty()) fail("a figure needs a name", where, n.id);
        if (f.value < 0) fail("figure '" + f.name + "' is negative", where, n.id);
      }
      auto [it, inserted] = seen.emplace(n.id, i);
      if (!inserted) {
        std::string first = s_.node_where[it->second];
        fail("duplicate node id" + (first.empty() ? "" : " (first defined at " + first + ")"),
             where, n.id);
      }
    }
  }

  void order_nodes(Model::Impl& impl) const {
    impl.nodes = s_.nodes;
    std::sort(impl.nodes.begin(), impl.nodes.end(),
              [](const Node& a, const Node& b) { return a.id < b.id; });
    for (NodeIndex i = 0; i < impl.nodes.size(); ++i) {
      impl.by_kind[static_cast<std::size_t>(impl.nodes[i].kind)].push_back(i);
    }
  }

  NodeIndex endpoint(const Model::Impl& impl, const std::string& id, const std::string& where,
                     const char* end) const {
    auto it = std::lower_bound(impl.nodes.begin(), impl.nodes.end(), id,
                               [](const Node& n, const std::string& key) { return n.id < key; });
    if (it == impl.nodes.end() || it->id != id) {
      std::vector<std::string_view> ids;
      ids.reserve(impl.nodes.size());
      for (const Node& n : impl.nodes) ids.push_back(n.id);
      std::string near = nearest_id(id, ids);
      fail(std::string("edge ") + end + " names no node" +
               (near.empty() ? "" : " (did you mean '" + near + "'?)"),
           where.empty() ? where : where + "/" + end, id);
    }
    return static_cast<NodeIndex>(it - impl.nodes.begin());
  }

  // Returns the edges' positions in the frozen order: by source, relation, then target.
  std::vector<std::size_t> check_edges(Model::Impl& impl) {
    ends_.resize(s_.edges.size());
    for (std::size_t i = 0; i < s_.edges.size(); ++i) {
      const auto& e = s_.edges[i];
      const std::string& where = s_.edge_where[i];
      NodeIndex source = endpoint(impl, e.source, where, "source");
      NodeIndex target = endpoint(impl, e.target, where, "target");
      Kind from = impl.nodes[source].kind;
      Kind to = impl.nodes[target].kind;
      if (!allows(e.relation, from, to)) {
        std::string allowed;
        for (KindPair p : signature(e.relation)) {
          allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(p.source)) + " -> " +
                     std::string(to_string(p.target));
        }
        fail("relation '" + std::string(to_string(e.relation)) + "' cannot connect " +
                 std::string(to_string(from)) + " -> " + std::string(to_string(to)) +
                 " (allowed: " + allowed + ")",
             where, e.source + " -> " + e.target);
      }
      if (source == target) fail("an edge may not connect a node to itself", where, e.source);
      if (e.fiscal_year && (*e.fiscal_year < 1900 || *e.fiscal_year > 2200)) {
        fail("fiscal_year out of range (1900-2200)", where, e.source + " -> " + e.target);
      }
      ends_[i] = {source, target};
    }
    std::vector<std::size_t> order(s_.edges.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](std::size_t i) {
      return std::tuple(ends_[i].first, s_.edges[i].relation, ends_[i].second);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (key(order[k - 1]) == key(order[k])) {
        std::size_t later = std::max(order[k - 1], order[k]);
        const auto& e = s_.edges[later];
        fail("duplicate edge (same source, target and relation '" +
                 std::string(to_string(e.relation)) + "')",
             s_.edge_where[later], e.source + " -> " + e.target);
      }
    }
    return order;
  }

  // part_of is a hierarchy: a cycle would make "which program is this a track of" endless.
  void check_part_of_cycles(const Model::Impl& impl) const {
    std::vector<std::vector<std::size_t>> parents(impl.nodes.size());
    for (std::size_t i = 0; i < s_.edges.size(); ++i) {
      if (s_.edges[i].relation == Relation::part_of) parents[ends_[i].first].push_back(i);
    }
    enum class Mark : std::uint8_t { fresh, active, done };
    std::vector<Mark> mark(impl.nodes.size(), Mark::fresh);
    for (NodeIndex start = 0; start < impl.nodes.size(); ++start) {
      if (mark[start] != Mark::fresh) continue;
      // Iterative DFS: (node, next parent edge to try).
      std::vector<std::pair<NodeIndex, std::size_t>> stack{{start, 0}};
      mark[start] = Mark::active;
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next == parents[v].size()) {
          mark[v] = Mark::done;
          stack.pop_back();
          continue;
        }
        std::size_t edge = parents[v][next++];
        NodeIndex up = ends_[edge].second;
        if (mark[up] == Mark::active) {
          fail("part_of forms a cycle through '" + impl.nodes[up].id + "'", s_.edge_where[edge],
               s_.edges[edge].source);
        }
        if (mark[up] == Mark::fresh) {
          mark[up] = Mark::active;
          stack.emplace_back(up, 0);
        }
      }
    }
  }

  void freeze_edges(Model::Impl& impl, const std::vector<std::size_t>& order) const {
    impl.details.assign(1, EdgeDetail{});
    impl.edges.reserve(order.size());
    for (std::size_t i : order) {
      const auto& spec = s_.edges[i];
      Edge e;
      e.source = ends_[i].first;
      e.target = ends_[i].second;
      e.relation = spec.relation;
      e.certainty = spec.certainty;
      e.fiscal_year = static_cast<std::int16_t>(spec.fiscal_year.value_or(0));
      if (!spec.detail.empty()) {
        e.detail = static_cast<std::uint32_t>(impl.details.size());
        impl.details.push_back(spec.detail);
      }
      impl.edges.push_back(e);
    }
    impl.edge_ids.resize(impl.edges.size());
    std::iota(impl.edge_ids.begin(), impl.edge_ids.end(), EdgeIndex{0});
    std::vector<std::pair<NodeIndex, NodeIndex>> pairs;
    pairs.reserve(impl.edges.size());
    for (const Edge& e : impl.edges) pairs.emplace_back(e.source, e.target);
    // The pairs are already in source order and Boost's counting sort is stable, so the
    // graph's edge positions are our EdgeIndex values; the check below keeps that honest.
    impl.graph = Graph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
                       static_cast<NodeIndex>(impl.nodes.size()));
    const auto& column = impl.graph.m_forward.m_column;
    for (std::size_t i = 0; i < impl.edges.size(); ++i) {
      if (column[i] != impl.edges[i].target) {
        throw std::logic_error("kyoso: adjacency order differs from edge order");
      }
    }
  }

  const ModelBuilder::State& s_;
  std::vector<std::pair<NodeIndex, NodeIndex>> ends_;
};

}  // namespace

Model ModelBuilder::build() const& {
  return Model(std::make_shared<const Model::Impl>(Freezer(*state_).run()));
}

Model ModelBuilder::build() && { return static_cast<const ModelBuilder&>(*this).build(); }

}  // namespace kyoso
