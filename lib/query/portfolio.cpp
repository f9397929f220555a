// portfolio: the smallest set of eligible programs that covers a profile's goals, laid out
// as a timeline (育成型 about 2 years, then 本格型 up to 10).
#include <algorithm>
#include <cmath>

#include "query/facts.hpp"

namespace kyoso {
namespace {

constexpr std::size_t exact_search_limit = 24;  // candidates; beyond this, greedy cover

struct Candidate {
  const Recommendation* fit;
  std::vector<std::string> covers;
};

std::vector<std::string> goals_met(const Recommendation& r) {
  std::vector<std::string> out;
  for (const Criterion& c : r.criteria) {
    bool met = c.outcome == Outcome::met || c.outcome == Outcome::partly;
    if (met && c.id.starts_with("goal:")) out.push_back(c.id.substr(5));
  }
  return out;
}

bool covers_all(const std::vector<const Candidate*>& chosen,
                const std::vector<std::string>& goals) {
  for (const std::string& g : goals) {
    bool covered = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate* c) {
      return std::find(c->covers.begin(), c->covers.end(), g) != c->covers.end();
    });
    if (!covered) return false;
  }
  return true;
}

double total_score(const std::vector<const Candidate*>& chosen) {
  double s = 0;
  for (const Candidate* c : chosen) s += c->fit->score;
  return s;
}

// The fewest candidates covering every coverable goal; among those, the highest total score.
// Candidates arrive in fit order, so the first best found is also the first by id on ties.
std::vector<const Candidate*> exact_cover(const std::vector<Candidate>& candidates,
                                          const std::vector<std::string>& goals) {
  std::vector<const Candidate*> best;
  for (std::size_t size = 1; size <= std::min(goals.size(), candidates.size()); ++size) {
    std::vector<std::size_t> pick(size);
    for (std::size_t i = 0; i < size; ++i) pick[i] = i;
    double best_score = -1;
    for (;;) {
      std::vector<const Candidate*> chosen;
      for (std::size_t i : pick) chosen.push_back(&candidates[i]);
      if (covers_all(chosen, goals) && total_score(chosen) > best_score + 1e-9) {
        best = chosen;
        best_score = total_score(chosen);
      }
      // Next combination in lexicographic order.
      std::size_t i = size;
      while (i > 0 && pick[i - 1] == candidates.size() - size + i - 1) --i;
      if (i == 0) break;
      ++pick[i - 1];
      for (std::size_t j = i; j < size; ++j) pick[j] = pick[j - 1] + 1;
    }
    if (!best.empty()) return best;
  }
  return best;
}

std::vector<const Candidate*> greedy_cover(const std::vector<Candidate>& candidates,
                                           std::vector<std::string> goals) {
  std::vector<const Candidate*> chosen;
  while (!goals.empty()) {
    const Candidate* best = nullptr;
    std::size_t best_gain = 0;
    for (const Candidate& c : candidates) {
      std::size_t gain = std::count_if(goals.begin(), goals.end(), [&](const std::string& g) {
        return std::find(c.covers.begin(), c.covers.end(), g) != c.covers.end();
      });
      if (gain > best_gain) {
        best = &c;
        best_gain = gain;
      }
    }
    if (!best) break;
    chosen.push_back(best);
    std::erase_if(goals, [&](const std::string& g) {
      return std::find(best->covers.begin(), best->covers.end(), g) != best->covers.end();
    });
  }
  return chosen;
}

const Figure* duration_of(const Model& model, NodeIndex program) {
  for (NodeIndex n : detail::lineage_of(model, program).chain) {
    if (const Figure* f = model.node(n).figure("duration")) return f;
  }
  return nullptr;
}

PlanItem item_for(const Model& model, const Recommendation& r, std::vector<std::string> covers) {
  PlanItem item;
  item.id = r.id;
  item.name = r.name;
  item.score = r.score;
  item.covers = std::move(covers);
  if (const Figure* d = duration_of(model, model.resolve(r.id))) {
    item.years = static_cast<int>(d->value);
    item.years_qualifier = d->qualifier;
    item.years_unit = d->unit;
  } else {
    item.reasons.push_back({"期間の記載なし", "duration not stated"});
  }
  return item;
}

bool is_descendant(const Model& model, const std::string& id, const std::string& ancestor) {
  const auto chain = detail::lineage_of(model, model.resolve(id)).chain;
  return std::any_of(chain.begin() + 1, chain.end(),
                     [&](NodeIndex n) { return model.node(n).id == ancestor; });
}

bool stage_missed(const Recommendation& r) {
  return std::any_of(r.criteria.begin(), r.criteria.end(), [](const Criterion& c) {
    return c.id == "stage" && c.outcome == Outcome::missed;
  });
}

}  // namespace

Portfolio portfolio(const Model& model, const Profile& profile, const FitWeights& weights) {
  FitResult ranked = fit(model, profile, weights);
  Portfolio out;
  out.profile = ranked.profile;
  const std::vector<std::string>& goals = out.profile.goals;

  std::vector<Candidate> candidates;
  for (const Recommendation& r : ranked.results) {
    std::vector<std::string> covers = goals_met(r);
    if (covers.empty()) continue;
    if (r.eligibility == Eligibility::not_eligible) {
      Text why = r.reasons.empty() ? Text{"対象外", "not eligible"} : r.reasons.front();
      out.excluded.push_back({r.name.ja + ": " + why.ja, r.name.en + ": " + why.en});
      continue;
    }
    candidates.push_back({&r, std::move(covers)});
  }
  for (const std::string& g : goals) {
    bool coverable = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
      return std::find(c.covers.begin(), c.covers.end(), g) != c.covers.end();
    });
    if (!coverable) out.uncovered.push_back(g);
  }
  std::vector<std::string> coverable_goals;
  for (const std::string& g : goals) {
    if (std::find(out.uncovered.begin(), out.uncovered.end(), g) == out.uncovered.end()) {
      coverable_goals.push_back(g);
    }
  }
  std::vector<const Candidate*> chosen = candidates.size() <= exact_search_limit
                                             ? exact_cover(candidates, coverable_goals)
                                             : greedy_cover(candidates, coverable_goals);

  for (const Candidate* c : chosen) {
    // An umbrella program is entered through one of its tracks: take the best eligible
    // track that serves the same goals (fit order is best first).
    const Candidate* pick = c;
    for (const Candidate& other : candidates) {
      if (!is_descendant(model, other.fit->id, c->fit->id)) continue;
      bool same_goals = std::all_of(c->covers.begin(), c->covers.end(), [&](const std::string& g) {
        return std::find(other.covers.begin(), other.covers.end(), g) != other.covers.end();
      });
      if (same_goals) {
        pick = &other;
        break;
      }
    }
    PlanItem item = item_for(model, *pick->fit, pick->covers);
    if (pick != c) {
      item.reasons.push_back({c->fit->name.ja + "の中で最も適合する区分",
                              "the best-fitting track of " + c->fit->name.en});
    }
    // A track reached by promotion review needs the earlier track first, unless the
    // university already holds it or its stage already suits the later track.
    NodeIndex index = model.resolve(pick->fit->id);
    for (NodeIndex n : detail::lineage_of(model, index).chain) {
      for (const Step& s : model.neighbors(n, Direction::in, Relation::promotes_to)) {
        const Node& earlier = model.node(s.node);
        bool held = std::find(out.profile.holds.begin(), out.profile.holds.end(), earlier.id) !=
                    out.profile.holds.end();
        if (held || (!out.profile.stage.empty() && !stage_missed(*pick->fit))) continue;
        const Recommendation* first = nullptr;
        for (const Recommendation& r : ranked.results) {
          if (r.id == earlier.id) first = &r;
        }
        if (!first || first->eligibility == Eligibility::not_eligible) continue;
        PlanItem before = item_for(model, *first, pick->covers);
        before.reasons.push_back(
            {model.node(n).name.ja + "への昇格審査を経る最初の段階",
             "the first step: promotion review leads to " + model.node(n).name.en});
        item.start_year = before.years;
        item.reasons.push_back({earlier.name.ja + "からの昇格後に開始",
                                "starts after promotion from " + earlier.name.en});
        out.plan.push_back(std::move(before));
      }
    }
    // A track that leads on by promotion review: the later track follows it on the timeline,
    // when the profile could hold it then (it is not excluded for other reasons).
    for (const Step& s : model.neighbors(index, Direction::out, Relation::promotes_to)) {
      const Recommendation* later = nullptr;
      for (const Recommendation& r : ranked.results) {
        if (r.id == model.node(s.node).id) later = &r;
      }
      if (!later || item.years == 0) continue;
      PlanItem next = item_for(model, *later, pick->covers);
      next.start_year = item.start_year + item.years;
      next.reasons.push_back({pick->fit->name.ja + "から昇格審査を経て移行",
                              "reached by promotion review from " + pick->fit->name.en});
      item.reasons.push_back({later->name.ja + "への昇格審査につながる",
                              "leads to " + later->name.en + " by promotion review"});
      out.plan.push_back(std::move(next));
    }
    out.plan.push_back(std::move(item));
  }
  std::stable_sort(out.plan.begin(), out.plan.end(), [](const PlanItem& a, const PlanItem& b) {
    if (a.start_year != b.start_year) return a.start_year < b.start_year;
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return a.id < b.id;
  });
  return out;
}

}  // namespace kyoso
