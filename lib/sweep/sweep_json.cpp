// Sweep files (docs/sweeps.md): read with the model file's value reader, so that every
// complaint names the file, line, column and JSON pointer as a model or scenario file's do.
#include <boost/json.hpp>
#include <cmath>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/model_json.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/sweep.hpp"
#include "model/rules.hpp"
#include "scenario/edit_path.hpp"
#include "sweep/sweep_detail.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;

constexpr std::pair<SweepTarget, std::string_view> target_names[] = {
    {SweepTarget::edit, "edit"},
    {SweepTarget::promotion_rate, "promotion_rate"},
    {SweepTarget::budget, "budget"},
    {SweepTarget::future_budget, "future_budget"},
    {SweepTarget::weight_mission, "weight_mission"},
    {SweepTarget::weight_goals, "weight_goals"},
    {SweepTarget::weight_fields, "weight_fields"},
    {SweepTarget::weight_stage, "weight_stage"},
    {SweepTarget::weight_inherited, "weight_inherited"},
};
constexpr std::pair<SweepDesign, std::string_view> design_names[] = {
    {SweepDesign::grid, "grid"},
    {SweepDesign::random, "random"},
    {SweepDesign::latin_hypercube, "latin-hypercube"},
};
constexpr std::pair<SweepRecord, std::string_view> record_names[] = {
    {SweepRecord::sites, "sites"},
    {SweepRecord::spend, "spend"},
    {SweepRecord::over_budget, "over_budget"},
};

template <class E, std::size_t N>
std::string_view name_of(const std::pair<E, std::string_view> (&names)[N], E value) {
  for (auto [v, name] : names) {
    if (v == value) return name;
  }
  return "?";
}

template <class E, std::size_t N>
std::optional<E> parse_name(const std::pair<E, std::string_view> (&names)[N],
                            std::string_view text) {
  for (auto [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string listed(const std::pair<E, std::string_view> (&names)[N], std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < N; ++i)
    out += (out.empty() ? "" : ", ") + std::string(names[i].second);
  return out;
}

class SweepReader : private detail::ModelJsonReader {
 public:
  SweepReader(std::string_view text, std::string origin, std::filesystem::path base_dir)
      : ModelJsonReader(text, std::move(origin)), base_dir_(std::move(base_dir)) {}

  Sweep read() const {
    json::value doc = detail::read_json(document(), origin());
    const json::object& top = object(doc, "");
    only_keys(top,
              {"schema", "name", "description", "base", "parameters", "design", "seed", "query",
               "record"},
              "");
    std::string schema = string(member(top, "schema", ""), "/schema");
    if (schema != sweep_schema) {
      fail("unsupported schema \"" + schema + "\" (this build reads \"" +
               std::string(sweep_schema) + "\")",
           "/schema");
    }
    Sweep s;
    s.origin = origin();
    s.source = std::string(document());
    s.name = string(member(top, "name", ""), "/name");
    if (s.name.empty()) fail("a sweep needs a name", "/name");
    s.description = optional_string(top, "description", "");
    if (const json::value* base = top.if_contains("base")) {
      s.base = base_scenario(*base, s.name);
    } else {
      s.base = Scenario(s.name);
      s.base.origin = origin();
    }
    if (const json::value* seed = top.if_contains("seed")) {
      std::int64_t n = integer(*seed, "/seed");
      if (n < 0) fail("the seed is a whole number ≥ 0", "/seed");
      s.seed = static_cast<std::uint64_t>(n);
    }
    query(member(top, "query", ""), s);
    if (const json::value* record = top.if_contains("record")) {
      if (s.query != SweepQuery::simulate) {
        fail("record is for simulate; fit records each program's rank, score and eligibility",
             "/record");
      }
      const json::array& items = array(*record, "/record");
      if (items.empty()) fail("record at least one of " + listed(record_names), "/record");
      s.record.clear();
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string at = "/record/" + std::to_string(i);
        std::string text = string(items[i], at);
        auto r = parse_name(record_names, text);
        if (!r) fail("unknown quantity '" + text + "' (expected " + listed(record_names) + ")", at);
        if (std::find(s.record.begin(), s.record.end(), *r) != s.record.end()) {
          fail("'" + text + "' is recorded twice", at);
        }
        s.record.push_back(*r);
      }
    }
    const json::array& params = array(member(top, "parameters", ""), "/parameters");
    if (params.empty()) fail("a sweep varies at least one parameter", "/parameters");
    if (params.size() > limits::max_sweep_parameters) {
      fail(std::to_string(params.size()) + " parameters, more than the limit of " +
               std::to_string(limits::max_sweep_parameters) + " (limits::max_sweep_parameters)",
           "/parameters");
    }
    design(top, s);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::string at = "/parameters/" + std::to_string(i);
      s.parameters.push_back(parameter(params[i], at, s.design, s.query));
      for (std::size_t j = 0; j < i; ++j) {
        if (s.parameters[j].name == s.parameters[i].name) {
          fail("parameter name '" + s.parameters[i].name + "' is also /parameters/" +
                   std::to_string(j) + "'s",
               params[i].as_object().contains("name") ? at + "/name" : at);
        }
      }
    }
    try {
      sweep_size(s);
    } catch (const ValidationError& e) {
      fail(e.problem(), s.design == SweepDesign::grid ? "/parameters" : "/design/samples");
    }
    return s;
  }

 private:
  // A base scenario: a path relative to the sweep file, or the edits inline. Inline edits are
  // read by the scenario reader itself, given as a scenario document of their own; its
  // complaints are moved back to their place under /base.
  Scenario base_scenario(const json::value& v, const std::string& name) const {
    if (v.is_string()) {
      std::filesystem::path file = base_dir_ / std::string(v.get_string());
      try {
        return load_scenario(file);
      } catch (const Error& e) {
        fail("the base scenario does not load: " + std::string(e.what()), "/base");
      }
    }
    const json::object& o = object(v, "/base");
    only_keys(o, {"name", "description", "edits"}, "/base");
    json::object doc;
    doc["schema"] = json::string_view(scenario_schema.data(), scenario_schema.size());
    doc["name"] = o.contains("name") ? o.at("name") : json::value(json::string_view(name));
    if (o.contains("description")) doc["description"] = o.at("description");
    doc["edits"] = member(o, "edits", "/base");
    try {
      return parse_scenario(detail::write_json(doc, detail::JsonLayout::compact), origin());
    } catch (const Error& e) {
      std::string pointer = "/base" + e.where().pointer;
      if (e.where().pointer.starts_with("/schema")) pointer = "/base";
      throw ValidationError(e.problem(), locate(pointer, e.where().id));
    }
  }

  void query(const json::value& v, Sweep& s) const {
    const json::object& q = object(v, "/query");
    only_keys(q, {"simulate", "fit"}, "/query");
    if (q.size() != 1) fail("a query is {\"simulate\": {…}} or {\"fit\": {…}}", "/query");
    if (const json::value* f = q.if_contains("fit")) {
      fit(*f, s);
      return;
    }
    const json::object& sim = object(member(q, "simulate", "/query"), "/query/simulate");
    const std::string at = "/query/simulate";
    only_keys(sim, {"program", "years", "start_fy", "runs", "policy"}, at);
    s.program = string(member(sim, "program", at), at + "/program");
    if (s.program.empty()) fail("a program id may not be empty", at + "/program");
    if (const json::value* years = sim.if_contains("years")) {
      std::int64_t n = integer(*years, at + "/years");
      if (n < 1 || n > 100) fail("years is 1–100", at + "/years");
      s.options.years = static_cast<int>(n);
    }
    if (const json::value* fy = sim.if_contains("start_fy")) {
      std::int64_t n = integer(*fy, at + "/start_fy");
      if (n < 1900 || n > 2200) fail("start_fy is a fiscal year, 1900–2200", at + "/start_fy");
      s.options.start_fy = static_cast<int>(n);
    }
    if (const json::value* runs = sim.if_contains("runs")) {
      std::int64_t n = integer(*runs, at + "/runs");
      if (n < 0 || n > 100'000) fail("runs is 0–100000", at + "/runs");
      s.options.runs = static_cast<std::size_t>(n);
    }
    if (const json::value* policy = sim.if_contains("policy")) {
      std::string text = string(*policy, at + "/policy");
      auto p = parse_budget_policy(text);
      if (!p) {
        fail("unknown policy '" + text + "' (expected admit-fewer, scale-funding or report-only)",
             at + "/policy");
      }
      s.options.policy = *p;
    }
  }

  void fit(const json::value& v, Sweep& s) const {
    const std::string at = "/query/fit";
    const json::object& o = object(v, at);
    only_keys(o, {"profile", "university", "programs"}, at);
    s.query = SweepQuery::fit;
    const json::value* profile = o.if_contains("profile");
    const json::value* university = o.if_contains("university");
    if ((profile != nullptr) == (university != nullptr)) {
      fail("fit takes a \"profile\" or a \"university\" (its stored profile)", at);
    }
    if (profile) {
      object(*profile, at + "/profile");
      s.profile = detail::write_json(*profile, detail::JsonLayout::compact);
    } else {
      s.university = string(*university, at + "/university");
      if (s.university.empty()) fail("a university id may not be empty", at + "/university");
    }
    const json::array& programs = array(member(o, "programs", at), at + "/programs");
    if (programs.empty()) fail("name at least one program to record", at + "/programs");
    for (std::size_t i = 0; i < programs.size(); ++i) {
      std::string here = at + "/programs/" + std::to_string(i);
      s.programs.push_back(string(programs[i], here));
      if (s.programs.back().empty()) fail("a program id may not be empty", here);
    }
  }

  void design(const json::object& top, Sweep& s) const {
    const json::value* v = top.if_contains("design");
    if (!v) return;
    if (v->is_string()) {
      std::string text(v->get_string());
      auto d = parse_name(design_names, text);
      if (!d)
        fail("unknown design '" + text + "' (expected " + listed(design_names) + ")", "/design");
      s.design = *d;
      if (s.design != SweepDesign::grid) {
        fail("a " + text + " design needs a number of samples: {\"kind\": \"" + text +
                 "\", \"samples\": N}",
             "/design");
      }
      return;
    }
    const json::object& o = object(*v, "/design");
    only_keys(o, {"kind", "samples"}, "/design");
    std::string text = string(member(o, "kind", "/design"), "/design/kind");
    auto d = parse_name(design_names, text);
    if (!d)
      fail("unknown design '" + text + "' (expected " + listed(design_names) + ")", "/design/kind");
    s.design = *d;
    const json::value* samples = o.if_contains("samples");
    if (s.design == SweepDesign::grid) {
      if (samples)
        fail("a grid takes every combination; samples are for random and latin-hypercube",
             "/design/samples");
      return;
    }
    if (!samples) fail("a " + text + " design needs \"samples\"", "/design");
    std::int64_t n = integer(*samples, "/design/samples");
    if (n < 1) fail("samples is at least 1", "/design/samples");
    s.samples = static_cast<std::size_t>(n);
  }

  SweepParameter parameter(const json::value& v, const std::string& at, SweepDesign design,
                           SweepQuery query) const {
    const json::object& o = object(v, at);
    only_keys(o, {"name", "node", "path", "option", "values", "range", "steps"}, at);
    SweepParameter p;
    std::optional<detail::EditPath> path;
    if (const json::value* option = o.if_contains("option")) {
      if (o.contains("node") || o.contains("path")) {
        fail("a parameter is either an option or a node and path, not both", at + "/option");
      }
      std::string text = string(*option, at + "/option");
      auto t = parse_name(target_names, text);
      if (!t || *t == SweepTarget::edit) {
        fail("unknown option '" + text + "' (expected " + listed(target_names, 1) + ")",
             at + "/option");
      }
      p.target = *t;
      p.name = text;
      bool for_fit = p.target >= SweepTarget::weight_mission;
      if (for_fit != (query == SweepQuery::fit)) {
        fail("option '" + text + "' is for " + (for_fit ? "fit" : "simulate") + " queries",
             at + "/option");
      }
    } else {
      p.node = string(member(o, "node", at), at + "/node");
      if (std::string problem = detail::id_problem(p.node); !problem.empty()) {
        fail(problem, at + "/node", p.node);
      }
      p.path = string(member(o, "path", at), at + "/path");
      std::string problem;
      path = detail::parse_edit_path(p.path, problem);
      if (!path) fail(problem, at + "/path");
      if (path->part == detail::EditPath::Part::figure &&
          path->member == detail::EditPath::Member::whole) {
        fail("a sweep sets one value of a figure: end the path with /value", at + "/path");
      }
      p.name = p.node + ":" + p.path;
    }
    if (const json::value* name = o.if_contains("name")) {
      p.name = string(*name, at + "/name");
      if (p.name.empty()) fail("a parameter's name may not be empty", at + "/name");
    }
    detail::ValueKind kind = path ? detail::value_kind(*path) : detail::value_kind(p.target);
    const json::value* values = o.if_contains("values");
    const json::value* range = o.if_contains("range");
    if ((values != nullptr) == (range != nullptr)) {
      fail("a parameter has either \"values\" or a \"range\": [min, max]", at);
    }
    if (values) {
      const json::array& items = array(*values, at + "/values");
      if (items.empty()) fail("no values to try", at + "/values");
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string here = at + "/values/" + std::to_string(i);
        p.values.push_back(value(items[i], kind, here));
        if (path && kind == detail::ValueKind::text) {
          std::string problem =
              detail::value_problem(*path, std::get<std::string>(p.values.back()));
          if (!problem.empty()) fail(problem, here);
        }
      }
      if (o.contains("steps"))
        fail("steps divide a range; this parameter lists its values", at + "/steps");
      return p;
    }
    if (kind == detail::ValueKind::text)
      fail("a range needs a numeric value; list the values", at + "/range");
    const json::array& ends = array(*range, at + "/range");
    if (ends.size() != 2) fail("a range is [min, max]", at + "/range");
    double low = number(ends[0], at + "/range/0");
    double high = number(ends[1], at + "/range/1");
    if (!(low < high)) {
      fail("empty range: min " + detail::format_number(low) + " is not below max " +
               detail::format_number(high),
           at + "/range");
    }
    if (kind == detail::ValueKind::whole &&
        (std::abs(low) >= 9223372036854775808.0 || std::abs(high) >= 9223372036854775808.0)) {
      fail("a range of whole numbers must fit in 64 bits", at + "/range");
    }
    p.range = {low, high};
    if (const json::value* steps = o.if_contains("steps")) {
      std::int64_t n = integer(*steps, at + "/steps");
      if (n < 2) fail("steps is at least 2 (both ends of the range)", at + "/steps");
      p.steps = static_cast<std::size_t>(n);
    } else if (design == SweepDesign::grid) {
      fail("a grid design needs \"values\", or \"steps\" to divide the range", at + "/range");
    }
    return p;
  }

  double number(const json::value& v, const std::string& at) const {
    if (v.is_int64()) return static_cast<double>(v.get_int64());
    if (v.is_uint64()) return static_cast<double>(v.get_uint64());
    if (v.is_double()) return v.get_double();
    fail("expected a number", at);
  }

  SweepValue value(const json::value& v, detail::ValueKind kind, const std::string& at) const {
    switch (kind) {
      case detail::ValueKind::text:
        if (!v.is_string()) fail("expected a string", at);
        return std::string(v.get_string());
      case detail::ValueKind::real:
        return number(v, at);
      case detail::ValueKind::whole: {
        double d = number(v, at);
        if (v.is_int64()) return v.get_int64();
        if (d != std::trunc(d) || std::abs(d) >= 9223372036854775808.0) {
          fail("expected a whole number (money is whole yen)", at);
        }
        return static_cast<std::int64_t>(d);
      }
    }
    return {};
  }

  std::filesystem::path base_dir_;
};

}  // namespace

std::string_view to_string(SweepTarget t) noexcept { return name_of(target_names, t); }
std::string_view to_string(SweepDesign d) noexcept { return name_of(design_names, d); }
std::string_view to_string(SweepRecord r) noexcept { return name_of(record_names, r); }

Sweep parse_sweep(std::string_view json_text, std::string_view origin,
                  const std::filesystem::path& base_dir) {
  return SweepReader(json_text, std::string(origin), base_dir).read();
}

Sweep load_sweep(const std::filesystem::path& file) {
  return parse_sweep(detail::read_text_file(file), file.string(), file.parent_path());
}

}  // namespace kyoso
