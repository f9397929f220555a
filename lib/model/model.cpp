#include <algorithm>
#include <stdexcept>
#include <utility>

#include "kyoso/error.hpp"
#include "model/model_impl.hpp"
#include "model/names.hpp"
#include "model/rules.hpp"
#include "model/suggest.hpp"

namespace kyoso {

// The frozen graph's size per edge (bench/README.md) rests on it.
static_assert(sizeof(Edge) == 16, "Edge is a compact record");

const std::string& Text::in(Lang lang) const noexcept {
  const std::string& wanted = lang == Lang::ja ? ja : en;
  return wanted.empty() ? (lang == Lang::ja ? en : ja) : wanted;
}

const Figure* Node::figure(std::string_view figure_name,
                           std::optional<int> fiscal_year) const noexcept {
  for (const Figure& f : figures) {
    if (f.name == figure_name && (!fiscal_year || f.fiscal_year == fiscal_year)) return &f;
  }
  return nullptr;
}

std::string_view Node::attribute(std::string_view key) const noexcept {
  auto it = attributes.find(std::string(key));
  return it == attributes.end() ? std::string_view{} : std::string_view{it->second};
}

std::string_view EdgeDetail::attribute(std::string_view key) const noexcept {
  auto it = attributes.find(std::string(key));
  return it == attributes.end() ? std::string_view{} : std::string_view{it->second};
}

const Call* Node::call(int fiscal_year) const noexcept {
  for (const Call& c : calls) {
    if (c.covers(fiscal_year)) return &c;
  }
  return nullptr;
}

namespace {
std::shared_ptr<const Model::Impl> empty_impl() {
  static const auto empty = [] {
    auto impl = std::make_shared<Model::Impl>();
    impl->details.push_back(std::make_shared<const EdgeDetail>());
    return std::shared_ptr<const Model::Impl>(std::move(impl));
  }();
  return empty;
}
}  // namespace

Model::Model() : impl_(empty_impl()) {}
Model::Model(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;
Model::Model(const Model&) = default;
Model& Model::operator=(const Model&) = default;
// A moved-from Model stays a valid empty model.
Model::Model(Model&& other) noexcept : impl_(std::exchange(other.impl_, empty_impl())) {}
Model& Model::operator=(Model&& other) noexcept {
  impl_ = std::exchange(other.impl_, empty_impl());
  return *this;
}

const Model::Impl& impl_of(const Model& model) { return *model.impl_; }

const ModelInfo& Model::info() const noexcept { return impl_->info; }
std::size_t Model::node_count() const noexcept { return impl_->nodes.size(); }
std::size_t Model::edge_count() const noexcept { return impl_->edges.size(); }

std::optional<NodeIndex> Model::find(std::string_view id) const noexcept {
  const auto& nodes = impl_->nodes;
  auto it = std::lower_bound(
      nodes.begin(), nodes.end(), id,
      [](const std::shared_ptr<const Node>& n, std::string_view key) { return n->id < key; });
  if (it == nodes.end() || (*it)->id != id) return std::nullopt;
  return static_cast<NodeIndex>(it - nodes.begin());
}

namespace {

// Every node that answers to `text` (names.hpp), in id order. An id without its kind is
// looked up directly; only when no kind has that slug are the names read.
std::vector<NodeIndex> answering(const Model& model, std::string_view text) {
  std::vector<NodeIndex> out;
  if (detail::id_shaped(text) && !kind_of_id(text)) {
    for (Kind kind : all_kinds()) {
      if (auto found = model.find(std::string(to_string(kind)) + "/" + std::string(text))) {
        out.push_back(*found);
      }
    }
    std::sort(out.begin(), out.end());
    if (!out.empty()) return out;
  }
  const std::string wanted = detail::normalize_name(text);
  if (wanted.empty()) return out;
  for (NodeIndex i = 0; i < model.node_count(); ++i) {
    std::vector<std::string> names = detail::names_of(model.node(i));
    if (std::find(names.begin(), names.end(), wanted) != names.end()) out.push_back(i);
  }
  return out;
}

std::string listing(const Model& model, const std::vector<NodeIndex>& nodes) {
  std::string out;
  for (NodeIndex i : nodes) out += (out.empty() ? "" : ", ") + detail::describe_node(model.node(i));
  return out;
}

std::span<const NodeIndex> all_or_kind(const Model& model, std::optional<Kind> kind,
                                       std::vector<NodeIndex>& every) {
  if (kind) return model.nodes_of_kind(*kind);
  every.resize(model.node_count());
  for (NodeIndex i = 0; i < every.size(); ++i) every[i] = i;
  return every;
}

}  // namespace

NodeIndex Model::resolve(std::string_view id, std::optional<Kind> expected) const {
  if (auto found = find(id)) {
    Kind kind = impl_->nodes[*found]->kind;
    if (!expected || kind == *expected) return *found;
    throw UnknownIdError::of_other_kind(std::string(id), to_string(kind), to_string(*expected),
                                        suggest(id, expected));
  }
  std::vector<NodeIndex> fits = answering(*this, id);
  std::vector<NodeIndex> wanted;
  for (NodeIndex i : fits) {
    if (!expected || impl_->nodes[i]->kind == *expected) wanted.push_back(i);
  }
  if (wanted.size() == 1) return wanted.front();
  if (wanted.size() > 1) {
    std::vector<std::string> ids;
    for (NodeIndex i : wanted) ids.push_back(impl_->nodes[i]->id);
    throw AmbiguousNameError(std::string(id), std::move(ids), listing(*this, wanted));
  }
  std::string near = suggest(id, expected);
  if (!fits.empty()) {
    // It names something, only not of the kind asked for.
    std::string problem = "'" + std::string(id) + "' is " + listing(*this, fits) + ", not a " +
                          std::string(to_string(*expected));
    if (!near.empty()) problem += " (did you mean '" + near + "'?)";
    throw UnknownIdError::worded(std::string(id), std::move(problem), near);
  }
  if (detail::id_shaped(id)) throw UnknownIdError(std::string(id), near);
  // A name: the nearest few, so that 岩手 offers both 岩手大学 and 岩手県.
  std::vector<NodeIndex> every;
  std::vector<NodeIndex> nearest =
      detail::nearest_nodes(*this, id, all_or_kind(*this, expected, every), 5);
  std::string problem = "unknown id or name '" + std::string(id) + "'";
  if (!nearest.empty()) {
    problem += " (did you mean " + listing(*this, nearest) + "?)";
  } else if (constexpr std::size_t few = 12; expected && nodes_of_kind(*expected).size() <= few) {
    // A short vocabulary (missions, fields, stages) is quicker read whole.
    std::span<const NodeIndex> kind = nodes_of_kind(*expected);
    problem += " (" + std::string(to_string(*expected)) + ": " +
               listing(*this, std::vector<NodeIndex>(kind.begin(), kind.end())) + ")";
  }
  throw UnknownIdError::worded(std::string(id), std::move(problem),
                               nearest.empty() ? "" : impl_->nodes[nearest[0]]->id);
}

std::string Model::suggest(std::string_view id, std::optional<Kind> expected) const {
  // Longer than any id may be: no misspelling of one (and each comparison would be costly).
  if (id.size() > detail::max_id_bytes) return {};
  if (!detail::id_shaped(id)) {
    std::vector<NodeIndex> every;
    std::vector<NodeIndex> nearest =
        detail::nearest_nodes(*this, id, all_or_kind(*this, expected, every), 1);
    return nearest.empty() ? std::string() : impl_->nodes[nearest[0]]->id;
  }
  std::vector<std::string_view> candidates;
  if (expected) {
    for (NodeIndex i : nodes_of_kind(*expected)) candidates.push_back(impl_->nodes[i]->id);
  } else {
    for (const auto& n : impl_->nodes) candidates.push_back(n->id);
  }
  return nearest_id(id, candidates);
}

const Node& Model::node(NodeIndex i) const {
  if (i >= impl_->nodes.size()) throw std::out_of_range("kyoso::Model::node: index out of range");
  return *impl_->nodes[i];
}

const Node& Model::node(std::string_view id) const { return *impl_->nodes[resolve(id)]; }

const Edge& Model::edge(EdgeIndex i) const {
  if (i >= impl_->edges.size()) throw std::out_of_range("kyoso::Model::edge: index out of range");
  return impl_->edges[i];
}

const EdgeDetail& Model::detail(EdgeIndex i) const { return *impl_->details[edge(i).detail_]; }

std::span<const NodeIndex> Model::nodes_of_kind(Kind kind) const noexcept {
  return impl_->by_kind[static_cast<std::size_t>(kind)];
}

std::span<const EdgeIndex> Model::out_edges(NodeIndex v) const {
  if (v >= impl_->nodes.size()) throw std::out_of_range("kyoso::Model::out_edges: bad node");
  const auto& start = impl_->out_start;
  return std::span<const EdgeIndex>(impl_->edge_ids).subspan(start[v], start[v + 1] - start[v]);
}

std::span<const EdgeIndex> Model::in_edges(NodeIndex v) const {
  if (v >= impl_->nodes.size()) throw std::out_of_range("kyoso::Model::in_edges: bad node");
  const auto& start = impl_->in_start;
  return std::span<const EdgeIndex>(impl_->in_edges).subspan(start[v], start[v + 1] - start[v]);
}

std::vector<Step> Model::neighbors(NodeIndex v, Direction direction,
                                   std::optional<Relation> relation) const {
  std::vector<Step> steps;
  auto wanted = [&](const Edge& e) { return !relation || e.relation == *relation; };
  if (direction != Direction::in) {
    for (EdgeIndex i : out_edges(v)) {
      const Edge& e = impl_->edges[i];
      if (wanted(e)) steps.push_back({i, e.target, true});
    }
  }
  if (direction != Direction::out) {
    for (EdgeIndex i : in_edges(v)) {
      const Edge& e = impl_->edges[i];
      if (wanted(e)) steps.push_back({i, e.source, false});
    }
  }
  return steps;
}

namespace {

// Heap bytes behind a value, beyond its own size.
std::size_t heap(const std::string& s) {
  // A short string lives inside the object (small-string optimisation).
  const char* self = reinterpret_cast<const char*>(&s);
  bool inside = s.data() >= self && s.data() < self + sizeof s;
  return inside ? 0 : s.capacity() + 1;
}
template <class T>
std::size_t heap(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
std::size_t heap(const Text& t) { return heap(t.ja) + heap(t.en); }
std::size_t heap(const Source& s) {
  return heap(s.document) + heap(s.section) + heap(s.quote) + heap(s.publisher) + heap(s.title) +
         heap(s.url) + heap(s.page);
}
std::size_t heap(const std::vector<Source>& sources) {
  std::size_t n = sources.capacity() * sizeof(Source);
  for (const Source& s : sources) n += heap(s);
  return n;
}
std::size_t heap(const std::map<std::string, std::string>& attributes) {
  std::size_t n = 0;
  // A std::map entry: the pair plus the tree links (three pointers and a colour).
  for (const auto& [key, value] : attributes) {
    n += sizeof(std::pair<const std::string, std::string>) + 4 * sizeof(void*) + heap(key) +
         heap(value);
  }
  return n;
}
std::size_t heap(const std::vector<Figure>& figures) {
  std::size_t n = figures.capacity() * sizeof(Figure);
  for (const Figure& f : figures) n += heap(f.name) + heap(f.note) + heap(f.sources);
  return n;
}
std::size_t heap(const Node& node) {
  return heap(node.id) + heap(node.name) + heap(node.description) + heap(node.note) +
         heap(node.sources) + heap(node.attributes) + heap(node.figures);
}
std::size_t heap(const EdgeDetail& d) {
  return heap(d.what) + heap(d.attributes) + heap(d.figures) + heap(d.note) + heap(d.sources);
}
// A record made by std::make_shared: the object and its two reference counts.
template <class T>
constexpr std::size_t shared_record = sizeof(T) + 2 * sizeof(long) + sizeof(void*);

}  // namespace

Model::Memory Model::memory() const noexcept {
  const Impl& m = *impl_;
  Memory out;
  out.graph =
      heap(m.edges) + heap(m.edge_ids) + heap(m.out_start) + heap(m.in_start) + heap(m.in_edges);
  out.nodes = heap(m.nodes);
  for (const auto& node : m.nodes) out.nodes += shared_record<Node> + heap(*node);
  for (const auto& ids : m.by_kind) out.nodes += heap(ids);
  out.details = heap(m.details);
  for (const auto& d : m.details) {
    out.details += shared_record<EdgeDetail> + heap(*d);
  }
  return out;
}

bool operator==(const Model& a, const Model& b) {
  const auto& x = *a.impl_;
  const auto& y = *b.impl_;
  if (&x == &y) return true;
  if (x.info != y.info || x.nodes.size() != y.nodes.size() || x.edges.size() != y.edges.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.nodes.size(); ++i) {
    if (x.nodes[i] != y.nodes[i] && *x.nodes[i] != *y.nodes[i]) return false;
  }
  for (EdgeIndex i = 0; i < x.edges.size(); ++i) {
    const Edge& e = x.edges[i];
    const Edge& f = y.edges[i];
    // Node indices agree because both node lists are equal and sorted by id.
    if (e.source != f.source || e.target != f.target || e.relation != f.relation ||
        e.certainty != f.certainty || e.fiscal_year() != f.fiscal_year() ||
        a.detail(i) != b.detail(i)) {
      return false;
    }
  }
  return true;
}

}  // namespace kyoso
