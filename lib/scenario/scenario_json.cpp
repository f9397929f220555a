// Scenario files (docs/scenarios.md): read with the model file's own value reader, so an
// added node or figure is checked exactly as one in the model file, and written back in the
// same shape.
#include <boost/json.hpp>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/model_json.hpp"
#include "kyoso/scenario.hpp"
#include "model/rules.hpp"
#include "scenario/edit_path.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;

json::string_view js(std::string_view s) { return {s.data(), s.size()}; }

class ScenarioReader : private detail::ModelJsonReader {
 public:
  // The reader locates error pointers with the same depth limit the parse allowed, so a
  // deeper file than the default still gets line and column.
  ScenarioReader(std::string_view text, std::string origin, const LoadLimits& limits)
      : ModelJsonReader(text, std::move(origin), limits.max_depth), limits_(limits) {}

  Scenario read() const {
    json::value doc = detail::read_json(document(), origin(), limits_);
    const json::object& top = object(doc, "");
    only_keys(top, {"schema", "name", "description", "edits"}, "");
    std::string schema = string(member(top, "schema", ""), "/schema");
    if (schema != scenario_schema) {
      fail("unsupported schema \"" + schema + "\" (this build reads \"" +
               std::string(scenario_schema) + "\")",
           "/schema");
    }
    Scenario s;
    s.origin = origin();
    s.name = string(member(top, "name", ""), "/name");
    if (s.name.empty()) fail("a scenario needs a name", "/name");
    s.description = optional_string(top, "description", "");
    const json::array& edits = array(member(top, "edits", ""), "/edits");
    // Each edit adds or changes at most one node or edge, and an Edit takes far more memory
    // than its smallest JSON form: bound the list as a model file's edges, before reading it.
    if (edits.size() > limits_.max_edges) {
      fail(std::to_string(edits.size()) + " edits, more than the limit of " +
               std::to_string(limits_.max_edges),
           "/edits");
    }
    s.edits.reserve(edits.size());
    std::size_t added_nodes = 0;
    for (std::size_t i = 0; i < edits.size(); ++i) {
      std::string at = "/edits/" + std::to_string(i);
      s.edits.push_back(edit(edits[i], at));
      if (s.edits.back().op == EditOp::add_node && ++added_nodes > limits_.max_nodes) {
        fail("more nodes added than the limit of " + std::to_string(limits_.max_nodes), at,
             s.edits.back().node);
      }
    }
    return s;
  }

 private:
  Edit edit(const json::value& v, const std::string& at) const {
    const json::object& o = object(v, at);
    std::string op_name = string(member(o, "op", at), at + "/op");
    auto op = parse_edit_op(op_name);
    if (!op) {
      fail("unknown op \"" + op_name +
               "\" (expected set, add_node, remove_node, add_edge or remove_edge)",
           at + "/op");
    }
    Edit e;
    e.op = *op;
    switch (e.op) {
      case EditOp::set:
        only_keys(o, {"op", "node", "path", "value"}, at);
        e.node = id(o, "node", at);
        e.path = string(member(o, "path", at), at + "/path");
        e.value = value(e.path, member(o, "value", at), at);
        break;
      case EditOp::add_node:
        e.node = id(o, "node", at);
        e.new_node = std::make_shared<const Node>(node_metadata(e.node, o, at, {"op", "node"}));
        break;
      case EditOp::remove_node:
        only_keys(o, {"op", "node"}, at);
        e.node = id(o, "node", at);
        break;
      case EditOp::add_edge:
        only_keys(o, {"op", "source", "target", "relation", "metadata"}, at);
        e.edge = std::make_shared<const ModelBuilder::EdgeSpec>(checked_edge(o, at));
        break;
      case EditOp::remove_edge:
        // An edge is named by its ends and relation; its metadata cannot tell two apart.
        only_keys(o, {"op", "source", "target", "relation"}, at);
        e.edge = std::make_shared<const ModelBuilder::EdgeSpec>(checked_edge(o, at));
        break;
    }
    return e;
  }

  // A node id by the grammar of docs/format.md: one with a control character, "..", "//" or
  // a trailing "/" could name nothing, and would only reach a message or a terminal.
  std::string id(const json::object& o, std::string_view key, const std::string& at) const {
    std::string here = at + "/" + std::string(key);
    std::string out = string(member(o, key, at), here);
    if (out.empty()) fail("an id may not be empty", here);
    check_id(out, here);
    return out;
  }

  void check_id(const std::string& id, const std::string& at) const {
    if (std::string problem = detail::id_problem(id); !problem.empty()) fail(problem, at, id);
  }

  ModelBuilder::EdgeSpec checked_edge(const json::object& o, const std::string& at) const {
    ModelBuilder::EdgeSpec e = edge(o, at);
    check_id(e.source, at + "/source");
    check_id(e.target, at + "/target");
    return e;
  }

  EditValue value(const std::string& path_text, const json::value& v, const std::string& at) const {
    std::string problem;
    auto path = detail::parse_edit_path(path_text, problem);
    if (!path) fail(problem, at + "/path");
    std::string here = at + "/value";
    EditValue out;
    if (v.is_string()) {
      out = string(v, here);
    } else if (v.is_number()) {
      out = integer(v, here);
    } else if (v.is_object() && path->part == detail::EditPath::Part::figure &&
               path->member == detail::EditPath::Member::whole) {
      out = figure_value(*path, v.get_object(), here);
    } else if (!v.is_null()) {
      // A boolean, an array, or an object where no whole figure is meant: say what is.
      problem = detail::value_problem(*path, EditValue{Figure{}});
      fail(problem.empty() ? "expected a string, an integer, a figure object or null" : problem,
           here);
    }
    problem = detail::value_problem(*path, out);
    if (!problem.empty()) fail(problem, here);
    return out;
  }

  // A whole figure: its name (and fiscal year) come from the path and may be left out.
  Figure figure_value(const detail::EditPath& path, const json::object& o,
                      const std::string& at) const {
    json::object named = o;
    if (const json::value* name = o.if_contains("name")) {
      if (string(*name, at + "/name") != path.key) {
        fail("the figure's name differs from the path's ('" + path.key + "')", at + "/name");
      }
    }
    named["name"] = js(path.key);
    if (path.fiscal_year) {
      if (auto year = fiscal_year(o, at); year && *year != *path.fiscal_year) {
        fail("the figure's fiscal_year differs from the path's (" +
                 std::to_string(*path.fiscal_year) + ")",
             at + "/fiscal_year");
      }
      named["fiscal_year"] = *path.fiscal_year;
    }
    return figure(named, at);
  }

  const LoadLimits& limits_;
};

json::value value_json(const EditValue& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return *n;
  if (const auto* s = std::get_if<std::string>(&value)) return js(*s);
  if (const auto* f = std::get_if<Figure>(&value)) return detail::figures_json({*f})[0];
  return nullptr;
}

json::object edit_json(const Edit& e) {
  json::object o;
  switch (e.op) {
    case EditOp::set:
      o["node"] = js(e.node);
      o["path"] = js(e.path);
      o["value"] = value_json(e.value);
      break;
    case EditOp::add_node:
      o = detail::node_metadata_json(*e.new_node);
      o["node"] = js(e.new_node->id);
      break;
    case EditOp::remove_node:
      o["node"] = js(e.node);
      break;
    case EditOp::add_edge:
      o = detail::edge_json(e.edge->source, e.edge->target, e.edge->relation, e.edge->certainty,
                            e.edge->fiscal_year, e.edge->detail);
      break;
    case EditOp::remove_edge:
      o["source"] = js(e.edge->source);
      o["target"] = js(e.edge->target);
      o["relation"] = js(to_string(e.edge->relation));
      break;
  }
  o["op"] = js(to_string(e.op));
  return o;
}

}  // namespace

Scenario parse_scenario(std::string_view json_text, std::string_view origin) {
  return parse_scenario(json_text, origin, LoadLimits{});
}

Scenario parse_scenario(std::string_view json_text, std::string_view origin,
                        const LoadLimits& limits) {
  return ScenarioReader(json_text, std::string(origin), limits).read();
}

Scenario load_scenario(const std::filesystem::path& file) {
  return load_scenario(file, LoadLimits{});
}

Scenario load_scenario(const std::filesystem::path& file, const LoadLimits& limits) {
  return parse_scenario(detail::read_text_file(file, limits.max_file_bytes), file.string(), limits);
}

std::string to_json(const Scenario& s) {
  json::object top;
  top["schema"] = js(scenario_schema);
  top["name"] = js(s.name);
  top["description"] = js(s.description);
  json::array edits;
  for (const Edit& e : s.edits) edits.push_back(edit_json(e));
  top["edits"] = std::move(edits);
  return detail::write_json(top, detail::JsonLayout::compact);
}

}  // namespace kyoso
