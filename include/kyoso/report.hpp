// Query results as documents: the stable JSON shapes that the command-line tool and the
// Python bindings both write, the profile file that `fit`, `explain` and `portfolio` read, and
// figures written for people.
//
// Every JSON document is one line of compact JSON with its keys sorted and no final newline.
// Its "schema" member names the shape and its version ("kyoso.fit/1"); a change that removes
// or renames a member raises the version. A member that may have no value is present as null
// or an empty array, so every document of a schema has the same keys. Texts in two languages
// are {"ja", "en"}, both present; sources are as in the model file (docs/format.md). A path is
// {"nodes": [id…], "relations": [relation…], "forward": [bool…]}. tools/README.md shows each
// shape in full.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"

namespace kyoso {

// "kyoso.fit/1": {"schema", "profile", "weights", "results": [recommendation…]}.
std::string to_json(const FitResult&);
// "kyoso.explain/1": {"schema", "profile", "result": recommendation}. The profile is the one
// the recommendation was made for (resolve_profile() gives its full ids).
std::string to_json(const Recommendation&, const Profile&);
// "kyoso.diagnose/1": {"schema", "results": [diagnosis…]}.
std::string to_json(const std::vector<Diagnosis>&);
// "kyoso.neighbors/1": {"schema", "id": the start node, "neighbors": [neighbor…]}.
std::string to_json(std::string_view start, const std::vector<Neighbor>&);
// "kyoso.path/1": {"schema", "from", "to", "length": hops or null, "paths", "truncated"}.
std::string to_json(const PathResult&);
// "kyoso.portfolio/1": {"schema", "profile", "plan", "uncovered", "excluded"}.
std::string to_json(const Portfolio&);

// A profile file: {"mission", "goals", "fields", "stage", "partners", "holds",
// "establishment", "applicant"}, every member optional; a single id is a string (or null),
// the others arrays of strings. The "profile" member of the documents above has this shape,
// so a result's profile can be read back. Ids are checked against the model and returned in
// full. Throws ParseError for text that is not JSON, ValidationError for a member of the
// wrong type or an unknown member, UnknownIdError for an id the model lacks; each names
// `origin` and the JSON pointer of the value.
Profile parse_profile(const Model&, std::string_view json, std::string_view origin = "<input>");
// Reads and parses a file; throws IoError if it cannot be read.
Profile load_profile(const Model&, const std::filesystem::path& file);

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
