// The questions users ask of a model: which programs fit (and why), which success factors
// and cases address a challenge, how two things are connected, and a plan of programs.
// Each query is a const function of a Model and returns plain values.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso {

// A path through the graph: nodes[0] -relations[0]- nodes[1] … ; forward[i] tells whether
// edge i was followed from its source to its target.
struct Path {
  std::vector<std::string> nodes;
  std::vector<Relation> relations;
  std::vector<bool> forward;
  std::size_t length() const noexcept { return relations.size(); }
  friend bool operator==(const Path&, const Path&) = default;
};

// ---- fit ---------------------------------------------------------------------------------

// A university's situation. Ids may omit their kind prefix ("social-implementation").
struct Profile {
  std::string mission;                // mission/…
  std::vector<std::string> goals;     // purpose/…
  std::vector<std::string> fields;    // field/…
  std::string stage;                  // stage/… (empty: not stated)
  std::vector<std::string> partners;  // partner/…
  std::vector<std::string> holds;     // program/… already awarded
  std::string establishment;          // establishment/… (empty: not stated)
  // Who the profile is: a program applied for by this applicant kind is open to it directly.
  // The default is ignored by a model that has no such node (it says nothing of applicants).
  std::string applicant = "applicant/university";
  // The fiscal year asked about, which decides each program's call; empty: the model's.
  std::optional<int> fiscal_year;
};

// How much each criterion counts (docs/fit.md). Every criterion the profile states counts for
// every program: the score is the sum of the contributions weight × strength, divided by the
// total weight of the stated criteria, so it lies in [0, 1] and the explanation adds up to it.
struct FitWeights {
  double mission = 0.30;
  double goals = 0.35;   // shared equally among the profile's goals
  double fields = 0.10;  // shared equally among the profile's fields
  // Heavy enough that a stage the track is meant for outweighs a mission a sibling names
  // itself: a starting university is pointed at 育成型 before any 本格型 field.
  double stage = 0.25;
  // The strength of a criterion met only partly: through the parent program (the umbrella
  // speaks for all its tracks, a track that states it is the more specific answer), through
  // one of an umbrella's tracks, or by a program open to any field or stage.
  double inherited = 0.5;
};

// How one stated criterion stands for one program.
enum class Outcome : std::uint8_t {
  met,      // the program states it: strength 1
  partly,   // through its parent, one of its tracks, or by being open to all: `inherited`
  missed,   // the program states something else: strength 0 (its paths show what)
  unknown,  // the data says nothing about it: strength 0, shown as not known
};
std::string_view to_string(Outcome) noexcept;  // "met", "partly", "missed", "unknown"

// How a university takes part in a program (docs/fit.md).
enum class Route : std::uint8_t {
  lead,       // it files the application itself (代表機関)
  member,     // it joins the group that files (参画機関, a consortium with companies)
  through,    // it takes part in a plan another body files (自治体が申請主体)
  promotion,  // it moves on from a track it holds (育成型 → 本格型 by 昇格審査)
  allocated,  // it receives the program without a call (基盤的経費)
};
std::string_view to_string(
    Route) noexcept;  // "lead", "member", "through", "promotion", "allocated"

// Whether the university can use the program in the fiscal year. Not eligible is kept for
// real exclusions: no call that year, an excluded establishment, a place already held, no
// route at all for a university.
enum class Eligibility : std::uint8_t {
  eligible,      // a route is open and the profile has all it needs
  conditional,   // a route is open if the profile gets what it lacks (a partner that files …)
  not_eligible,  // excluded, as the reasons say
  unknown,       // a route is there, but whether a call runs that year is not known
};
// "eligible", "conditional", "not-eligible", "unknown"
std::string_view to_string(Eligibility) noexcept;

struct Criterion {
  std::string id;    // "mission", "goal:purpose/…", "field:field/…", "stage"
  Text description;  // what was asked, in both languages
  Outcome outcome = Outcome::unknown;
  double weight = 0;        // its share of the score's denominator
  double strength = 0;      // 1 met, `inherited` partly, 0 missed or not known
  double contribution = 0;  // weight * strength / total weight; sums to the score
  Text how;                 // partly: through what (the parent, a track, open to all)
  std::vector<Path> paths;  // why it is met; when missed, what the program states instead
};

// What a route needs, and whether the profile has it.
struct Need {
  std::string id;  // the partner (partner/…) or applicant kind (applicant/…) needed
  Text what;       // "a local government that files the application", …
  bool met = false;
};

struct Participation {
  Route route = Route::lead;
  std::string applicant;    // who files the application (applicant/…); empty when allocated
  std::vector<Need> needs;  // in the model's order
  bool ready() const noexcept {
    for (const Need& n : needs) {
      if (!n.met) return false;
    }
    return true;
  }
};

// The program's call in the fiscal year asked about: read from the program or, when it
// states none, the nearest part_of ancestor that does.
struct CallReading {
  int fiscal_year = 0;
  std::optional<CallStatus> status;  // empty: not known for that year
  std::string from;                  // the program whose call this is (itself or an ancestor)
  Text scope;                        // what is called, when not everything
  std::string period;
  std::optional<int> last_known;  // when the status is not known: the latest year that is
  std::vector<Source> sources;
};

struct Recommendation {
  std::string id;
  Text name;
  double score = 0;
  Eligibility eligibility = Eligibility::eligible;
  CallReading call;
  // Every route open to the profile's applicant kind, the one the eligibility rests on first.
  std::vector<Participation> routes;
  std::vector<Text> reasons;        // why the eligibility is what it is, conditions, notes
  std::vector<Criterion> criteria;  // every stated criterion, in the profile's order
  std::size_t specificity = 0;      // criteria met directly (the first tie-break)
  std::vector<Path> paths;          // the eligibility paths (who files, who joins, exclusions)
  std::vector<Source> sources;      // of every fact on the paths above and the call, no repeats
};

struct FitResult {
  Profile profile;  // as resolved: every id with its kind prefix, the fiscal year filled in
  FitWeights weights;
  // By score; ties by specificity (criteria met directly), then eligible, conditional,
  // unknown, not eligible, then Japanese name, then id (ranking_order() says it in words).
  std::vector<Recommendation> results;
};

// The profile with every id in full ("social-implementation" -> "purpose/social-implementation")
// and without repeats, and the fiscal year filled in from the model's when absent. Throws
// UnknownIdError for an id the model lacks.
Profile resolve_profile(const Model&, const Profile&);

// Throws Error when the profile states no criterion (no mission, goal, field or stage), so
// that every program would score 0: what `kyoso fit`, Python's Model.fit and the compare of a
// fit refuse with this message. fit() itself ranks such a profile, as fit_all() does for a
// university that stores none.
void require_criteria(const Profile&);
// How fit() orders its results, in words for the reader of a ranking.
Text ranking_order();

// Every program, ranked for the profile. Throws UnknownIdError for an id the model lacks.
FitResult fit(const Model&, const Profile&, const FitWeights& = {});
// One program's full derivation (the same Recommendation fit() gives it).
Recommendation explain(const Model&, std::string_view program, const Profile&,
                       const FitWeights& = {});
// The sub-graph behind one recommendation: the program and every node on its paths.
std::vector<std::string> explanation_nodes(const Recommendation&);

// ---- fit for every university -----------------------------------------------------------

// A university's profile from the model: derive_profile(model, university).profile
// (kyoso/university.hpp). The parts the model stores (has_mission, pursues, works_in,
// has_partner, established_as, reached_stage; the programs it was awarded as holds) as they
// are; without a stored mission, the one its support framework indicates, when the evidence
// is sure enough; as of the model's fiscal year (an award of a later year is not yet held).
// Lists are in id order; of several missions, stages or establishments the
// first by id. Throws UnknownIdError when the model has no such university.
Profile profile_of(const Model&, std::string_view university);

// A program's place in one university's ranking: fit()'s score and eligibility without the
// explanation, which explain() gives for any one program.
struct RankedProgram {
  std::string program;  // program/…
  double score = 0;
  Eligibility eligibility = Eligibility::eligible;
  friend bool operator==(const RankedProgram&, const RankedProgram&) = default;
};

// fit()'s ranking for one profile — the same programs in the same order, the same scores to
// the bit, the same eligibility — without the explanations, which cost forty times the
// scoring (bench/README.md). For sweeps over many profiles or scenarios; explain() gives
// any one program's derivation. Throws as fit() does.
std::vector<RankedProgram> rank(const Model&, const Profile&, const FitWeights& = {});

struct UniversityFit {
  std::string university;              // university/…
  Profile profile;                     // the stored profile the ranking is for (profile_of)
  std::vector<RankedProgram> ranking;  // every program, in fit()'s order
};

// fit() for every university of the model by its profile (profile_of), in id order:
// each ranking is the one fit(model, profile_of(model, university), weights) gives, with the
// same scores to the bit. The universities are shared out among `threads` threads (0: one per
// core when the work is large enough to repay starting them); the answer does not depend on
// how many.
std::vector<UniversityFit> fit_all(const Model&, const FitWeights& = {}, unsigned threads = 0);

// ---- diagnose ----------------------------------------------------------------------------

struct DiagnoseQuery {
  std::vector<std::string> challenges;  // challenge/…
  std::string stage;                    // stage/…: every challenge at that stage
  std::string text;                     // matched against the challenges' ja and en texts
};

struct FactorLink {
  std::string id;
  Text name;
  Text description;
  std::string label;  // ❶ … ❾
  Certainty certainty = Certainty::certain;
  std::vector<Source> sources;
};

struct CaseLink {
  std::string id;  // university/…
  Text name;
  Certainty certainty = Certainty::certain;
  std::vector<Source> sources;
};

struct Diagnosis {
  std::string id;  // challenge/…
  Text name;
  std::string block;  // process / structure
  std::string stage;  // stage/…
  Text stage_name;
  std::vector<FactorLink> factors;
  std::vector<CaseLink> references;
  std::string unresolved;  // candidate universities the source does not settle, if any
  // The same, read: each alternative reading of the source, as the university ids it names.
  std::vector<std::vector<std::string>> candidates;
  Text note;
  double match = 1.0;  // for text queries: how well the text matched (0–1]
  std::vector<Source> sources;
};

// The union of the named challenges, those at the stage and those the text matches: every
// whitespace-separated term occurs in a challenge's name or description (ASCII case ignored),
// or, for a term with Japanese in it, at least 70% of its character bigrams do. Named and
// staged challenges come first in id order, then text matches by match, then id. Throws
// Error when the query selects nothing, UnknownIdError for an unknown challenge or stage.
std::vector<Diagnosis> diagnose(const Model&, const DiagnoseQuery&);

// ---- explore -----------------------------------------------------------------------------

struct Neighbor {
  std::string id;
  Text name;
  Kind kind = Kind::program;
  int depth = 1;
  Path path;  // from the start node
};

// Nodes within `depth` steps, nearest first, then by id; each with the path it was first
// reached by. Throws Error for a depth below 1 or over limits::max_neighbor_depth, and when
// more than limits::max_neighbors nodes are that near (limits.hpp).
std::vector<Neighbor> neighbors(const Model&, std::string_view id,
                                std::optional<Relation> relation = std::nullopt,
                                Direction direction = Direction::out, int depth = 1);

struct PathQuery {
  std::string from;
  std::string to;
  int max_length = 6;               // at most limits::max_path_length
  std::vector<Relation> relations;  // empty: any
  bool directed = false;            // follow edges only from source to target
  std::size_t max_paths = 100;      // stop listing after this many shortest paths (0: the
                                    // length alone, which is quicker to find); at most
                                    // limits::max_paths
};

struct PathResult {
  std::string from;  // the query's ends, as resolved
  std::string to;
  std::optional<std::size_t> length;  // hops of the shortest path; empty when none
  std::vector<Path> paths;            // every shortest path (up to max_paths), sorted by
                                      // node ids, then relations, then forward first
  bool truncated = false;
};

// Throws Error for a negative max_length, or a max_length or max_paths over its cap
// (limits.hpp), UnknownIdError for an unknown id.
PathResult shortest_paths(const Model&, const PathQuery&);

// The sources of the edges a path follows, in path order, without repeats: what a reader
// checks to trust the path.
std::vector<Source> path_sources(const Model&, const Path&);

// The nodes given (ids may omit their kind) and every edge among them, as a model of its
// own with the same info; for drawing or exporting part of a model. Throws UnknownIdError.
Model subgraph(const Model&, std::span<const std::string> ids);
// The nodes within `depth` steps of `focus`, following edges in either direction, and every
// edge among them. Depth 0 is the focus alone; throws Error for a negative depth.
Model neighbourhood(const Model&, std::string_view focus, int depth);

// ---- portfolio ---------------------------------------------------------------------------

struct PlanItem {
  std::string id;
  Text name;
  double score = 0;
  std::vector<std::string> covers;  // purpose ids
  int start_year = 0;               // years from now
  int years = 0;                    // how long it runs; 0 when the source does not say
  Qualifier years_qualifier = Qualifier::exact;
  Unit years_unit = Unit::years;  // years or fiscal_years (年度), as the source counts them
  std::vector<Text> reasons;      // why it is in the plan (and in this order)
};

struct Portfolio {
  Profile profile;
  std::vector<PlanItem> plan;          // in start order
  std::vector<std::string> uncovered;  // goals no eligible program serves
  std::vector<Text> excluded;          // programs left out, with why
};

Portfolio portfolio(const Model&, const Profile&, const FitWeights& = {});

}  // namespace kyoso
