#include "query/scorer.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kyoso::detail {
namespace {

bool contains(const std::vector<NodeIndex>& list, NodeIndex v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

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

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

// The nearest program of the lineage whose attribute `key` ("fields", "stages") says "any" or
// "other".
std::optional<ProgramFacts::Scope> scope_of(const Model& model, const std::vector<NodeIndex>& chain,
                                            std::string_view key) {
  for (std::size_t depth = 0; depth < chain.size(); ++depth) {
    std::string_view value = model.node(chain[depth]).attribute(key);
    if (value == "any" || value == "other") return ProgramFacts::Scope{depth, value == "any"};
  }
  return std::nullopt;
}

// Depth first down part_of from the program, each track once however many parents it has:
// a graph of programs each part_of two others must not be walked once per path.
void walk_tracks(const Model& model, ProgramFacts& f) {
  f.tracks.assign(1, Track{f.program, 0, 0});
  std::vector<std::size_t> frontier{0};
  std::vector<NodeIndex> seen{f.program};
  while (!frontier.empty()) {
    std::size_t at = frontier.back();
    frontier.pop_back();
    for (EdgeIndex up : model.in_edges(f.tracks[at].node)) {
      const Edge& part = model.edge(up);
      if (part.relation != Relation::part_of) continue;
      if (model.node(part.source).kind != Kind::program || contains(seen, part.source)) continue;
      seen.push_back(part.source);
      f.tracks.push_back({part.source, up, at});
      std::size_t track = f.tracks.size() - 1;
      for (EdgeIndex s : out_edges_of(model, part.source, Relation::suits_stage)) {
        f.track_stages.emplace_back(track, s);
      }
      frontier.push_back(track);
    }
  }
}

void read_call(const Model& model, ProgramFacts& f, std::optional<int> fiscal_year) {
  for (std::size_t depth = 0; depth < f.chain.size(); ++depth) {
    const Node& node = model.node(f.chain[depth]);
    if (node.calls.empty()) continue;
    f.call_depth = depth;
    for (const Call& c : node.calls) {
      bool covers = fiscal_year ? c.covers(*fiscal_year) : !c.fiscal_year;
      if (covers) {
        f.call = &c;
        f.last_known.reset();  // only an unknown year needs the last known one
        return;
      }
      if (fiscal_year && c.fiscal_year) {
        int last = c.until_fiscal_year.value_or(*c.fiscal_year);
        if (last < *fiscal_year && (!f.last_known || last > *f.last_known)) f.last_known = last;
      }
    }
    return;
  }
}

ProgramFacts facts_of(const Model& model, NodeIndex program, std::optional<int> fiscal_year) {
  ProgramFacts f;
  f.program = program;
  f.chain.assign(1, program);
  // part_of has no cycles (the builder refuses them); the lineage follows the first parent.
  for (;;) {
    std::optional<EdgeIndex> parent;
    for (EdgeIndex e : out_edges_of(model, f.chain.back(), Relation::part_of)) {
      if (model.node(model.edge(e).target).kind == Kind::program) {
        parent = e;
        break;
      }
    }
    if (!parent) break;
    f.up.push_back(*parent);
    f.chain.push_back(model.edge(*parent).target);
  }
  f.missions = defining_edges(model, f.chain, Relation::targets);
  f.goals = defining_edges(model, f.chain, Relation::serves);
  f.fields = defining_edges(model, f.chain, Relation::suits_field);
  f.stages = defining_edges(model, f.chain, Relation::suits_stage);
  f.excluded = defining_edges(model, f.chain, Relation::excludes);
  f.filers = defining_edges(model, f.chain, Relation::applied_by);
  f.joiners = defining_edges(model, f.chain, Relation::joined_by);
  f.involved = defining_edges(model, f.chain, Relation::involves);
  f.partners_needed = defining_edges(model, f.chain, Relation::needs_partner);
  f.field_scope = scope_of(model, f.chain, "fields");
  f.stage_scope = scope_of(model, f.chain, "stages");
  if (f.stages.edges.empty() && !f.stage_scope) walk_tracks(model, f);
  read_call(model, f, fiscal_year);
  for (NodeIndex n : f.chain) {
    std::string_view places = model.node(n).attribute("places");
    if (places.empty()) continue;
    f.one_per_university = places == "one-per-university";
    break;
  }
  f.fiscal_year = fiscal_year;
  return f;
}

// A scope attribute nearer than the edges that define the relation speaks for it.
bool speaks_for_all(const std::optional<ProgramFacts::Scope>& scope, const DefiningEdges& defined) {
  return scope && (defined.edges.empty() || scope->depth < defined.depth);
}

}  // namespace

ProfileIndex index_profile(const Model& model, const Profile& p) {
  return ProfileIndex{index_of(model, p.mission),       indices_of(model, p.goals),
                      indices_of(model, p.fields),      index_of(model, p.stage),
                      indices_of(model, p.partners),    indices_of(model, p.holds),
                      index_of(model, p.establishment), index_of(model, p.applicant)};
}

std::vector<ProgramFacts> program_facts(const Model& model, std::optional<int> fiscal_year) {
  std::span<const NodeIndex> programs = model.nodes_of_kind(Kind::program);
  std::vector<ProgramFacts> out;
  out.reserve(programs.size());
  for (NodeIndex p : programs) out.push_back(facts_of(model, p, fiscal_year));
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Programs are in id order, so a stable sort by Japanese name breaks name ties by id.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return model.node(out[a].program).name.ja < model.node(out[b].program).name.ja;
  });
  for (std::size_t rank = 0; rank < order.size(); ++rank) out[order[rank]].name_order = rank;
  return out;
}

std::vector<Ask> asks_of(const ProfileIndex& p, const FitWeights& w) {
  std::vector<Ask> out;
  if (p.mission) out.push_back({Relation::targets, *p.mission, w.mission});
  for (NodeIndex goal : p.goals) {
    out.push_back({Relation::serves, goal, w.goals / static_cast<double>(p.goals.size())});
  }
  for (NodeIndex field : p.fields) {
    out.push_back({Relation::suits_field, field, w.fields / static_cast<double>(p.fields.size())});
  }
  if (p.stage) out.push_back({Relation::suits_stage, *p.stage, w.stage});
  return out;
}

Scorer::Scorer(const Model& model, const FitWeights& weights) : model_(model), weights_(weights) {}

void Scorer::judge(const ProgramFacts& f, std::span<const Ask> asks,
                   std::vector<Judgement>& out) const {
  out.clear();
  for (const Ask& a : asks) out.push_back(judge(f, a));
}

Judgement Scorer::judge(const ProgramFacts& f, const Ask& ask) const {
  const DefiningEdges* defined = nullptr;
  std::optional<ProgramFacts::Scope> scope;
  switch (ask.relation) {
    case Relation::targets:
      defined = &f.missions;
      break;
    case Relation::serves:
      defined = &f.goals;
      break;
    case Relation::suits_field:
      defined = &f.fields;
      scope = f.field_scope;
      break;
    default:
      defined = &f.stages;
      scope = f.stage_scope;
      break;
  }
  Judgement j;
  j.weight = ask.weight;
  if (speaks_for_all(scope, *defined)) {
    j.outcome = scope->any ? Outcome::partly : Outcome::missed;
    j.open_to_all = scope->any;
    j.only_others = !scope->any;
    j.depth = scope->depth;
  } else if (!defined->edges.empty()) {
    j.outcome = Outcome::missed;
    j.depth = defined->depth;
    for (EdgeIndex e : defined->edges) {
      if (model_.edge(e).target != ask.target) continue;
      j.outcome = defined->depth == 0 ? Outcome::met : Outcome::partly;
      j.edge = e;
      break;
    }
  } else if (ask.relation == Relation::suits_stage) {
    return judge_stage_through_tracks(f, ask);
  }
  j.strength = j.outcome == Outcome::met      ? 1.0
               : j.outcome == Outcome::partly ? weights_.inherited
                                              : 0.0;
  return j;
}

// An umbrella program that names no stage suits the stages its tracks suit, partly: COI-NEXT
// is for a starting university through its 育成型.
Judgement Scorer::judge_stage_through_tracks(const ProgramFacts& f, const Ask& ask) const {
  Judgement j;
  j.weight = ask.weight;
  if (f.track_stages.empty()) return j;  // unknown: neither it nor its tracks say
  j.outcome = Outcome::missed;
  for (const auto& [track, edge] : f.track_stages) {
    if (model_.edge(edge).target != ask.target) continue;
    j.outcome = Outcome::partly;
    j.strength = weights_.inherited;
    j.track = track;
    j.edge = edge;
    break;
  }
  return j;
}

double Scorer::score(std::span<const Judgement> judgements) {
  double total = 0;
  for (const Judgement& j : judgements) total += j.weight;
  if (total <= 0) return 0;
  double score = 0;
  for (const Judgement& j : judgements) score += j.weight * j.strength / total;
  return score;
}

std::size_t Scorer::specificity(std::span<const Judgement> judgements) {
  return static_cast<std::size_t>(
      std::count_if(judgements.begin(), judgements.end(),
                    [](const Judgement& j) { return j.outcome == Outcome::met; }));
}

namespace {

using Hop = std::pair<EdgeIndex, bool>;

// Builds the routes open to the profile's applicant kind and what each needs.
class Routes {
 public:
  Routes(const Model& model, const ProgramFacts& f, const ProfileIndex& p, EligibilityNotes* notes)
      : model_(model), f_(f), p_(p), notes_(notes) {}

  // The best route's readiness: true ready, false conditional; empty when there is no route.
  std::optional<bool> judge() {
    if (!p_.applicant) return std::nullopt;
    NodeIndex applicant = *p_.applicant;
    std::optional<bool> best;
    auto consider = [&](bool ready) { best = best ? (*best || ready) : ready; };
    for (EdgeIndex e : f_.filers.edges) {
      if (model_.edge(e).target != applicant) continue;
      std::vector<Need> needs;
      bool ready = add_partner_needs(needs);
      Hop hop{e, true};
      write(Route::lead, applicant, std::move(needs), f_.filers.depth, {&hop, 1});
      consider(ready);
    }
    for (auto [defined, route] :
         {std::pair{&f_.joiners, Route::member}, std::pair{&f_.involved, Route::through}}) {
      for (EdgeIndex e : defined->edges) {
        if (model_.edge(e).target != applicant) continue;
        for (EdgeIndex filer : f_.filers.edges) {
          std::vector<Need> needs;
          bool ready = add_filer_need(filer, route, needs);
          ready = add_partner_needs(needs) && ready;
          Hop hop{e, true};
          write(route, model_.edge(filer).target, std::move(needs), defined->depth, {&hop, 1});
          consider(ready);
        }
      }
    }
    return best;
  }

 private:
  // A partner of the profile who may file as the filer (applies_as): a local government for
  // a plan the local government files.
  bool add_filer_need(EdgeIndex filer_edge, Route route, std::vector<Need>& needs) {
    NodeIndex filer = model_.edge(filer_edge).target;
    std::optional<EdgeIndex> present, any;
    for (EdgeIndex s : model_.in_edges(filer)) {
      const Edge& as = model_.edge(s);
      if (as.relation != Relation::applies_as) continue;
      if (!any) any = s;
      if (!present && contains(p_.partners, as.source)) present = s;
    }
    std::optional<EdgeIndex> shown = present ? present : any;
    const Text& kind = model_.node(filer).name;
    if (notes_) {
      Need n;
      n.id = shown ? model_.node(model_.edge(*shown).source).id : model_.node(filer).id;
      // A member forms the group that files with its partner; otherwise the partner files.
      // Where no partner of the model can file as the filer, the filer itself is named.
      if (!shown) {
        n.what = {join({"申請する", kind.ja, "（他の機関）"}),
                  join({"another body that files: ", kind.en})};
      } else {
        const Text& partner = model_.node(model_.edge(*shown).source).name;
        n.what = route == Route::member
                     ? Text{join({kind.ja, "を組む", partner.ja, "（連携先）"}),
                            join({partner.en, " as partners to form the ", kind.en, " that files"})}
                     : Text{join({"申請する", partner.ja, "（連携先）"}),
                            join({"a partner that files: ", partner.en})};
      }
      n.met = present.has_value();
      needs.push_back(std::move(n));
      Hop hops[2] = {{filer_edge, true}, {shown.value_or(0), false}};
      notes_->path(f_.filers.depth, {hops, shown ? 2u : 1u});
    }
    return present.has_value();
  }

  bool add_partner_needs(std::vector<Need>& needs) {
    bool ready = true;
    for (EdgeIndex e : f_.partners_needed.edges) {
      NodeIndex partner = model_.edge(e).target;
      bool met = contains(p_.partners, partner);
      ready = ready && met;
      if (!notes_) continue;
      if (std::any_of(needs.begin(), needs.end(),
                      [&](const Need& n) { return n.id == model_.node(partner).id; })) {
        continue;
      }
      const Text& name = model_.node(partner).name;
      needs.push_back({model_.node(partner).id,
                       {join({"連携先として", name.ja}), join({name.en, " as a partner"})},
                       met});
      Hop hop{e, true};
      notes_->path(f_.partners_needed.depth, {&hop, 1});
    }
    return ready;
  }

  void write(Route route, NodeIndex filer, std::vector<Need> needs, std::size_t depth,
             std::span<const Hop> hops) {
    if (!notes_) return;
    notes_->path(depth, hops);
    Participation part;
    part.route = route;
    part.applicant = model_.node(filer).id;
    part.needs = std::move(needs);
    notes_->route(std::move(part));
  }

  const Model& model_;
  const ProgramFacts& f_;
  const ProfileIndex& p_;
  EligibilityNotes* notes_;
};

std::string year_text(std::optional<int> fy, Lang lang) {
  if (!fy) return lang == Lang::ja ? "年度の指定なし" : "no fiscal year";
  return lang == Lang::ja ? "令和" + std::to_string(*fy - 2018) + "年度"
                          : "FY" + std::to_string(*fy);
}

}  // namespace

Eligibility Scorer::eligibility(const ProgramFacts& f, const ProfileIndex& p,
                                EligibilityNotes* notes) const {
  auto reason = [&](std::string ja, std::string en) {
    if (notes) notes->reason({std::move(ja), std::move(en)});
  };
  std::optional<CallStatus> status;
  if (f.call) status = f.call->status;
  std::string ja_year = year_text(f.fiscal_year, Lang::ja);
  std::string en_year = year_text(f.fiscal_year, Lang::en);
  if (status == CallStatus::allocated) {
    reason("公募ではない（配分される）", "not a call: allocated without an application");
    if (notes) notes->route({Route::allocated, {}, {}});
    return Eligibility::eligible;
  }
  bool held = contains(p.holds, f.program);
  if (status == CallStatus::closed) {
    reason(ja_year + "は公募なし", "no call in " + en_year);
    return Eligibility::not_eligible;
  }
  if (status == CallStatus::continuing_only) {
    reason(ja_year + "は継続課題のみ（新規募集なし）",
           "continuing projects only in " + en_year + " (no new applications)");
    return Eligibility::not_eligible;
  }
  if (status == CallStatus::promotion_only) {
    for (NodeIndex n : f.chain) {
      for (EdgeIndex e : model_.in_edges(n)) {
        const Edge& promotion = model_.edge(e);
        if (promotion.relation != Relation::promotes_to) continue;
        const Text& from = model_.node(promotion.source).name;
        if (contains(p.holds, promotion.source)) {
          reason(join({from.ja, "からの昇格審査で移行できる"}),
                 join({"open by promotion review from ", from.en, ", which the profile holds"}));
          if (notes) {
            Hop hop{e, false};
            notes->path(0, {&hop, 1});
            notes->route({Route::promotion, model_.node(promotion.source).id, {}});
          }
          return Eligibility::eligible;
        }
        reason(join({ja_year, "は", from.ja, "からの昇格審査でのみ移行できる（新規公募なし）"}),
               join({"in ", en_year, " reached only by promotion review from ", from.en,
                     " (no call for new applications)"}));
      }
    }
    return Eligibility::not_eligible;
  }
  Eligibility out = Eligibility::eligible;
  auto exclude = [&] { out = Eligibility::not_eligible; };
  if (p.establishment) {
    for (EdgeIndex e : f.excluded.edges) {
      const Edge& ex = model_.edge(e);
      if (ex.target != *p.establishment) continue;
      // An exclusion stated for one fiscal year holds for that year alone.
      if (ex.fiscal_year() && ex.fiscal_year() != f.fiscal_year) continue;
      const Text& name = model_.node(ex.target).name;
      reason(join({"設置形態が対象外: ", name.ja}), join({"establishment excluded: ", name.en}));
      if (notes) {
        Hop hop{e, true};
        notes->path(f.excluded.depth, {&hop, 1});
      }
      exclude();
    }
  }
  if (held && f.one_per_university) {
    reason("既に採択済み（1大学1件）", "already held (one per university)");
    exclude();
  }
  std::optional<bool> ready = Routes(model_, f, p, notes).judge();
  if (!ready) {
    std::string ja_list, en_list;
    for (EdgeIndex e : f.filers.edges) {
      const Text& name = model_.node(model_.edge(e).target).name;
      ja_list += (ja_list.empty() ? "" : "、") + name.ja;
      en_list += (en_list.empty() ? "" : ", ") + name.en;
      if (notes) {
        Hop hop{e, true};
        notes->path(f.filers.depth, {&hop, 1});
      }
    }
    if (f.filers.edges.empty()) {
      // Not an exclusion: the data does not know.
      reason("誰が申請するかのデータがない", "the data does not say who applies");
      return out == Eligibility::not_eligible ? out : Eligibility::unknown;
    } else {
      reason(join({"申請主体は", ja_list, "で、大学が参画する道はデータにない"}),
             join({"applied for by ", en_list,
                   "; the data shows no way for a university to take part"}));
    }
    return Eligibility::not_eligible;
  }
  if (out == Eligibility::not_eligible) return out;
  if (!status) {
    if (f.last_known) {
      reason(join({ja_year, "の公募状況は不明（最後に分かっているのは令和",
                   std::to_string(*f.last_known - 2018), "年度）"}),
             join({"whether there is a call in ", en_year, " is not known (last known: FY",
                   std::to_string(*f.last_known), ")"}));
    } else {
      reason(ja_year + "の公募状況は不明",
             "whether there is a call in " + en_year + " is not known");
    }
    return Eligibility::unknown;
  }
  return *ready ? Eligibility::eligible : Eligibility::conditional;
}

bool ranks_before(const RankKey& a, const RankKey& b) {
  // Scores within rounding of each other are a tie: the same criteria summed in another order.
  if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
  if (a.specificity != b.specificity) return a.specificity > b.specificity;
  // Eligible, conditional, unknown, not eligible (docs/fit.md): what may be usable before
  // what cannot be; the enum's own order is not this one.
  auto usable = [](Eligibility e) {
    switch (e) {
      case Eligibility::eligible:
        return 0;
      case Eligibility::conditional:
        return 1;
      case Eligibility::unknown:
        return 2;
      case Eligibility::not_eligible:
        return 3;
    }
    return 3;
  };
  if (a.eligibility != b.eligibility) return usable(a.eligibility) < usable(b.eligibility);
  return a.name_order < b.name_order;
}

std::optional<int> fiscal_year_of(const Model& model, const Profile& profile) {
  return profile.fiscal_year ? profile.fiscal_year : model.info().fiscal_year;
}

}  // namespace kyoso::detail
