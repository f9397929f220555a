// The immutable, validated policy graph, and the builder that makes one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/vocabulary.hpp"

namespace kyoso {

namespace detail {
struct BuilderAccess;  // the library's loaders
}

// A text in both languages. Either may be empty; in() falls back to the other language.
struct Text {
  std::string ja;
  std::string en;

  const std::string& in(Lang lang) const noexcept;
  bool empty() const noexcept { return ja.empty() && en.empty(); }
  friend bool operator==(const Text&, const Text&) = default;
};

// Where a fact comes from. For the seed document: document, section and a verbatim quote.
// For outside facts: publisher, title, url and page.
struct Source {
  std::string document;
  std::string section;
  std::string quote;
  std::string publisher;
  std::string title;
  std::string url;
  std::string page;

  bool is_document() const noexcept { return !document.empty(); }
  friend bool operator==(const Source&, const Source&) = default;
};

// A stated figure: an amount of money, a duration or a count, with how it is qualified.
// Money is integer yen.
struct Figure {
  std::string name;  // e.g. "funding_per_site", "duration", "sites", "budget"
  std::int64_t value = 0;
  Unit unit = Unit::count;
  Qualifier qualifier = Qualifier::exact;
  std::optional<int> fiscal_year;  // 2024 = 令和6年度
  Text note;
  std::vector<Source> sources;
  friend bool operator==(const Figure&, const Figure&) = default;
};

// What a program calls for over a span of fiscal years: open (perhaps only for part of the
// program, its scope), reached only by promotion, continuing projects only, closed, or
// allocated without a call. Values that change over time are kept as a dated history, each
// entry with its source.
struct Call {
  std::optional<int> fiscal_year;        // the first fiscal year; empty: every year
  std::optional<int> until_fiscal_year;  // the last, inclusive; empty: fiscal_year alone
  CallStatus status = CallStatus::open;
  Text scope;  // what is called, when not the whole program (地域共創分野 育成型のみ)
  std::string period;  // the application period as the source gives it, e.g. 2024-04-26/2024-06-25
  Text note;
  std::vector<Source> sources;

  bool covers(int year) const noexcept {
    if (!fiscal_year) return true;
    return year >= *fiscal_year && year <= until_fiscal_year.value_or(*fiscal_year);
  }
  friend bool operator==(const Call&, const Call&) = default;
};

using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;

struct Node {
  std::string id;  // "kind/slug"
  Kind kind = Kind::program;
  Text name;
  Text description;
  std::map<std::string, std::string> attributes;  // documented keys, e.g. "fields": "any"
  std::vector<Figure> figures;
  std::vector<Call> calls;  // programs: what is called, by fiscal year
  Text note;
  std::vector<Source> sources;

  // The first figure with this name (and fiscal year, when given), or null.
  const Figure* figure(std::string_view figure_name,
                       std::optional<int> fiscal_year = std::nullopt) const noexcept;
  // The attribute's value, or an empty view.
  std::string_view attribute(std::string_view key) const noexcept;
  // The call entry covering this fiscal year, or null.
  const Call* call(int fiscal_year) const noexcept;
  friend bool operator==(const Node&, const Node&) = default;
};

// What an edge carries besides its ends; most edges of a large model carry nothing.
struct EdgeDetail {
  Text what;  // flows_to: 共同研究 / 知財ライセンス / 資金 …
  // Documented keys (docs/format.md), e.g. "round": "2", "role": "lead", "lead": an id.
  std::map<std::string, std::string> attributes;
  std::vector<Figure> figures;  // e.g. an award's allocation for a fiscal year
  Text note;
  std::vector<Source> sources;

  // The attribute's value, or an empty view.
  std::string_view attribute(std::string_view key) const noexcept;
  bool empty() const noexcept {
    return what.empty() && attributes.empty() && figures.empty() && note.empty() && sources.empty();
  }
  friend bool operator==(const EdgeDetail&, const EdgeDetail&) = default;
};

// A compact edge record (16 bytes: a national model holds millions); what it carries
// besides is looked up with Model::detail(EdgeIndex).
class Edge {
 public:
  NodeIndex source = 0;
  NodeIndex target = 0;
  Relation relation = Relation::part_of;
  Certainty certainty = Certainty::certain;

  // The fiscal year the edge is tied to (2024 = 令和6年度), if any.
  std::optional<int> fiscal_year() const noexcept {
    return fiscal_year_ == 0 ? std::nullopt : std::optional<int>(fiscal_year_);
  }

 private:
  std::int16_t fiscal_year_ = 0;  // 0: none (the rules allow 1900-2200)
  std::uint32_t detail_ = 0;      // the model's own numbering of details; 0: none
  friend class Model;
  friend struct detail::BuilderAccess;
};

// One step from a node: the edge taken and the node reached.
struct Step {
  EdgeIndex edge;
  NodeIndex node;
  bool forward;  // true when the edge was followed from its source to its target
};

// What the whole graph is about.
struct ModelInfo {
  std::string id;  // e.g. "kyoso-fy2024"
  Text name;
  Text description;
  std::optional<int> fiscal_year;
  std::vector<Source> sources;
  friend bool operator==(const ModelInfo&, const ModelInfo&) = default;
};

// An immutable, validated graph. Copies are cheap and share the same frozen data; every
// member is const, so any number of threads may query one Model at once.
class Model {
 public:
  Model();  // an empty model
  ~Model();
  Model(const Model&);
  Model& operator=(const Model&);
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;

  const ModelInfo& info() const noexcept;
  std::size_t node_count() const noexcept;
  std::size_t edge_count() const noexcept;

  std::optional<NodeIndex> find(std::string_view id) const noexcept;
  // The node an id or a name stands for (of the `expected` kind, when given): the exact id;
  // else every node answering to the text — its id without the kind prefix, or, when no kind
  // has that slug, its id, slug, Japanese or English name or the short form in a name's
  // brackets (COI-NEXT), with ASCII case and full-width forms ignored. One node is the answer;
  // several throw AmbiguousNameError listing them; none throws UnknownIdError naming the
  // nearest ids or names, or what the text names instead ("'program/coi-next' is a program,
  // not a purpose"; "'岩手県' is prefecture/iwate 岩手県, not a university").
  NodeIndex resolve(std::string_view id, std::optional<Kind> expected = std::nullopt) const;
  // The nearest existing id by edit distance (over names too, for a text that is not
  // id-shaped), for "did you mean" messages.
  std::string suggest(std::string_view id, std::optional<Kind> expected = std::nullopt) const;

  const Node& node(NodeIndex) const;
  const Node& node(std::string_view id) const;  // throws UnknownIdError
  const Edge& edge(EdgeIndex) const;
  const EdgeDetail& detail(EdgeIndex) const;

  // Node indices of one kind, in id order.
  std::span<const NodeIndex> nodes_of_kind(Kind) const noexcept;
  // Edges leaving / entering a node, in a fixed order (by relation, then other end's id).
  std::span<const EdgeIndex> out_edges(NodeIndex) const;
  std::span<const EdgeIndex> in_edges(NodeIndex) const;
  // One step in the given direction, optionally limited to one relation.
  std::vector<Step> neighbors(NodeIndex, Direction = Direction::out,
                              std::optional<Relation> relation = std::nullopt) const;

  // The bytes the model holds: the frozen graph (edge records and both adjacency directions),
  // the node records with their texts, and the edge details. Records shared with a model this
  // one was derived from count for both; the allocator's own overhead is not counted.
  struct Memory {
    std::size_t graph = 0;
    std::size_t nodes = 0;
    std::size_t details = 0;
    std::size_t total() const noexcept { return graph + nodes + details; }
  };
  Memory memory() const noexcept;

  friend bool operator==(const Model&, const Model&);

  struct Impl;  // opaque: the frozen graph, defined inside the library

 private:
  explicit Model(std::shared_ptr<const Impl>);
  std::shared_ptr<const Impl> impl_;
  friend class ModelBuilder;
  friend const Impl& impl_of(const Model&);
};

// Layers read as one model (docs/format.md, "Layers"), each laid over the ones before it. A
// node, or an edge (source, relation, target), in several layers is one: kind and names must
// agree; attributes, figures and sources are united; a value both give (an attribute, a
// description, a note, an edge's fiscal year or `what`) must be the same, or a ValidationError
// names both origins and the key. An edge keeps the stronger certainty: its evidence is
// united. The info is the first layer's, with every layer's sources. `origins` name the
// layers in messages (file names), one per layer.
Model merge_layers(std::span<const Model> layers, std::span<const std::string> origins);

// Builds a Model. Nodes and edges may be added in any order; build() checks the whole
// graph (ids, kinds, relations, amounts) and either returns a frozen Model or throws a
// ValidationError naming the first problem — never a half-built model.
class ModelBuilder {
 public:
  ModelBuilder();
  ~ModelBuilder();
  ModelBuilder(ModelBuilder&&) noexcept;
  ModelBuilder& operator=(ModelBuilder&&) noexcept;

  // Everything the model holds, as editable data (used by scenarios and loaders).
  struct EdgeSpec {
    std::string source;
    std::string target;
    Relation relation = Relation::part_of;
    Certainty certainty = Certainty::certain;
    std::optional<int> fiscal_year;
    EdgeDetail detail;
    friend bool operator==(const EdgeSpec&, const EdgeSpec&) = default;
  };

  // Starts from an existing model's nodes and edges. The node records are shared with the
  // model, not copied: a builder from a large model costs a pointer per node.
  static ModelBuilder from(const Model&);

  ModelBuilder& info(ModelInfo);
  // `where` names the node's place in its file, for error messages (a JSON pointer).
  ModelBuilder& add_node(Node node, std::string where = {});
  ModelBuilder& add_edge(EdgeSpec edge, std::string where = {});
  // The file being built from; errors name it.
  ModelBuilder& origin(std::string file);

  std::size_t node_count() const noexcept;
  std::size_t edge_count() const noexcept;

  // Look-ups and edits on what has been added so far, for deriving one model from another
  // (scenarios). A builder made by from() shares the model's node records until one is
  // replaced, so these never touch the model it came from.
  //
  // The node with this id, or null; valid until the next edit of this builder.
  const Node* find_node(std::string_view id) const;
  bool has_edge(std::string_view source, std::string_view target, Relation) const;
  // Replaces the node with the same id; false (and nothing changes) when there is none.
  bool replace_node(Node node, std::string where = {});
  // Removes the node and every edge at either end of it; false when there is no such node.
  bool remove_node(std::string_view id);
  // Removes the edge; false when there is no such edge.
  bool remove_edge(std::string_view source, std::string_view target, Relation);
  // The sources of the live edges of this relation into `target`, in no set order.
  std::vector<std::string> sources_into(std::string_view target, Relation);

  Model build() &&;
  Model build() const&;

  struct State;  // opaque

 private:
  std::unique_ptr<State> state_;
  friend struct detail::BuilderAccess;
};

}  // namespace kyoso
