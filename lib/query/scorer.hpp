// The one implementation of fit's rules (docs/fit.md), shared by fit(), explain(), rank() and
// fit_all(): the facts of each program are gathered once (its lineage up part_of, the edges
// that define each relation for it, its tracks, its call in the fiscal year asked about), and
// judging a profile against them works on node and edge indices. fit() turns the same
// judgements into an explanation; rank() and fit_all() keep only the score, the tie-break and
// the eligibility, so the answers cannot drift apart.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"
#include "query/facts.hpp"

namespace kyoso::detail {

// A profile as node indices. An empty optional, or a list without an id, asks nothing.
struct ProfileIndex {
  std::optional<NodeIndex> mission;
  std::vector<NodeIndex> goals;
  std::vector<NodeIndex> fields;
  std::optional<NodeIndex> stage;
  std::vector<NodeIndex> partners;
  std::vector<NodeIndex> holds;
  std::optional<NodeIndex> establishment;
  std::optional<NodeIndex> applicant;
};
// The resolved profile (resolve_profile) as indices.
ProfileIndex index_profile(const Model&, const Profile& resolved);

// A track below an umbrella program, reached down part_of: its node, the edge it was reached
// by, and the entry it was reached from (0 is the program itself), which together are its path.
struct Track {
  NodeIndex node;
  EdgeIndex edge;
  std::size_t from;
};

// What the rules read of one program, gathered once per model and fiscal year.
struct ProgramFacts {
  NodeIndex program = 0;
  std::vector<NodeIndex> chain;  // the program and its part_of ancestors (first parent)
  std::vector<EdgeIndex> up;     // up[i] leads from chain[i] to chain[i + 1]
  DefiningEdges missions, goals, fields, stages;
  DefiningEdges excluded, filers, joiners, involved, partners_needed;
  // What the nearest program of the lineage says of fields or stages as a whole (attributes
  // "fields" and "stages": "any", open to all; "other", only ones outside the model's), as a
  // depth in chain; empty when none says.
  struct Scope {
    std::size_t depth = 0;
    bool any = false;
  };
  std::optional<Scope> field_scope, stage_scope;
  // When no program of the lineage names a stage: its tracks, depth first without repeats,
  // and the stages they suit as (track, suits_stage edge).
  std::vector<Track> tracks;
  std::vector<std::pair<std::size_t, EdgeIndex>> track_stages;
  // The call in the fiscal year asked about.
  const Call* call = nullptr;
  std::optional<std::size_t> call_depth;  // where in chain the calls are stated; empty: nowhere
  std::optional<int> last_known;          // the latest year a call is stated for, before it
  bool one_per_university = false;        // attribute "places" = "one-per-university"
  std::optional<int> fiscal_year;         // the year the facts were read for
  std::size_t name_order = 0;             // its place among all programs by (name.ja, id)
};

// Every program of the model, its facts read for one fiscal year (empty: only undated calls
// are read).
std::vector<ProgramFacts> program_facts(const Model&, std::optional<int> fiscal_year);

// The evidence behind one criterion's outcome: the edge the program (at `depth` in its
// lineage) states it with, or a track reached down part_of, or the program open to all.
struct Judgement {
  Outcome outcome = Outcome::unknown;
  double weight = 0;
  double strength = 0;
  std::size_t depth = 0;             // met or partly through an ancestor
  std::optional<EdgeIndex> edge;     // the edge that meets it
  std::optional<std::size_t> track;  // partly through this track (index in tracks)
  bool open_to_all = false;          // partly: the program takes any field or stage
  bool only_others = false;          // missed: the program names only other ones
};

// A criterion of the profile: the relation a program must state, and the node it must reach.
struct Ask {
  Relation relation;
  NodeIndex target;
  double weight;
};
// The profile's criteria in its order: mission, goals, fields, stage.
std::vector<Ask> asks_of(const ProfileIndex&, const FitWeights&);

// Where a judgement of eligibility is written down, when fit() explains it.
class EligibilityNotes {
 public:
  virtual ~EligibilityNotes() = default;
  virtual void reason(Text) = 0;
  // An eligibility path: from the program up `depth` steps of its lineage, then along `tail`
  // (each an edge, and whether it is followed forward).
  virtual void path(std::size_t depth, std::span<const std::pair<EdgeIndex, bool>> tail) = 0;
  virtual void route(Participation) = 0;
};

class Scorer {
 public:
  Scorer(const Model&, const FitWeights&);

  // The outcome of each ask for the program, in ask order, into `out` (reused).
  void judge(const ProgramFacts&, std::span<const Ask>, std::vector<Judgement>& out) const;
  // The score the judgements add up to (the same sum in the same order everywhere).
  static double score(std::span<const Judgement>);
  static std::size_t specificity(std::span<const Judgement>);
  // Whether the profile can use the program in the fiscal year, and why, into `notes` when
  // given.
  Eligibility eligibility(const ProgramFacts&, const ProfileIndex&,
                          EligibilityNotes* notes = nullptr) const;

 private:
  Judgement judge(const ProgramFacts&, const Ask&) const;
  Judgement judge_stage_through_tracks(const ProgramFacts&, const Ask&) const;

  const Model& model_;
  const FitWeights& weights_;
};

// fit()'s order, for every ranking: by score (within rounding), then specificity, then
// eligible, conditional, unknown, not eligible, then name order.
struct RankKey {
  double score;
  std::size_t specificity;
  Eligibility eligibility;
  std::size_t name_order;
};
bool ranks_before(const RankKey&, const RankKey&);

// The fiscal year a profile asks about: its own, else the model's.
std::optional<int> fiscal_year_of(const Model&, const Profile&);

}  // namespace kyoso::detail
