// fit: which programs suit a university, with the criteria, paths and sources behind each
// answer. The rules are the Scorer's (query/scorer.hpp, docs/fit.md), shared with rank() and
// fit_all(); this file turns its judgements into explanations. The policy facts are the
// model's edges and calls, so a new program needs data, not code.
#include <algorithm>
#include <initializer_list>

#include "kyoso/error.hpp"
#include "query/scorer.hpp"

namespace kyoso {

std::string_view to_string(Eligibility e) noexcept {
  switch (e) {
    case Eligibility::eligible:
      return "eligible";
    case Eligibility::conditional:
      return "conditional";
    case Eligibility::not_eligible:
      return "not-eligible";
    case Eligibility::unknown:
      return "unknown";
  }
  return "?";
}

std::string_view to_string(Outcome o) noexcept {
  switch (o) {
    case Outcome::met:
      return "met";
    case Outcome::partly:
      return "partly";
    case Outcome::missed:
      return "missed";
    case Outcome::unknown:
      return "unknown";
  }
  return "?";
}

std::string_view to_string(Route r) noexcept {
  switch (r) {
    case Route::lead:
      return "lead";
    case Route::member:
      return "member";
    case Route::through:
      return "through";
    case Route::promotion:
      return "promotion";
    case Route::allocated:
      return "allocated";
  }
  return "?";
}

Text ranking_order() {
  return {
      "スコアの高い順。同点は、直接満たす条件の多い順、次に応募可・条件付き・不明・対象外の順、"
      "次に名称（日本語）の文字コード順",
      "by score; ties by the number of criteria met directly, then eligible, conditional, "
      "unknown, not eligible, then by Japanese name in code-point order"};
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
                 resolved(model, applicant, Kind::applicant),
                 detail::fiscal_year_of(model, p)};
}

namespace {

using detail::Ask;
using detail::Judgement;
using detail::ProgramFacts;
using Hop = std::pair<EdgeIndex, bool>;

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

bool contains(const std::vector<NodeIndex>& list, NodeIndex v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// A criterion as the profile asks it, described once for every program.
struct Asked {
  std::string id;
  Text description;
};

class Explainer : public detail::EligibilityNotes {
 public:
  Explainer(const Model& model, const detail::ProfileIndex& profile, const FitWeights& weights)
      : model_(model), profile_(profile), weights_(weights), scorer_(model, weights) {}

  void ask(const Profile& p) {
    asks_ = detail::asks_of(profile_, weights_);
    asked_.clear();
    if (!p.mission.empty())
      asked_.push_back({"mission", describe("ミッション", "mission", p.mission)});
    for (const std::string& g : p.goals)
      asked_.push_back({"goal:" + g, describe("目的", "goal", g)});
    for (const std::string& f : p.fields) {
      asked_.push_back({"field:" + f, describe("分野", "field", f)});
    }
    if (!p.stage.empty()) asked_.push_back({"stage", describe("発展段階", "stage", p.stage)});
  }

  Recommendation assess(const ProgramFacts& f) {
    facts_ = &f;
    const Node& node = model_.node(f.program);
    Recommendation r;
    r.id = node.id;
    r.name = node.name;
    rec_ = &r;
    cited_.clear();
    criteria_cited_.clear();
    scorer_.judge(f, asks_, judgements_);
    r.score = detail::Scorer::score(judgements_);
    r.specificity = detail::Scorer::specificity(judgements_);
    explain_criteria(r);
    read_call(r);
    r.eligibility = scorer_.eligibility(f, profile_, this);
    order_routes(r);
    note_call_scope(r);
    note_holdings(r);
    r.sources = sources(r);
    rec_ = nullptr;
    return r;
  }

  // EligibilityNotes
  void reason(Text text) override { rec_->reasons.push_back(std::move(text)); }
  // Two routes may rest on the same edge (lead and member both through applied_by): the
  // path is shown once.
  void path(std::size_t depth, std::span<const Hop> tail) override {
    Path p = make_path(depth, tail, &cited_);
    if (std::find(rec_->paths.begin(), rec_->paths.end(), p) == rec_->paths.end()) {
      rec_->paths.push_back(std::move(p));
    }
  }
  void route(Participation p) override { rec_->routes.push_back(std::move(p)); }

 private:
  Text describe(const char* ja, const char* en, const std::string& id) const {
    const Text& name = model_.node(id).name;
    return Text{std::string(ja) + ": " + name.ja, std::string(en) + ": " + name.en};
  }

  // From the program up `depth` steps of its lineage, then along `tail`.
  Path make_path(std::size_t depth, std::span<const Hop> tail,
                 std::vector<EdgeIndex>* cited) const {
    Path p;
    p.nodes.push_back(model_.node(facts_->chain[0]).id);
    auto step = [&](EdgeIndex e, bool forward) {
      const Edge& edge = model_.edge(e);
      p.relations.push_back(edge.relation);
      p.forward.push_back(forward);
      p.nodes.push_back(model_.node(forward ? edge.target : edge.source).id);
      if (cited) cited->push_back(e);
    };
    for (std::size_t i = 0; i < depth && i < facts_->up.size(); ++i) step(facts_->up[i], true);
    for (const Hop& h : tail) step(h.first, h.second);
    return p;
  }

  // From the program down to a track, then along the track's suits_stage edge.
  Path track_path(std::size_t track, EdgeIndex stage, std::vector<EdgeIndex>* cited) const {
    std::vector<Hop> hops{{stage, true}};
    for (std::size_t t = track; t != 0; t = facts_->tracks[t].from) {
      hops.emplace_back(facts_->tracks[t].edge, false);
    }
    std::reverse(hops.begin(), hops.end());
    return make_path(0, hops, cited);
  }

  Text how(const Judgement& j, const Ask& ask) const {
    if (j.only_others) {
      bool field = ask.relation == Relation::suits_field;
      return field ? Text{"この事業が対象とするのは他の分野", "the program is for other fields"}
                   : Text{"この事業が対象とするのは他の段階", "the program is for other stages"};
    }
    if (j.outcome != Outcome::partly) return {};
    if (j.track) {
      const Text& t = model_.node(facts_->tracks[*j.track].node).name;
      return {join({t.ja, "を通じて"}), join({"through its track ", t.en})};
    }
    Text out;
    if (j.open_to_all) {
      bool field = ask.relation == Relation::suits_field;
      out = field ? Text{"分野を問わない", "open to any field"}
                  : Text{"段階を問わない", "open to any stage"};
    }
    if (j.depth > 0) {
      const Text& parent = model_.node(facts_->chain[j.depth]).name;
      Text through = j.depth == 1 ? Text{join({"親プログラム「", parent.ja, "」から"}),
                                         join({"through its parent program ", parent.en})}
                                  : Text{join({"上位プログラム「", parent.ja, "」から"}),
                                         join({"through ", parent.en, ", which it is part of"})};
      if (out.empty()) return through;
      out.ja += "（" + through.ja + "）";
      out.en += " (" + through.en + ")";
    }
    return out;
  }

  void explain_criteria(Recommendation& r) {
    double total = 0;
    for (const Judgement& j : judgements_) total += j.weight;
    r.criteria.reserve(judgements_.size());
    for (std::size_t i = 0; i < judgements_.size(); ++i) {
      const Judgement& j = judgements_[i];
      Criterion c;
      c.id = asked_[i].id;
      c.description = asked_[i].description;
      c.outcome = j.outcome;
      c.weight = j.weight;
      c.strength = j.strength;
      c.contribution = total > 0 ? j.weight * j.strength / total : 0;
      c.how = how(j, asks_[i]);
      switch (j.outcome) {
        case Outcome::met:
        case Outcome::partly:
          if (j.track) {
            c.paths.push_back(track_path(*j.track, *j.edge, &criteria_cited_));
          } else if (j.edge) {
            Hop hop{*j.edge, true};
            c.paths.push_back(make_path(j.depth, {&hop, 1}, &criteria_cited_));
          } else {
            c.paths.push_back(make_path(j.depth, {}, nullptr));
            open_nodes_.push_back(facts_->chain[j.depth]);
          }
          break;
        case Outcome::missed:
          explain_miss(c, asks_[i], j);
          break;
        case Outcome::unknown:
          break;
      }
      r.criteria.push_back(std::move(c));
    }
  }

  // A missed criterion's paths show what the program states instead.
  void explain_miss(Criterion& c, const Ask& ask, const Judgement& j) {
    if (j.only_others) {
      c.paths.push_back(make_path(j.depth, {}, nullptr));
      open_nodes_.push_back(facts_->chain[j.depth]);
      return;
    }
    const detail::DefiningEdges* defined = ask.relation == Relation::targets  ? &facts_->missions
                                           : ask.relation == Relation::serves ? &facts_->goals
                                           : ask.relation == Relation::suits_field
                                               ? &facts_->fields
                                               : &facts_->stages;
    if (!defined->edges.empty()) {
      for (EdgeIndex e : defined->edges) {
        Hop hop{e, true};
        c.paths.push_back(make_path(defined->depth, {&hop, 1}, nullptr));
      }
      return;
    }
    for (const auto& [track, edge] : facts_->track_stages) {
      c.paths.push_back(track_path(track, edge, nullptr));
    }
  }

  void read_call(Recommendation& r) const {
    r.call.fiscal_year = facts_->fiscal_year.value_or(0);
    r.call.last_known = facts_->last_known;
    if (facts_->call_depth) r.call.from = model_.node(facts_->chain[*facts_->call_depth]).id;
    if (const Call* c = facts_->call) {
      r.call.status = c->status;
      r.call.scope = c->scope;
      r.call.period = c->period;
      r.call.sources = c->sources;
    }
  }

  // The route the eligibility rests on comes first: the first ready one.
  static void order_routes(Recommendation& r) {
    std::stable_partition(r.routes.begin(), r.routes.end(),
                          [](const Participation& p) { return p.ready(); });
    for (const Participation& p : r.routes) {
      for (const Need& n : p.needs) {
        if (n.met) {
          r.reasons.push_back(
              {join({"必要な連携先あり: ", n.what.ja}), join({"has what it needs: ", n.what.en})});
        } else {
          r.reasons.push_back(
              {join({"条件: ", n.what.ja, "が必要"}), join({"condition: needs ", n.what.en})});
        }
      }
      break;  // the conditions of the route shown first
    }
  }

  void note_call_scope(Recommendation& r) const {
    const Call* c = facts_->call;
    if (!c || c->status != CallStatus::open || c->scope.empty()) return;
    std::string year = std::to_string(r.call.fiscal_year);
    r.reasons.push_back(
        {join({"令和", std::to_string(r.call.fiscal_year - 2018), "年度の公募: ", c->scope.ja}),
         join({"FY", year, " call: ", c->scope.en})});
  }

  void note_holdings(Recommendation& r) {
    for (NodeIndex n : facts_->chain) {
      if (!contains(profile_.holds, n)) continue;
      if (n == facts_->program && facts_->one_per_university) continue;  // said already
      const Text& name = model_.node(n).name;
      r.reasons.push_back({join({"既に採択済み: ", name.ja}), join({"already held: ", name.en})});
    }
    // 「それらにおける支援の状況も考慮」: review weighs support the university already has.
    for (std::size_t depth = 0; depth < facts_->chain.size(); ++depth) {
      for (EdgeIndex e : detail::out_edges_of(model_, facts_->chain[depth], Relation::considers)) {
        NodeIndex held = model_.edge(e).target;
        if (!contains(profile_.holds, held)) continue;
        const Text& name = model_.node(held).name;
        r.reasons.push_back({join({"審査では", name.ja, "による支援の状況も考慮される"}),
                             join({"review takes the support from ", name.en, " into account"})});
        Hop hop{e, true};
        r.paths.push_back(make_path(depth, {&hop, 1}, &cited_));
      }
    }
    // A track reached by promotion, while calls are open: holding the earlier track is another
    // way in. (When the year's call is promotion-only, the eligibility has said so.)
    if (facts_->call && facts_->call->status == CallStatus::promotion_only) return;
    for (EdgeIndex e : model_.in_edges(facts_->program)) {
      const Edge& promotion = model_.edge(e);
      if (promotion.relation != Relation::promotes_to) continue;
      const Text& name = model_.node(promotion.source).name;
      Hop hop{e, false};
      r.paths.push_back(make_path(0, {&hop, 1}, &cited_));
      r.reasons.push_back({join({name.ja, "からの昇格審査でも移行できる"}),
                           join({"also reached by promotion review from ", name.en})});
    }
  }

  // The sources of the met criteria's paths, of the eligibility paths, and of the call, in
  // that order and without repeats. Two edges may cite equal sources, so repeats are found
  // by value.
  std::vector<Source> sources(const Recommendation& r) {
    std::vector<const Source*> seen;
    auto add = [&](const std::vector<Source>& from) {
      for (const Source& s : from) {
        auto same = [&](const Source* c) { return c == &s || (c->quote == s.quote && *c == s); };
        if (std::none_of(seen.begin(), seen.end(), same)) seen.push_back(&s);
      }
    };
    for (EdgeIndex e : criteria_cited_) add(model_.detail(e).sources);
    for (NodeIndex n : open_nodes_) add(model_.node(n).sources);
    for (EdgeIndex e : cited_) add(model_.detail(e).sources);
    add(r.call.sources);
    open_nodes_.clear();
    std::vector<Source> out;
    out.reserve(seen.size());
    for (const Source* s : seen) out.push_back(*s);
    return out;
  }

  const Model& model_;
  const detail::ProfileIndex& profile_;
  const FitWeights& weights_;
  detail::Scorer scorer_;
  std::vector<Ask> asks_;
  std::vector<Asked> asked_;
  // The program being explained.
  const ProgramFacts* facts_ = nullptr;
  Recommendation* rec_ = nullptr;
  std::vector<Judgement> judgements_;
  std::vector<EdgeIndex> criteria_cited_;
  std::vector<EdgeIndex> cited_;
  std::vector<NodeIndex> open_nodes_;
};

}  // namespace

void require_criteria(const Profile& p) {
  if (p.mission.empty() && p.goals.empty() && p.fields.empty() && p.stage.empty()) {
    throw Error("fit needs something to fit: a mission, a goal, a field or a stage");
  }
}

FitResult fit(const Model& model, const Profile& profile, const FitWeights& weights) {
  detail::check_weights(weights);
  FitResult out{resolve_profile(model, profile), weights, {}};
  std::vector<ProgramFacts> programs = detail::program_facts(model, out.profile.fiscal_year);
  // Nothing to rank. (The criteria are described, which reads their ids, only for a program.)
  if (programs.empty()) return out;
  detail::ProfileIndex index = detail::index_profile(model, out.profile);
  Explainer explainer(model, index, weights);
  explainer.ask(out.profile);
  std::vector<std::pair<detail::RankKey, Recommendation>> ranked;
  ranked.reserve(programs.size());
  for (const ProgramFacts& f : programs) {
    Recommendation r = explainer.assess(f);
    detail::RankKey key{r.score, r.specificity, r.eligibility, f.name_order};
    ranked.emplace_back(key, std::move(r));
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return detail::ranks_before(a.first, b.first); });
  out.results.reserve(ranked.size());
  for (auto& [key, r] : ranked) out.results.push_back(std::move(r));
  return out;
}

Recommendation explain(const Model& model, std::string_view program, const Profile& profile,
                       const FitWeights& weights) {
  detail::check_weights(weights);
  NodeIndex index = model.resolve(program, Kind::program);
  Profile full = resolve_profile(model, profile);
  std::vector<ProgramFacts> programs = detail::program_facts(model, full.fiscal_year);
  detail::ProfileIndex profile_index = detail::index_profile(model, full);
  Explainer explainer(model, profile_index, weights);
  explainer.ask(full);
  for (const ProgramFacts& f : programs) {
    if (f.program == index) return explainer.assess(f);
  }
  throw Error("not a program: " + std::string(program));  // resolve() checked the kind
}

std::vector<std::string> explanation_nodes(const Recommendation& r) {
  std::vector<std::string> out{r.id};
  auto add_path = [&](const Path& p) {
    for (const std::string& id : p.nodes) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
  };
  for (const Criterion& c : r.criteria) {
    if (c.outcome != Outcome::met && c.outcome != Outcome::partly) continue;
    for (const Path& p : c.paths) add_path(p);
  }
  for (const Path& p : r.paths) add_path(p);
  return out;
}

}  // namespace kyoso
