#include "py_convert.hpp"

#include <optional>
#include <span>

namespace kyoso::python {
namespace {

py::object int_or_none(std::optional<int> value) {
  return value ? py::object(py::int_(*value)) : py::object(py::none());
}

py::str word(std::string_view text) { return py::str(text.data(), text.size()); }

// An id that may be absent (a profile's mission, a challenge's stage …): None when empty.
py::object id_or_none(const std::string& id) {
  return id.empty() ? py::object(py::none()) : py::object(py::str(id));
}

// The words of a vocabulary, for error messages: "a, b, c".
template <typename Enum>
std::string listing(std::span<const Enum> all) {
  std::string out;
  for (Enum value : all) out += (out.empty() ? "" : ", ") + std::string(to_string(value));
  return out;
}

template <typename Enum>
Enum parse_word(std::string_view what, std::string_view text,
                std::optional<Enum> (*parse)(std::string_view) noexcept,
                std::span<const Enum> all) {
  if (auto value = parse(text)) return *value;
  throw Error("unknown " + std::string(what) + " '" + std::string(text) +
              "'; expected one of: " + listing(all));
}

// A query argument as T; a value of another type is a TypeError naming the argument.
template <typename T>
T argument(const std::string& name, py::handle value, const char* expected) {
  try {
    return py::cast<T>(value);
  } catch (const py::cast_error&) {
    throw py::type_error(name + " must be " + expected + ", not " +
                         py::cast<std::string>(py::repr(value)));
  }
}

std::string id_argument(const std::string& name, py::handle value) {
  return argument<std::string>(name, value, "an id (str)");
}

std::vector<std::string> ids_argument(const std::string& name, py::handle value) {
  return argument<std::vector<std::string>>(name, value, "a list of ids (str)");
}

}  // namespace

py::str to_python(const std::string& text) { return word(text); }
py::str to_python(Relation relation) { return word(to_string(relation)); }
py::bool_ to_python(bool value) { return py::bool_(value); }

py::dict to_python(const Text& text) {
  py::dict d;
  d["ja"] = text.ja;
  d["en"] = text.en;
  return d;
}

py::dict to_python(const Source& source) {
  py::dict d;
  d["document"] = source.document;
  d["section"] = source.section;
  d["quote"] = source.quote;
  d["publisher"] = source.publisher;
  d["title"] = source.title;
  d["url"] = source.url;
  d["page"] = source.page;
  return d;
}

py::dict to_python(const Figure& figure) {
  py::dict d;
  d["name"] = figure.name;
  d["value"] = figure.value;
  d["unit"] = word(to_string(figure.unit));
  d["qualifier"] = word(to_string(figure.qualifier));
  d["fiscal_year"] = int_or_none(figure.fiscal_year);
  d["note"] = figure.note;
  d["sources"] = to_python(figure.sources);
  return d;
}

py::dict to_python(const Node& node) {
  py::dict attributes;
  for (const auto& [key, value] : node.attributes) attributes[word(key)] = value;
  py::dict d;
  d["id"] = node.id;
  d["kind"] = word(to_string(node.kind));
  d["name"] = to_python(node.name);
  d["description"] = to_python(node.description);
  d["attributes"] = attributes;
  d["figures"] = to_python(node.figures);
  d["note"] = node.note;
  d["sources"] = to_python(node.sources);
  return d;
}

py::dict to_python(const ModelInfo& info) {
  py::dict d;
  d["id"] = info.id;
  d["name"] = to_python(info.name);
  d["description"] = to_python(info.description);
  d["fiscal_year"] = int_or_none(info.fiscal_year);
  d["sources"] = to_python(info.sources);
  return d;
}

py::dict to_python(const Path& path) {
  py::dict d;
  d["nodes"] = to_python(path.nodes);
  d["relations"] = to_python(path.relations);
  d["forward"] = to_python(path.forward);
  return d;
}

py::dict to_python(const Profile& profile) {
  py::dict d;
  d["mission"] = id_or_none(profile.mission);
  d["goals"] = to_python(profile.goals);
  d["fields"] = to_python(profile.fields);
  d["stage"] = id_or_none(profile.stage);
  d["partners"] = to_python(profile.partners);
  d["holds"] = to_python(profile.holds);
  d["establishment"] = id_or_none(profile.establishment);
  d["applicant"] = id_or_none(profile.applicant);
  return d;
}

py::dict to_python(const Criterion& criterion) {
  py::dict d;
  d["id"] = criterion.id;
  d["description"] = to_python(criterion.description);
  d["weight"] = criterion.weight;
  d["strength"] = criterion.strength;
  d["contribution"] = criterion.contribution;
  d["paths"] = to_python(criterion.paths);
  return d;
}

py::dict to_python(const Recommendation& recommendation) {
  py::dict d;
  d["id"] = recommendation.id;
  d["name"] = to_python(recommendation.name);
  d["score"] = recommendation.score;
  d["eligibility"] = word(to_string(recommendation.eligibility));
  d["reasons"] = to_python(recommendation.reasons);
  d["met"] = to_python(recommendation.met);
  d["missed"] = to_python(recommendation.missed);
  d["paths"] = to_python(recommendation.paths);
  d["sources"] = to_python(recommendation.sources);
  d["nodes"] = to_python(explanation_nodes(recommendation));
  return d;
}

py::dict to_python(const FactorLink& factor) {
  py::dict d;
  d["id"] = factor.id;
  d["name"] = to_python(factor.name);
  d["description"] = to_python(factor.description);
  d["label"] = factor.label;
  d["certainty"] = word(to_string(factor.certainty));
  d["sources"] = to_python(factor.sources);
  return d;
}

py::dict to_python(const CaseLink& reference) {
  py::dict d;
  d["id"] = reference.id;
  d["name"] = to_python(reference.name);
  d["certainty"] = word(to_string(reference.certainty));
  d["sources"] = to_python(reference.sources);
  return d;
}

py::dict to_python(const Diagnosis& diagnosis) {
  py::dict d;
  d["id"] = diagnosis.id;
  d["name"] = to_python(diagnosis.name);
  d["block"] = diagnosis.block;
  d["stage"] = id_or_none(diagnosis.stage);
  d["stage_name"] = to_python(diagnosis.stage_name);
  d["factors"] = to_python(diagnosis.factors);
  d["references"] = to_python(diagnosis.references);
  d["unresolved"] = diagnosis.unresolved;
  d["note"] = diagnosis.note;
  d["match"] = diagnosis.match;
  d["sources"] = to_python(diagnosis.sources);
  return d;
}

py::dict to_python(const Neighbor& neighbor) {
  py::dict d;
  d["id"] = neighbor.id;
  d["name"] = to_python(neighbor.name);
  d["kind"] = word(to_string(neighbor.kind));
  d["depth"] = neighbor.depth;
  d["path"] = to_python(neighbor.path);
  return d;
}

py::dict to_python(const PathResult& result) {
  py::dict d;
  d["length"] = result.length ? py::object(py::int_(*result.length)) : py::object(py::none());
  d["paths"] = to_python(result.paths);
  d["truncated"] = result.truncated;
  return d;
}

py::dict to_python(const PlanItem& item) {
  py::dict d;
  d["id"] = item.id;
  d["name"] = to_python(item.name);
  d["score"] = item.score;
  d["covers"] = to_python(item.covers);
  d["start_year"] = item.start_year;
  // A duration the source does not state is None, not 0 years.
  bool stated = item.years > 0;
  d["years"] = stated ? py::object(py::int_(item.years)) : py::object(py::none());
  d["years_qualifier"] =
      stated ? py::object(word(to_string(item.years_qualifier))) : py::object(py::none());
  d["reasons"] = to_python(item.reasons);
  return d;
}

py::dict to_python(const Portfolio& portfolio) {
  py::dict d;
  d["profile"] = to_python(portfolio.profile);
  d["plan"] = to_python(portfolio.plan);
  d["uncovered"] = to_python(portfolio.uncovered);
  d["excluded"] = to_python(portfolio.excluded);
  return d;
}

Profile profile_from(const py::dict& arguments) {
  Profile p;
  for (const auto& [key, value] : arguments) {
    std::string name = py::cast<std::string>(key);
    if (name == "mission") {
      p.mission = id_argument(name, value);
    } else if (name == "goals") {
      p.goals = ids_argument(name, value);
    } else if (name == "fields") {
      p.fields = ids_argument(name, value);
    } else if (name == "stage") {
      p.stage = id_argument(name, value);
    } else if (name == "partners") {
      p.partners = ids_argument(name, value);
    } else if (name == "holds") {
      p.holds = ids_argument(name, value);
    } else if (name == "establishment") {
      p.establishment = id_argument(name, value);
    } else if (name == "applicant") {
      p.applicant = id_argument(name, value);
    } else {
      throw Error("unknown profile field '" + name + "'");
    }
  }
  return p;
}

FitWeights weights_from(const py::dict& weights) {
  FitWeights w;
  for (const auto& [key, value] : weights) {
    std::string name = py::cast<std::string>(key);
    double v = argument<double>("weight '" + name + "'", value, "a number");
    if (name == "mission") {
      w.mission = v;
    } else if (name == "goals") {
      w.goals = v;
    } else if (name == "fields") {
      w.fields = v;
    } else if (name == "stage") {
      w.stage = v;
    } else if (name == "inherited") {
      w.inherited = v;
    } else {
      throw Error("unknown fit weight '" + name +
                  "'; expected one of: mission, goals, fields, stage, inherited");
    }
  }
  return w;
}

Kind kind_from(std::string_view text) { return parse_word("kind", text, &parse_kind, all_kinds()); }

Relation relation_from(std::string_view text) {
  return parse_word("relation", text, &parse_relation, all_relations());
}

Direction direction_from(std::string_view text) {
  static constexpr Direction all[] = {Direction::out, Direction::in, Direction::both};
  return parse_word("direction", text, &parse_direction, std::span<const Direction>(all));
}

Lang lang_from(std::string_view text) {
  static constexpr Lang all[] = {Lang::ja, Lang::en};
  return parse_word("language", text, &parse_lang, std::span<const Lang>(all));
}

}  // namespace kyoso::python
