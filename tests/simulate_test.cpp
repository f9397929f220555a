// The cohort simulation: exact rules on a hand-built program, the seed's steady state for
// COI-NEXT, budget binding and cuts, Monte Carlo reproducibility, and bad inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <kyoso/kyoso.hpp>
#include <random>

#include "simulate/random.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

using test::edge;
using test::figure;
using test::node;

constexpr const char* nurturing = "program/coi-next/nurturing";
constexpr const char* full_scale = "program/coi-next/full-scale";
constexpr const char* opera = "program/opera";

// A small program: 2 new entry sites a year for 1 year at 10 yen, half promoted into a
// 3-year track at 100 yen that is stated to hold 3 sites; a budget of 1000 yen in FY2030.
// Both tracks start in their steady state (2 and 3 sites).
Model small_program(std::int64_t budget = 1000) {
  ModelBuilder b;
  b.add_node(node("program/p", {figure("budget", budget, Unit::jpy, 2030)}, {{"fields", "any"}}));
  b.add_node(node("program/p/entry",
                  {figure("funding_per_site", 10, Unit::jpy_per_year),
                   figure("duration", 1, Unit::fiscal_years), figure("new_sites", 2, Unit::sites),
                   figure("sites", 2, Unit::sites)}));
  b.add_node(node("program/p/main",
                  {figure("funding_per_site", 100, Unit::jpy_per_year),
                   figure("duration", 3, Unit::fiscal_years), figure("sites", 3, Unit::sites)}));
  b.add_node(node("program/flat", {figure("budget", 1, Unit::jpy, 2030)}));
  b.add_edge(edge("program/p/entry", "program/p", Relation::part_of));
  b.add_edge(edge("program/p/main", "program/p", Relation::part_of));
  b.add_edge(edge("program/p/entry", "program/p/main", Relation::promotes_to));
  return b.build();
}

SimulationOptions years(int n) {
  SimulationOptions o;
  o.years = n;
  return o;
}

std::int64_t active(const SimulatedYear& y, const std::string& track) {
  return y.active.at(track).p50;
}

// ---- the rules, exactly -------------------------------------------------------------------

TEST(Simulate, DerivesThePromotionRateThatKeepsTheStatedSites) {
  // main holds rate × 2 a year × 3 years = 3 sites: rate = 0.5.
  SimulationOptions o = years(4);
  o.start_fy = 2030;
  SimulationResult r = simulate(small_program(), "program/p", o);
  ASSERT_EQ(r.tracks.size(), 2u);
  EXPECT_EQ(r.tracks[0].id, "program/p/entry");
  EXPECT_EQ(r.tracks[0].promotes_to, "program/p/main");
  EXPECT_DOUBLE_EQ(r.tracks[0].promotion_rate, 0.5);
  for (const SimulatedYear& y : r.years) {
    EXPECT_EQ(active(y, "program/p/entry"), 2);
    EXPECT_EQ(active(y, "program/p/main"), 3);
    EXPECT_EQ(y.promoted.p50, 1);
    EXPECT_EQ(y.new_sites.p50, 2);
    EXPECT_EQ(y.ended.p50, 2);  // one entry site not promoted, one main site at term
    EXPECT_EQ(y.spend_jpy.p50, 2 * 10 + 3 * 100);
    EXPECT_FALSE(y.over_budget > 0);
  }
}

TEST(Simulate, AdmitFewerAdmitsNewEntriesBeforePromotions) {
  // Running: 2 main (200); new entries 2 (20); the promotion (100) does not fit in 300.
  SimulationOptions o = years(1);
  o.start_fy = 2030;
  SimulationResult r = simulate(small_program(300), "program/p", o);
  const SimulatedYear& y = r.years[0];
  EXPECT_EQ(active(y, "program/p/entry"), 2);
  EXPECT_EQ(active(y, "program/p/main"), 2);
  EXPECT_EQ(y.turned_away.p50, 1);
  EXPECT_EQ(y.spend_jpy.p50, 220);
  EXPECT_DOUBLE_EQ(y.budget_bound, 1);
  EXPECT_DOUBLE_EQ(y.over_budget, 0);
}

TEST(Simulate, ScaleFundingKeepsEverySiteAndScalesTheAmounts) {
  SimulationOptions o = years(1);
  o.start_fy = 2030;
  o.policy = BudgetPolicy::scale_funding;
  SimulatedYear y = simulate(small_program(160), "program/p", o).years[0];
  EXPECT_EQ(active(y, "program/p/main"), 3);
  EXPECT_EQ(y.spend_jpy.p50, 160);
  EXPECT_DOUBLE_EQ(y.funding_scale, 160.0 / 320.0);
  EXPECT_DOUBLE_EQ(y.budget_bound, 1);
}

TEST(Simulate, ReportOnlyFundsEveryoneAndMarksTheYearOverBudget) {
  SimulationOptions o = years(1);
  o.start_fy = 2030;
  o.policy = BudgetPolicy::report_only;
  SimulatedYear y = simulate(small_program(160), "program/p", o).years[0];
  EXPECT_EQ(y.spend_jpy.p50, 320);
  EXPECT_DOUBLE_EQ(y.over_budget, 1);
  EXPECT_DOUBLE_EQ(y.budget_bound, 0);
}

TEST(Simulate, RunningSitesAreKeptEvenWhenTheyAloneExceedTheBudget) {
  SimulationOptions o = years(1);
  o.start_fy = 2030;
  SimulatedYear y = simulate(small_program(50), "program/p", o).years[0];
  EXPECT_EQ(active(y, "program/p/main"), 2);
  EXPECT_EQ(y.new_sites.p50, 0);
  EXPECT_EQ(y.spend_jpy.p50, 200);
  EXPECT_DOUBLE_EQ(y.over_budget, 1);
}

// ---- COI-NEXT against the seed ------------------------------------------------------------

TEST(SimulateCoiNext, TheTracksComeFromTheModel) {
  SimulationResult r = simulate(default_model(), "coi-next", years(1));
  EXPECT_EQ(r.program, "program/coi-next");
  ASSERT_EQ(r.tracks.size(), 3u);
  EXPECT_EQ(r.tracks[0].id, nurturing);
  EXPECT_EQ(r.tracks[0].funding_per_site, 30'000'000);   // 「3千万円程度/年」
  EXPECT_EQ(r.tracks[0].duration, 2);                    // 「2年度程度」
  EXPECT_EQ(r.tracks[0].new_sites, 6);                   // 「新規６拠点程度」
  EXPECT_NEAR(r.tracks[0].promotion_rate, 0.55, 1e-12);  // 33 / (6 × 10)
  EXPECT_EQ(r.tracks[1].id, full_scale);
  EXPECT_EQ(r.tracks[1].funding_per_site, 400'000'000);  // 「~4億円程度/年」
  EXPECT_EQ(r.tracks[1].duration, 10);                   // 「最長10年度」
  EXPECT_EQ(r.tracks[1].initial_sites, 33);              // 「33拠点程度」
  EXPECT_EQ(r.tracks[2].id, opera);
  EXPECT_FALSE(r.tracks[2].open);                        // 「継続のみ」
  EXPECT_EQ(r.tracks[2].funding_per_site, 160'000'000);  // 「1.6億円/年」
  EXPECT_EQ(r.tracks[2].duration, 6);                    // 「6年度」
  EXPECT_EQ(r.options.start_fy, 2024);
  EXPECT_EQ(r.years[0].budget_jpy, 13'400'000'000);  // 「令和6年度予算額 134億円」
}

TEST(SimulateCoiNext, WithoutABudgetLimitTheSeedsSteadyStateHolds) {
  SimulationOptions o = years(20);
  o.policy = BudgetPolicy::report_only;
  for (const SimulatedYear& y : simulate(default_model(), "program/coi-next", o).years) {
    EXPECT_EQ(active(y, nurturing), 12) << y.fiscal_year;   // 「12拠点程度」
    EXPECT_EQ(active(y, full_scale), 33) << y.fiscal_year;  // 「33拠点程度」
  }
}

TEST(SimulateCoiNext, TheSeedsOwnFiguresCost135_6OkuAnd134OkuDoesNotCoverThem) {
  // 12 × 3千万 + 33 × 4億 = 3.6億 + 132億 = 135.6億 > 134億.
  SimulationOptions o = years(3);
  o.policy = BudgetPolicy::report_only;
  for (const SimulatedYear& y : simulate(default_model(), "program/coi-next", o).years) {
    EXPECT_EQ(y.spend_jpy.p50, 13'560'000'000);
    EXPECT_DOUBLE_EQ(y.over_budget, 1);
  }
  // FY2023's 138億円 did cover them.
  o.start_fy = 2023;
  o.years = 1;
  SimulatedYear fy2023 = simulate(default_model(), "program/coi-next", o).years[0];
  EXPECT_EQ(fy2023.budget_jpy, 13'800'000'000);
  EXPECT_DOUBLE_EQ(fy2023.over_budget, 0);
}

TEST(SimulateCoiNext, TheBaselineKeeps12NurturingAndAtMost33FullScaleSitesWithin134Oku) {
  SimulationResult r = simulate(default_model(), "program/coi-next", years(15));
  for (const SimulatedYear& y : r.years) {
    EXPECT_EQ(active(y, nurturing), 12) << y.fiscal_year;
    EXPECT_GE(active(y, full_scale), 32) << y.fiscal_year;
    EXPECT_LE(active(y, full_scale), 33) << y.fiscal_year;
    EXPECT_LE(y.spend_jpy.p50, y.budget_jpy) << y.fiscal_year;
    EXPECT_EQ(active(y, opera), 0);  // the seed gives no count of continuing projects
  }
  // The 33rd site does not fit: in FY2024 one promotion is turned away and the budget binds.
  const SimulatedYear& fy2024 = r.years[0];
  EXPECT_EQ(active(fy2024, full_scale), 32);
  EXPECT_EQ(fy2024.turned_away.p50, 1);
  EXPECT_DOUBLE_EQ(fy2024.budget_bound, 1);
  EXPECT_EQ(fy2024.spend_jpy.p50, 13'160'000'000);  // 3.6億 + 32 × 4億
}

TEST(SimulateCoiNext, A120OkuBudgetFromFY2025FundsFewerSites) {
  Scenario cut("cut");
  cut.set_budget("program/coi-next", 2025, 12'000'000'000);
  SimulationResult r = simulate(apply(default_model(), cut), "program/coi-next", years(12));
  EXPECT_EQ(active(r.years[0], full_scale), 32);  // FY2024 keeps 134億円
  for (std::size_t i = 1; i < r.years.size(); ++i) {
    const SimulatedYear& y = r.years[i];
    EXPECT_EQ(active(y, nurturing), 12) << y.fiscal_year;
    EXPECT_EQ(active(y, full_scale), 29) << y.fiscal_year;  // (120 − 3.6) / 4 = 29.1
    EXPECT_LE(y.spend_jpy.p50, 12'000'000'000) << y.fiscal_year;
  }
  EXPECT_EQ(r.years[1].turned_away.p50, 3);  // FY2025: no promotion fits
  EXPECT_DOUBLE_EQ(r.years[1].budget_bound, 1);
}

TEST(SimulateCoiNext, LessBudgetNeverFundsMoreSites) {
  std::int64_t previous = 0;
  for (std::int64_t oku : {90, 100, 110, 120, 130, 134, 138, 150}) {
    SimulationOptions o = years(12);
    o.budget_jpy = oku * 100'000'000;
    SimulationResult r = simulate(default_model(), "program/coi-next", o);
    std::int64_t sites = active(r.years.back(), full_scale);
    EXPECT_GE(sites, previous) << oku << "億円";
    previous = sites;
  }
}

TEST(SimulateCoiNext, ABudgetFigureForALaterYearCarriesForward) {
  Scenario cut("cut");
  cut.set_budget("program/coi-next", 2026, 12'000'000'000);
  SimulationResult r = simulate(apply(default_model(), cut), "program/coi-next", years(5));
  EXPECT_EQ(r.years[1].budget_jpy, 13'400'000'000);  // FY2025: the last known before it
  EXPECT_EQ(r.years[2].budget_jpy, 12'000'000'000);
  EXPECT_EQ(r.years[4].budget_jpy, 12'000'000'000);
  // After the last year the model states (FY2025), the given future budget.
  SimulationOptions o = years(3);
  o.future_budget_jpy = 15'000'000'000;
  SimulationResult future = simulate(default_model(), "program/coi-next", o);
  EXPECT_EQ(future.years[1].budget_jpy, 13'400'000'000);
  EXPECT_EQ(future.years[2].budget_jpy, 15'000'000'000);
}

TEST(SimulateCoiNext, OperasContinuingProjectsRunOutWithinSixYears) {
  SimulationOptions o = years(7);
  o.initial_sites = {{opera, 6}};
  o.policy = BudgetPolicy::report_only;
  SimulationResult r = simulate(default_model(), "program/coi-next", o);
  std::vector<std::int64_t> running;
  for (const SimulatedYear& y : r.years) running.push_back(active(y, opera));
  EXPECT_EQ(running, (std::vector<std::int64_t>{5, 4, 3, 2, 1, 0, 0}));
  EXPECT_EQ(r.years[0].spend_jpy.p50, 13'560'000'000 + 5 * 160'000'000);
}

TEST(SimulateCoiNext, APromotionRateOptionOverridesTheDerivedOne) {
  SimulationOptions o = years(15);
  o.promotion_rate = 0.25;
  o.policy = BudgetPolicy::report_only;
  SimulationResult r = simulate(default_model(), "program/coi-next", o);
  EXPECT_DOUBLE_EQ(r.tracks[0].promotion_rate, 0.25);
  EXPECT_EQ(active(r.years.back(), full_scale), 15);  // 6 × 0.25 = 1.5 a year for 10 years
}

// ---- Monte Carlo --------------------------------------------------------------------------

TEST(SimulateMonteCarlo, TheSameSeedGivesTheSameResult) {
  SimulationOptions o = years(10);
  o.runs = 200;
  o.seed = 42;
  SimulationResult a = simulate(default_model(), "program/coi-next", o);
  SimulationResult b = simulate(default_model(), "program/coi-next", o);
  EXPECT_EQ(a.years, b.years);
  EXPECT_EQ(to_json(a), to_json(b));
}

TEST(SimulateMonteCarlo, ADifferentSeedGivesADifferentResult) {
  SimulationOptions o = years(10);
  o.runs = 200;
  o.seed = 1;
  SimulationResult a = simulate(default_model(), "program/coi-next", o);
  o.seed = 2;
  SimulationResult b = simulate(default_model(), "program/coi-next", o);
  EXPECT_NE(a.years, b.years);
}

TEST(SimulateMonteCarlo, ReportsOrderedPercentilesAroundTheSeedsState) {
  SimulationOptions o = years(10);
  o.runs = 500;
  o.seed = 7;
  SimulationResult r = simulate(default_model(), "program/coi-next", o);
  for (const SimulatedYear& y : r.years) {
    for (const auto& [track, q] : y.active) {
      EXPECT_LE(q.p10, q.p50) << track;
      EXPECT_LE(q.p50, q.p90) << track;
    }
    EXPECT_EQ(y.active.at(nurturing).p50, 12);
    EXPECT_GE(y.active.at(full_scale).p50, 30);
    EXPECT_LE(y.active.at(full_scale).p50, 36);
    EXPECT_LT(y.spend_jpy.p10, y.spend_jpy.p90);  // amounts drawn within their qualifiers
  }
}

TEST(SimulateMonteCarlo, TheEngineGivesStdMt19937_64sNumbers) {
  // Across three regenerations of the state, from seeds at both ends of the range and the
  // runs' own.
  std::vector<std::uint64_t> seeds = {0, 1, 5489, ~std::uint64_t{0}};
  for (std::uint64_t r = 0; r < 50; ++r)
    seeds.push_back(detail::splitmix64(7 ^ detail::splitmix64(r)));
  for (std::uint64_t seed : seeds) {
    std::mt19937_64 expected(seed);
    detail::Mt19937_64 engine(seed);
    for (int i = 0; i < 1000; ++i)
      ASSERT_EQ(engine(), expected()) << "seed " << seed << " draw " << i;
  }
}

// Each run rebuilt as a one-run simulation whose seed gives the run's engine the same seed;
// the many-run simulation must report the nearest-rank p10/p50/p90 of those runs, sorted here.
TEST(SimulateMonteCarlo, PercentilesAreTheNearestRanksOfTheRunsMadeAlone) {
  const Model& model = default_model();
  for (std::size_t runs : {1u, 2u, 37u, 100u}) {
    SimulationOptions o = years(10);
    o.runs = runs;
    o.seed = 11;
    o.policy = BudgetPolicy::admit_fewer;
    SimulationResult many = simulate(model, "program/coi-next", o);
    std::vector<SimulationResult> alone;
    for (std::uint64_t r = 0; r < runs; ++r) {
      SimulationOptions one = o;
      one.runs = 1;
      one.seed = o.seed ^ detail::splitmix64(r) ^ detail::splitmix64(0);
      alone.push_back(simulate(model, "program/coi-next", one));
    }
    auto nearest = [&](auto value_of, std::size_t year) {
      std::vector<std::int64_t> v;
      for (const SimulationResult& a : alone) v.push_back(value_of(a.years[year]).p50);
      std::sort(v.begin(), v.end());
      auto at = [&](double p) {
        auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
        return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
      };
      return Quantiles{at(0.1), at(0.5), at(0.9)};
    };
    bool spread = false;
    for (std::size_t i = 0; i < many.years.size(); ++i) {
      const SimulatedYear& y = many.years[i];
      auto spend = [](const SimulatedYear& s) { return s.spend_jpy; };
      auto full = [](const SimulatedYear& s) { return s.active.at(full_scale); };
      auto ended = [](const SimulatedYear& s) { return s.ended; };
      EXPECT_EQ(y.spend_jpy, nearest(spend, i)) << runs << " runs, year " << i;
      EXPECT_EQ(y.active.at(full_scale), nearest(full, i)) << runs << " runs, year " << i;
      EXPECT_EQ(y.ended, nearest(ended, i)) << runs << " runs, year " << i;
      spread = spread || y.active.at(full_scale).p10 < y.active.at(full_scale).p90;
    }
    if (runs >= 37) {
      EXPECT_TRUE(spread) << runs << " runs";  // so the ranks matter
    }
  }
}

// ---- output -------------------------------------------------------------------------------

TEST(SimulateOutput, JsonHasTheIssuesShape) {
  std::string json = to_json(simulate(default_model(), "program/coi-next", years(2)));
  EXPECT_EQ(json.rfind(R"({"assumptions":)", 0), 0u);
  for (const char* key :
       {R"("schema":"kyoso.simulate/1")", R"("fiscal_year":2024)",
        R"("program/coi-next/full-scale":32)", R"("new":6)", R"("over_budget":false)",
        R"("budget_jpy":13400000000)", R"("spend_jpy":13160000000)", R"("promotion_rate":0.55)"}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
  SimulationOptions mc = years(1);
  mc.runs = 10;
  std::string quantiles = to_json(simulate(default_model(), "program/coi-next", mc));
  EXPECT_NE(quantiles.find(R"("new":{"p10":6,"p50":6,"p90":6})"), std::string::npos);
}

TEST(SimulateOutput, CsvHasAHeaderAndOneRowPerYear) {
  std::string csv = to_csv(simulate(default_model(), "program/coi-next", years(3)));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "fiscal_year,active:program/coi-next/nurturing,active:program/coi-next/full-scale,"
            "active:program/opera,new,promoted,ended,turned_away,spend_jpy,budget_jpy,"
            "over_budget,budget_bound,funding_scale");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
  EXPECT_NE(csv.find("\n2024,12,32,0,6,2,7,1,13160000000,13400000000,false,true,1.0\n"),
            std::string::npos)
      << csv;
}

// ---- bad inputs ---------------------------------------------------------------------------

void refused(const SimulationOptions& o, const std::string& expected,
             const std::string& program = "program/coi-next") {
  try {
    simulate(default_model(), program, o);
    ADD_FAILURE() << "accepted: " << expected;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

TEST(SimulateInput, BadOptionsAreRefusedWithAClearError) {
  refused(years(0), "years must be 1 to 100, not 0");
  refused(years(101), "years must be 1 to 100, not 101");
  SimulationOptions o = years(5);
  o.budget_jpy = -1;
  refused(o, "the budget may not be negative");
  o = years(5);
  o.promotion_rate = 1.5;
  refused(o, "the promotion rate must be between 0 and 1");
  o = years(5);
  o.initial_sites = {{"program/sparc", 3}};
  refused(o, "'program/sparc' is not a track of program/coi-next");
  o = years(5);
  o.new_sites = {{nurturing, -6}};
  refused(o, "a site count must be 0 to 100000");
}

TEST(SimulateInput, AnUnknownProgramIsAnUnknownId) {
  EXPECT_THROW(simulate(default_model(), "program/coi-nxt"), UnknownIdError);
}

TEST(SimulateInput, AProgramWithoutTracksIsRefused) {
  refused(years(5), "program/sparc has no tracks", "program/sparc");
  try {
    simulate(small_program(), "program/flat", years(1));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("program/flat has no tracks"), std::string::npos);
  }
}

TEST(SimulateInput, ATrackWithoutItsFiguresIsRefused) {
  Scenario s("no duration");
  s.set("program/coi-next/nurturing", "figures/duration", std::monostate{});
  try {
    simulate(apply(default_model(), s), "program/coi-next");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("program/coi-next/nurturing has no duration figure"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace kyoso
