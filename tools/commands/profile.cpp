// kyoso profile UNIVERSITY: the profile fit would use for a university, derived from the
// model's facts, with the edges, certainty and sources behind each part.
#include "cli.hpp"
#include "kyoso/report.hpp"
#include "simulate_options.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) {
  line.add_argument("university");
  line.options.add_options()("fy", po::value<std::string>()->value_name("YEAR"),
                             "the profile as of this fiscal year: an award of a later year is "
                             "not yet held (default: the model's)");
}

int run(Context& context) {
  std::optional<std::string> university = context.get("university");
  if (!university) throw UsageError("profile: missing UNIVERSITY");
  const Model& model = context.model();
  std::optional<int> year;
  if (auto text = context.get("fy")) {
    year = parse_fiscal_year(*text);
    if (!year) throw UsageError("--fy must be a fiscal year (FY2024, 2024, R6 or 令和6年度)");
  }
  UniversityProfile derived = derive_profile(model, *university, year);
  if (context.format == "json") {
    context.out << to_json(derived) << "\n";
  } else {
    print_university_profile(model, derived, nullptr, context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command profile_command() {
  return {
      .name = "profile",
      .summary = "Show the profile the model gives a university, and where each part comes from",
      .arguments = "UNIVERSITY [--fy YEAR]",
      .details =
          "Derives what 'kyoso fit --university' starts from: a stored part as it is; the\n"
          "mission from the support framework a national university chose (only when the\n"
          "evidence is of medium certainty or better); fields from its faculties; its\n"
          "establishment and the programs it was awarded by the fiscal year (--fy; default:\n"
          "the model's); where it is. Goals and the stage are not in the data: add them to\n"
          "fit with --goal and --stage.\n"
          "Example: kyoso profile 岩手大学",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
