// kyoso simulate PROGRAM: a multi-track program's sites year by year — how many run on each
// track, how many enter, are promoted and end, what they cost against the budget — with the
// assumptions every number rests on (docs/simulate.md).
#include "kyoso/simulate.hpp"

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "simulate_options.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

// 0.35 -> "35%"; 0.988 -> "98.8%".
std::string percent(double share) {
  std::string text = decimal(share * 100, 1);
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text + "%";
}

// What the last column says about a year's budget: bound (the policy acted: sites turned
// away, or funding scaled) and over (spending above the budget); with Monte Carlo the share
// of runs.
std::string budget_mark(const SimulationResult& r, const SimulatedYear& y, Lang lang) {
  std::string mark;
  auto add = [&](double share, std::string_view ja, std::string_view en) {
    if (share <= 0) return;
    std::string word(pick(lang, ja, en));
    if (r.monte_carlo() && share < 1) word += " " + percent(share);
    append_item(mark, pick(lang, "、", ", "), word);
  };
  add(y.budget_bound, "上限", "bound");
  if (y.budget_bound > 0 && r.options.policy == BudgetPolicy::scale_funding) {
    mark += std::string(pick(lang, "（支給率 ", " (paid ")) + percent(y.funding_scale) +
            std::string(pick(lang, "）", ")"));
  }
  add(y.over_budget, "超過", "over");
  return mark;
}

void print_heading(Context& context, const SimulationResult& r) {
  Lang lang = context.lang;
  const SimulationOptions& o = r.options;
  context.out << r.program << "  " << escape_controls(r.name.in(lang)) << "\n";
  int first = o.start_fy.value_or(0);
  std::string years = std::to_string(o.years);
  if (lang == Lang::ja) {
    context.out << fiscal_year_text(first, lang) << "から" << years << "年度分、予算超過時の方針 "
                << policy_text(o.policy, lang) << "\n";
  } else {
    context.out << o.years << (o.years == 1 ? " fiscal year" : " fiscal years") << " from "
                << fiscal_year_text(first, lang) << "; policy " << policy_text(o.policy, lang)
                << "\n";
  }
  if (const Scenario* s = context.scenario()) {
    context.out << pick(lang, "シナリオ: ", "scenario: ") << escape_controls(s->name) << " ("
                << escape_controls(s->origin) << ")\n";
  }
  if (r.monte_carlo()) {
    context.out << pick(lang, "モンテカルロ ", "Monte Carlo: ") << o.runs
                << pick(lang, "回（乱数シード ", " runs (seed ") << o.seed
                << pick(lang, "）。各値は p50 [p10–p90]", "); each value is p50 [p10–p90]") << "\n";
  }
  context.out << "\n";
}

void print_table(Context& context, const SimulationResult& r) {
  Lang lang = context.lang;
  print_heading(context, r);
  std::vector<std::string> header{std::string(pick(lang, "年度", "fiscal year"))};
  for (const SimulatedTrack& t : r.tracks) header.push_back(t.name.in(lang));
  for (auto [ja, en] : {std::pair{"新規", "new"},
                        {"昇格", "promoted"},
                        {"終了", "ended"},
                        {"見送り", "turned away"}}) {
    header.emplace_back(pick(lang, ja, en));
  }
  header.push_back(money_header(lang, "支出", "spend"));
  header.push_back(money_header(lang, "予算", "budget"));
  header.emplace_back(pick(lang, "予算の制約", "budget"));
  Table table(header);
  for (std::size_t column = 1; column + 1 < header.size(); ++column) table.align_right(column);
  bool bound = false;
  bool over = false;
  for (const SimulatedYear& y : r.years) {
    std::vector<std::string> row{fiscal_year_text(y.fiscal_year, lang)};
    for (const SimulatedTrack& t : r.tracks) {
      auto it = y.active.find(t.id);
      row.push_back(it == y.active.end() ? "0" : quantiles_cell(it->second));
    }
    for (const Quantiles* q : {&y.new_sites, &y.promoted, &y.ended, &y.turned_away}) {
      row.push_back(quantiles_cell(*q));
    }
    row.push_back(money_quantiles_cell(y.spend_jpy, lang));
    row.push_back(money_cell(y.budget_jpy, lang));
    row.push_back(budget_mark(r, y, lang));
    bound = bound || y.budget_bound > 0;
    over = over || y.over_budget > 0;
    table.add_row(std::move(row));
  }
  context.out << table.render("", context.width);
  if (bound || over) context.out << "\n";
  if (bound && r.options.policy == BudgetPolicy::scale_funding) {
    context.out << pick(lang, "上限: 予算に合わせて全拠点の支給額を縮小した年度（支給率）",
                        "bound: every site's funding was scaled down to fit the budget (the "
                        "share paid)")
                << "\n";
  } else if (bound) {
    context.out << pick(lang, "上限: 予算が足りず、新規採択か昇格の一部を見送った年度",
                        "bound: the budget did not cover every new or promoted site; some were "
                        "turned away")
                << "\n";
  }
  if (over) {
    context.out << pick(lang, "超過: 支出が予算を超えた年度", "over: spending exceeded the budget")
                << "\n";
  }
  if (r.monte_carlo() && (bound || over)) {
    context.out << pick(lang, "（% は該当した試行の割合）", "(% is the share of runs)") << "\n";
  }
  if (!r.assumptions.empty()) {
    context.out << "\n" << pick(lang, "前提", "assumptions") << "\n";
    for (const Text& a : r.assumptions) {
      context.out << pick(lang, "  ・", "  - ") << a.in(lang) << "\n";
    }
  }
}

void declare(CommandLine& line) {
  line.add_argument("program");
  declare_simulation_options(line);
}

int run(Context& context) {
  std::optional<std::string> program = context.get("program");
  if (!program) throw UsageError("simulate: missing PROGRAM");
  SimulationOptions options = simulation_options_from(context);
  SimulationResult result = simulate(context.model(), *program, options);
  if (context.format == "json") {
    context.out << to_json(result) << "\n";
  } else if (context.format == "csv") {
    context.out << to_csv(result);
  } else {
    print_table(context, result);
  }
  return exit_ok;
}

}  // namespace

Command simulate_command() {
  return {
      .name = "simulate",
      .summary = "Simulate a multi-track program's sites and spending year by year",
      .arguments =
          "PROGRAM [--years N] [--start-fy FY] [--budget JPY] [--policy P]\n"
          "                      [--promotion-rate R] [--initial-sites TRACK=N]...\n"
          "                      [--new-sites TRACK=N]... [--runs N --seed S]",
      .details =
          "A cohort model read from the model's data (docs/simulate.md): the program's tracks\n"
          "are the programs part_of it, promotion follows promotes_to, and the numbers are the\n"
          "tracks' figures (funding_per_site, duration, sites, new_sites) and the program's\n"
          "budget figures. Each year shows the sites running on each track, the new, promoted\n"
          "and ended ones, those the budget turned away, the spending and the budget; the\n"
          "assumptions below the table say where every number comes from. With --scenario\n"
          "the scenario's model is simulated; 'kyoso compare' shows both side by side.\n"
          "Example: kyoso simulate coi-next --years 10 --budget 120億",
      .formats = {"table", "json", "csv"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
