// The profile options that fit, explain and portfolio share: a university's situation from a
// --profile file, from flags, or from both.
#pragma once

#include "cli.hpp"
#include "kyoso/query.hpp"

namespace kyoso::cli {

// --profile, --mission, --goal, --field, --stage, --partner, --holds, --establishment.
void declare_profile_options(CommandLine& line);

// The --profile file first (its ids checked against the model; a bad file is bad input that
// names the file and the JSON pointer), then the flags: --mission, --stage and
// --establishment replace the file's; --goal, --field, --partner and --holds add to its lists.
// Ids may omit their kind; fit() resolves them.
Profile profile_from(Context& context);

// A UsageError, with kyoso::require_criteria's message and the flags that state a criterion,
// when the profile states nothing to score against (a mission, goal, field or stage).
void require_criteria_options(const Profile& profile);

}  // namespace kyoso::cli
