// kyoso fit: every program ranked for a university's profile, with the criteria each meets
// and why it is (or is not) open to the university.
#include "batch_fit.hpp"
#include "cli.hpp"
#include "kyoso/report.hpp"
#include "profile_options.hpp"
#include "report_text.hpp"
#include "table.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

// "mission", the goal's or field's name, "stage", each with its outcome's mark (✓ ◐ ✗ ?), as
// the legend under the table says.
std::string criterion_label(const Model& model, const Criterion& c, Lang lang) {
  std::string label;
  if (c.id == "mission") {
    label = pick(lang, "ミッション", "mission");
  } else if (c.id == "stage") {
    label = pick(lang, "段階", "stage");
  } else if (auto colon = c.id.find(':'); colon != std::string::npos) {
    label = model.node(c.id.substr(colon + 1)).name.in(lang);
  } else {
    label = c.id;
  }
  return std::string(outcome_mark(c.outcome)) + label;
}

std::string criteria_text(const Model& model, const Recommendation& r, Lang lang) {
  std::string out;
  for (const Criterion& c : r.criteria) {
    append_item(out, pick(lang, " ", " "), criterion_label(model, c, lang));
  }
  return out;
}

void print_table(const Model& model, const FitResult& result, Lang lang, std::size_t width,
                 std::ostream& out) {
  Table table({std::string(pick(lang, "順位", "rank")), std::string(pick(lang, "スコア", "score")),
               std::string(pick(lang, "利用", "standing")), std::string(pick(lang, "公募", "call")),
               "id", std::string(pick(lang, "プログラム", "program")),
               std::string(pick(lang, "条件", "criteria"))});
  table.align_right(0);
  table.align_right(1);
  for (std::size_t i = 0; i < result.results.size(); ++i) {
    const Recommendation& r = result.results[i];
    table.add_row({std::to_string(i + 1), decimal(r.score, 2), standing_text(model, r, lang),
                   call_status_text(r.call, lang), r.id, r.name.in(lang),
                   criteria_text(model, r, lang)});
    for (const Text& reason : r.reasons) {
      table.add_note(4, std::string(pick(lang, "・", "- ")) + reason.in(lang));
    }
  }
  if (result.profile.fiscal_year) {
    out << pick(lang, "", "calls of ") << fiscal_year_text(*result.profile.fiscal_year, lang)
        << pick(lang, "の公募状況に基づく", "") << "\n\n";
  }
  out << table.render("", width);
  out << "\n" << outcome_legend(result.weights, lang, width);
}

void declare(CommandLine& line) {
  declare_profile_options(line);
  // clang-format off
  line.options.add_options()
      ("top", po::value<int>()->value_name("K"), "show only the first K programs")
      ("eligible-only", "leave out the programs the university cannot use that year")
      ("all-universities",
       "rank the programs for every university by the profile the model stores for it "
       "(--format jsonl, the default here, or csv)");
  // clang-format on
}

int run(Context& context) {
  std::optional<int> top;
  if (context.options.count("top")) {
    top = context.options["top"].as<int>();
    if (*top < 0) throw UsageError("--top must not be negative");
  }
  bool batch = context.options.count("all-universities") > 0;
  bool batch_format = context.format == "jsonl" || context.format == "csv";
  if (batch && context.options.count("format") && !batch_format) {
    throw UsageError("--all-universities writes --format jsonl or csv");
  }
  if (!batch && batch_format) {
    throw UsageError("--format " + context.format + " is for --all-universities");
  }
  if (batch) return run_batch_fit(context, {top, context.options.count("eligible-only") > 0});
  Profile profile = profile_from(context);
  std::optional<UniversityProfile> university = university_from(context);
  if (university && !states_criteria(profile)) {
    throw UsageError("the profile the model gives " + university->university +
                     " states no mission, field or stage to fit by: add --goal, --mission, "
                     "--field or --stage");
  }
  require_criteria_options(profile);
  const Model& model = context.model();
  FitResult result = fit(model, profile);
  if (context.options.count("eligible-only")) {
    std::erase_if(result.results, [](const Recommendation& r) {
      return r.eligibility == Eligibility::not_eligible;
    });
  }
  if (top && result.results.size() > static_cast<std::size_t>(*top)) {
    result.results.resize(static_cast<std::size_t>(*top));
  }
  if (context.format == "json") {
    context.out << (university ? to_json(result, *university) : to_json(result)) << "\n";
  } else {
    if (university) {
      print_university_profile(model, *university, &profile, context.lang, context.width,
                               context.out);
      if (profile.goals.empty()) {
        context.out
            << "\n"
            << pick(context.lang,
                    "※ 目的がないので、ミッション・分野・段階の条件だけで順位を付けた（目的は "
                    "--goal で加える）",
                    "note: no goals, so the ranking rests on the mission, fields and stage "
                    "alone (add goals with --goal)")
            << "\n";
      }
      context.out << "\n";
    }
    print_table(model, result, context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command fit_command() {
  return {
      .name = "fit",
      .summary = "Rank every program for a university's profile, with the reasons",
      .arguments =
          "[--mission M] [--goal G]... [--field F]... [--stage S] [--partner P]...\n"
          "                 [--holds H]... [--establishment E] [--profile FILE.json]\n"
          "                 [--fy YEAR] [--top K] [--eligible-only]\n"
          "       kyoso fit --university U [profile flags] [--fy YEAR] [--top K] "
          "[--eligible-only]\n"
          "       kyoso fit --all-universities [--model FILE] [--format jsonl|csv] [--top K]\n"
          "                 [--eligible-only]",
      .details =
          "Every criterion the profile states (mission, goals, fields, stage) counts for every\n"
          "program: met, partly (through the parent program or a track, or open to all),\n"
          "missed, or not known (the data says nothing; it counts as missed, and is shown as\n"
          "not known). Ranked by score; ties by the criteria met directly, then the programs\n"
          "the university can use, then name. Each program shows how the university takes\n"
          "part (lead, member, through a local government's application, promotion,\n"
          "allocated), what that needs, and the year's call. 'kyoso explain PROGRAM' shows\n"
          "how one score adds up; docs/fit.md has the rules.\n"
          "With --university (an id or a name), the profile is the one the model gives that\n"
          "university, shown first with the evidence for each part: what it stores, else the\n"
          "mission its support framework indicates (medium certainty or better), its fields\n"
          "and establishment, the programs it was awarded; the flags replace or extend it.\n"
          "With --all-universities, every university of the model is ranked by that profile\n"
          "(has_mission, pursues, works_in, has_partner, established_as, reached_stage,\n"
          "awarded, the framework's mission): one JSON line per university, or CSV rows\n"
          "university,rank,program,score,eligibility. Same rankings as fit one by one.\n"
          "Examples: kyoso fit --mission regional-revitalization --goal social-implementation\n"
          "          kyoso fit --university 岩手大学 --goal 社会実装",
      .formats = {"table", "json", "jsonl", "csv"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
