// fit: which programs suit a university, with the criteria, paths and sources behind each
// answer. The weights are FitWeights (documented in the README); the policy facts are the
// model's edges, so a new program needs data, not code.
#include <algorithm>
#include <cmath>

#include "kyoso/error.hpp"
#include "query/facts.hpp"

namespace kyoso {

std::string_view to_string(Eligibility e) noexcept {
  switch (e) {
    case Eligibility::eligible:
      return "eligible";
    case Eligibility::via_partner:
      return "via-partner";
    case Eligibility::not_eligible:
      return "not-eligible";
  }
  return "?";
}

namespace {

using detail::DefiningEdges;
using detail::Lineage;

std::string resolved(const Model& model, const std::string& id, Kind kind) {
  return id.empty() ? id : model.node(model.resolve(id, kind)).id;
}

std::vector<std::string> resolved(const Model& model, const std::vector<std::string>& ids,
                                  Kind kind) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    std::string full = resolved(model, id, kind);
    if (std::find(out.begin(), out.end(), full) == out.end()) out.push_back(full);
  }
  return out;
}

}  // namespace

Profile resolve_profile(const Model& model, const Profile& p) {
  return Profile{resolved(model, p.mission, Kind::mission),
                 resolved(model, p.goals, Kind::purpose),
                 resolved(model, p.fields, Kind::field),
                 resolved(model, p.stage, Kind::stage),
                 resolved(model, p.partners, Kind::partner),
                 resolved(model, p.holds, Kind::program),
                 resolved(model, p.establishment, Kind::establishment),
                 resolved(model, p.applicant, Kind::applicant)};
}

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Text name_of(const Model& model, const std::string& id) { return model.node(id).name; }

// Scores one program against a resolved profile.
class Assessor {
 public:
  Assessor(const Model& model, const Profile& profile, const FitWeights& weights)
      : model_(model), profile_(profile), weights_(weights) {}

  Recommendation assess(NodeIndex program) const {
    const Node& node = model_.node(program);
    Recommendation r;
    r.id = node.id;
    r.name = node.name;
    Lineage lineage = detail::lineage_of(model_, program);
    score(lineage, r);
    judge_eligibility(lineage, r);
    note_holdings(lineage, r);
    for (const Criterion& c : r.met) {
      for (const Path& p : c.paths) detail::add_path_sources(model_, p, r.sources);
    }
    for (const Path& p : r.paths) detail::add_path_sources(model_, p, r.sources);
    return r;
  }

 private:
  // Is `target` among the program's (possibly inherited) edges of `relation`?
  struct Match {
    double strength = 0;
    Path path;
    std::vector<Path> instead;  // when missed: what the program states for that relation
  };
  Match match(const Lineage& lineage, Relation relation, const std::string& target) const {
    DefiningEdges defining = detail::defining_edges(model_, lineage, relation);
    Match missed;
    for (EdgeIndex e : defining.edges) {
      Path path = detail::extend(model_, defining.via, e, true);
      if (model_.node(model_.edge(e).target).id == target) {
        double strength = defining.depth == 0 ? 1.0 : weights_.inherited;
        return {strength, std::move(path), {}};
      }
      missed.instead.push_back(std::move(path));
    }
    return missed;
  }

  // An umbrella program that names no stage suits the stages its tracks suit: COI-NEXT is
  // for a starting university through its 育成型. Counted as inherited.
  Match match_stage_through_tracks(NodeIndex program) const {
    Match out;
    std::vector<std::pair<NodeIndex, Path>> frontier{{program, detail::start_at(model_, program)}};
    while (!frontier.empty()) {
      auto [node, path] = std::move(frontier.back());
      frontier.pop_back();
      for (const Step& track : model_.neighbors(node, Direction::in, Relation::part_of)) {
        if (model_.node(track.node).kind != Kind::program) continue;
        Path to_track = detail::extend(model_, path, track.edge, false);
        for (const Step& s : model_.neighbors(track.node, Direction::out, Relation::suits_stage)) {
          Path to_stage = detail::extend(model_, to_track, s.edge, true);
          if (model_.node(s.node).id == profile_.stage) {
            if (out.strength == 0) out = Match{weights_.inherited, std::move(to_stage), {}};
          } else {
            out.instead.push_back(std::move(to_stage));
          }
        }
        frontier.emplace_back(track.node, std::move(to_track));
      }
    }
    if (out.strength > 0) out.instead.clear();
    return out;
  }

  void add(Recommendation& r, Criterion c, const Match& m) const {
    c.strength = m.strength;
    if (m.strength > 0) {
      c.paths.push_back(m.path);
      r.met.push_back(std::move(c));
    } else {
      c.paths = m.instead;
      r.missed.push_back(std::move(c));
    }
  }

  void score(const Lineage& lineage, Recommendation& r) const {
    if (!profile_.mission.empty()) {
      Criterion c{
          "mission", describe("ミッション", "mission", profile_.mission), weights_.mission, 0, 0,
          {}};
      add(r, c, match(lineage, Relation::targets, profile_.mission));
    }
    for (const std::string& goal : profile_.goals) {
      Criterion c{"goal:" + goal,
                  describe("目的", "goal", goal),
                  weights_.goals / static_cast<double>(profile_.goals.size()),
                  0,
                  0,
                  {}};
      add(r, c, match(lineage, Relation::serves, goal));
    }
    for (const std::string& field : profile_.fields) {
      Criterion c{"field:" + field,
                  describe("分野", "field", field),
                  weights_.fields / static_cast<double>(profile_.fields.size()),
                  0,
                  0,
                  {}};
      add(r, c, match(lineage, Relation::suits_field, field));
    }
    if (!profile_.stage.empty()) {
      Criterion c{"stage", describe("発展段階", "stage", profile_.stage), weights_.stage, 0, 0, {}};
      DefiningEdges defining = detail::defining_edges(model_, lineage, Relation::suits_stage);
      Match through_tracks;
      if (defining.edges.empty()) through_tracks = match_stage_through_tracks(lineage.chain[0]);
      if (!defining.edges.empty()) {
        add(r, c, match(lineage, Relation::suits_stage, profile_.stage));
      } else if (through_tracks.strength > 0 || !through_tracks.instead.empty()) {
        add(r, c, through_tracks);
      }
      // A program that names no stage, nor do its tracks, is not judged on stage at all:
      // the criterion does not apply to it and stays out of its score.
    }
    double total = 0;
    for (const Criterion& c : r.met) total += c.weight;
    for (const Criterion& c : r.missed) total += c.weight;
    r.score = 0;
    if (total > 0) {
      for (Criterion& c : r.met) {
        c.contribution = c.weight * c.strength / total;
        r.score += c.contribution;
      }
    }
  }

  Text describe(const char* ja, const char* en, const std::string& id) const {
    Text name = name_of(model_, id);
    return Text{std::string(ja) + ": " + name.ja, std::string(en) + ": " + name.en};
  }

  void judge_eligibility(const Lineage& lineage, Recommendation& r) const {
    // The call status: the program's own, or its parent's.
    std::string_view call;
    for (NodeIndex n : lineage.chain) {
      call = model_.node(n).attribute("call");
      if (!call.empty()) break;
    }
    if (call == "closed") {
      refuse(r,
             {"新規募集なし（継続のみ）", "closed to new applicants (continuing projects only)"});
      detail::add_sources(model_.node(lineage.chain[0]).sources, r.sources);
    } else if (call == "none") {
      // Base funding reaches every university without an application: it fits, and the
      // reason says why there is nothing to apply for.
      r.reasons.push_back({"公募ではない（基盤的経費として配分される）",
                           "not a call: allocated as base funding, not applied for"});
      return;
    }
    check_establishment(lineage, r);
    check_applicant(lineage, r);
    check_partners(lineage, r);
  }

  void refuse(Recommendation& r, Text reason) const {
    r.eligibility = Eligibility::not_eligible;
    r.reasons.push_back(std::move(reason));
  }

  void check_establishment(const Lineage& lineage, Recommendation& r) const {
    if (profile_.establishment.empty()) return;
    DefiningEdges excluded = detail::defining_edges(model_, lineage, Relation::excludes);
    for (EdgeIndex e : excluded.edges) {
      const Node& target = model_.node(model_.edge(e).target);
      if (target.id == profile_.establishment) {
        refuse(r, {"設置形態が対象外: " + target.name.ja,
                   "establishment excluded: " + target.name.en});
        r.paths.push_back(detail::extend(model_, excluded.via, e, true));
      }
    }
  }

  void check_applicant(const Lineage& lineage, Recommendation& r) const {
    DefiningEdges applicants = detail::defining_edges(model_, lineage, Relation::applied_by);
    if (applicants.edges.empty()) return;  // the model does not say who applies
    std::string ja_list, en_list;
    for (EdgeIndex e : applicants.edges) {
      const Node& applicant = model_.node(model_.edge(e).target);
      if (applicant.id == profile_.applicant) {
        r.paths.push_back(detail::extend(model_, applicants.via, e, true));
        return;  // the profile's own kind applies
      }
      ja_list += (ja_list.empty() ? "" : "、") + applicant.name.ja;
      en_list += (en_list.empty() ? "" : ", ") + applicant.name.en;
    }
    // Someone else applies: a partner of the profile who may act as that applicant.
    for (EdgeIndex e : applicants.edges) {
      NodeIndex applicant = model_.edge(e).target;
      for (const Step& s : model_.neighbors(applicant, Direction::in, Relation::applies_as)) {
        const Node& partner = model_.node(s.node);
        if (!contains(profile_.partners, partner.id)) continue;
        if (r.eligibility == Eligibility::eligible) r.eligibility = Eligibility::via_partner;
        r.reasons.push_back(
            {"申請主体は" + model_.node(applicant).name.ja + "（連携先の" + partner.name.ja + "）",
             "the applicant is " + model_.node(applicant).name.en +
                 " (the profile's partner: " + partner.name.en + ")"});
        r.paths.push_back(
            detail::extend(model_, detail::extend(model_, applicants.via, e, true), s.edge, false));
        return;
      }
    }
    refuse(r, {"申請主体（" + ja_list + "）に当たる連携先がない",
               "applied for by " + en_list + ", and the profile has no partner who can apply"});
    for (EdgeIndex e : applicants.edges) {
      r.paths.push_back(detail::extend(model_, applicants.via, e, true));
    }
  }

  void check_partners(const Lineage& lineage, Recommendation& r) const {
    DefiningEdges needed = detail::defining_edges(model_, lineage, Relation::needs_partner);
    for (EdgeIndex e : needed.edges) {
      const Node& partner = model_.node(model_.edge(e).target);
      r.paths.push_back(detail::extend(model_, needed.via, e, true));
      if (contains(profile_.partners, partner.id)) {
        r.reasons.push_back({"必要な連携先あり: " + partner.name.ja,
                             "required partner present: " + partner.name.en});
      } else {
        r.reasons.push_back({"条件: 連携先として" + partner.name.ja + "が必要",
                             "condition: needs " + partner.name.en + " as a partner"});
      }
    }
  }

  void note_holdings(const Lineage& lineage, Recommendation& r) const {
    for (NodeIndex n : lineage.chain) {
      if (contains(profile_.holds, model_.node(n).id)) {
        r.reasons.push_back(
            {"既に採択済み: " + model_.node(n).name.ja, "already held: " + model_.node(n).name.en});
      }
    }
    // 「それらにおける支援の状況も考慮」: review weighs support the university already has.
    for (std::size_t depth = 0; depth < lineage.chain.size(); ++depth) {
      for (const Step& s :
           model_.neighbors(lineage.chain[depth], Direction::out, Relation::considers)) {
        const Node& held = model_.node(s.node);
        if (!contains(profile_.holds, held.id)) continue;
        r.reasons.push_back({"審査では" + held.name.ja + "による支援の状況も考慮される",
                             "review takes the support from " + held.name.en + " into account"});
        r.paths.push_back(detail::extend(model_, lineage.paths[depth], s.edge, true));
      }
    }
    // A track reached by promotion: holding the earlier track is the way in.
    for (const Step& s : model_.neighbors(lineage.chain[0], Direction::in, Relation::promotes_to)) {
      const Node& earlier = model_.node(s.node);
      r.paths.push_back(detail::extend(model_, lineage.paths[0], s.edge, false));
      if (contains(profile_.holds, earlier.id)) {
        r.reasons.push_back({earlier.name.ja + "からの昇格審査の対象",
                             "open by promotion review from " + earlier.name.en});
      } else {
        r.reasons.push_back({earlier.name.ja + "からの昇格審査でも移行できる",
                             "also reached by promotion review from " + earlier.name.en});
      }
    }
  }

  const Model& model_;
  const Profile& profile_;
  const FitWeights& weights_;
};

int eligibility_rank(Eligibility e) { return e == Eligibility::not_eligible ? 1 : 0; }

void check_weights(const FitWeights& w) {
  for (double v : {w.mission, w.goals, w.fields, w.stage, w.inherited}) {
    if (!std::isfinite(v) || v < 0) throw Error("fit weights must be finite and not negative");
  }
  if (w.inherited > 1) throw Error("fit weight 'inherited' must be at most 1");
}

}  // namespace

FitResult fit(const Model& model, const Profile& profile, const FitWeights& weights) {
  check_weights(weights);
  FitResult out{resolve_profile(model, profile), weights, {}};
  Assessor assessor(model, out.profile, weights);
  for (NodeIndex program : model.nodes_of_kind(Kind::program)) {
    out.results.push_back(assessor.assess(program));
  }
  // Programs that meet something come first; among them the eligible ones; then by score
  // and id. A program that meets nothing the profile asks for is last, eligible or not.
  std::stable_sort(out.results.begin(), out.results.end(),
                   [](const Recommendation& a, const Recommendation& b) {
                     bool ra = a.score > 1e-9, rb = b.score > 1e-9;
                     if (ra != rb) return ra;
                     int ea = eligibility_rank(a.eligibility), eb = eligibility_rank(b.eligibility);
                     if (ea != eb) return ea < eb;
                     // Scores within rounding of each other are a tie, broken by id.
                     if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
                     return a.id < b.id;
                   });
  return out;
}

Recommendation explain(const Model& model, std::string_view program, const Profile& profile,
                       const FitWeights& weights) {
  check_weights(weights);
  NodeIndex index = model.resolve(program, Kind::program);
  Profile resolved_profile = resolve_profile(model, profile);
  return Assessor(model, resolved_profile, weights).assess(index);
}

std::vector<std::string> explanation_nodes(const Recommendation& r) {
  std::vector<std::string> out{r.id};
  auto add_path = [&](const Path& p) {
    for (const std::string& id : p.nodes) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
  };
  for (const Criterion& c : r.met) {
    for (const Path& p : c.paths) add_path(p);
  }
  for (const Path& p : r.paths) add_path(p);
  return out;
}

}  // namespace kyoso
