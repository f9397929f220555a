// The Scenario value and its fluent builder; each method appends one edit.
#include "kyoso/scenario.hpp"

namespace kyoso {

namespace {
constexpr std::pair<EditOp, std::string_view> op_names[] = {
    {EditOp::set, "set"},
    {EditOp::add_node, "add_node"},
    {EditOp::remove_node, "remove_node"},
    {EditOp::add_edge, "add_edge"},
    {EditOp::remove_edge, "remove_edge"},
};
}  // namespace

std::string_view to_string(EditOp op) noexcept {
  for (auto [value, name] : op_names) {
    if (value == op) return name;
  }
  return "?";
}

std::optional<EditOp> parse_edit_op(std::string_view text) noexcept {
  for (auto [value, name] : op_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

namespace {
template <class T>
bool same(const std::shared_ptr<const T>& a, const std::shared_ptr<const T>& b) {
  return a == b || (a && b && *a == *b);
}
}  // namespace

bool operator==(const Edit& a, const Edit& b) {
  return a.op == b.op && a.node == b.node && a.path == b.path && a.value == b.value &&
         same(a.new_node, b.new_node) && same(a.edge, b.edge);
}

Scenario::Scenario(std::string name_, std::string description_)
    : name(std::move(name_)), description(std::move(description_)) {}

Scenario& Scenario::set(std::string node, std::string path, EditValue value) {
  Edit e;
  e.op = EditOp::set;
  e.node = std::move(node);
  e.path = std::move(path);
  e.value = std::move(value);
  edits.push_back(std::move(e));
  return *this;
}

Scenario& Scenario::set_figure(std::string node, std::string figure, std::int64_t value,
                               std::optional<int> fiscal_year) {
  std::string path = "figures/" + figure;
  if (fiscal_year) path += "@" + std::to_string(*fiscal_year);
  return set(std::move(node), path + "/value", value);
}

Scenario& Scenario::set_budget(std::string node, int fiscal_year, std::int64_t jpy) {
  return set_figure(std::move(node), "budget", jpy, fiscal_year);
}

Scenario& Scenario::set_amount(std::string node, std::int64_t jpy_per_year) {
  return set_figure(std::move(node), "funding_per_site", jpy_per_year);
}

Scenario& Scenario::set_attribute(std::string node, std::string key, std::string value) {
  return set(std::move(node), "attributes/" + key, std::move(value));
}

Scenario& Scenario::add_node(Node node) {
  Edit e;
  e.op = EditOp::add_node;
  e.node = node.id;
  e.new_node = std::make_shared<const Node>(std::move(node));
  edits.push_back(std::move(e));
  return *this;
}

Scenario& Scenario::remove_node(std::string id) {
  Edit e;
  e.op = EditOp::remove_node;
  e.node = std::move(id);
  edits.push_back(std::move(e));
  return *this;
}

Scenario& Scenario::add_edge(std::string source, std::string target, Relation relation) {
  ModelBuilder::EdgeSpec spec;
  spec.source = std::move(source);
  spec.target = std::move(target);
  spec.relation = relation;
  return add_edge(std::move(spec));
}

Scenario& Scenario::add_edge(ModelBuilder::EdgeSpec edge) {
  Edit e;
  e.op = EditOp::add_edge;
  e.edge = std::make_shared<const ModelBuilder::EdgeSpec>(std::move(edge));
  edits.push_back(std::move(e));
  return *this;
}

Scenario& Scenario::remove_edge(std::string source, std::string target, Relation relation) {
  Edit e;
  e.op = EditOp::remove_edge;
  ModelBuilder::EdgeSpec spec;
  spec.source = std::move(source);
  spec.target = std::move(target);
  spec.relation = relation;
  e.edge = std::make_shared<const ModelBuilder::EdgeSpec>(std::move(spec));
  edits.push_back(std::move(e));
  return *this;
}

}  // namespace kyoso
