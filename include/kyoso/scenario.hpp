// Scenarios: "what if" as data. A scenario is a list of edits laid over a base model — a
// budget cut, a program opened to a new applicant, a new program — and apply() turns base and
// scenario into a new Model on which every query runs. docs/scenarios.md describes the file
// format and the grammar of a set edit's path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kyoso/io.hpp"
#include "kyoso/model.hpp"

namespace kyoso {

// The "schema" member of a scenario file.
inline constexpr std::string_view scenario_schema = "kyoso.scenario/1";

enum class EditOp : std::uint8_t {
  set,          // one value of a node: a name, description, note, attribute or figure
  add_node,     // a new node, with everything a node of the model file may hold
  remove_node,  // a node and every edge at it; a program with its tracks (part_of it)
  add_edge,     // a new edge
  remove_edge,  // an existing edge, named by source, target and relation
};
std::string_view to_string(EditOp) noexcept;  // "set", "add_node", …
std::optional<EditOp> parse_edit_op(std::string_view) noexcept;

// What a set edit writes: nothing (removes the value: a note, a description, an attribute or
// a figure), a whole number (a figure's value), a text, or a whole figure.
using EditValue = std::variant<std::monostate, std::int64_t, std::string, Figure>;

// One edit. Which members count depends on the op; the others stay empty. An added node and
// an edge are held by pointer, so that an edit costs little beyond its own text: a scenario
// may hold millions of edits, and most need neither.
struct Edit {
  EditOp op = EditOp::set;
  std::string node;                      // set, remove_node: the node's id
  std::string path;                      // set: what to change, e.g. "figures/budget@2025/value"
  EditValue value;                       // set
  std::shared_ptr<const Node> new_node;  // add_node
  // add_edge; remove_edge reads source, target and relation
  std::shared_ptr<const ModelBuilder::EdgeSpec> edge;
  // Compares what the pointers hold.
  friend bool operator==(const Edit&, const Edit&);
};

// A named list of edits, applied in order. Built from a file or dict (parse_scenario), or in
// C++ with the fluent methods:
//
//   Scenario cut("budget_cut");
//   cut.set_budget("program/coi-next", 2025, 12'000'000'000)
//      .add_edge("program/local-10000", "applicant/university", Relation::applied_by);
struct Scenario {
  std::string name;
  std::string description;
  std::vector<Edit> edits;
  std::string origin;  // the file it was read from, named by apply()'s errors; may be empty

  Scenario() = default;
  explicit Scenario(std::string name, std::string description = {});

  Scenario& set(std::string node, std::string path, EditValue value);
  // A figure's value: "figures/<figure>[@<fiscal_year>]/value".
  Scenario& set_figure(std::string node, std::string figure, std::int64_t value,
                       std::optional<int> fiscal_year = std::nullopt);
  // The budget of one fiscal year (JPY).
  Scenario& set_budget(std::string node, int fiscal_year, std::int64_t jpy);
  // The per-site funding (JPY per year): the "funding_per_site" figure.
  Scenario& set_amount(std::string node, std::int64_t jpy_per_year);
  Scenario& set_attribute(std::string node, std::string key, std::string value);
  Scenario& add_node(Node node);
  Scenario& remove_node(std::string id);
  Scenario& add_edge(std::string source, std::string target, Relation relation);
  Scenario& add_edge(ModelBuilder::EdgeSpec edge);
  Scenario& remove_edge(std::string source, std::string target, Relation relation);

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

// Reads {"schema": "kyoso.scenario/1", "name", "description", "edits": [...]}. Checks the
// document's shape and each edit's own form (ops, members, path grammar, value types); ids
// are checked against a model by apply(). Throws ParseError for text that is not JSON,
// ValidationError naming `origin`, line, column and JSON pointer otherwise.
//
// The limits are a model file's (docs/format.md, "Limits"; the plain overloads use the
// defaults): the text's size, nesting and string lengths as for parse_model, a ParseError
// naming the place; at most `max_edges` edits, of which at most `max_nodes` add_node, a
// ValidationError at "/edits" or at the first add_node over. `max_nodes` and `max_edges`
// bound the file, not the model apply() builds from it.
Scenario parse_scenario(std::string_view json, std::string_view origin = "<input>");
Scenario parse_scenario(std::string_view json, std::string_view origin, const LoadLimits&);
// Reads and parses a file; throws IoError if it cannot be read or is over `max_file_bytes`
// (checked before reading).
Scenario load_scenario(const std::filesystem::path& file);
Scenario load_scenario(const std::filesystem::path& file, const LoadLimits&);
// The scenario as a scenario file: one line of compact JSON with sorted keys; parse_scenario
// reads it back to an equal Scenario (but for `origin`).
std::string to_json(const Scenario&);

// The base with the scenario's edits, as a new Model. Every edit is checked, in order, against
// the model as the edits before it left it, before anything is built; the first edit that is
// wrong throws — UnknownIdError (with the nearest id) for an id that names nothing,
// ValidationError otherwise — naming the scenario's origin, the edit's JSON pointer
// ("/edits/3/target"), its op and the offending id. Nothing is applied then. The base is
// never changed: the new model shares the base's unchanged node records, so applying costs
// one pass over the nodes and edges, not a copy of them. Thread-safe for any number of calls
// on one base.
Model apply(const Model& base, const Scenario&);

}  // namespace kyoso
