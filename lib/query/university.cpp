// The universities of a model: the table users filter (where, how established, fields,
// framework, holdings) and one university's profile for fit, derived from the facts the
// national layer records (docs/national.md), with the edges behind each part.
#include "query/university.hpp"

#include <algorithm>

#include "kyoso/error.hpp"
#include "kyoso/university.hpp"
#include "query/facts.hpp"

namespace kyoso {
namespace detail {

std::vector<MissionEvidence> framework_evidence(const Model& model, NodeIndex university) {
  std::vector<MissionEvidence> out;
  for (EdgeIndex chose : out_edges_of(model, university, Relation::chose_framework)) {
    NodeIndex framework = model.edge(chose).target;
    for (EdgeIndex indicates : out_edges_of(model, framework, Relation::indicates)) {
      out.push_back({model.edge(indicates).target, chose, indicates,
                     weaker(model.edge(chose).certainty, model.edge(indicates).certainty)});
    }
  }
  return out;
}

std::optional<MissionEvidence> mission_from_frameworks(const Model& model, NodeIndex university) {
  std::optional<MissionEvidence> best;
  for (const MissionEvidence& e : framework_evidence(model, university)) {
    if (!usable(e.certainty)) continue;
    if (best && best->mission != e.mission) return std::nullopt;
    if (!best || e.certainty < best->certainty) best = e;
  }
  return best;
}

}  // namespace detail

namespace {

using detail::out_edges_of;
using detail::usable;

std::string id_of(const Model& model, std::optional<NodeIndex> v) {
  return v ? model.node(*v).id : std::string();
}

std::optional<NodeIndex> first_target(const Model& model, NodeIndex v, Relation relation) {
  std::span<const EdgeIndex> edges = out_edges_of(model, v, relation);
  if (edges.empty()) return std::nullopt;
  return model.edge(edges.front()).target;
}

// "partial" when the program's list of this relation is, or, for a track that says nothing,
// its nearest ancestor's.
bool partial_list(const Model& model, NodeIndex program, Relation relation) {
  const std::string key = std::string(to_string(relation)) + "_list";
  for (NodeIndex n : detail::lineage_of(model, program).chain) {
    std::string_view list = model.node(n).attribute(key);
    if (!list.empty()) return list == "partial";
  }
  return false;
}

std::vector<Source> edge_sources(const Model& model, std::initializer_list<EdgeIndex> edges) {
  std::vector<Source> out;
  for (EdgeIndex e : edges) detail::add_sources(model.detail(e).sources, out);
  return out;
}

Holding holding(const Model& model, EdgeIndex i) {
  const Edge& e = model.edge(i);
  const EdgeDetail& d = model.detail(i);
  Holding h;
  h.program = model.node(e.target).id;
  h.name = model.node(e.target).name;
  h.relation = e.relation;
  h.certainty = e.certainty;
  h.fiscal_year = e.fiscal_year();
  h.attributes = d.attributes;
  h.partial_list = partial_list(model, e.target, e.relation);
  h.sources = d.sources;
  return h;
}

University row(const Model& model, NodeIndex v) {
  const Node& node = model.node(v);
  University u;
  u.id = node.id;
  u.name = node.name;
  u.mext_code = node.attribute("mext_code");
  u.since = node.attribute("since");
  u.until = node.attribute("until");
  u.establishment = id_of(model, first_target(model, v, Relation::established_as));
  if (auto prefecture = first_target(model, v, Relation::located_in)) {
    u.prefecture = model.node(*prefecture).id;
    u.prefecture_name = model.node(*prefecture).name;
    if (auto region = first_target(model, *prefecture, Relation::in_region)) {
      u.region = model.node(*region).id;
      u.region_name = model.node(*region).name;
    }
  }
  for (EdgeIndex i : out_edges_of(model, v, Relation::works_in)) {
    const Edge& e = model.edge(i);
    u.fields.push_back(
        {model.node(e.target).id, model.node(e.target).name, e.certainty, model.detail(i).note});
  }
  for (EdgeIndex i : out_edges_of(model, v, Relation::chose_framework)) {
    const Edge& e = model.edge(i);
    const Node& framework = model.node(e.target);
    u.frameworks.push_back({framework.id, framework.name, std::string(framework.attribute("label")),
                            e.certainty, model.detail(i).sources});
  }
  for (Relation r : {Relation::awarded, Relation::partners_in, Relation::candidate_for}) {
    for (EdgeIndex i : out_edges_of(model, v, r)) u.holdings.push_back(holding(model, i));
  }
  return u;
}

// The program and every track below it (part_of, any depth).
std::vector<std::string> with_tracks(const Model& model, NodeIndex program) {
  std::vector<NodeIndex> todo{program};
  std::vector<std::string> out;
  while (!todo.empty()) {
    NodeIndex n = todo.back();
    todo.pop_back();
    out.push_back(model.node(n).id);
    for (const Step& s : model.neighbors(n, Direction::in, Relation::part_of)) {
      if (model.node(s.node).kind == Kind::program) todo.push_back(s.node);
    }
  }
  return out;
}

bool awarded_any(const University& u, const std::vector<std::string>& programs) {
  return std::any_of(u.holdings.begin(), u.holdings.end(), [&](const Holding& h) {
    return h.relation == Relation::awarded &&
           std::find(programs.begin(), programs.end(), h.program) != programs.end();
  });
}

std::string resolved(const Model& model, const std::string& id, Kind kind) {
  return id.empty() ? id : model.node(model.resolve(id, kind)).id;
}

// What the filter asks, with every id in full: checked before any row is read.
struct Wanted {
  std::string prefecture, region, establishment, framework;
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> holds, lacks;  // each program with its tracks

  Wanted(const Model& model, const UniversityFilter& f)
      : prefecture(resolved(model, f.prefecture, Kind::prefecture)),
        region(resolved(model, f.region, Kind::region)),
        establishment(resolved(model, f.establishment, Kind::establishment)),
        framework(resolved(model, f.framework, Kind::framework)) {
    for (const std::string& field : f.fields) {
      fields.push_back(resolved(model, field, Kind::field));
    }
    for (const std::string& p : f.holds) {
      holds.push_back(with_tracks(model, model.resolve(p, Kind::program)));
    }
    for (const std::string& p : f.lacks) {
      lacks.push_back(with_tracks(model, model.resolve(p, Kind::program)));
    }
  }

  bool keeps(const University& u, bool current_only) const {
    if (current_only && !u.until.empty()) return false;
    if (!prefecture.empty() && u.prefecture != prefecture) return false;
    if (!region.empty() && u.region != region) return false;
    if (!establishment.empty() && u.establishment != establishment) return false;
    if (!framework.empty() &&
        std::none_of(u.frameworks.begin(), u.frameworks.end(), [&](const FrameworkChoice& c) {
          return c.framework == framework && usable(c.certainty);
        })) {
      return false;
    }
    for (const std::string& field : fields) {
      if (std::none_of(u.fields.begin(), u.fields.end(),
                       [&](const FieldLink& l) { return l.field == field; })) {
        return false;
      }
    }
    for (const auto& programs : holds) {
      if (!awarded_any(u, programs)) return false;
    }
    for (const auto& programs : lacks) {
      if (awarded_any(u, programs)) return false;
    }
    return true;
  }
};

}  // namespace

std::vector<University> universities(const Model& model) { return universities(model, {}); }

std::vector<University> universities(const Model& model, const UniversityFilter& filter) {
  Wanted wanted(model, filter);
  std::vector<University> out;
  for (NodeIndex v : model.nodes_of_kind(Kind::university)) {
    University u = row(model, v);
    if (wanted.keeps(u, filter.current_only)) out.push_back(std::move(u));
  }
  return out;
}

University university(const Model& model, std::string_view id) {
  return row(model, model.resolve(id, Kind::university));
}

std::vector<std::string> lists_partial(const Model& model,
                                       const std::vector<std::string>& programs) {
  std::vector<std::string> out;
  for (const std::string& p : programs) {
    NodeIndex program = model.resolve(p, Kind::program);
    if (partial_list(model, program, Relation::awarded)) out.push_back(model.node(program).id);
  }
  return out;
}

// ---- derive_profile ----------------------------------------------------------------------

namespace {

std::string year_range(const Node& framework) {
  std::string_view from = framework.attribute("from_fiscal_year");
  std::string_view to = framework.attribute("to_fiscal_year");
  if (from.empty()) return {};
  return std::string(from) + "–" + std::string(to);
}

class Deriver {
 public:
  Deriver(const Model& model, NodeIndex university, std::optional<int> fiscal_year)
      : model_(model),
        university_(university),
        year_(fiscal_year ? fiscal_year : model.info().fiscal_year),
        start_(detail::start_at(model, university)) {}

  UniversityProfile run() {
    const Node& node = model_.node(university_);
    out_.university = node.id;
    out_.name = node.name;
    mission();
    many(Relation::pursues, "goals", out_.profile.goals,
         {"目的はデータにない（--goal で加える）",
          "goals are not in the data: add them to the profile (--goal)"});
    fields();
    one(Relation::reached_stage, "stage", out_.profile.stage,
        {"発展段階はデータにない（--stage で加える）",
         "the development stage is not in the data: add it to the profile (--stage)"});
    many(Relation::has_partner, "partners", out_.profile.partners, {});
    one(Relation::established_as, "establishment", out_.profile.establishment, {});
    holdings();
    place();
    return std::move(out_);
  }

 private:
  ProfileFact fact(std::string part, NodeIndex value, std::initializer_list<EdgeIndex> edges,
                   Text text) const {
    ProfileFact f;
    f.part = std::move(part);
    f.value = model_.node(value).id;
    f.name = model_.node(value).name;
    f.path = start_;
    NodeIndex at = university_;
    for (EdgeIndex e : edges) {
      bool forward = model_.edge(e).source == at;
      f.path = detail::extend(model_, std::move(f.path), e, forward);
      at = forward ? model_.edge(e).target : model_.edge(e).source;
      f.certainty = detail::weaker(f.certainty, model_.edge(e).certainty);
    }
    const Edge& first = model_.edge(*edges.begin());
    f.fiscal_year = first.fiscal_year();
    f.attributes = model_.detail(*edges.begin()).attributes;
    f.text = std::move(text);
    f.sources = edge_sources(model_, edges);
    return f;
  }

  void none(std::string part, Text text) {
    ProfileFact f;
    f.part = std::move(part);
    f.used = false;
    f.path = start_;
    f.text = std::move(text);
    out_.facts.push_back(std::move(f));
  }

  static Text stored(Relation relation) {
    std::string name(to_string(relation));
    return {"モデルに記録（" + name + "）", "stored in the model (" + name + ")"};
  }

  void one(Relation relation, const char* part, std::string& slot, Text missing) {
    std::span<const EdgeIndex> edges = out_edges_of(model_, university_, relation);
    for (EdgeIndex e : edges) {
      ProfileFact f = fact(part, model_.edge(e).target, {e}, stored(relation));
      // Of several, the first by id, as a profile holds one.
      f.used = slot.empty();
      if (f.used) slot = f.value;
      out_.facts.push_back(std::move(f));
    }
    if (edges.empty() && !missing.empty()) none(part, std::move(missing));
  }

  void many(Relation relation, const char* part, std::vector<std::string>& slot, Text missing) {
    std::span<const EdgeIndex> edges = out_edges_of(model_, university_, relation);
    for (EdgeIndex e : edges) {
      out_.facts.push_back(fact(part, model_.edge(e).target, {e}, stored(relation)));
      slot.push_back(out_.facts.back().value);
    }
    if (edges.empty() && !missing.empty()) none(part, std::move(missing));
  }

  void mission() {
    if (!out_edges_of(model_, university_, Relation::has_mission).empty()) {
      one(Relation::has_mission, "mission", out_.profile.mission, {});
      return;
    }
    std::optional<detail::MissionEvidence> chosen =
        detail::mission_from_frameworks(model_, university_);
    std::vector<detail::MissionEvidence> evidence = detail::framework_evidence(model_, university_);
    bool conflicting = !chosen && std::any_of(evidence.begin(), evidence.end(),
                                              [](const auto& e) { return usable(e.certainty); });
    for (const detail::MissionEvidence& e : evidence) {
      const Node& framework = model_.node(model_.edge(e.chose).target);
      std::string years = year_range(framework);
      Text text{framework.name.ja + "（" + years + "年度）を選択",
                "chose " + framework.name.en + " (FY" + years + ")"};
      ProfileFact f = fact("mission", e.mission, {e.chose, e.indicates}, std::move(text));
      f.used = chosen && chosen->chose == e.chose && chosen->indicates == e.indicates;
      if (!usable(e.certainty)) {
        f.text.ja += "。ただし出典はどの枠組みかを示さない（確度 不明）: ミッションに使わない";
        f.text.en += "; the sources do not say which framework (certainty unknown): not used";
      } else if (conflicting) {
        f.text.ja += "。根拠が複数のミッションを指す: どれも使わない";
        f.text.en += "; the evidence points at more than one mission: none is used";
      }
      out_.facts.push_back(std::move(f));
    }
    if (chosen) {
      out_.profile.mission = model_.node(chosen->mission).id;
    } else if (evidence.empty()) {
      none("mission", no_framework());
    }
  }

  // Why there is no framework to read a mission from, and what the predecessors chose.
  Text no_framework() const {
    Text text{
        "ミッションの記録も、それを読み取る重点支援の枠組みの選択もない（枠組みは国立大学が"
        "2016〜2021年度に選んだもの）: --mission で加える",
        "no stored mission, and no support framework choice to read one from (national "
        "universities chose one for FY2016–2021): add one with --mission"};
    for (const Step& s : model_.neighbors(university_, Direction::in, Relation::succeeded_by)) {
      const Node& before = model_.node(s.node);
      std::string labels;
      for (EdgeIndex e : out_edges_of(model_, s.node, Relation::chose_framework)) {
        const Edge& edge = model_.edge(e);
        const Node& framework = model_.node(edge.target);
        std::string label(framework.attribute("label"));
        if (label.empty()) label = framework.id;
        labels += (labels.empty() ? "" : "/") + label;
        if (edge.certainty == Certainty::unknown) labels += "?";
      }
      if (labels.empty()) labels = "-";
      text.ja += "。前身 " + before.name.ja + ": " + labels;
      text.en += "; predecessor " + before.name.en + ": " + labels;
    }
    return text;
  }

  void fields() {
    for (EdgeIndex e : out_edges_of(model_, university_, Relation::works_in)) {
      const Text& note = model_.detail(e).note;
      Text text = note.empty() ? stored(Relation::works_in) : note;
      ProfileFact f = fact("fields", model_.edge(e).target, {e}, std::move(text));
      f.used = usable(f.certainty);
      if (!f.used) {
        f.text.ja += "（確度 不明: 使わない）";
        f.text.en += " (certainty unknown: not used)";
      }
      if (f.used) out_.profile.fields.push_back(f.value);
      out_.facts.push_back(std::move(f));
    }
  }

  void holdings() {
    for (EdgeIndex e : out_edges_of(model_, university_, Relation::awarded)) {
      ProfileFact f = fact("holds", model_.edge(e).target, {e}, {"採択", "awarded"});
      f.partial_list = partial_list(model_, model_.edge(e).target, Relation::awarded);
      f.used = detail::held_in(model_.edge(e), year_);
      if (f.used) {
        out_.profile.holds.push_back(f.value);
      } else {
        std::string year = std::to_string(*year_);
        f.text.ja += "。照会した令和" + std::to_string(*year_ - 2018) + "年度にはまだ採択前";
        f.text.en += ", not yet held in FY" + year + " (the year asked)";
      }
      out_.facts.push_back(std::move(f));
    }
    // A partner takes part in another's award, and a candidate has none yet: shown, and left
    // out of `holds`, which fit reads as awards the university has.
    for (auto [relation, part, text] :
         {std::tuple{Relation::partners_in, "partner_in",
                     Text{"連携校として参加（採択は代表校）", "partner in another's award"}},
          std::tuple{Relation::candidate_for, "candidate_for",
                     Text{"候補・審査中（採択ではない）", "candidate, not awarded"}}}) {
      for (EdgeIndex e : out_edges_of(model_, university_, relation)) {
        ProfileFact f = fact(part, model_.edge(e).target, {e}, text);
        f.used = false;
        f.partial_list = partial_list(model_, model_.edge(e).target, relation);
        out_.facts.push_back(std::move(f));
      }
    }
  }

  void place() {
    for (EdgeIndex e : out_edges_of(model_, university_, Relation::located_in)) {
      NodeIndex prefecture = model_.edge(e).target;
      ProfileFact f = fact("prefecture", prefecture, {e}, {"本部所在地", "main address"});
      f.used = false;
      out_.facts.push_back(std::move(f));
      for (EdgeIndex r : out_edges_of(model_, prefecture, Relation::in_region)) {
        ProfileFact g = fact("region", model_.edge(r).target, {e, r},
                             {"都道府県の地方", "the prefecture's region"});
        g.used = false;
        out_.facts.push_back(std::move(g));
      }
    }
  }

  const Model& model_;
  NodeIndex university_;
  std::optional<int> year_;  // the year the profile is as of
  Path start_;
  UniversityProfile out_;
};

}  // namespace

UniversityProfile derive_profile(const Model& model, std::string_view university,
                                 std::optional<int> fiscal_year) {
  return Deriver(model, model.resolve(university, Kind::university), fiscal_year).run();
}

}  // namespace kyoso
