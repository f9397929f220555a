// kyoso compare --scenario FILE fit|simulate …: one query on the base model and on the
// scenario's model, and what changed — for fit the programs that entered or left, rank moves,
// score and eligibility changes; for simulate the differences year by year.
#include "kyoso/compare.hpp"

#include <cmath>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "profile_options.hpp"
#include "report_text.hpp"
#include "simulate_options.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

// "a → b" when the two differ, else "a".
std::string change_cell(const std::string& base, const std::string& scenario) {
  return base == scenario ? base : base + " → " + scenario;
}

std::string signed_number(long n) { return (n > 0 ? "+" : "") + std::to_string(n); }

void print_scenario_line(Context& context) {
  const Scenario& s = *context.scenario();
  Lang lang = context.lang;
  context.out << pick(lang, "シナリオ ", "scenario ") << escape_controls(s.name) << " ("
              << escape_controls(s.origin) << ")";
  if (!s.description.empty())
    context.out << pick(lang, ": ", ": ") << escape_controls(s.description);
  context.out << "\n\n";
}

// ---- fit -----------------------------------------------------------------------------------

std::string standing_rank(const std::optional<FitStanding>& s) {
  return s ? std::to_string(s->rank) : "—";
}

std::string standing_score(const std::optional<FitStanding>& s) {
  return s ? decimal(s->score, 2) : "—";
}

std::string standing_eligibility(const std::optional<FitStanding>& s, Lang lang) {
  return s ? eligibility_text(s->eligibility, lang) : "—";
}

std::string what_changed(const FitChange& p, Lang lang) {
  if (!p.base) return std::string(pick(lang, "追加", "added"));
  if (!p.scenario) return std::string(pick(lang, "削除", "removed"));
  if (p.entered()) return std::string(pick(lang, "応募可に", "entered"));
  if (p.left()) return std::string(pick(lang, "応募不可に", "left"));
  return "";
}

void print_fit(Context& context, const FitComparison& c) {
  Lang lang = context.lang;
  print_scenario_line(context);
  Table table({std::string(pick(lang, "変化", "change")), std::string(pick(lang, "順位", "rank")),
               std::string(pick(lang, "スコア", "score")),
               std::string(pick(lang, "適格性", "eligibility")), "id",
               std::string(pick(lang, "プログラム", "program"))});
  table.align_right(2);
  std::size_t unchanged = 0;
  for (const FitChange& p : c.programs) {
    if (!p.changed()) {
      ++unchanged;
      continue;
    }
    std::string rank = change_cell(standing_rank(p.base), standing_rank(p.scenario));
    if (p.rank_move() != 0) rank += " (" + signed_number(p.rank_move()) + ")";
    table.add_row(
        {what_changed(p, lang), rank,
         change_cell(standing_score(p.base), standing_score(p.scenario)),
         change_cell(standing_eligibility(p.base, lang), standing_eligibility(p.scenario, lang)),
         p.id, p.name.in(lang)});
  }
  if (table.empty()) {
    context.out << pick(lang, "変化なし", "nothing changed") << "\n";
  } else {
    context.out << table.render("", context.width);
  }
  auto list = [&](std::string_view ja, std::string_view en, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    std::string joined;
    for (const std::string& id : ids) append_item(joined, ", ", id);
    context.out << pick(lang, ja, en) << joined << "\n";
  };
  if (!table.empty()) context.out << "\n";
  list("応募できるようになった: ", "entered (can now be applied for): ", c.entered());
  list("応募できなくなった: ", "left (can no longer be applied for): ", c.left());
  if (!table.empty() && unchanged > 0) {
    context.out << pick(lang, "ほかの ", "") << unchanged
                << pick(lang, " プログラムは変化なし",
                        unchanged == 1 ? " other program unchanged" : " other programs unchanged")
                << "\n";
  }
}

void keep_only(FitComparison& c, const std::optional<int>& top, bool eligible_only) {
  auto outside = [&](const FitChange& p) {
    auto within_top = [&](const std::optional<FitStanding>& s) {
      return s && (!top || s->rank <= static_cast<std::size_t>(*top));
    };
    auto applicable = [](const std::optional<FitStanding>& s) {
      return s && s->eligibility != Eligibility::not_eligible;
    };
    if (top && !within_top(p.base) && !within_top(p.scenario)) return true;
    return eligible_only && !applicable(p.base) && !applicable(p.scenario);
  };
  std::erase_if(c.programs, outside);
}

int run_fit(Context& context) {
  if (context.get("program")) {
    throw UsageError("compare fit takes no PROGRAM (did you mean 'compare simulate'?)");
  }
  std::optional<int> top;
  if (context.options.count("top")) {
    top = context.options["top"].as<int>();
    if (*top < 0) throw UsageError("--top must not be negative");
  }
  Profile profile = profile_from(context);
  require_criteria_options(profile);
  FitComparison c = compare_fit(context.base_model(), context.model(), profile);
  keep_only(c, top, context.options.count("eligible-only") > 0);
  if (context.format == "json") {
    context.out << to_json(c) << "\n";
  } else {
    print_fit(context, c);
  }
  return exit_ok;
}

// ---- simulate ------------------------------------------------------------------------------

std::string count_change(const Quantiles& base, const Quantiles& scenario) {
  return change_cell(std::to_string(base.p50), std::to_string(scenario.p50));
}

void print_simulation(Context& context, const SimulationComparison& c) {
  Lang lang = context.lang;
  print_scenario_line(context);
  context.out << c.scenario.program << "  " << escape_controls(c.scenario.name.in(lang)) << "\n";
  context.out << pick(lang, "各欄 ベース → シナリオ（同じなら一つ）",
                      "each cell base → scenario (one value when they agree)");
  if (c.base.monte_carlo()) {
    context.out << pick(lang, "、モンテカルロ ", "; Monte Carlo, ") << c.base.options.runs
                << pick(lang, "回の中央値（乱数シード ", " runs, medians (seed ")
                << c.base.options.seed << pick(lang, "）", ")");
  }
  context.out << "\n\n";
  // The tracks of either side: a scenario may add or remove one.
  std::vector<const SimulatedTrack*> tracks;
  for (const SimulationResult* side : {&c.base, &c.scenario}) {
    for (const SimulatedTrack& t : side->tracks) {
      bool listed = false;
      for (const SimulatedTrack* seen : tracks) listed = listed || seen->id == t.id;
      if (!listed) tracks.push_back(&t);
    }
  }
  std::vector<std::string> header{std::string(pick(lang, "年度", "fiscal year"))};
  for (const SimulatedTrack* t : tracks) header.push_back(t->name.in(lang));
  for (auto [ja, en] : {std::pair{"新規", "new"},
                        {"昇格", "promoted"},
                        {"終了", "ended"},
                        {"見送り", "turned away"}}) {
    header.emplace_back(pick(lang, ja, en));
  }
  header.push_back(money_header(lang, "支出", "spend"));
  header.push_back(money_header(lang, "予算", "budget"));
  Table table(header);
  for (std::size_t column = 1; column < header.size(); ++column) table.align_right(column);
  auto year_of = [](const SimulationResult& r, int fiscal_year) -> const SimulatedYear* {
    for (const SimulatedYear& y : r.years) {
      if (y.fiscal_year == fiscal_year) return &y;
    }
    return nullptr;
  };
  for (const YearChange& delta : c.years) {
    const SimulatedYear* b = year_of(c.base, delta.fiscal_year);
    const SimulatedYear* s = year_of(c.scenario, delta.fiscal_year);
    if (!b || !s) continue;
    std::vector<std::string> row{fiscal_year_text(delta.fiscal_year, lang)};
    for (const SimulatedTrack* t : tracks) {
      auto count = [&](const SimulatedYear& y) {
        auto it = y.active.find(t->id);
        return it == y.active.end() ? Quantiles{} : it->second;
      };
      row.push_back(count_change(count(*b), count(*s)));
    }
    row.push_back(count_change(b->new_sites, s->new_sites));
    row.push_back(count_change(b->promoted, s->promoted));
    row.push_back(count_change(b->ended, s->ended));
    row.push_back(count_change(b->turned_away, s->turned_away));
    row.push_back(
        change_cell(money_cell(b->spend_jpy.p50, lang), money_cell(s->spend_jpy.p50, lang)));
    row.push_back(change_cell(money_cell(b->budget_jpy, lang), money_cell(s->budget_jpy, lang)));
    table.add_row(std::move(row));
  }
  context.out << table.render("", context.width);
  // What the two runs assumed differently: a scenario can change a derived figure (the
  // promotion rate from a new site count) as well as the one it edits.
  if (!c.base_only_assumptions.empty() || !c.scenario_only_assumptions.empty()) {
    context.out << "\n" << pick(lang, "前提の違い", "assumptions that differ") << "\n";
    for (const Text& t : c.base_only_assumptions) {
      context.out << pick(lang, "  ベース: ", "  base: ") << t.in(lang) << "\n";
    }
    for (const Text& t : c.scenario_only_assumptions) {
      context.out << pick(lang, "  シナリオ: ", "  scenario: ") << t.in(lang) << "\n";
    }
  }
}

int run_simulate(Context& context) {
  std::optional<std::string> program = context.get("program");
  if (!program) throw UsageError("compare simulate: missing PROGRAM");
  for (const char* fit_only : {"profile", "mission", "goal", "field", "stage", "partner", "holds",
                               "establishment", "top", "eligible-only"}) {
    if (context.options.count(fit_only)) {
      throw UsageError("--" + std::string(fit_only) + " is an option of 'compare fit'");
    }
  }
  SimulationOptions options = simulation_options_from(context);
  SimulationComparison c =
      compare_simulation(context.base_model(), context.model(), *program, options);
  if (context.format == "json") {
    context.out << to_json(c) << "\n";
  } else {
    print_simulation(context, c);
  }
  return exit_ok;
}

// ---- the command ---------------------------------------------------------------------------

void declare(CommandLine& line) {
  line.add_argument("query");
  line.add_argument("program");
  declare_profile_options(line);
  // clang-format off
  line.options.add_options()
      ("top", po::value<int>()->value_name("K"),
       "fit: only the programs within the first K on either side")
      ("eligible-only",
       "fit: only the programs the university can apply to on either side");
  // clang-format on
  declare_simulation_options(line);
}

int run(Context& context) {
  std::optional<std::string> query = context.get("query");
  if (!query) throw UsageError("compare: missing the query to compare, fit or simulate");
  if (!context.scenario()) {
    throw UsageError("compare needs --scenario FILE: the scenario to compare with the model");
  }
  if (*query == "fit") {
    for (const char* simulate_only : {"years", "start-fy", "budget", "policy", "promotion-rate",
                                      "initial-sites", "new-sites", "runs", "seed"}) {
      if (context.options.count(simulate_only) && !context.options[simulate_only].defaulted()) {
        throw UsageError("--" + std::string(simulate_only) + " is an option of 'compare simulate'");
      }
    }
    return run_fit(context);
  }
  if (*query == "simulate") return run_simulate(context);
  throw UsageError("compare: unknown query '" + *query + "' (expected fit or simulate)");
}

}  // namespace

Command compare_command() {
  return {
      .name = "compare",
      .summary = "Run fit or simulate on the model and on a scenario, and show what changed",
      .arguments =
          "--scenario FILE fit [profile options] [--top K] [--eligible-only]\n"
          "       kyoso compare --scenario FILE simulate PROGRAM [simulate options]",
      .details =
          "The same query on the base model (--model, or the embedded dataset) and on the\n"
          "model with the scenario's edits (docs/scenarios.md). fit lists the programs whose\n"
          "rank, score or eligibility changed, and those that entered (can now be applied\n"
          "for) or left; the JSON (kyoso.compare.fit/2) lists every program. simulate shows\n"
          "each year's sites, spending and budget as base → scenario; both sides draw the\n"
          "same random numbers under --runs. The options are those of 'kyoso fit' and\n"
          "'kyoso simulate'.\n"
          "Example: kyoso compare --scenario examples/scenarios/budget_cut.json simulate "
          "coi-next",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
