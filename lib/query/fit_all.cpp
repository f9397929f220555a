// fit_all: fit() for every university by the profile the model stores for it. A national
// model asks for a thousand universities × hundreds of programs at once, so the answer is
// computed on node indices: each program's facts are gathered once (they do not depend on
// the university), and scoring one pair is a few comparisons of integers, with no string and
// no allocation; a ranking's ids are written once it is sorted. fit() stays the reference: the
// rules here are fit.cpp's, read the same way (a track inherits a relation it does not state; a
// program that names no stage is judged by its tracks'), and query_fit_all_test checks that both
// give the same rankings.
#include <algorithm>
#include <atomic>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include "kyoso/limits.hpp"
#include "kyoso/query.hpp"
#include "query/facts.hpp"

namespace kyoso {
namespace {

// The profile as node indices, read from the university's edges in id order.
struct StoredProfile {
  std::optional<NodeIndex> mission;
  std::vector<NodeIndex> goals;
  std::vector<NodeIndex> fields;
  std::optional<NodeIndex> stage;
  std::vector<NodeIndex> partners;
  std::vector<NodeIndex> holds;
  std::optional<NodeIndex> establishment;
};

StoredProfile stored_profile(const Model& model, NodeIndex university) {
  StoredProfile p;
  auto first = [](std::optional<NodeIndex>& slot, NodeIndex v) {
    if (!slot) slot = v;
  };
  for (EdgeIndex i : model.out_edges(university)) {
    const Edge& e = model.edge(i);
    switch (e.relation) {
      case Relation::has_mission:
        first(p.mission, e.target);
        break;
      case Relation::pursues:
        p.goals.push_back(e.target);
        break;
      case Relation::works_in:
        p.fields.push_back(e.target);
        break;
      case Relation::reached_stage:
        first(p.stage, e.target);
        break;
      case Relation::has_partner:
        p.partners.push_back(e.target);
        break;
      case Relation::awarded:
        p.holds.push_back(e.target);
        break;
      case Relation::established_as:
        first(p.establishment, e.target);
        break;
      default:
        break;
    }
  }
  return p;
}

// The targets of the edges that define a program's answer for one relation: its own, or
// else those of the nearest part_of ancestor that states any (facts.hpp's defining_edges,
// which fit() reads too).
struct Defined {
  std::vector<NodeIndex> targets;
  bool own = true;

  bool has(NodeIndex v) const {
    return std::find(targets.begin(), targets.end(), v) != targets.end();
  }
};

enum class Call : std::uint8_t { open, closed, none };

// What fit() reads of one program, gathered once for all universities.
struct ProgramFacts {
  NodeIndex program = 0;
  Call call = Call::open;
  Defined missions, goals, fields, stages, excluded, applicants;
  // When no program of the lineage names a stage: the stages its tracks (and theirs) suit,
  // in the order fit() visits them, which decides a tie (see stage_through_tracks).
  std::vector<NodeIndex> track_stages;
  // For each of applicants.targets: the partners that may apply as it (applies_as).
  std::vector<std::vector<NodeIndex>> applying_partners;
};

std::vector<NodeIndex> lineage(const Model& model, NodeIndex program) {
  std::vector<NodeIndex> chain{program};
  for (;;) {
    std::optional<NodeIndex> parent;
    for (EdgeIndex i : model.out_edges(chain.back())) {
      const Edge& e = model.edge(i);
      if (e.relation == Relation::part_of && model.node(e.target).kind == Kind::program) {
        parent = e.target;
        break;
      }
    }
    if (!parent) return chain;
    chain.push_back(*parent);
  }
}

Defined defined(const Model& model, const std::vector<NodeIndex>& chain, Relation relation) {
  detail::DefiningEdges defining = detail::defining_edges(model, chain, relation);
  Defined out;
  out.own = defining.depth == 0;
  out.targets.reserve(defining.edges.size());
  for (EdgeIndex e : defining.edges) out.targets.push_back(model.edge(e).target);
  return out;
}

// Depth first from the program down its part_of tracks, each once, as fit.cpp walks them.
std::vector<NodeIndex> track_stages(const Model& model, NodeIndex program) {
  std::vector<NodeIndex> out;
  std::vector<NodeIndex> frontier{program};
  boost::unordered_flat_set<NodeIndex> reached{program};
  while (!frontier.empty()) {
    NodeIndex node = frontier.back();
    frontier.pop_back();
    for (EdgeIndex i : model.in_edges(node)) {
      const Edge& up = model.edge(i);
      if (up.relation != Relation::part_of || model.node(up.source).kind != Kind::program) continue;
      if (!reached.insert(up.source).second) continue;
      for (EdgeIndex j : model.out_edges(up.source)) {
        const Edge& s = model.edge(j);
        if (s.relation == Relation::suits_stage) out.push_back(s.target);
      }
      frontier.push_back(up.source);
    }
  }
  return out;
}

ProgramFacts facts_of(const Model& model, NodeIndex program) {
  ProgramFacts f;
  f.program = program;
  std::vector<NodeIndex> chain = lineage(model, program);
  for (NodeIndex n : chain) {
    std::string_view call = model.node(n).attribute("call");
    if (call.empty()) continue;
    f.call = call == "closed" ? Call::closed : call == "none" ? Call::none : Call::open;
    break;
  }
  f.missions = defined(model, chain, Relation::targets);
  f.goals = defined(model, chain, Relation::serves);
  f.fields = defined(model, chain, Relation::suits_field);
  f.stages = defined(model, chain, Relation::suits_stage);
  f.excluded = defined(model, chain, Relation::excludes);
  f.applicants = defined(model, chain, Relation::applied_by);
  if (f.stages.targets.empty()) f.track_stages = track_stages(model, program);
  for (NodeIndex applicant : f.applicants.targets) {
    std::vector<NodeIndex> partners;
    for (EdgeIndex i : model.in_edges(applicant)) {
      const Edge& e = model.edge(i);
      if (e.relation == Relation::applies_as) partners.push_back(e.source);
    }
    f.applying_partners.push_back(std::move(partners));
  }
  return f;
}

// A RankedProgram on the node index: rankings are scored and sorted on these, and their ids
// written out once, when a ranking is final.
struct Ranked {
  NodeIndex program = 0;
  double score = 0;
  Eligibility eligibility = Eligibility::eligible;
};

bool contains(const std::vector<NodeIndex>& list, NodeIndex v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Scores programs for one profile. The criteria are added up in fit()'s order (met first,
// then missed, each in profile order), because a floating-point sum depends on its order and
// the scores must equal fit()'s to the bit.
class Scorer {
 public:
  Scorer(const FitWeights& weights, NodeIndex applicant) : w_(weights), applicant_(applicant) {}

  Ranked rank(const ProgramFacts& f, const StoredProfile& p) {
    return {f.program, score(f, p), eligibility(f, p)};
  }

 private:
  double strength(const Defined& d, NodeIndex target) const {
    return d.has(target) ? (d.own ? 1.0 : w_.inherited) : 0.0;
  }

  void add(double weight, double strength) {
    if (strength > 0) {
      met_.push_back({weight, strength});
    } else {
      missed_.push_back(weight);
    }
  }

  // fit.cpp's match_stage_through_tracks: the first track stage that matches sets the
  // strength and forgets the mismatches seen before it (they only explain a miss).
  void stage_through_tracks(const ProgramFacts& f, NodeIndex stage) {
    double s = 0;
    bool instead = false;
    for (NodeIndex t : f.track_stages) {
      if (t != stage) {
        instead = true;
      } else if (s == 0) {
        s = w_.inherited;
        instead = false;
      }
    }
    if (s > 0 || instead) add(w_.stage, s);
  }

  double score(const ProgramFacts& f, const StoredProfile& p) {
    met_.clear();
    missed_.clear();
    if (p.mission) add(w_.mission, strength(f.missions, *p.mission));
    for (NodeIndex goal : p.goals) {
      add(w_.goals / static_cast<double>(p.goals.size()), strength(f.goals, goal));
    }
    for (NodeIndex field : p.fields) {
      add(w_.fields / static_cast<double>(p.fields.size()), strength(f.fields, field));
    }
    if (p.stage) {
      if (!f.stages.targets.empty()) {
        add(w_.stage, strength(f.stages, *p.stage));
      } else {
        stage_through_tracks(f, *p.stage);
      }
    }
    double total = 0;
    for (const auto& [weight, s] : met_) total += weight;
    for (double weight : missed_) total += weight;
    double score = 0;
    if (total > 0) {
      for (const auto& [weight, s] : met_) score += weight * s / total;
    }
    return score;
  }

  Eligibility eligibility(const ProgramFacts& f, const StoredProfile& p) const {
    if (f.call == Call::none) return Eligibility::eligible;
    Eligibility e = f.call == Call::closed ? Eligibility::not_eligible : Eligibility::eligible;
    if (p.establishment && f.excluded.has(*p.establishment)) e = Eligibility::not_eligible;
    if (f.applicants.targets.empty() || f.applicants.has(applicant_)) return e;
    for (const std::vector<NodeIndex>& partners : f.applying_partners) {
      for (NodeIndex partner : partners) {
        if (!contains(p.partners, partner)) continue;
        return e == Eligibility::eligible ? Eligibility::via_partner : e;
      }
    }
    return Eligibility::not_eligible;
  }

  const FitWeights& w_;
  NodeIndex applicant_;
  // Reused from program to program: scoring allocates nothing once they have grown.
  std::vector<std::pair<double, double>> met_;
  std::vector<double> missed_;
};

// fit()'s order: programs meeting something first, eligible before not, then by score
// (within rounding), then by id, which is index order.
void sort_ranking(std::vector<Ranked>& ranking) {
  auto rank = [](Eligibility e) { return e == Eligibility::not_eligible ? 1 : 0; };
  std::stable_sort(ranking.begin(), ranking.end(), [&](const Ranked& a, const Ranked& b) {
    bool ra = a.score > 1e-9, rb = b.score > 1e-9;
    if (ra != rb) return ra;
    if (rank(a.eligibility) != rank(b.eligibility)) {
      return rank(a.eligibility) < rank(b.eligibility);
    }
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return a.program < b.program;
  });
}

std::vector<RankedProgram> with_ids(const Model& model, const std::vector<Ranked>& ranking) {
  std::vector<RankedProgram> out;
  out.reserve(ranking.size());
  for (const Ranked& r : ranking)
    out.emplace_back(model.node(r.program).id, r.score, r.eligibility);
  return out;
}

Profile profile_with_ids(const Model& model, const StoredProfile& stored) {
  auto id = [&](std::optional<NodeIndex> v) { return v ? model.node(*v).id : std::string(); };
  auto ids = [&](const std::vector<NodeIndex>& list) {
    std::vector<std::string> out;
    for (NodeIndex v : list) out.push_back(model.node(v).id);
    return out;
  };
  Profile p;
  p.mission = id(stored.mission);
  p.goals = ids(stored.goals);
  p.fields = ids(stored.fields);
  p.stage = id(stored.stage);
  p.partners = ids(stored.partners);
  p.holds = ids(stored.holds);
  p.establishment = id(stored.establishment);
  return p;
}

}  // namespace

Profile profile_of(const Model& model, std::string_view university) {
  return profile_with_ids(model,
                          stored_profile(model, model.resolve(university, Kind::university)));
}

std::vector<RankedProgram> rank(const Model& model, const Profile& profile,
                                const FitWeights& weights) {
  detail::check_weights(weights);
  Profile full = resolve_profile(model, profile);
  auto index = [&](const std::string& id) { return *model.find(id); };
  auto one = [&](const std::string& id) {
    return id.empty() ? std::nullopt : std::optional<NodeIndex>(index(id));
  };
  auto many = [&](const std::vector<std::string>& ids) {
    std::vector<NodeIndex> out;
    for (const std::string& id : ids) out.push_back(index(id));
    return out;
  };
  StoredProfile p{one(full.mission),   many(full.goals), many(full.fields),      one(full.stage),
                  many(full.partners), many(full.holds), one(full.establishment)};
  // No applicant (an empty id) is one that no program names.
  Scorer scorer(weights, one(full.applicant).value_or(std::numeric_limits<NodeIndex>::max()));
  std::vector<Ranked> ranking;
  ranking.reserve(model.nodes_of_kind(Kind::program).size());
  for (NodeIndex program : model.nodes_of_kind(Kind::program)) {
    ranking.push_back(scorer.rank(facts_of(model, program), p));
  }
  sort_ranking(ranking);
  return with_ids(model, ranking);
}

std::vector<UniversityFit> fit_all(const Model& model, const FitWeights& weights,
                                   unsigned threads) {
  detail::check_weights(weights);
  // Every stored profile is the university's: fit() resolves its default applicant the same,
  // and a model without one as no applicant.
  const NodeIndex applicant =
      model.find(Profile{}.applicant).value_or(std::numeric_limits<NodeIndex>::max());
  std::vector<ProgramFacts> programs;
  for (NodeIndex p : model.nodes_of_kind(Kind::program)) programs.push_back(facts_of(model, p));
  std::span<const NodeIndex> universities = model.nodes_of_kind(Kind::university);
  std::vector<UniversityFit> out(universities.size());

  // Universities are handed out a few at a time from a shared counter, so a thread that
  // drew quick ones takes more; each result has its own slot, so the order is fixed.
  constexpr std::size_t batch = 8;
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  // The threads started here answer to the caller's interrupt too.
  const std::atomic<bool>* stop = InterruptScope::current();
  static const std::atomic<bool> never{false};
  auto work = [&] {
    try {
      InterruptScope scope(stop ? *stop : never);
      Scorer scorer(weights, applicant);
      std::vector<Ranked> ranking;
      for (;;) {
        std::size_t begin = next.fetch_add(batch);
        if (begin >= universities.size()) return;
        InterruptScope::check();
        std::size_t end = std::min(begin + batch, universities.size());
        for (std::size_t i = begin; i < end; ++i) {
          StoredProfile profile = stored_profile(model, universities[i]);
          ranking.clear();
          for (const ProgramFacts& f : programs) ranking.push_back(scorer.rank(f, profile));
          sort_ranking(ranking);
          out[i] = {model.node(universities[i]).id, profile_with_ids(model, profile),
                    with_ids(model, ranking)};
        }
      }
    } catch (...) {
      std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = universities.size();
    }
  };
  if (threads == 0) {
    // Starting a thread costs tens of microseconds, as much as scoring a few hundred pairs;
    // below a few milliseconds of work one thread is quicker.
    constexpr std::size_t pairs_worth_a_thread = 50'000;
    bool large = universities.size() * programs.size() >= pairs_worth_a_thread;
    threads = large ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  }
  threads = static_cast<unsigned>(
      std::min<std::size_t>(threads, (universities.size() + batch - 1) / batch));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

}  // namespace kyoso
