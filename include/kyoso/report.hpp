// Every result in its one written form: the versioned JSON documents that the command-line
// tool prints and the Python bindings read (tools/README.md shows each shape in full), the
// batch fit's JSON lines and CSV, the simulation's CSV, the profile file that `fit`,
// `explain` and `portfolio` read, and figures written for people.
//
// Every JSON document is one line of compact JSON with its keys sorted and no final newline.
// Its "schema" member names the shape and its version ("kyoso.fit/2"); a change that removes
// or renames a member raises the version. A member that may have no value is present as null
// or an empty array, so every document of a schema has the same keys. Texts in two languages
// are {"ja", "en"}, both present; sources are as in the model file (docs/format.md). A path is
// {"nodes": [id…], "relations": [relation…], "forward": [bool…]}. A number is written as
// Python writes a float: the shortest text that reads back as the same double, with ".0" when
// it has no fraction (1.0, 0.7333333333333334); CSV writes its numbers the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/compare.hpp"
#include "kyoso/error.hpp"
#include "kyoso/find.hpp"
#include "kyoso/model.hpp"
#include "kyoso/query.hpp"
#include "kyoso/simulate.hpp"
#include "kyoso/university.hpp"

namespace kyoso {

// ---- query results (query.hpp) ----------------------------------------------------------

// "kyoso.fit/2": {"schema", "profile", "weights", "order", "results": [recommendation…]}; a
// recommendation's "nodes" are its explanation_nodes().
std::string to_json(const FitResult&);
// "kyoso.explain/2": {"schema", "profile", "result": recommendation}. The profile is the one
// the recommendation was made for (resolve_profile() gives its full ids).
std::string to_json(const Recommendation&, const Profile&);
// "kyoso.rank/2": {"schema", "profile", "weights", "results": [{"id", "score",
// "eligibility"}…]}: rank()'s answer for the profile (resolve_profile() gives its full ids)
// under the weights it was ranked with.
std::string to_json(const std::vector<RankedProgram>&, const Profile&, const FitWeights&);
// "kyoso.diagnose/2": {"schema", "results": [diagnosis…]}.
std::string to_json(const std::vector<Diagnosis>&);
// "kyoso.neighbors/1": {"schema", "id": the start node, "neighbors": [neighbor…]}.
std::string to_json(std::string_view start, const std::vector<Neighbor>&);
// "kyoso.path/1": {"schema", "from", "to", "length": hops or null, "paths", "truncated"}.
std::string to_json(const PathResult&);
// "kyoso.portfolio/1": {"schema", "profile", "plan", "uncovered", "excluded"}.
std::string to_json(const Portfolio&);

// ---- every university at once (fit_all) --------------------------------------------------

// "kyoso.fit_all/2": {"schema", "university", "profile", "results": [{"id", "score",
// "eligibility"}…]}, one university's ranking.
std::string to_json(const UniversityFit&);

struct FitAllOutput {
  // JSON lines: one kyoso.fit_all/2 document per university, each ending in a newline. CSV:
  // a header, then the rows university,rank,program,score,eligibility.
  enum class Format : std::uint8_t { jsonl, csv };
  Format format = Format::jsonl;
  std::optional<std::size_t> top;  // keep the first `top` programs of each ranking
  bool eligible_only = false;      // leave out the programs the university cannot apply to
};
// Writes fit_all()'s answer university by university as it goes, never the whole text at
// once: a national model has hundreds of thousands of ranked programs. With eligible_only,
// ranks count the programs kept.
void write_fit_all(std::ostream&, const std::vector<UniversityFit>&, const FitAllOutput& = {});

// ---- simulate (simulate.hpp) and compare (compare.hpp) -----------------------------------

// "kyoso.simulate/1": {"schema", "program", "name", "parameters", "tracks", "years",
// "assumptions"}; each year {"fiscal_year", "active": {track: n}, "new", "promoted", "ended",
// "turned_away", "spend_jpy", "budget_jpy", "over_budget", "budget_bound", "funding_scale"}.
// With Monte Carlo each count and spend_jpy is {"p10", "p50", "p90"}, and over_budget and
// budget_bound are shares of runs.
std::string to_json(const SimulationResult&);
// One row per fiscal year, a header first: fiscal_year, active:<track>…, new, promoted,
// ended, turned_away, spend_jpy, budget_jpy, over_budget, budget_bound, funding_scale. With
// Monte Carlo each count and spend_jpy is three columns, <name>_p10, <name>_p50, <name>_p90.
std::string to_csv(const SimulationResult&);

// "kyoso.compare.fit/2": {"schema", "base": kyoso.fit/2 document, "scenario": …, "entered":
// [id…], "left": [id…], "programs": [{"id", "name", "base": {"rank", "score", "eligibility"}
// or null, "scenario": … or null, "entered", "left", "rank_move", "score_change",
// "eligibility_changed", "changed"}…]}.
std::string to_json(const FitComparison&);
// "kyoso.compare.simulate/1": {"schema", "base": kyoso.simulate/1 document, "scenario": …,
// "years": [{"fiscal_year", "active": {track: Δ}, "new", "promoted", "ended", "turned_away",
// "spend_jpy", "budget_jpy", "over_budget", "budget_bound"}…] each a scenario − base delta,
// "assumptions_changed": {"base": [text…], "scenario": [text…]}}: the assumptions one run
// states and the other does not.
std::string to_json(const SimulationComparison&);

// ---- the model itself ---------------------------------------------------------------------

// "kyoso.node/2": {"schema", "node", "neighbors"}: the node (an id; the kind prefix may be
// left out) with everything the model file holds for it, and every edge at it with what the
// edge carries, outgoing first, then by relation and the other end's id; each figure, the
// node's or an edge's, also as "text" in `lang`.
// Throws UnknownIdError for an id the model lacks.
std::string node_json(const Model&, std::string_view id, Lang lang);
// "kyoso.nodes/1": {"schema", "nodes": [node…]}: every node (of `kind`, when given) in id
// order, each as the "node" member of kyoso.node/2 writes it.
std::string nodes_json(const Model&, std::optional<Kind> kind, Lang lang);
// "kyoso.stats/1": {"schema", "model", "nodes": {"total", "by_kind"}, "edges": {"total",
// "by_relation"}, "memory"}; every kind and relation is listed, zero or not.
std::string stats_json(const Model&);
// "kyoso.validate/1": {"schema", "ok": true, "file", "files", "scenario", "model", "nodes",
// "edges"} for a model that loaded from `files` (read as layers; none: the embedded model)
// with the scenario read from `scenario` (null for none) laid over it. "file" is the one
// file, null for none or several.
std::string validation_json(const Model&, const std::vector<std::string>& files,
                            const std::optional<std::string>& scenario);

// "kyoso.error/1": {"schema", "error": {"type", "message", "problem", "file", "line",
// "column", "pointer", "id", "suggestion"}}: where the input went wrong, for a program that
// reads the output. "type" is parse, validation, unknown_id, ambiguous_name, io or error; an
// ambiguous_name error has one more member, "candidates": the ids the name fits.
std::string to_json(const Error&);

// ---- names and universities (find.hpp, university.hpp) --------------------------------

// "kyoso.find/1": {"schema", "text", "kind": the kind asked for or null, "matches": [{"id",
// "kind", "name", "quality", "matched", "context", "context_name"}…]}.
std::string to_json(std::string_view text, std::optional<Kind> kind, const std::vector<Match>&);
// "kyoso.universities/1": {"schema", "universities": [university…], "partial_lists": the
// programs asked about whose list of holders is partial}.
std::string to_json(const std::vector<University>&, const std::vector<std::string>& partial_lists);
// "kyoso.university_profile/1": {"schema", "university", "name", "profile": the profile
// file's shape, "facts": [fact…]}: a derived profile and where each part comes from.
std::string to_json(const UniversityProfile&);
// "kyoso.fit/2" whose "university" member (null in a plain fit) is the
// kyoso.university_profile/1 document of the derived profile the fit started from.
std::string to_json(const FitResult&, const UniversityProfile&);

// ---- profiles ------------------------------------------------------------------------------

// A profile file: {"mission", "goals", "fields", "stage", "partners", "holds",
// "establishment", "applicant"}, every member optional; a single id is a string (or null),
// the others arrays of strings. The "profile" member of the documents above has this shape,
// so a result's profile can be read back; to_json() writes it, every member present.
std::string to_json(const Profile&);
// Ids are checked against the model and returned in full. Throws ParseError for text that is
// not JSON, ValidationError for a member of the wrong type or an unknown member,
// UnknownIdError for an id the model lacks; each names `origin` and the JSON pointer of the
// value.
Profile parse_profile(const Model&, std::string_view json, std::string_view origin = "<input>");
// Reads and parses a file; throws IoError if it cannot be read.
Profile load_profile(const Model&, const std::filesystem::path& file);

// ---- figures for people -------------------------------------------------------------------

// A figure's value with its unit and qualifier, as the source writes it: 134億円,
// 3千万円程度/年, 最大4億円/年, 最長10年度, 5.4%; in English JPY 13,400,000,000,
// ≈ JPY 30,000,000 / year, up to 10 fiscal years. The fiscal year is left to
// fiscal_year_text().
std::string to_text(const Figure&, Lang);
// 2024 -> "令和6年度" / "FY2024"; 2019 -> "令和元年度".
std::string fiscal_year_text(int fiscal_year, Lang);
// The label of a documented figure name (docs/format.md): "budget" -> "予算額" / "budget".
// Other names are shown as they are.
std::string figure_name_text(std::string_view name, Lang);

}  // namespace kyoso
