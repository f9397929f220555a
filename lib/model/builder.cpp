#include <algorithm>
#include <boost/unordered/unordered_flat_map.hpp>
#include <deque>
#include <numeric>
#include <unordered_map>

#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"
#include "model/builder_detail.hpp"
#include "model/model_impl.hpp"
#include "model/rules.hpp"
#include "model/suggest.hpp"

namespace kyoso {

namespace {

constexpr std::uint32_t no_node = static_cast<std::uint32_t>(-1);

// An edge as the builder holds it: its ends as interned ids (they may be added later), and
// its detail shared with the model it came from, if any.
struct EdgeEntry {
  std::uint32_t source = 0;  // in State::names
  std::uint32_t target = 0;
  Relation relation = Relation::part_of;
  Certainty certainty = Certainty::certain;
  bool removed = false;
  std::optional<int> fiscal_year;
  std::uint32_t detail = 0;  // in State::details; 0: none
};

// An added edge's key in the edit index: its ends (positions in State::names) and relation.
struct EdgeKey {
  std::uint32_t source;
  std::uint32_t target;
  Relation relation;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};
struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const noexcept {
    std::uint64_t x = (std::uint64_t{k.source} << 32) ^ k.target ^
                      (std::uint64_t{static_cast<std::uint8_t>(k.relation)} << 56);
    return boost::hash<std::uint64_t>()(x * 0x9E3779B97F4A7C15ULL);
  }
};

}  // namespace

struct ModelBuilder::State {
  ModelInfo info;
  std::string origin;
  // Every id named so far, by a node or by an edge's end, once; edges hold positions here,
  // so a million edges cost no id strings of their own. A deque, so the index's views stay.
  std::deque<std::string> names;
  // Open addressing: a million look-ups in a hundred thousand ids is the loader's hot spot.
  boost::unordered_flat_map<std::string_view, std::uint32_t, std::hash<std::string_view>>
      name_index;
  std::vector<std::uint32_t> node_of_name;         // the first node with that id, or no_node
  std::vector<std::shared_ptr<const Node>> nodes;  // null: removed
  // Made here as a non-const Node (add_node, replace_node, edit_node), so edit_node may change
  // it in place while no one else holds it; a shared record may have been made const.
  std::vector<bool> owned;
  std::vector<std::uint32_t> node_names;  // each node's id in names
  // Nodes with an id an earlier node has (build() refuses them), by that id's name.
  boost::unordered_flat_map<std::uint32_t, std::vector<std::uint32_t>> later_nodes;
  std::vector<EdgeEntry> edges;
  std::vector<std::shared_ptr<const EdgeDetail>> details{nullptr};  // [0]: none
  // The places of the nodes and edges added after the base model's (from()), whose own have
  // none: node i's is node_where[i - base_nodes], edge i's edge_where[i - base_edges].
  std::vector<std::string> node_where;
  std::vector<std::string> edge_where;
  boost::unordered_flat_map<std::uint32_t, std::string> base_node_where;  // replaced ones
  // When set (loaders), edge i's place is this prefix and i, and edge_where stays empty.
  std::string edge_where_prefix;
  std::size_t live_nodes = 0;
  std::size_t live_edges = 0;
  // The last source interned: a file lists a node's edges together.
  std::uint32_t last_source = no_node;

  // The model from() started with: its node i is names[i] and nodes[i], its edge i edges[i],
  // so its adjacency finds the base's edges for an edit without an index of its own.
  Model base;
  std::size_t base_nodes = 0;
  std::size_t base_edges = 0;
  // The edges added since, indexed for edits when the first edit asks: by key (an edge
  // repeated by mistake is kept in `repeated`), and by each end's name.
  std::size_t indexed_to = 0;  // edges [base_edges, indexed_to) are in the index
  boost::unordered_flat_map<EdgeKey, std::uint32_t, EdgeKeyHash> added;
  std::unordered_multimap<EdgeKey, std::uint32_t, EdgeKeyHash> repeated;
  boost::unordered_flat_map<std::uint32_t, std::vector<std::uint32_t>> added_at;

  std::uint32_t intern(std::string_view id) {
    auto it = name_index.find(id);
    if (it != name_index.end()) return it->second;
    auto n = static_cast<std::uint32_t>(names.size());
    names.emplace_back(id);
    name_index.emplace(names.back(), n);
    node_of_name.push_back(no_node);
    return n;
  }
  std::uint32_t intern_source(std::string_view id) {
    if (last_source == no_node || names[last_source] != id) last_source = intern(id);
    return last_source;
  }
  std::optional<std::uint32_t> name(std::string_view id) const {
    auto it = name_index.find(id);
    return it == name_index.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
  }

  std::optional<std::size_t> position(std::string_view id) const {
    auto n = name(id);
    if (!n || node_of_name[*n] == no_node) return std::nullopt;
    return node_of_name[*n];
  }

  void push_node(std::shared_ptr<const Node> node, std::string where, bool made_here = false) {
    std::uint32_t n = intern(node->id);
    auto at = static_cast<std::uint32_t>(nodes.size());
    if (node_of_name[n] == no_node) {
      node_of_name[n] = at;
    } else {
      later_nodes[n].push_back(at);
    }
    nodes.push_back(std::move(node));
    owned.push_back(made_here);
    node_names.push_back(n);
    if (at >= base_nodes) node_where.push_back(std::move(where));
    ++live_nodes;
  }

  void push_edge(EdgeEntry entry, EdgeDetail&& detail, std::string where) {
    if (!detail.empty()) {
      entry.detail = static_cast<std::uint32_t>(details.size());
      details.push_back(std::make_shared<const EdgeDetail>(std::move(detail)));
    }
    edges.push_back(entry);
    if (edge_where_prefix.empty()) edge_where.push_back(std::move(where));
    ++live_edges;
  }

  std::string node_place(std::size_t i) const {
    if (i >= base_nodes) return node_where[i - base_nodes];
    auto it = base_node_where.find(static_cast<std::uint32_t>(i));
    return it == base_node_where.end() ? std::string() : it->second;
  }
  void set_node_place(std::size_t i, std::string where) {
    if (i >= base_nodes) {
      node_where[i - base_nodes] = std::move(where);
    } else {
      base_node_where[static_cast<std::uint32_t>(i)] = std::move(where);
    }
  }
  std::string edge_place(std::size_t i) const {
    if (!edge_where_prefix.empty()) return edge_where_prefix + std::to_string(i);
    return i < base_edges ? std::string() : edge_where[i - base_edges];
  }

  // Brings the index of added edges up to date: each edge is indexed once, so edits cost
  // their own edges, not a scan of all.
  void index_added() {
    for (; indexed_to < edges.size(); ++indexed_to) {
      const EdgeEntry& e = edges[indexed_to];
      auto at = static_cast<std::uint32_t>(indexed_to);
      if (!e.removed) {
        EdgeKey key{e.source, e.target, e.relation};
        if (!added.emplace(key, at).second) repeated.emplace(key, at);
      }
      added_at[e.source].push_back(at);
      if (e.target != e.source) added_at[e.target].push_back(at);
    }
  }

  // The live edge with these ends and relation: the base's by its adjacency (ordered by
  // relation, then target), an added one by the index.
  EdgeEntry* find_edge(std::string_view source, std::string_view target, Relation relation) {
    auto s = name(source);
    auto t = name(target);
    if (!s || !t) return nullptr;
    if (*s < base_nodes && *t < base_nodes) {
      std::span<const EdgeIndex> out = base.out_edges(*s);
      auto key = [&](EdgeIndex e) {
        const Edge& edge = base.edge(e);
        return std::pair(edge.relation, edge.target);
      };
      auto it = std::lower_bound(out.begin(), out.end(), std::pair(relation, NodeIndex{*t}),
                                 [&](EdgeIndex e, const auto& k) { return key(e) < k; });
      if (it != out.end() && key(*it) == std::pair(relation, NodeIndex{*t}) &&
          !edges[*it].removed) {
        return &edges[*it];
      }
    }
    index_added();
    auto it = added.find(EdgeKey{*s, *t, relation});
    return it == added.end() ? nullptr : &edges[it->second];
  }

  void remove(EdgeEntry& e) {
    if (e.removed) return;
    e.removed = true;
    --live_edges;
    auto at = static_cast<std::uint32_t>(&e - edges.data());
    if (at < base_edges) return;
    // Still indexed by its key: let a repeat of it, if any, take its place.
    EdgeKey key{e.source, e.target, e.relation};
    auto it = added.find(key);
    if (it == added.end() || it->second != at) return;
    auto next = repeated.find(key);
    if (next == repeated.end()) {
      added.erase(it);
    } else {
      it->second = next->second;
      repeated.erase(next);
    }
  }

  // Every live edge at either end of the node with this name.
  void remove_edges_at(std::uint32_t n) {
    if (n < base_nodes) {
      for (EdgeIndex e : base.out_edges(n)) remove(edges[e]);
      for (EdgeIndex e : base.in_edges(n)) remove(edges[e]);
    }
    index_added();
    if (auto it = added_at.find(n); it != added_at.end()) {
      for (std::uint32_t e : it->second) remove(edges[e]);
    }
  }
};

namespace detail {

struct BuilderAccess {
  static ModelBuilder::State& state(ModelBuilder& builder) { return *builder.state_; }
  static std::uint32_t detail_of(const Edge& e) { return e.detail_; }
  static Edge edge(NodeIndex source, NodeIndex target, Relation relation, Certainty certainty,
                   std::optional<int> fiscal_year, std::uint32_t detail) {
    Edge e;
    e.source = source;
    e.target = target;
    e.relation = relation;
    e.certainty = certainty;
    // The rules keep a fiscal year within 1900-2200, so it fits, and 0 is free for none.
    e.fiscal_year_ = static_cast<std::int16_t>(fiscal_year.value_or(0));
    e.detail_ = detail;
    return e;
  }
};

}  // namespace detail

const std::shared_ptr<const EdgeDetail>& detail_record(const Model& model, EdgeIndex i) {
  const Model::Impl& impl = impl_of(model);
  return impl.details[detail::BuilderAccess::detail_of(impl.edges.at(i))];
}

ModelBuilder::ModelBuilder() : state_(std::make_unique<State>()) {}
ModelBuilder::~ModelBuilder() = default;
ModelBuilder::ModelBuilder(ModelBuilder&&) noexcept = default;
ModelBuilder& ModelBuilder::operator=(ModelBuilder&&) noexcept = default;

ModelBuilder ModelBuilder::from(const Model& model) {
  ModelBuilder builder;
  State& s = *builder.state_;
  const Model::Impl& impl = impl_of(model);
  s.info = impl.info;
  // The model's nodes are its ids in NodeIndex order, so its edges' ends are name positions.
  s.name_index.reserve(impl.nodes.size());
  s.base_nodes = impl.nodes.size();
  for (const auto& n : impl.nodes) s.push_node(n, {});
  s.details = impl.details;
  s.edges.reserve(impl.edges.size());
  for (const Edge& e : impl.edges) {
    EdgeEntry entry;
    entry.source = e.source;
    entry.target = e.target;
    entry.relation = e.relation;
    entry.certainty = e.certainty;
    entry.fiscal_year = e.fiscal_year();
    entry.detail = detail::BuilderAccess::detail_of(e);
    s.edges.push_back(entry);
  }
  s.live_edges = impl.edges.size();
  s.base = model;
  s.base_edges = impl.edges.size();
  s.indexed_to = s.base_edges;
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
  state_->push_node(std::make_shared<Node>(std::move(node)), std::move(where), true);
  return *this;
}

ModelBuilder& ModelBuilder::add_edge(EdgeSpec edge, std::string where) {
  detail::add_edge(*this, edge.source, edge.target, edge.relation, edge.certainty, edge.fiscal_year,
                   std::move(edge.detail), std::move(where));
  return *this;
}

namespace detail {

void add_edge(ModelBuilder& builder, std::string_view source, std::string_view target,
              Relation relation, Certainty certainty, std::optional<int> fiscal_year,
              EdgeDetail&& edge_detail, std::string where) {
  ModelBuilder::State& s = BuilderAccess::state(builder);
  EdgeEntry entry;
  entry.source = s.intern_source(source);
  entry.target = s.intern(target);
  entry.relation = relation;
  entry.certainty = certainty;
  entry.fiscal_year = fiscal_year;
  s.push_edge(entry, std::move(edge_detail), std::move(where));
}

void add_shared_node(ModelBuilder& builder, std::shared_ptr<const Node> node) {
  BuilderAccess::state(builder).push_node(std::move(node), {});
}

void add_shared_edge(ModelBuilder& builder, std::string_view source, std::string_view target,
                     Relation relation, Certainty certainty, std::optional<int> fiscal_year,
                     std::shared_ptr<const EdgeDetail> shared_detail) {
  ModelBuilder::State& s = BuilderAccess::state(builder);
  EdgeEntry entry;
  entry.source = s.intern_source(source);
  entry.target = s.intern(target);
  entry.relation = relation;
  entry.certainty = certainty;
  entry.fiscal_year = fiscal_year;
  if (shared_detail && !shared_detail->empty()) {
    entry.detail = static_cast<std::uint32_t>(s.details.size());
    s.details.push_back(std::move(shared_detail));
  }
  s.edges.push_back(entry);
  if (s.edge_where_prefix.empty()) s.edge_where.emplace_back();
  ++s.live_edges;
}

void place_edges_by_position(ModelBuilder& builder, std::string prefix) {
  BuilderAccess::state(builder).edge_where_prefix = std::move(prefix);
}

Node* edit_node(ModelBuilder& builder, std::string_view id, std::string where) {
  ModelBuilder::State& s = BuilderAccess::state(builder);
  auto at = s.position(id);
  if (!at) return nullptr;
  std::shared_ptr<const Node>& record = s.nodes[*at];
  // A record a model (or anyone) shares, or one not made here, is copied before it changes.
  if (!s.owned[*at] || record.use_count() > 1) {
    record = std::make_shared<Node>(*record);
    s.owned[*at] = true;
  }
  s.set_node_place(*at, std::move(where));
  return const_cast<Node*>(record.get());
}

}  // namespace detail

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
  state_->nodes[*at] = std::make_shared<Node>(std::move(node));
  state_->owned[*at] = true;
  state_->set_node_place(*at, std::move(where));
  return true;
}

bool ModelBuilder::remove_node(std::string_view id) {
  State& s = *state_;
  auto at = s.position(id);
  if (!at) return false;
  std::uint32_t n = *s.name(id);
  s.remove_edges_at(n);
  // A later node with this id, if any, takes its place (build() refuses the pair anyway).
  s.node_of_name[n] = no_node;
  if (auto later = s.later_nodes.find(n); later != s.later_nodes.end()) {
    for (std::uint32_t i : later->second) {
      if (i > *at && s.nodes[i]) {
        s.node_of_name[n] = i;
        break;
      }
    }
  }
  s.nodes[*at] = nullptr;
  --s.live_nodes;
  return true;
}

bool ModelBuilder::remove_edge(std::string_view source, std::string_view target,
                               Relation relation) {
  EdgeEntry* e = state_->find_edge(source, target, relation);
  if (!e) return false;
  state_->remove(*e);
  return true;
}

std::vector<std::string> ModelBuilder::sources_into(std::string_view target, Relation relation) {
  State& s = *state_;
  std::vector<std::string> sources;
  auto t = s.name(target);
  if (!t) return sources;
  auto take = [&](const EdgeEntry& e) {
    if (!e.removed && e.target == *t && e.relation == relation)
      sources.push_back(s.names[e.source]);
  };
  if (*t < s.base_nodes) {
    for (EdgeIndex e : s.base.in_edges(*t)) take(s.edges[e]);
  }
  s.index_added();
  if (auto it = s.added_at.find(*t); it != s.added_at.end()) {
    for (std::uint32_t e : it->second) take(s.edges[e]);
  }
  return sources;
}

namespace detail {

std::string id_problem(std::string_view id) {
  // docs/format.md: parts of lower-case ASCII letters, digits and '-', joined by single '/'s;
  // the first part is the kind. No empty part, so no "program//x" and no trailing '/'.
  static const std::string grammar =
      "node id must be 'kind/slug': parts of lower-case ASCII letters, digits and '-', "
      "separated by single '/'";
  if (id.size() > max_id_bytes) {
    return "node id longer than the limit of " + std::to_string(max_id_bytes) + " bytes";
  }
  if (id.find('/') == std::string_view::npos) return grammar;
  bool part_empty = true;
  for (char c : id) {
    if (c == '/') {
      if (part_empty) return grammar;
      part_empty = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      part_empty = false;
    } else {
      return grammar;
    }
  }
  return part_empty ? grammar : std::string();
}

namespace {
// A program's calls: each covers a span of fiscal years, and no two cover the same year, so
// that a year's status is one entry's.
std::string calls_problem(const Node& n) {
  if (!n.calls.empty() && n.kind != Kind::program) return "only a program has calls";
  for (std::size_t i = 0; i < n.calls.size(); ++i) {
    const Call& c = n.calls[i];
    std::string at = "calls/" + std::to_string(i) + ": ";
    if (c.until_fiscal_year && !c.fiscal_year) {
      return at + "until_fiscal_year needs a fiscal_year";
    }
    if (c.until_fiscal_year && *c.until_fiscal_year < *c.fiscal_year) {
      return at + "until_fiscal_year is before fiscal_year";
    }
    for (std::size_t j = 0; j < i; ++j) {
      const Call& d = n.calls[j];
      int first = c.fiscal_year.value_or(0),
          last = c.until_fiscal_year.value_or(c.fiscal_year.value_or(9999));
      for (int year = std::max(first, 1900); year <= std::min(last, 2200); ++year) {
        if (d.covers(year)) {
          return at + "covers fiscal year " + std::to_string(year) + " as calls/" +
                 std::to_string(j) + " does";
        }
      }
    }
  }
  return {};
}
}  // namespace

std::string node_problem(const Node& n) {
  if (std::string problem = id_problem(n.id); !problem.empty()) return problem;
  auto slash = n.id.find('/');
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
  if (n.attributes.contains("call")) return std::string(undated_call_problem);
  return calls_problem(n);
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

  void check_nodes() const {
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      if (!s_.nodes[i]) continue;
      const Node& n = *s_.nodes[i];
      std::string problem = detail::node_problem(n);
      if (!problem.empty()) fail(problem, s_.node_place(i), n.id);
      std::uint32_t first = s_.node_of_name[s_.node_names[i]];
      if (first != i) {
        std::string at = s_.node_place(first);
        fail("duplicate node id" + (at.empty() ? "" : " (first defined at " + at + ")"),
             s_.node_place(i), n.id);
      }
    }
  }

  // After this, index_of_name_ maps each interned id to its NodeIndex.
  void order_nodes(Model::Impl& impl) {
    std::vector<std::uint32_t> order;
    order.reserve(s_.live_nodes);
    for (std::uint32_t i = 0; i < s_.nodes.size(); ++i) {
      if (s_.nodes[i]) order.push_back(i);
    }
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return s_.nodes[a]->id < s_.nodes[b]->id; });
    index_of_name_.assign(s_.names.size(), no_node);
    impl.nodes.reserve(order.size());
    for (std::uint32_t i : order) {
      auto at = static_cast<NodeIndex>(impl.nodes.size());
      impl.nodes.push_back(s_.nodes[i]);
      impl.by_kind[static_cast<std::size_t>(s_.nodes[i]->kind)].push_back(at);
      index_of_name_[s_.node_names[i]] = at;
      kinds_.push_back(s_.nodes[i]->kind);
    }
  }

  NodeIndex endpoint(const Model::Impl& impl, std::uint32_t name, std::size_t edge,
                     const char* end) const {
    NodeIndex at = index_of_name_[name];
    if (at == no_node) {
      const std::string& id = s_.names[name];
      std::vector<std::string_view> ids;
      ids.reserve(impl.nodes.size());
      for (const auto& n : impl.nodes) ids.push_back(n->id);
      std::string near = nearest_id(id, ids);
      std::string where = s_.edge_place(edge);
      fail(std::string("edge ") + end + " names no node" +
               (near.empty() ? "" : " (did you mean '" + near + "'?)"),
           where.empty() ? where : where + "/" + end, id);
    }
    return at;
  }

  std::string ends_of(const EdgeEntry& e) const {
    return s_.names[e.source] + " -> " + s_.names[e.target];
  }

  // Returns the live edges' positions in the frozen order: by source, relation, then target.
  std::vector<std::size_t> check_edges(Model::Impl& impl) {
    ends_.resize(s_.edges.size());
    std::vector<std::size_t> order;
    order.reserve(s_.live_edges);
    for (std::size_t i = 0; i < s_.edges.size(); ++i) {
      if (i % (std::size_t{1} << 20) == 0) InterruptScope::check();
      const EdgeEntry& e = s_.edges[i];
      if (e.removed) continue;
      NodeIndex source = endpoint(impl, e.source, i, "source");
      NodeIndex target = endpoint(impl, e.target, i, "target");
      // The rules on indices and kinds first; edge_problem() words a failure.
      bool fits = allows(e.relation, kinds_[source], kinds_[target]) && source != target &&
                  (!e.fiscal_year || (*e.fiscal_year >= 1900 && *e.fiscal_year <= 2200));
      if (!fits) {
        std::string problem =
            detail::edge_problem(e.relation, s_.names[e.source], s_.names[e.target], e.fiscal_year,
                                 kinds_[source], kinds_[target]);
        fail(problem, s_.edge_place(i), source == target ? s_.names[e.source] : ends_of(e));
      }
      ends_[i] = {source, target};
      order.push_back(i);
    }
    auto key = [&](std::size_t i) {
      return std::tuple(ends_[i].first, s_.edges[i].relation, ends_[i].second);
    };
    auto before = [&](std::size_t a, std::size_t b) { return key(a) < key(b); };
    // A saved model lists its edges in this order already.
    if (!std::is_sorted(order.begin(), order.end(), before)) {
      std::stable_sort(order.begin(), order.end(), before);
    }
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (key(order[k - 1]) == key(order[k])) {
        std::size_t later = std::max(order[k - 1], order[k]);
        const EdgeEntry& e = s_.edges[later];
        fail("duplicate edge (same source, target and relation '" +
                 std::string(to_string(e.relation)) + "')",
             s_.edge_place(later), ends_of(e));
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
          fail("part_of forms a cycle through '" + impl.nodes[up]->id + "'", s_.edge_place(newest),
               s_.names[s_.edges[newest].source]);
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
      std::uint32_t detail = 0;
      const auto& d = s_.details[entry.detail];
      if (d && !d->empty()) {
        detail = static_cast<std::uint32_t>(impl.details.size());
        impl.details.push_back(d);
      }
      impl.edges.push_back(detail::BuilderAccess::edge(ends_[i].first, ends_[i].second,
                                                       entry.relation, entry.certainty,
                                                       entry.fiscal_year, detail));
    }
    index_edges(impl);
  }

  // The adjacency in both directions, by counting: the edges are in source order already,
  // and a node's in-edges are listed in edge order.
  static void index_edges(Model::Impl& impl) {
    const std::size_t n = impl.nodes.size();
    const std::size_t m = impl.edges.size();
    impl.edge_ids.resize(m);
    std::iota(impl.edge_ids.begin(), impl.edge_ids.end(), EdgeIndex{0});
    impl.out_start.assign(n + 1, 0);
    impl.in_start.assign(n + 1, 0);
    for (const Edge& e : impl.edges) {
      ++impl.out_start[e.source + 1];
      ++impl.in_start[e.target + 1];
    }
    for (std::size_t v = 0; v < n; ++v) {
      impl.out_start[v + 1] += impl.out_start[v];
      impl.in_start[v + 1] += impl.in_start[v];
    }
    impl.in_edges.resize(m);
    std::vector<EdgeIndex> next(impl.in_start.begin(), impl.in_start.end() - 1);
    for (EdgeIndex i = 0; i < m; ++i) impl.in_edges[next[impl.edges[i].target]++] = i;
  }

  static std::shared_ptr<const EdgeDetail> empty_detail() {
    static const auto empty = std::make_shared<const EdgeDetail>();
    return empty;
  }

  const ModelBuilder::State& s_;
  std::vector<NodeIndex> index_of_name_;  // no_node: no node has that id
  std::vector<Kind> kinds_;               // by NodeIndex: a million edges read no node record
  std::vector<std::pair<NodeIndex, NodeIndex>> ends_;
};

}  // namespace

Model ModelBuilder::build() const& {
  return Model(std::make_shared<const Model::Impl>(Freezer(*state_).run()));
}

Model ModelBuilder::build() && { return static_cast<const ModelBuilder&>(*this).build(); }

}  // namespace kyoso
