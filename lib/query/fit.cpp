// fit: which programs suit a university, with the criteria, paths and sources behind each
// answer. The weights are FitWeights (documented in the README); the policy facts are the
// model's edges, so a new program needs data, not code.
//
// One call explains every program, so the work is done on node and edge indices: the profile
// is resolved and its criteria described once per call, a path is kept as the edges it
// follows until it becomes a Path of ids, and the sources are read from those edges. Strings
// are made only for what the answer holds.
#include <algorithm>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cmath>
#include <initializer_list>

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

std::string resolved(const Model& model, const std::string& id, Kind kind) {
  return id.empty() ? id : model.node(model.resolve(id, kind)).id;
}

std::vector<std::string> resolved(const Model& model, const std::vector<std::string>& ids,
                                  Kind kind) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    std::string full = resolved(model, id, kind);
    if (std::find(out.begin(), out.end(), full) == out.end()) out.push_back(std::move(full));
  }
  return out;
}

}  // namespace

Profile resolve_profile(const Model& model, const Profile& p) {
  // The default applicant is not something the user asked for: a model without it (one that
  // says nothing of applicants) is fitted with no applicant, not refused for an id nobody typed.
  const std::string& applicant =
      p.applicant == Profile{}.applicant && !model.find(p.applicant) ? std::string() : p.applicant;
  return Profile{resolved(model, p.mission, Kind::mission),
                 resolved(model, p.goals, Kind::purpose),
                 resolved(model, p.fields, Kind::field),
                 resolved(model, p.stage, Kind::stage),
                 resolved(model, p.partners, Kind::partner),
                 resolved(model, p.holds, Kind::program),
                 resolved(model, p.establishment, Kind::establishment),
                 resolved(model, applicant, Kind::applicant)};
}

namespace {

using detail::DefiningEdges;
using detail::out_edges_of;

// One step of a path: the edge, and whether it is followed from its source to its target.
struct Hop {
  EdgeIndex edge;
  bool forward;
};

// A criterion of the profile, described once for every program.
struct Ask {
  Criterion criterion;  // its id, description and weight
  Relation relation;
  NodeIndex target;
};

// The parts as one string, allocated once: most programs get a reason or two.
std::string join(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out += p;
  return out;
}

bool contains(const std::vector<NodeIndex>& list, NodeIndex v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// An empty id (a profile may list one) is no node, and so matches nothing.
std::optional<NodeIndex> index_of(const Model& model, const std::string& id) {
  return id.empty() ? std::nullopt : model.find(id);
}

std::vector<NodeIndex> indices_of(const Model& model, const std::vector<std::string>& ids) {
  std::vector<NodeIndex> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    if (std::optional<NodeIndex> v = index_of(model, id)) out.push_back(*v);
  }
  return out;
}

// Explains programs for one resolved profile. The scratch vectors are reused from program to
// program, so an assessment allocates only what its Recommendation keeps.
class Assessor {
 public:
  Assessor(const Model& model, const Profile& profile, const FitWeights& weights)
      : model_(model),
        weights_(weights),
        stage_(index_of(model, profile.stage)),
        partners_(indices_of(model, profile.partners)),
        holds_(indices_of(model, profile.holds)),
        establishment_(index_of(model, profile.establishment)),
        applicant_(index_of(model, profile.applicant)) {
    if (!profile.mission.empty()) {
      ask("mission", describe("ミッション", "mission", profile.mission), weights.mission,
          Relation::targets, profile.mission);
    }
    for (const std::string& goal : profile.goals) {
      ask("goal:" + goal, describe("目的", "goal", goal),
          weights.goals / static_cast<double>(profile.goals.size()), Relation::serves, goal);
    }
    for (const std::string& field : profile.fields) {
      ask("field:" + field, describe("分野", "field", field),
          weights.fields / static_cast<double>(profile.fields.size()), Relation::suits_field,
          field);
    }
    if (stage_) {
      stage_criterion_ = {
          "stage", describe("発展段階", "stage", profile.stage), weights.stage, 0, 0, {}};
    }
    // Room for a usual program, so that the scratch rarely grows.
    chain_.reserve(4);
    up_.reserve(4);
    met_cited_.reserve(8);
    cited_.reserve(16);
    seen_.reserve(16);
  }

  Recommendation assess(NodeIndex program) {
    const Node& node = model_.node(program);
    Recommendation r;
    r.id = node.id;
    r.name = node.name;
    trace_lineage(program);
    met_cited_.clear();
    cited_.clear();
    score(r);
    bool closed = judge_eligibility(r);
    note_holdings(r);
    r.sources = sources(closed);
    return r;
  }

 private:
  Text describe(const char* ja, const char* en, const std::string& id) const {
    // By id, as the profile states it: an id the model lacks throws UnknownIdError here.
    const Text& name = model_.node(id).name;
    return Text{std::string(ja) + ": " + name.ja, std::string(en) + ": " + name.en};
  }

  void ask(std::string id, Text description, double weight, Relation relation,
           const std::string& target) {
    asks_.push_back({Criterion{std::move(id), std::move(description), weight, 0, 0, {}}, relation,
                     model_.resolve(target)});
  }

  // The program and its part_of ancestors, following the first parent program.
  void trace_lineage(NodeIndex program) {
    chain_.assign(1, program);
    up_.clear();
    // part_of has no cycles (the builder refuses them).
    for (;;) {
      std::optional<EdgeIndex> parent;
      for (EdgeIndex e : out_edges_of(model_, chain_.back(), Relation::part_of)) {
        if (model_.node(model_.edge(e).target).kind == Kind::program) {
          parent = e;
          break;
        }
      }
      if (!parent) return;
      up_.push_back(*parent);
      chain_.push_back(model_.edge(*parent).target);
    }
  }

  DefiningEdges defining(Relation relation) const {
    return detail::defining_edges(model_, chain_, relation);
  }

  // The path from the program up its lineage to chain_[depth], then along `tail`; its edges
  // are added to `cited` when the recommendation cites their sources.
  Path path(std::size_t depth, std::span<const Hop> tail,
            std::vector<EdgeIndex>* cited = nullptr) const {
    Path p;
    std::size_t length = depth + tail.size();
    p.nodes.reserve(length + 1);
    p.relations.reserve(length);
    p.forward.reserve(length);
    p.nodes.push_back(model_.node(chain_[0]).id);
    auto step = [&](EdgeIndex e, bool forward) {
      const Edge& edge = model_.edge(e);
      p.relations.push_back(edge.relation);
      p.forward.push_back(forward);
      p.nodes.push_back(model_.node(forward ? edge.target : edge.source).id);
      if (cited) cited->push_back(e);
    };
    for (std::size_t i = 0; i < depth; ++i) step(up_[i], true);
    for (const Hop& h : tail) step(h.edge, h.forward);
    return p;
  }
  Path path(std::size_t depth, std::initializer_list<Hop> tail,
            std::vector<EdgeIndex>* cited = nullptr) const {
    return path(depth, std::span(tail.begin(), tail.size()), cited);
  }

  // Is `target` among the program's (possibly inherited) edges of the criterion's relation?
  // When missed, the criterion's paths show what the program states instead.
  void judge(Recommendation& r, const Criterion& asked, const DefiningEdges& defining,
             NodeIndex target) {
    for (EdgeIndex e : defining.edges) {
      if (model_.edge(e).target != target) continue;
      double strength = defining.depth == 0 ? 1.0 : weights_.inherited;
      Criterion& c = (strength > 0 ? r.met : r.missed).emplace_back(asked);
      c.strength = strength;
      if (strength > 0) c.paths.push_back(path(defining.depth, {{e, true}}, &met_cited_));
      return;
    }
    Criterion& c = r.missed.emplace_back(asked);
    c.paths.reserve(defining.edges.size());
    for (EdgeIndex e : defining.edges) c.paths.push_back(path(defining.depth, {{e, true}}));
  }

  // An umbrella program that names no stage suits the stages its tracks suit: COI-NEXT is
  // for a starting university through its 育成型. Counted as inherited. The tracks are
  // walked depth first, each once (a track part_of two programs below the umbrella would
  // otherwise be walked once per route, and levels of them twice as often per level);
  // tracks_ keeps each one reached with the part_of edge it was first reached by and the
  // entry it was reached from, which is its path.
  struct Track {
    NodeIndex node;
    EdgeIndex edge;
    std::size_t from;
  };
  // When no track names a stage the criterion does not apply, and is left out.
  void judge_stage_through_tracks(Recommendation& r, const Criterion& asked) {
    tracks_.assign(1, Track{chain_[0], 0, 0});
    frontier_.assign(1, 0);
    instead_.clear();
    reached_.clear();
    reached_.insert(chain_[0]);
    double strength = 0;
    std::optional<std::pair<std::size_t, EdgeIndex>> matched;
    while (!frontier_.empty()) {
      std::size_t at = frontier_.back();
      frontier_.pop_back();
      for (EdgeIndex up : model_.in_edges(tracks_[at].node)) {
        const Edge& part = model_.edge(up);
        if (part.relation != Relation::part_of) continue;
        if (model_.node(part.source).kind != Kind::program) continue;
        if (!reached_.insert(part.source).second) continue;
        tracks_.push_back({part.source, up, at});
        std::size_t track = tracks_.size() - 1;
        for (EdgeIndex s : out_edges_of(model_, part.source, Relation::suits_stage)) {
          if (model_.edge(s).target != *stage_) {
            instead_.emplace_back(track, s);
          } else if (strength == 0) {
            // A match sets the strength, unless one has already, and drops the mismatches
            // seen before it: they would only explain a miss.
            strength = weights_.inherited;
            matched.emplace(track, s);
            instead_.clear();
          }
        }
        frontier_.push_back(track);
      }
    }
    if (strength > 0) {
      Criterion& c = r.met.emplace_back(asked);
      c.strength = strength;
      c.paths.push_back(track_path(matched->first, matched->second, &met_cited_));
      return;
    }
    if (instead_.empty()) return;
    Criterion& c = r.missed.emplace_back(asked);
    c.paths.reserve(instead_.size());
    for (const auto& [track, s] : instead_) c.paths.push_back(track_path(track, s));
  }

  // From the program down to tracks_[track], then to a stage it suits.
  Path track_path(std::size_t track, EdgeIndex stage, std::vector<EdgeIndex>* cited = nullptr) {
    hops_.clear();
    hops_.push_back({stage, true});
    for (std::size_t t = track; t != 0; t = tracks_[t].from) {
      hops_.push_back({tracks_[t].edge, false});
    }
    std::reverse(hops_.begin(), hops_.end());
    return path(0, hops_, cited);
  }

  void score(Recommendation& r) {
    for (const Ask& a : asks_) judge(r, a.criterion, defining(a.relation), a.target);
    if (stage_) {
      DefiningEdges stages = defining(Relation::suits_stage);
      if (!stages.edges.empty()) {
        judge(r, stage_criterion_, stages, *stage_);
      } else {
        // A program that names no stage, nor do its tracks, is not judged on stage at all:
        // the criterion does not apply to it and stays out of its score.
        judge_stage_through_tracks(r, stage_criterion_);
      }
    }
    // Met first, then missed: a floating-point sum depends on its order, and fit_all()
    // adds up the same way to give the same scores to the bit.
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

  // Returns whether the call is closed, whose reason cites the program's own sources.
  bool judge_eligibility(Recommendation& r) {
    // The call status: the program's own, or its parent's.
    std::string_view call;
    for (NodeIndex n : chain_) {
      call = model_.node(n).attribute("call");
      if (!call.empty()) break;
    }
    if (call == "closed") {
      refuse(r,
             {"新規募集なし（継続のみ）", "closed to new applicants (continuing projects only)"});
    } else if (call == "none") {
      // Base funding reaches every university without an application: it fits, and the
      // reason says why there is nothing to apply for.
      r.reasons.push_back({"公募ではない（基盤的経費として配分される）",
                           "not a call: allocated as base funding, not applied for"});
      return false;
    }
    check_establishment(r);
    check_applicant(r);
    check_partners(r);
    return call == "closed";
  }

  void refuse(Recommendation& r, Text reason) const {
    r.eligibility = Eligibility::not_eligible;
    r.reasons.push_back(std::move(reason));
  }

  // An eligibility path, whose sources the recommendation cites.
  void add_path(Recommendation& r, std::size_t depth, std::initializer_list<Hop> tail) {
    r.paths.push_back(path(depth, tail, &cited_));
  }

  void check_establishment(Recommendation& r) {
    if (!establishment_) return;
    DefiningEdges excluded = defining(Relation::excludes);
    for (EdgeIndex e : excluded.edges) {
      NodeIndex target = model_.edge(e).target;
      if (target != *establishment_) continue;
      const Text& name = model_.node(target).name;
      refuse(r,
             {join({"設置形態が対象外: ", name.ja}), join({"establishment excluded: ", name.en})});
      add_path(r, excluded.depth, {{e, true}});
    }
  }

  void check_applicant(Recommendation& r) {
    DefiningEdges applicants = defining(Relation::applied_by);
    if (applicants.edges.empty()) return;  // the model does not say who applies
    for (EdgeIndex e : applicants.edges) {
      if (model_.edge(e).target == applicant_) {
        add_path(r, applicants.depth, {{e, true}});
        return;  // the profile's own kind applies
      }
    }
    // Someone else applies: a partner of the profile who may act as that applicant.
    for (EdgeIndex e : applicants.edges) {
      NodeIndex applicant = model_.edge(e).target;
      for (EdgeIndex s : model_.in_edges(applicant)) {
        const Edge& as = model_.edge(s);
        if (as.relation != Relation::applies_as || !contains(partners_, as.source)) continue;
        const Text& partner = model_.node(as.source).name;
        const Text& kind = model_.node(applicant).name;
        if (r.eligibility == Eligibility::eligible) r.eligibility = Eligibility::via_partner;
        r.reasons.push_back(
            {join({"申請主体は", kind.ja, "（連携先の", partner.ja, "）"}),
             join({"the applicant is ", kind.en, " (the profile's partner: ", partner.en, ")"})});
        add_path(r, applicants.depth, {{e, true}, {s, false}});
        return;
      }
    }
    std::string ja_list, en_list;
    for (EdgeIndex e : applicants.edges) {
      const Text& name = model_.node(model_.edge(e).target).name;
      ja_list += (ja_list.empty() ? "" : "、") + name.ja;
      en_list += (en_list.empty() ? "" : ", ") + name.en;
    }
    refuse(r,
           {join({"申請主体（", ja_list, "）に当たる連携先がない"}),
            join({"applied for by ", en_list, ", and the profile has no partner who can apply"})});
    for (EdgeIndex e : applicants.edges) add_path(r, applicants.depth, {{e, true}});
  }

  void check_partners(Recommendation& r) {
    DefiningEdges needed = defining(Relation::needs_partner);
    for (EdgeIndex e : needed.edges) {
      NodeIndex partner = model_.edge(e).target;
      const Text& name = model_.node(partner).name;
      add_path(r, needed.depth, {{e, true}});
      if (contains(partners_, partner)) {
        r.reasons.push_back(
            {join({"必要な連携先あり: ", name.ja}), join({"required partner present: ", name.en})});
      } else {
        r.reasons.push_back({join({"条件: 連携先として", name.ja, "が必要"}),
                             join({"condition: needs ", name.en, " as a partner"})});
      }
    }
  }

  void note_holdings(Recommendation& r) {
    for (NodeIndex n : chain_) {
      if (!contains(holds_, n)) continue;
      const Text& name = model_.node(n).name;
      r.reasons.push_back({join({"既に採択済み: ", name.ja}), join({"already held: ", name.en})});
    }
    // 「それらにおける支援の状況も考慮」: review weighs support the university already has.
    for (std::size_t depth = 0; depth < chain_.size(); ++depth) {
      for (EdgeIndex e : out_edges_of(model_, chain_[depth], Relation::considers)) {
        NodeIndex held = model_.edge(e).target;
        if (!contains(holds_, held)) continue;
        const Text& name = model_.node(held).name;
        r.reasons.push_back({join({"審査では", name.ja, "による支援の状況も考慮される"}),
                             join({"review takes the support from ", name.en, " into account"})});
        add_path(r, depth, {{e, true}});
      }
    }
    // A track reached by promotion: holding the earlier track is the way in.
    for (EdgeIndex e : model_.in_edges(chain_[0])) {
      const Edge& promotion = model_.edge(e);
      if (promotion.relation != Relation::promotes_to) continue;
      const Text& name = model_.node(promotion.source).name;
      add_path(r, 0, {{e, false}});
      if (contains(holds_, promotion.source)) {
        r.reasons.push_back({join({name.ja, "からの昇格審査の対象"}),
                             join({"open by promotion review from ", name.en})});
      } else {
        r.reasons.push_back({join({name.ja, "からの昇格審査でも移行できる"}),
                             join({"also reached by promotion review from ", name.en})});
      }
    }
  }

  // The sources of a closed program (its reason cites them), then those of the met
  // criteria's paths and of the eligibility paths, in that order and without repeats. Two
  // edges may cite equal sources, so repeats are found by value.
  std::vector<Source> sources(bool closed) {
    seen_.clear();
    auto add = [&](const std::vector<Source>& from) {
      for (const Source& s : from) {
        auto same = [&](const Source* c) { return c == &s || (c->quote == s.quote && *c == s); };
        if (std::none_of(seen_.begin(), seen_.end(), same)) seen_.push_back(&s);
      }
    };
    if (closed) add(model_.node(chain_[0]).sources);
    for (EdgeIndex e : met_cited_) add(model_.detail(e).sources);
    for (EdgeIndex e : cited_) add(model_.detail(e).sources);
    std::vector<Source> out;
    out.reserve(seen_.size());
    for (const Source* s : seen_) out.push_back(*s);
    return out;
  }

  const Model& model_;
  const FitWeights& weights_;
  // The profile as nodes. A list may hold an empty id, which matches nothing.
  std::optional<NodeIndex> stage_;
  std::vector<NodeIndex> partners_;
  std::vector<NodeIndex> holds_;
  std::optional<NodeIndex> establishment_;
  std::optional<NodeIndex> applicant_;
  std::vector<Ask> asks_;      // mission, goals and fields, in the profile's order
  Criterion stage_criterion_;  // judged on its own: a program may leave it out

  // The program being assessed: its lineage (up_[i] leads from chain_[i] to chain_[i + 1]),
  // and the edges whose sources it cites, met criteria's (met_cited_) and eligibility's.
  std::vector<NodeIndex> chain_;
  std::vector<EdgeIndex> up_;
  std::vector<EdgeIndex> met_cited_;
  std::vector<EdgeIndex> cited_;
  // Scratch for the track walk and the sources.
  std::vector<Track> tracks_;
  std::vector<std::size_t> frontier_;
  boost::unordered_flat_set<NodeIndex> reached_;
  std::vector<std::pair<std::size_t, EdgeIndex>> instead_;
  std::vector<Hop> hops_;
  std::vector<const Source*> seen_;
};

int eligibility_rank(Eligibility e) { return e == Eligibility::not_eligible ? 1 : 0; }

}  // namespace

void require_criteria(const Profile& p) {
  if (p.mission.empty() && p.goals.empty() && p.fields.empty() && p.stage.empty()) {
    throw Error("fit needs something to fit: a mission, a goal, a field or a stage");
  }
}

FitResult fit(const Model& model, const Profile& profile, const FitWeights& weights) {
  detail::check_weights(weights);
  FitResult out{resolve_profile(model, profile), weights, {}};
  std::span<const NodeIndex> programs = model.nodes_of_kind(Kind::program);
  // Nothing to rank. (The criteria are described, which reads their ids, only for a program.)
  if (programs.empty()) return out;
  Assessor assessor(model, out.profile, weights);
  out.results.reserve(programs.size());
  for (NodeIndex program : programs) out.results.push_back(assessor.assess(program));
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
  detail::check_weights(weights);
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
