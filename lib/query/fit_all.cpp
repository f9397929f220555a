// rank() and fit_all(): fit()'s rankings without the explanations. A national model asks for
// a thousand universities × hundreds of programs at once, so each program's facts are
// gathered once (they do not depend on the university) and every pair is judged by the same
// Scorer fit() uses (query/scorer.hpp), on node indices; a ranking's ids are written once it is
// sorted.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include "kyoso/limits.hpp"
#include "kyoso/query.hpp"
#include "kyoso/university.hpp"
#include "query/scorer.hpp"
#include "query/university.hpp"

namespace kyoso {
namespace {

// The profile as node indices, read from the university's edges in id order: derive_profile()
// without the explanation (university.cpp), the same parts by the same rules.
struct StoredProfile {
  std::optional<NodeIndex> mission;
  std::vector<NodeIndex> goals;
  std::vector<NodeIndex> fields;
  std::optional<NodeIndex> stage;
  std::vector<NodeIndex> partners;
  std::vector<NodeIndex> holds;
  std::optional<NodeIndex> establishment;
};

StoredProfile stored_profile(const Model& model, NodeIndex university,
                             std::optional<int> fiscal_year) {
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
        if (detail::usable(e.certainty)) p.fields.push_back(e.target);
        break;
      case Relation::reached_stage:
        first(p.stage, e.target);
        break;
      case Relation::has_partner:
        p.partners.push_back(e.target);
        break;
      case Relation::awarded:
        if (detail::held_in(e, fiscal_year)) p.holds.push_back(e.target);
        break;
      case Relation::established_as:
        first(p.establishment, e.target);
        break;
      default:
        break;
    }
  }
  if (!p.mission) {
    if (auto evidence = detail::mission_from_frameworks(model, university)) {
      p.mission = evidence->mission;
    }
  }
  return p;
}

// Ranks the programs for one profile with the shared scorer (query/scorer.hpp), keeping only
// what a ranking needs; scratch space is reused from program to program.
class Ranker {
 public:
  Ranker(const Model& model, const FitWeights& weights)
      : model_(model), scorer_(model, weights), weights_(weights) {}

  std::vector<RankedProgram> rank(const std::vector<detail::ProgramFacts>& programs,
                                  const detail::ProfileIndex& profile) {
    asks_ = detail::asks_of(profile, weights_);
    keyed_.clear();
    for (const detail::ProgramFacts& f : programs) {
      scorer_.judge(f, asks_, judgements_);
      double score = detail::Scorer::score(judgements_);
      Eligibility e = scorer_.eligibility(f, profile);
      keyed_.push_back({{score, detail::Scorer::specificity(judgements_), e, f.name_order},
                        {f.program, score, e}});
    }
    std::sort(keyed_.begin(), keyed_.end(),
              [](const auto& a, const auto& b) { return detail::ranks_before(a.first, b.first); });
    std::vector<RankedProgram> out;
    out.reserve(keyed_.size());
    // The ids are written once the ranking is sorted.
    for (const auto& [key, r] : keyed_) {
      out.push_back({model_.node(r.program).id, r.score, r.eligibility});
    }
    return out;
  }

 private:
  // A RankedProgram on the node index.
  struct Ranked {
    NodeIndex program = 0;
    double score = 0;
    Eligibility eligibility = Eligibility::eligible;
  };

  const Model& model_;
  detail::Scorer scorer_;
  const FitWeights& weights_;
  std::vector<detail::Ask> asks_;
  std::vector<detail::Judgement> judgements_;
  std::vector<std::pair<detail::RankKey, Ranked>> keyed_;
};

detail::ProfileIndex index_of(const StoredProfile& p, std::optional<NodeIndex> applicant) {
  return {p.mission, p.goals, p.fields, p.stage, p.partners, p.holds, p.establishment, applicant};
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
  return derive_profile(model, university).profile;
}

std::vector<RankedProgram> rank(const Model& model, const Profile& profile,
                                const FitWeights& weights) {
  detail::check_weights(weights);
  Profile full = resolve_profile(model, profile);
  std::vector<detail::ProgramFacts> programs = detail::program_facts(model, full.fiscal_year);
  return Ranker(model, weights).rank(programs, detail::index_profile(model, full));
}

std::vector<UniversityFit> fit_all(const Model& model, const FitWeights& weights,
                                   unsigned threads) {
  detail::check_weights(weights);
  // Every stored profile is the university's: fit() resolves its default applicant the same,
  // and a model without one as no applicant.
  const std::optional<NodeIndex> applicant = model.find(Profile{}.applicant);
  // The year whose calls are read: the model's, as fit() reads it for a profile that names none.
  const std::optional<int> fiscal_year = model.info().fiscal_year;
  std::vector<detail::ProgramFacts> programs = detail::program_facts(model, fiscal_year);
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
      Ranker ranker(model, weights);
      for (;;) {
        std::size_t begin = next.fetch_add(batch);
        if (begin >= universities.size()) return;
        InterruptScope::check();
        std::size_t end = std::min(begin + batch, universities.size());
        for (std::size_t i = begin; i < end; ++i) {
          StoredProfile profile = stored_profile(model, universities[i], fiscal_year);
          out[i] = {model.node(universities[i]).id, profile_with_ids(model, profile),
                    ranker.rank(programs, index_of(profile, applicant))};
          out[i].profile.fiscal_year = fiscal_year;
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
