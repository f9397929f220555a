// apply(): a scenario's edits over a base model, all checked before a new model is built.
// The edits work on a ModelBuilder made from the base, which shares the base's node records;
// an edit replaces only the records it changes, so the base is never touched and a failed
// scenario leaves nothing behind.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "kyoso/error.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/scenario.hpp"
#include "model/builder_detail.hpp"
#include "model/rules.hpp"
#include "scenario/edit_path.hpp"

namespace kyoso {
namespace {

using detail::EditPath;

class Applier {
 public:
  Applier(const Model& base, const Scenario& scenario)
      : base_(base), scenario_(scenario), builder_(ModelBuilder::from(base)) {}

  Model run() {
    for (std::size_t i = 0; i < scenario_.edits.size(); ++i) {
      if (i % 1024 == 0) InterruptScope::check();
      index_ = i;
      at_ = "/edits/" + std::to_string(i);
      apply(scenario_.edits[i]);
    }
    try {
      return std::move(builder_).build();
    } catch (const ValidationError& e) {
      // Whole-graph rules (a part_of cycle) are checked here, after the last edit; the builder
      // names the edit it holds the offending node or edge for.
      rethrow_from_build(e);
    }
  }

 private:
  const Edit& edit() const { return scenario_.edits[index_]; }

  [[noreturn]] void fail(const std::string& problem, const std::string& pointer,
                         const std::string& id) const {
    throw ValidationError(std::string(to_string(edit().op)) + ": " + problem,
                          Location{scenario_.origin, 0, 0, pointer, id});
  }

  // The node, or an error naming the nearest id (or the edit that removed it).
  const Node& existing(const std::string& id, const std::string& pointer) const {
    if (const Node* n = builder_.find_node(id)) return *n;
    if (auto it = removed_by_.find(id); it != removed_by_.end()) {
      fail("node '" + id + "' was removed by /edits/" + std::to_string(it->second), pointer, id);
    }
    throw UnknownIdError(id, base_.suggest(id), Location{scenario_.origin, 0, 0, pointer, {}},
                         to_string(edit().op));
  }

  void apply(const Edit& e) {
    switch (e.op) {
      case EditOp::set:
        set(e);
        break;
      case EditOp::add_node:
        add_node(e);
        break;
      case EditOp::remove_node:
        remove_node(existing(e.node, at_ + "/node"));
        break;
      case EditOp::add_edge:
        add_edge(e);
        break;
      case EditOp::remove_edge: {
        const ModelBuilder::EdgeSpec& edge = edge_of(e);
        existing(edge.source, at_ + "/source");
        existing(edge.target, at_ + "/target");
        if (!builder_.remove_edge(edge.source, edge.target, edge.relation)) {
          fail("there is no " + std::string(to_string(edge.relation)) + " edge from '" +
                   edge.source + "' to '" + edge.target + "'",
               at_, edge.source + " -> " + edge.target);
        }
        break;
      }
    }
  }

  // A program goes with its tracks (the programs part_of it, and theirs): a track left
  // behind would still be recommended as a program of its own (docs/scenarios.md).
  void remove_node(const Node& node) {
    std::vector<std::string> doomed{node.id};
    // A scenario's earlier edits may have closed a part_of cycle (refused only when the
    // model is built): each node is taken once.
    std::set<std::string, std::less<>> seen{node.id};
    if (node.kind == Kind::program) {
      for (std::size_t i = 0; i < doomed.size(); ++i) {
        for (std::string& child : builder_.sources_into(doomed[i], Relation::part_of)) {
          const Node* c = builder_.find_node(child);
          if (c && c->kind == Kind::program && seen.insert(child).second) {
            doomed.push_back(std::move(child));
          }
        }
      }
    }
    for (const std::string& id : doomed) {
      builder_.remove_node(id);
      removed_by_[id] = index_;
    }
  }

  const ModelBuilder::EdgeSpec& edge_of(const Edit& e) const {
    if (!e.edge) fail("the edit names no edge", at_, {});
    return *e.edge;
  }

  void add_node(const Edit& e) {
    if (!e.new_node) fail("the edit has no node to add", at_, e.node);
    const Node& n = *e.new_node;
    if (!e.node.empty() && e.node != n.id) {
      fail("the edit's node '" + e.node + "' differs from the new node's id '" + n.id + "'",
           at_ + "/node", e.node);
    }
    if (builder_.find_node(n.id)) fail("node '" + n.id + "' already exists", at_ + "/node", n.id);
    std::string problem = detail::node_problem(n);
    if (!problem.empty()) fail(problem, at_, n.id);
    builder_.add_node(n, at_);
    removed_by_.erase(n.id);
  }

  void add_edge(const Edit& e) {
    const ModelBuilder::EdgeSpec& spec = edge_of(e);
    Kind from = existing(spec.source, at_ + "/source").kind;
    Kind to = existing(spec.target, at_ + "/target").kind;
    std::string ends = spec.source + " -> " + spec.target;
    std::string problem =
        detail::edge_problem(spec.relation, spec.source, spec.target, spec.fiscal_year, from, to);
    if (!problem.empty()) fail(problem, at_, ends);
    if (builder_.has_edge(spec.source, spec.target, spec.relation)) {
      fail("the " + std::string(to_string(spec.relation)) + " edge from '" + spec.source +
               "' to '" + spec.target + "' already exists",
           at_, ends);
    }
    builder_.add_edge(spec, at_);
  }

  // ---- set ------------------------------------------------------------------------------

  // Changes the builder's record in place (copied from the base once, at its first edit), so
  // that many edits of one node do not each copy it; a failed edit fails the whole scenario,
  // and the builder is dropped with it.
  void set(const Edit& e) {
    existing(e.node, at_ + "/node");
    Node& n = *detail::edit_node(builder_, e.node, at_);
    std::string problem;
    auto path = detail::parse_edit_path(e.path, problem);
    if (!path) fail(problem, at_ + "/path", e.node);
    problem = detail::value_problem(*path, e.value);
    if (!problem.empty()) fail(problem, at_ + "/value", e.node);
    const std::string* text = std::get_if<std::string>(&e.value);
    switch (path->part) {
      case EditPath::Part::name:
        (path->lang == Lang::ja ? n.name.ja : n.name.en) = *text;
        break;
      case EditPath::Part::description:
        (path->lang == Lang::ja ? n.description.ja : n.description.en) = text ? *text : "";
        break;
      case EditPath::Part::note:
        if (path->both_languages) {
          n.note = text ? Text{*text, *text} : Text{};
        } else {
          (path->lang == Lang::ja ? n.note.ja : n.note.en) = text ? *text : "";
        }
        break;
      case EditPath::Part::call:
        set_call(n, *path, e.value);
        break;
      case EditPath::Part::attribute:
        if (text) {
          n.attributes[path->key] = *text;
        } else if (n.attributes.erase(path->key) == 0) {
          fail("node '" + n.id + "' has no attribute '" + path->key + "' to remove", at_ + "/path",
               n.id);
        }
        break;
      case EditPath::Part::figure:
        set_figure(n, *path, e.value);
        break;
    }
    problem = detail::node_problem(n);
    if (!problem.empty()) fail(problem, at_, n.id);
  }

  // A call edit concerns one fiscal year: the entry covering it is split out of its span, so
  // that the other years keep what they had; a year no entry covers gets a new entry, which
  // needs its status first. A null status removes the year's call (its status is then not
  // known).
  void set_call(Node& n, const EditPath& path, const EditValue& value) {
    const int year = *path.fiscal_year;
    const std::string* text = std::get_if<std::string>(&value);
    auto covering =
        std::find_if(n.calls.begin(), n.calls.end(), [&](const Call& c) { return c.covers(year); });
    Call call;
    if (covering == n.calls.end()) {
      if (path.member != EditPath::Member::status) {
        fail("node '" + n.id + "' has no call for fiscal year " + std::to_string(year) +
                 "; set calls@" + std::to_string(year) + "/status first",
             at_ + "/path", n.id);
      }
      if (!text) return;  // removing what is not there leaves nothing to do
    } else {
      call = *covering;
      n.calls.erase(covering);
      int first = call.fiscal_year.value_or(1900);
      int last = call.fiscal_year ? call.until_fiscal_year.value_or(first) : 2200;
      auto keep = [&](int from, int to) {
        if (from > to) return;
        Call part = call;
        part.fiscal_year = from;
        part.until_fiscal_year = to == from ? std::nullopt : std::optional<int>(to);
        n.calls.push_back(std::move(part));
      };
      keep(first, year - 1);
      keep(year + 1, last);
    }
    call.fiscal_year = year;
    call.until_fiscal_year.reset();
    if (path.member == EditPath::Member::status) {
      if (!text) {
        sort_calls(n);
        return;
      }
      call.status = *parse_call_status(*text);
    } else {
      (path.lang == Lang::ja ? call.scope.ja : call.scope.en) = text ? *text : "";
    }
    n.calls.push_back(std::move(call));
    sort_calls(n);
  }

  static void sort_calls(Node& n) {
    std::sort(n.calls.begin(), n.calls.end(), [](const Call& a, const Call& b) {
      return a.fiscal_year.value_or(0) < b.fiscal_year.value_or(0);
    });
  }

  // The figure a path selects: the first of its name (and fiscal year, with "@"), which is the
  // one Node::figure() — and so every query — reads.
  static std::vector<Figure>::iterator select(Node& n, const EditPath& path) {
    return std::find_if(n.figures.begin(), n.figures.end(), [&](const Figure& f) {
      return f.name == path.key && (!path.fiscal_year || f.fiscal_year == path.fiscal_year);
    });
  }

  void set_figure(Node& n, const EditPath& path, const EditValue& value) {
    auto it = select(n, path);
    if (path.member == EditPath::Member::whole) {
      if (std::holds_alternative<std::monostate>(value)) {
        if (it == n.figures.end()) missing_figure(n, path);
        n.figures.erase(it);
        return;
      }
      Figure f = std::get<Figure>(value);
      if (!f.name.empty() && f.name != path.key) {
        fail("the figure's name '" + f.name + "' differs from the path's '" + path.key + "'",
             at_ + "/value", n.id);
      }
      if (path.fiscal_year && f.fiscal_year && f.fiscal_year != path.fiscal_year) {
        fail("the figure's fiscal year differs from the path's", at_ + "/value", n.id);
      }
      f.name = path.key;
      if (path.fiscal_year) f.fiscal_year = path.fiscal_year;
      if (it == n.figures.end()) {
        n.figures.push_back(std::move(f));
      } else {
        *it = std::move(f);
      }
      return;
    }
    if (it == n.figures.end()) {
      if (path.member != EditPath::Member::value) missing_figure(n, path);
      it = extend_series(n, path);
    }
    switch (path.member) {
      case EditPath::Member::value:
        it->value = std::get<std::int64_t>(value);
        break;
      case EditPath::Member::unit:
        it->unit = *parse_unit(std::get<std::string>(value));
        break;
      case EditPath::Member::qualifier:
        it->qualifier = *parse_qualifier(std::get<std::string>(value));
        break;
      case EditPath::Member::note: {
        const std::string* text = std::get_if<std::string>(&value);
        it->note = text ? Text{*text, *text} : Text{};
        break;
      }
      case EditPath::Member::whole:
      case EditPath::Member::status:
      case EditPath::Member::scope:
        break;
    }
  }

  // A value for a fiscal year the node has no figure for, when it has that figure for other
  // years: a budget of a later year (figures/budget@2025/value). The new figure takes its
  // unit and qualifier from the nearest earlier year (else the nearest later one); its value
  // is set by the caller, and its source is the scenario.
  std::vector<Figure>::iterator extend_series(Node& n, const EditPath& path) {
    if (!path.fiscal_year) missing_figure(n, path);
    const Figure* earlier = nullptr;
    const Figure* later = nullptr;
    for (const Figure& f : n.figures) {
      if (f.name != path.key || !f.fiscal_year) continue;
      if (*f.fiscal_year < *path.fiscal_year) {
        if (!earlier || *f.fiscal_year > *earlier->fiscal_year) earlier = &f;
      } else if (!later || *f.fiscal_year < *later->fiscal_year) {
        later = &f;
      }
    }
    const Figure* like = earlier ? earlier : later;
    if (!like) missing_figure(n, path);
    Figure f;
    f.name = path.key;
    f.unit = like->unit;
    f.qualifier = like->qualifier;
    f.fiscal_year = path.fiscal_year;
    n.figures.push_back(std::move(f));
    return n.figures.end() - 1;
  }

  [[noreturn]] void missing_figure(const Node& n, const EditPath& path) const {
    std::string name = path.key;
    if (path.fiscal_year) name += "@" + std::to_string(*path.fiscal_year);
    std::string have;
    for (const Figure& f : n.figures) {
      have += (have.empty() ? "" : ", ") + f.name;
      if (f.fiscal_year) have += "@" + std::to_string(*f.fiscal_year);
    }
    fail("node '" + n.id + "' has no figure '" + name + "'" +
             (have.empty() ? " (it has no figures)" : " (its figures: " + have + ")"),
         at_ + "/path", n.id);
  }

  [[noreturn]] void rethrow_from_build(const ValidationError& e) const {
    const std::string& pointer = e.where().pointer;
    std::string_view prefix = "/edits/";
    if (pointer.rfind(prefix, 0) == 0) {
      std::size_t i = 0;
      std::string_view digits = std::string_view(pointer).substr(prefix.size());
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
      if (ec == std::errc{} && i < scenario_.edits.size()) {
        throw ValidationError(std::string(to_string(scenario_.edits[i].op)) + ": " + e.problem(),
                              Location{scenario_.origin, 0, 0, pointer, e.where().id});
      }
    }
    throw ValidationError(e.problem(), Location{scenario_.origin, 0, 0, pointer, e.where().id});
  }

  const Model& base_;
  const Scenario& scenario_;
  ModelBuilder builder_;
  std::size_t index_ = 0;
  std::string at_;
  std::map<std::string, std::size_t, std::less<>> removed_by_;
};

}  // namespace

Model apply(const Model& base, const Scenario& scenario) {
  // Nothing to change: the base itself, which costs nothing to share.
  if (scenario.edits.empty()) return base;
  return Applier(base, scenario).run();
}

}  // namespace kyoso
