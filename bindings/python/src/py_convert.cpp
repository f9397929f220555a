#include "py_convert.hpp"

#include <map>
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
  d["note"] = to_python(figure.note);
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
  d["note"] = to_python(node.note);
  py::list calls;
  for (const Call& c : node.calls) {
    py::dict call;
    call["status"] = word(to_string(c.status));
    call["fiscal_year"] = int_or_none(c.fiscal_year);
    call["until_fiscal_year"] = int_or_none(c.until_fiscal_year);
    call["scope"] = to_python(c.scope);
    call["period"] = c.period;
    call["note"] = to_python(c.note);
    call["sources"] = to_python(c.sources);
    calls.append(call);
  }
  d["calls"] = calls;
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
  d["fiscal_year"] = int_or_none(profile.fiscal_year);
  return d;
}

py::dict to_python(const Criterion& criterion) {
  py::dict d;
  d["id"] = criterion.id;
  d["description"] = to_python(criterion.description);
  d["outcome"] = word(to_string(criterion.outcome));
  d["weight"] = criterion.weight;
  d["strength"] = criterion.strength;
  d["contribution"] = criterion.contribution;
  d["how"] = to_python(criterion.how);
  d["paths"] = to_python(criterion.paths);
  return d;
}

py::dict to_python(const CallReading& call) {
  py::dict d;
  d["fiscal_year"] = call.fiscal_year != 0 ? py::object(py::int_(call.fiscal_year)) : py::none();
  d["status"] = call.status ? py::object(word(to_string(*call.status))) : py::none();
  d["from_"] = id_or_none(call.from);
  d["scope"] = to_python(call.scope);
  d["period"] = id_or_none(call.period);
  d["last_known"] = int_or_none(call.last_known);
  d["sources"] = to_python(call.sources);
  return d;
}

py::dict to_python(const Participation& route) {
  py::dict d;
  d["route"] = word(to_string(route.route));
  d["applicant"] = id_or_none(route.applicant);
  d["ready"] = route.ready();
  py::list needs;
  for (const Need& n : route.needs) {
    py::dict need;
    need["id"] = n.id;
    need["what"] = to_python(n.what);
    need["met"] = n.met;
    needs.append(need);
  }
  d["needs"] = needs;
  return d;
}

py::dict to_python(const Recommendation& recommendation) {
  py::dict d;
  d["id"] = recommendation.id;
  d["name"] = to_python(recommendation.name);
  d["score"] = recommendation.score;
  d["specificity"] = recommendation.specificity;
  d["eligibility"] = word(to_string(recommendation.eligibility));
  d["call"] = to_python(recommendation.call);
  py::list routes;
  for (const Participation& p : recommendation.routes) routes.append(to_python(p));
  d["routes"] = routes;
  d["reasons"] = to_python(recommendation.reasons);
  d["criteria"] = to_python(recommendation.criteria);
  d["paths"] = to_python(recommendation.paths);
  d["sources"] = to_python(recommendation.sources);
  d["nodes"] = to_python(explanation_nodes(recommendation));
  return d;
}

namespace {

// Rankings as (program, score, eligibility) tuples; each program's id and each eligibility
// word is made once and shared by every ranking converted.
class RankingConverter {
 public:
  explicit RankingConverter(const Model& model)
      : model_(model),
        programs_(model.node_count()),
        words_{word(to_string(Eligibility::eligible)), word(to_string(Eligibility::conditional)),
               word(to_string(Eligibility::not_eligible)), word(to_string(Eligibility::unknown))} {}

  py::list operator()(const std::vector<RankedProgram>& ranking) {
    static_assert(static_cast<int>(Eligibility::unknown) == 3, "words_, in order");
    py::list ranked(ranking.size());
    for (std::size_t r = 0; r < ranking.size(); ++r) {
      ranked[r] = py::make_tuple(program(ranking[r].program), ranking[r].score,
                                 words_[static_cast<std::size_t>(ranking[r].eligibility)]);
    }
    return ranked;
  }

 private:
  const py::object& program(const std::string& id) {
    NodeIndex i = *model_.find(id);
    if (!programs_[i]) programs_[i] = to_python(id);
    return programs_[i];
  }

  const Model& model_;
  std::vector<py::object> programs_;
  py::str words_[4];
};

}  // namespace

py::list to_python(const Model& model, const std::vector<RankedProgram>& ranking) {
  return RankingConverter(model)(ranking);
}

py::list to_python(const Model& model, const std::vector<UniversityFit>& fits) {
  RankingConverter ranked(model);
  py::list out(fits.size());
  for (std::size_t u = 0; u < fits.size(); ++u) {
    out[u] = py::make_tuple(to_python(fits[u].university), ranked(fits[u].ranking));
  }
  return out;
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
  d["note"] = to_python(diagnosis.note);
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

py::dict to_python(const Quantiles& quantiles) {
  py::dict d;
  d["p10"] = quantiles.p10;
  d["p50"] = quantiles.p50;
  d["p90"] = quantiles.p90;
  return d;
}

py::dict to_python(const SimulationOptions& options) {
  auto counts = [](const std::map<std::string, std::int64_t>& by_track) {
    py::dict d;
    for (const auto& [track, n] : by_track) d[word(track)] = n;
    return d;
  };
  auto optional = [](const auto& value) {
    return value ? py::cast(*value) : py::object(py::none());
  };
  py::dict d;
  d["years"] = options.years;
  d["start_fy"] = int_or_none(options.start_fy);
  d["budget_jpy"] = optional(options.budget_jpy);
  d["future_budget_jpy"] = optional(options.future_budget_jpy);
  d["policy"] = word(to_string(options.policy));
  d["promotion_rate"] = optional(options.promotion_rate);
  d["initial_sites"] = counts(options.initial_sites);
  d["new_sites"] = counts(options.new_sites);
  d["runs"] = options.runs;
  d["seed"] = options.seed;
  d["approx_spread"] = options.approx_spread;
  d["up_to_floor"] = options.up_to_floor;
  return d;
}

py::dict to_python(const SimulatedTrack& track) {
  bool promotes = !track.promotes_to.empty();
  py::dict d;
  d["id"] = track.id;
  d["name"] = to_python(track.name);
  d["funding_per_site"] = track.funding_per_site;
  d["funding_qualifier"] = word(to_string(track.funding_qualifier));
  d["duration"] = track.duration;
  d["new_sites"] = track.new_sites;
  d["initial_sites"] = track.initial_sites;
  d["promotes_to"] = promotes ? py::object(word(track.promotes_to)) : py::object(py::none());
  d["promotion_rate"] =
      promotes ? py::object(py::float_(track.promotion_rate)) : py::object(py::none());
  d["open"] = track.open;
  return d;
}

py::dict to_python(const SimulatedYear& year) {
  py::dict active;
  for (const auto& [track, q] : year.active) active[word(track)] = to_python(q);
  py::dict d;
  d["fiscal_year"] = year.fiscal_year;
  d["active"] = active;
  d["new_sites"] = to_python(year.new_sites);
  d["promoted"] = to_python(year.promoted);
  d["ended"] = to_python(year.ended);
  d["turned_away"] = to_python(year.turned_away);
  d["spend_jpy"] = to_python(year.spend_jpy);
  d["budget_jpy"] = year.budget_jpy;
  d["over_budget"] = year.over_budget;
  d["budget_bound"] = year.budget_bound;
  d["funding_scale"] = year.funding_scale;
  return d;
}

py::dict to_python(const SimulationResult& result) {
  py::dict d;
  d["program"] = result.program;
  d["name"] = to_python(result.name);
  d["options"] = to_python(result.options);
  d["tracks"] = to_python(result.tracks);
  d["years"] = to_python(result.years);
  d["assumptions"] = to_python(result.assumptions);
  return d;
}

py::dict to_python(const FitStanding& standing) {
  py::dict d;
  d["rank"] = standing.rank;
  d["score"] = standing.score;
  d["eligibility"] = word(to_string(standing.eligibility));
  return d;
}

py::dict to_python(const FitChange& change) {
  auto standing = [](const std::optional<FitStanding>& s) {
    return s ? py::object(to_python(*s)) : py::object(py::none());
  };
  py::dict d;
  d["id"] = change.id;
  d["name"] = to_python(change.name);
  d["base"] = standing(change.base);
  d["scenario"] = standing(change.scenario);
  d["entered"] = change.entered();
  d["left"] = change.left();
  d["rank_move"] = change.rank_move();
  d["score_change"] = change.score_change();
  d["eligibility_changed"] = change.eligibility_changed();
  d["changed"] = change.changed();
  return d;
}

py::dict to_python(const FitComparison& comparison) {
  py::dict d;
  d["base"] = to_python(comparison.base.results);
  d["scenario"] = to_python(comparison.scenario.results);
  d["programs"] = to_python(comparison.programs);
  d["entered"] = to_python(comparison.entered());
  d["left"] = to_python(comparison.left());
  return d;
}

py::dict to_python(const YearChange& change) {
  py::dict active;
  for (const auto& [track, delta] : change.active) active[word(track)] = delta;
  py::dict d;
  d["fiscal_year"] = change.fiscal_year;
  d["active"] = active;
  d["new_sites"] = change.new_sites;
  d["promoted"] = change.promoted;
  d["ended"] = change.ended;
  d["turned_away"] = change.turned_away;
  d["spend_jpy"] = change.spend_jpy;
  d["budget_jpy"] = change.budget_jpy;
  d["over_budget"] = change.over_budget;
  d["budget_bound"] = change.budget_bound;
  return d;
}

py::dict to_python(const SimulationComparison& comparison) {
  py::dict d;
  d["base"] = to_python(comparison.base);
  d["scenario"] = to_python(comparison.scenario);
  d["years"] = to_python(comparison.years);
  return d;
}

SimulationOptions simulation_options_from(const py::dict& arguments) {
  SimulationOptions o;
  auto counts = [](const std::string& name, py::handle value) {
    return argument<std::map<std::string, std::int64_t>>(name, value,
                                                         "a dict of track ids to counts");
  };
  for (const auto& [key, value] : arguments) {
    std::string name = py::cast<std::string>(key);
    if (value.is_none()) continue;
    if (name == "years") {
      o.years = argument<int>(name, value, "an int");
    } else if (name == "start_fy") {
      o.start_fy = argument<int>(name, value, "a fiscal year (int)");
    } else if (name == "budget_jpy") {
      o.budget_jpy = argument<std::int64_t>(name, value, "an amount of yen (int)");
    } else if (name == "future_budget_jpy") {
      o.future_budget_jpy = argument<std::int64_t>(name, value, "an amount of yen (int)");
    } else if (name == "policy") {
      std::string policy = argument<std::string>(name, value, "a policy (str)");
      auto parsed = parse_budget_policy(policy);
      if (!parsed) {
        throw Error("unknown policy '" + policy +
                    "'; expected one of: admit-fewer, scale-funding, report-only");
      }
      o.policy = *parsed;
    } else if (name == "promotion_rate") {
      o.promotion_rate = argument<double>(name, value, "a number");
    } else if (name == "initial_sites") {
      o.initial_sites = counts(name, value);
    } else if (name == "new_sites") {
      o.new_sites = counts(name, value);
    } else if (name == "runs") {
      o.runs = argument<std::size_t>(name, value, "a count (int, 0 or more)");
    } else if (name == "seed") {
      o.seed = argument<std::uint64_t>(name, value, "a seed (int, 0 or more)");
    } else if (name == "approx_spread") {
      o.approx_spread = argument<double>(name, value, "a number");
    } else if (name == "up_to_floor") {
      o.up_to_floor = argument<double>(name, value, "a number");
    } else {
      throw Error("unknown simulation option '" + name + "'");
    }
  }
  return o;
}

SynthOptions synth_options_from(const py::dict& arguments) {
  SynthOptions o;
  // synthesize() checks the sizes; here only that each is a count.
  auto count = [](const std::string& name, py::handle value) {
    return argument<std::size_t>(name, value, "a count (int, 0 or more)");
  };
  for (const auto& [key, value] : arguments) {
    std::string name = py::cast<std::string>(key);
    if (name == "universities") {
      o.universities = count(name, value);
    } else if (name == "programs") {
      o.programs = count(name, value);
    } else if (name == "stakeholders") {
      o.stakeholders = count(name, value);
    } else if (name == "edges") {
      o.edges = count(name, value);
    } else if (name == "seed") {
      o.seed = argument<std::uint64_t>(name, value, "a seed (int, 0 or more)");
    } else {
      throw Error("unknown synthesis option '" + name +
                  "'; expected one of: universities, programs, stakeholders, edges, seed");
    }
  }
  return o;
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
    } else if (name == "fiscal_year") {
      p.fiscal_year = argument<int>(name, value, "a fiscal year (int)");
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
