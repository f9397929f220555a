#include "profile_options.hpp"

#include <algorithm>

#include "kyoso/error.hpp"
#include "kyoso/query.hpp"
#include "kyoso/report.hpp"
#include "simulate_options.hpp"

namespace kyoso::cli {
namespace {

void add_all(const Context& context, const char* option, std::vector<std::string>& to) {
  if (!context.options.count(option)) return;
  for (const std::string& id : context.options[option].as<std::vector<std::string>>()) {
    if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
  }
}

void replace(const Context& context, const char* option, std::string& to) {
  if (auto value = context.get(option)) to = *value;
}

std::optional<int> fiscal_year_from(Context& context) {
  auto text = context.get("fy");
  if (!text) return std::nullopt;
  std::optional<int> year = parse_fiscal_year(*text);
  if (!year) {
    throw UsageError("--fy must be a fiscal year (FY2024, 2024, R6 or 令和6年度), not '" + *text +
                     "'");
  }
  return year;
}

}  // namespace

void declare_profile_options(CommandLine& line) {
  using many = std::vector<std::string>;
  // clang-format off
  line.options.add_options()
      ("university", po::value<std::string>()->value_name("U"),
       "start from the profile the model gives this university (an id or a name, e.g. "
       "岩手大学); the flags below override or extend it")
      ("profile", po::value<std::string>()->value_name("FILE"),
       "read the profile from a JSON file (tools/README.md); the flags below override or "
       "extend it")
      ("mission", po::value<std::string>()->value_name("M"),
       "the university's mission, e.g. regional-revitalization")
      ("goal", po::value<many>()->value_name("G"),
       "a purpose it pursues, e.g. social-implementation (repeatable)")
      ("field", po::value<many>()->value_name("F"),
       "a regional industry, e.g. agriculture (repeatable)")
      ("stage", po::value<std::string>()->value_name("S"),
       "its stage of industry-academia collaboration, stage/0 to stage/3")
      ("partner", po::value<many>()->value_name("P"),
       "a partner it brings, e.g. local-government, companies (repeatable)")
      ("holds", po::value<many>()->value_name("H"),
       "a program it already holds, e.g. j-peaks (repeatable)")
      ("establishment", po::value<std::string>()->value_name("E"),
       "national, public or private")
      ("fy", po::value<std::string>()->value_name("YEAR"),
       "the fiscal year whose calls to read: 2024, FY2024, R6 or 令和6年度 (default: the "
       "model's)");
  // clang-format on
}

std::optional<UniversityProfile> university_from(Context& context) {
  auto university = context.get("university");
  if (!university) return std::nullopt;
  if (context.get("profile")) throw UsageError("give --university or --profile, not both");
  return derive_profile(context.model(), *university, fiscal_year_from(context));
}

Profile profile_from(Context& context) {
  Profile p;
  if (auto derived = university_from(context)) p = derived->profile;
  if (auto file = context.get("profile")) p = load_profile(context.model(), *file);
  replace(context, "mission", p.mission);
  add_all(context, "goal", p.goals);
  add_all(context, "field", p.fields);
  replace(context, "stage", p.stage);
  add_all(context, "partner", p.partners);
  add_all(context, "holds", p.holds);
  replace(context, "establishment", p.establishment);
  if (auto year = fiscal_year_from(context)) p.fiscal_year = year;
  return p;
}

bool states_criteria(const Profile& p) {
  return !p.mission.empty() || !p.goals.empty() || !p.fields.empty() || !p.stage.empty();
}

void require_criteria_options(const Profile& p) {
  try {
    require_criteria(p);
  } catch (const Error& e) {
    throw UsageError(e.problem() + " (--mission, --goal, --field or --stage)");
  }
}

}  // namespace kyoso::cli
