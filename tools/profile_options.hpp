// The profile options that fit, explain and portfolio share: a university's situation from a
// --profile file, from flags, or from both.
#pragma once

#include "cli.hpp"
#include "kyoso/query.hpp"
#include "kyoso/university.hpp"

namespace kyoso::cli {

// --university, --profile, --mission, --goal, --field, --stage, --partner, --holds,
// --establishment.
void declare_profile_options(CommandLine& line);

// The profile --university derives from the model (derive_profile), or the --profile file
// (its ids checked against the model; a bad file is bad input that names the file and the
// JSON pointer), then the flags: --mission, --stage and --establishment replace its parts;
// --goal, --field, --partner and --holds add to its lists. Ids may omit their kind or be
// names; fit() resolves them. --university with --profile is a usage error.
Profile profile_from(Context& context);

// A UsageError, with kyoso::require_criteria's message and the flags that state a criterion,
// when the profile states nothing to score against (a mission, goal, field or stage).
void require_criteria_options(const Profile& profile);

// The derived profile of the --university, if one is given.
std::optional<UniversityProfile> university_from(Context& context);

// Whether the profile states anything to score against (a mission, goal, field or stage).
bool states_criteria(const Profile& profile);

}  // namespace kyoso::cli
