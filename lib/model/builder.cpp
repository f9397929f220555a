#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "kyoso/error.hpp"
#include "model/model_impl.hpp"
#include "model/rules.hpp"
#include "model/suggest.hpp"

namespace kyoso {

namespace {

// An edge as the builder holds it: its ends by id (they may be added later), and its detail
// shared with the model it came from, if any.
struct EdgeEntry {
  std::string source;
  std::string target;
  Relation relation = Relation::part_of;
  Certainty certainty = Certainty::certain;
  std::optional<int> fiscal_year;
  std::shared_ptr<const EdgeDetail> detail;  // null: none
  bool removed = false;
};

}  // namespace

struct ModelBuilder::State {
  ModelInfo info;
  std::string origin;
  std::vector<std::shared_ptr<const Node>> nodes;  // null: removed
  std::vector<std::string> node_where;
  std::vector<EdgeEntry> edges;
  std::vector<std::string> edge_where;
  std::size_t live_nodes = 0;
  std::size_t live_edges = 0;
  // Node positions by id, built on the first look-up, which loading a file never makes. Keys
  // view the ids of the records they point to; of two nodes with one id the first is indexed
  // (build() refuses the second).
  std::unordered_map<std::string_view, std::size_t> index;
  bool indexed = false;

  std::optional<std::size_t> position(std::string_view id) {
    if (!indexed) {
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i]) index.emplace(nodes[i]->id, i);
      }
      indexed = true;
    }
    auto it = index.find(id);
    return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }

  void push_node(std::shared_ptr<const Node> node, std::string where) {
    if (indexed) index.emplace(node->id, nodes.size());
    nodes.push_back(std::move(node));
    node_where.push_back(std::move(where));
    ++live_nodes;
  }

  // Edits are few and scenarios short, so an edge is found by a scan rather than an index.
  EdgeEntry* find_edge(std::string_view source, std::string_view target, Relation relation) {
    for (EdgeEntry& e : edges) {
      if (!e.removed && e.relation == relation && e.source == source && e.target == target) {
        return &e;
      }
    }
    return nullptr;
  }
};

ModelBuilder::ModelBuilder() : state_(std::make_unique<State>()) {}
ModelBuilder::~ModelBuilder() = default;
ModelBuilder::ModelBuilder(ModelBuilder&&) noexcept = default;
ModelBuilder& ModelBuilder::operator=(ModelBuilder&&) noexcept = default;

ModelBuilder ModelBuilder::from(const Model& model) {
  ModelBuilder builder;
  State& s = *builder.state_;
  const Model::Impl& impl = impl_of(model);
  s.info = impl.info;
  s.nodes = impl.nodes;  // shared records: a pointer each
  s.node_where.resize(impl.nodes.size());
  s.live_nodes = impl.nodes.size();
  s.edges.reserve(impl.edges.size());
  for (const Edge& e : impl.edges) {
    EdgeEntry entry{impl.nodes[e.source]->id,
                    impl.nodes[e.target]->id,
                    e.relation,
                    e.certainty,
                    std::nullopt,
                    nullptr,
                    false};
    if (e.fiscal_year != 0) entry.fiscal_year = e.fiscal_year;
    if (e.detail != 0) entry.detail = impl.details[e.detail];
    s.edges.push_back(std::move(entry));
  }
  s.edge_where.resize(impl.edges.size());
  s.live_edges = impl.edges.size();
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
  state_->push_node(std::make_shared<const Node>(std::move(node)), std::move(where));
  return *this;
}

ModelBuilder& ModelBuilder::add_edge(EdgeSpec edge, std::string where) {
  EdgeEntry entry{std::move(edge.source),
                  std::move(edge.target),
                  edge.relation,
                  edge.certainty,
                  edge.fiscal_year,
                  nullptr,
                  false};
  if (!edge.detail.empty()) {
    entry.detail = std::make_shared<const EdgeDetail>(std::move(edge.detail));
  }
  state_->edges.push_back(std::move(entry));
  state_->edge_where.push_back(std::move(where));
  ++state_->live_edges;
  return *this;
}

std::size_t ModelBuilder::node_count() const noexcept { return state_->live_nodes; }
std::size_t ModelBuilder::edge_count() const noexcept { return state_->live_edges; }

const Node* ModelBuilder::find_node(std::string_view id) const {
  auto at = state_->position(id);
  return at ? state_->nodes[*at].get() : nullptr;
}

bool ModelBuilder::has_edge(std::string_view source, std::string_view target,
                            Relation relation) const {
  return state_->find_edge(source, target, relation) != nullptr;
}

bool ModelBuilder::replace_node(Node node, std::string where) {
  auto at = state_->position(node.id);
  if (!at) return false;
  auto replacement = std::make_shared<const Node>(std::move(node));
  // The index key views the old record's id, which goes with the old record.
  state_->index.erase(replacement->id);
  state_->index.emplace(replacement->id, *at);
  state_->nodes[*at] = std::move(replacement);
  state_->node_where[*at] = std::move(where);
  return true;
}

bool ModelBuilder::remove_node(std::string_view id) {
  auto at = state_->position(id);
  if (!at) return false;
  for (EdgeEntry& e : state_->edges) {
    if (!e.removed && (e.source == id || e.target == id)) {
      e.removed = true;
      --state_->live_edges;
    }
  }
  state_->index.erase(id);
  state_->nodes[*at] = nullptr;
  --state_->live_nodes;
  return true;
}

bool ModelBuilder::remove_edge(std::string_view source, std::string_view target,
                               Relation relation) {
  EdgeEntry* e = state_->find_edge(source, target, relation);
  if (!e) return false;
  e->removed = true;
  --state_->live_edges;
  return true;
}

namespace detail {

namespace {
bool valid_slug_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == '/';
}
}  // namespace

std::string node_problem(const Node& n) {
  auto slash = n.id.find('/');
  if (n.id.empty() || slash == std::string::npos || slash + 1 == n.id.size() ||
      !std::all_of(n.id.begin(), n.id.end(), valid_slug_char)) {
    return "node id must be 'kind/slug' in lower-case ASCII letters, digits and - _ . /";
  }
  if (n.id.substr(0, slash) != to_string(n.kind)) {
    return "node id's prefix does not match its kind '" + std::string(to_string(n.kind)) + "'";
  }
  if (n.name.ja.empty() || n.name.en.empty()) {
    return "node needs a name in both Japanese and English (name.ja, name.en)";
  }
  for (const Figure& f : n.figures) {
    if (f.name.empty()) return "a figure needs a name";
    if (f.value < 0) return "figure '" + f.name + "' is negative";
  }
  return {};
}

std::string edge_problem(Relation relation, std::string_view source, std::string_view target,
                         std::optional<int> fiscal_year, Kind from, Kind to) {
  if (!allows(relation, from, to)) {
    std::string allowed;
    for (KindPair p : signature(relation)) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(p.source)) + " -> " +
                 std::string(to_string(p.target));
    }
    return "relation '" + std::string(to_string(relation)) + "' cannot connect " +
           std::string(to_string(from)) + " -> " + std::string(to_string(to)) +
           " (allowed: " + allowed + ")";
  }
  if (source == target) return "an edge may not connect a node to itself";
  if (fiscal_year && (*fiscal_year < 1900 || *fiscal_year > 2200)) {
    return "fiscal_year out of range (1900-2200)";
  }
  return {};
}

}  // namespace detail

namespace {

// The checks and the freezing, kept apart from the builder's storage. Removed nodes and edges
// (null records, removed entries) are skipped throughout.
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

  void check_nodes() {
    std::unordered_map<std::string_view, std::size_t>& seen = ids_;
    seen.reserve(s_.live_nodes);
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      if (!s_.nodes[i]) continue;
      const Node& n = *s_.nodes[i];
      const std::string& where = s_.node_where[i];
      std::string problem = detail::node_problem(n);
      if (!problem.empty()) fail(problem, where, n.id);
      auto [it, inserted] = seen.emplace(n.id, i);
      if (!inserted) {
        std::string first = s_.node_where[it->second];
        fail("duplicate node id" + (first.empty() ? "" : " (first defined at " + first + ")"),
             where, n.id);
      }
    }
  }

  // After this, ids_ maps each id to its NodeIndex.
  void order_nodes(Model::Impl& impl) {
    impl.nodes.reserve(s_.live_nodes);
    for (const auto& n : s_.nodes) {
      if (n) impl.nodes.push_back(n);
    }
    std::sort(impl.nodes.begin(), impl.nodes.end(),
              [](const auto& a, const auto& b) { return a->id < b->id; });
    for (NodeIndex i = 0; i < impl.nodes.size(); ++i) {
      impl.by_kind[static_cast<std::size_t>(impl.nodes[i]->kind)].push_back(i);
      ids_[impl.nodes[i]->id] = i;
    }
  }

  NodeIndex endpoint(const Model::Impl& impl, const std::string& id, const std::string& where,
                     const char* end) const {
    auto it = ids_.find(id);
    if (it == ids_.end()) {
      std::vector<std::string_view> ids;
      ids.reserve(impl.nodes.size());
      for (const auto& n : impl.nodes) ids.push_back(n->id);
      std::string near = nearest_id(id, ids);
      fail(std::string("edge ") + end + " names no node" +
               (near.empty() ? "" : " (did you mean '" + near + "'?)"),
           where.empty() ? where : where + "/" + end, id);
    }
    return static_cast<NodeIndex>(it->second);
  }

  // Returns the live edges' positions in the frozen order: by source, relation, then target.
  std::vector<std::size_t> check_edges(Model::Impl& impl) {
    ends_.resize(s_.edges.size());
    std::vector<std::size_t> order;
    order.reserve(s_.live_edges);
    for (std::size_t i = 0; i < s_.edges.size(); ++i) {
      const EdgeEntry& e = s_.edges[i];
      if (e.removed) continue;
      const std::string& where = s_.edge_where[i];
      NodeIndex source = endpoint(impl, e.source, where, "source");
      NodeIndex target = endpoint(impl, e.target, where, "target");
      std::string problem =
          detail::edge_problem(e.relation, e.source, e.target, e.fiscal_year,
                               impl.nodes[source]->kind, impl.nodes[target]->kind);
      if (!problem.empty()) {
        fail(problem, where, source == target ? e.source : e.source + " -> " + e.target);
      }
      ends_[i] = {source, target};
      order.push_back(i);
    }
    auto key = [&](std::size_t i) {
      return std::tuple(ends_[i].first, s_.edges[i].relation, ends_[i].second);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (key(order[k - 1]) == key(order[k])) {
        std::size_t later = std::max(order[k - 1], order[k]);
        const EdgeEntry& e = s_.edges[later];
        fail("duplicate edge (same source, target and relation '" +
                 std::string(to_string(e.relation)) + "')",
             s_.edge_where[later], e.source + " -> " + e.target);
      }
    }
    return order;
  }

  // part_of is a hierarchy: a cycle would make "which program is this a track of" endless.
  // The cycle is reported at its most recently added edge, the one that closed it (in a
  // scenario, the edit's edge).
  void check_part_of_cycles(const Model::Impl& impl) const {
    std::vector<std::vector<std::size_t>> parents(impl.nodes.size());
    for (std::size_t i = 0; i < s_.edges.size(); ++i) {
      const EdgeEntry& e = s_.edges[i];
      if (!e.removed && e.relation == Relation::part_of) parents[ends_[i].first].push_back(i);
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
          std::size_t newest = newest_edge_of_cycle(stack, parents, up, edge);
          fail("part_of forms a cycle through '" + impl.nodes[up]->id + "'", s_.edge_where[newest],
               s_.edges[newest].source);
        }
        if (mark[up] == Mark::fresh) {
          mark[up] = Mark::active;
          stack.emplace_back(up, 0);
        }
      }
    }
  }

  // The stack runs from `up` to the top along the edges just taken (each frame's next - 1),
  // and `closing` leads back to `up`.
  static std::size_t newest_edge_of_cycle(
      const std::vector<std::pair<NodeIndex, std::size_t>>& stack,
      const std::vector<std::vector<std::size_t>>& parents, NodeIndex up, std::size_t closing) {
    std::size_t newest = closing;
    bool in_cycle = false;
    for (std::size_t k = 0; k + 1 < stack.size(); ++k) {
      if (stack[k].first == up) in_cycle = true;
      if (in_cycle) newest = std::max(newest, parents[stack[k].first][stack[k].second - 1]);
    }
    return newest;
  }

  void freeze_edges(Model::Impl& impl, const std::vector<std::size_t>& order) const {
    impl.details.assign(1, empty_detail());
    impl.edges.reserve(order.size());
    for (std::size_t i : order) {
      const EdgeEntry& entry = s_.edges[i];
      Edge e;
      e.source = ends_[i].first;
      e.target = ends_[i].second;
      e.relation = entry.relation;
      e.certainty = entry.certainty;
      e.fiscal_year = static_cast<std::int16_t>(entry.fiscal_year.value_or(0));
      if (entry.detail && !entry.detail->empty()) {
        e.detail = static_cast<std::uint32_t>(impl.details.size());
        impl.details.push_back(entry.detail);
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

  static std::shared_ptr<const EdgeDetail> empty_detail() {
    static const auto empty = std::make_shared<const EdgeDetail>();
    return empty;
  }

  const ModelBuilder::State& s_;
  // Node ids: to their builder positions while nodes are checked, then to their NodeIndex.
  std::unordered_map<std::string_view, std::size_t> ids_;
  std::vector<std::pair<NodeIndex, NodeIndex>> ends_;
};

}  // namespace

Model ModelBuilder::build() const& {
  return Model(std::make_shared<const Model::Impl>(Freezer(*state_).run()));
}

Model ModelBuilder::build() && { return static_cast<const ModelBuilder&>(*this).build(); }

}  // namespace kyoso
