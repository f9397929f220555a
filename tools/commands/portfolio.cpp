// kyoso portfolio: a plan rather than a list — the fewest programs the university can apply
// to that cover the profile's goals, laid out in time (育成型 about two years, then 本格型).
#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "profile_options.hpp"
#include "report_text.hpp"
#include "table.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

std::string start_text(int start_year, Lang lang) {
  if (lang == Lang::en) return "year " + std::to_string(start_year);
  return std::to_string(start_year) + "年後";
}

std::string duration_text(const PlanItem& item, Lang lang) {
  if (item.years <= 0) return std::string(pick(lang, "記載なし", "not stated"));
  Figure duration;
  duration.value = item.years;
  duration.unit = item.years_unit;
  duration.qualifier = item.years_qualifier;
  return to_text(duration, lang);
}

// The years the program runs, drawn on a common time axis: "  ==========" starts in year 2.
std::string timeline(const PlanItem& item) {
  return std::string(static_cast<std::size_t>(std::max(item.start_year, 0)), ' ') +
         std::string(static_cast<std::size_t>(std::max(item.years, 1)), '=');
}

std::string names_of(const Model& model, const std::vector<std::string>& ids, Lang lang) {
  std::string out;
  for (const std::string& id : ids) {
    append_item(out, pick(lang, "、", ", "), model.node(id).name.in(lang));
  }
  return out;
}

void print_table(const Model& model, const Portfolio& plan, Lang lang, std::size_t width,
                 std::ostream& out) {
  if (plan.plan.empty()) {
    out << pick(lang, "計画に入るプログラムはありません。\n", "No program fits into a plan.\n");
  } else {
    Table table({std::string(pick(lang, "開始", "start")),
                 std::string(pick(lang, "期間", "duration")),
                 std::string(pick(lang, "年表", "timeline")), "id",
                 std::string(pick(lang, "プログラム", "program")),
                 std::string(pick(lang, "目的", "goals"))});
    for (const PlanItem& item : plan.plan) {
      table.add_row({start_text(item.start_year, lang), duration_text(item, lang), timeline(item),
                     item.id, item.name.in(lang), names_of(model, item.covers, lang)});
      for (const Text& reason : item.reasons) {
        table.add_note(3, std::string(pick(lang, "・", "- ")) + reason.in(lang));
      }
    }
    out << table.render("", width);
  }
  if (!plan.uncovered.empty()) {
    out << "\n"
        << pick(lang, "応募できるプログラムのない目的: ", "goals no eligible program serves: ")
        << names_of(model, plan.uncovered, lang) << "\n";
  }
  if (!plan.excluded.empty()) {
    out << "\n" << pick(lang, "除外したプログラム", "programs left out") << "\n";
    for (const Text& why : plan.excluded) out << "  " << escape_controls(why.in(lang)) << "\n";
  }
}

void declare(CommandLine& line) { declare_profile_options(line); }

int run(Context& context) {
  Profile profile = profile_from(context);
  if (profile.goals.empty()) {
    throw UsageError(
        "portfolio covers the profile's goals: give --goal (or a --profile with goals; a "
        "university's profile from the model has none)");
  }
  const Model& model = context.model();
  Portfolio plan = portfolio(model, profile);
  if (context.format == "json") {
    context.out << to_json(plan) << "\n";
  } else {
    if (auto university = university_from(context)) {
      print_university_profile(model, *university, &profile, context.lang, context.width,
                               context.out);
      context.out << "\n";
    }
    print_table(model, plan, context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command portfolio_command() {
  return {
      .name = "portfolio",
      .summary = "Plan the fewest programs that cover a profile's goals, in time order",
      .arguments = "[profile options as for fit]",
      .details =
          "Among the programs the university can apply to, the smallest set that serves\n"
          "every goal, preferring higher fit; a track reached by promotion (本格型 after\n"
          "育成型) starts when the earlier one ends. Start years count from now.\n"
          "Example: kyoso portfolio --mission regional-revitalization --goal social-implementation",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
