// kyoso simulate, kyoso compare and the global --scenario option, run as a user runs them. The
// numbers are the library's (tests/simulate_test.cpp, tests/scenario_test.cpp), derived from
// the seed: 12 育成型 and 32 本格型 sites within 134億円, 29 本格型 at 120億円.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "run_kyoso.hpp"

namespace {

constexpr const char* nurturing = "program/coi-next/nurturing";
constexpr const char* full_scale = "program/coi-next/full-scale";

const std::string scenarios = KYOSO_SCENARIOS_DIR;
const std::string budget_cut = scenarios + "/budget_cut.json";
const std::string third_round = scenarios + "/jpeaks_third_round.json";
const std::string new_program = scenarios + "/new_program.json";

const std::vector<std::string> model_case = {"--mission", "regional-revitalization", "--goal",
                                             "social-implementation"};

std::vector<std::string> args(std::vector<std::string> head,
                              const std::vector<std::string>& tail = {}) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The table row whose first cell is `first`, split into words.
std::vector<std::string> row(const std::string& table, const std::string& first) {
  for (const std::string& line : lines_of(table)) {
    std::vector<std::string> words = words_of(line);
    if (!words.empty() && words[0] == first) return words;
  }
  ADD_FAILURE() << "no row " << first << " in\n" << table;
  return {};
}

json::value simulate_json(const std::vector<std::string>& extra) {
  Outcome run = kyoso(args({"simulate", "program/coi-next", "--format", "json"}, extra));
  EXPECT_EQ(run.status, 0) << run.err;
  return parse_json(run.out);
}

std::int64_t active(const json::value& year, const char* track) {
  return year.at("active").at(track).as_int64();
}

fs::path write(const TempDir& dir, const std::string& name, const std::string& text) {
  fs::path file = dir.path() / name;
  std::ofstream(file) << text;
  return file;
}

// --- simulate -----------------------------------------------------------------------------

TEST(SimulateCommand, TheBaselineKeeps12NurturingAnd32FullScaleSitesWithin134Oku) {
  json::value doc = simulate_json({"--years", "10"});
  EXPECT_EQ(doc.at("schema"), "kyoso.simulate/1");
  EXPECT_EQ(doc.at("program"), "program/coi-next");
  const json::array& years = doc.at("years").as_array();
  ASSERT_EQ(years.size(), 10u);
  for (const json::value& y : years) {
    EXPECT_EQ(active(y, nurturing), 12) << y.at("fiscal_year");
    EXPECT_EQ(active(y, full_scale), 32) << y.at("fiscal_year");
    EXPECT_EQ(y.at("spend_jpy"), 13'160'000'000) << y.at("fiscal_year");  // 3.6億 + 32 × 4億
    EXPECT_EQ(y.at("budget_jpy"), 13'400'000'000);                        // 令和6年度 134億円
    EXPECT_EQ(y.at("over_budget"), false);
  }
  // The seed's 33rd 本格型 site does not fit in 134億円: one promotion is turned away.
  EXPECT_EQ(years[0].at("fiscal_year"), 2024);
  EXPECT_EQ(years[0].at("turned_away"), 1);
  EXPECT_EQ(years[0].at("budget_bound"), true);
  EXPECT_EQ(years[9].at("fiscal_year"), 2033);
}

TEST(SimulateCommand, ReportOnlyShowsThatTheSeedsOwnFiguresCost135_6Oku) {
  json::value doc = simulate_json({"--years", "3", "--policy", "report-only"});
  for (const json::value& y : doc.at("years").as_array()) {
    EXPECT_EQ(active(y, nurturing), 12);
    EXPECT_EQ(active(y, full_scale), 33);
    EXPECT_EQ(y.at("spend_jpy"), 13'560'000'000);  // 12 × 3千万 + 33 × 4億
    EXPECT_EQ(y.at("over_budget"), true);
  }
}

TEST(SimulateCommand, TheTableShowsReiwaYearsOkuAndTheYearTheBudgetBound) {
  Outcome run = kyoso({"simulate", "coi-next", "--years", "3"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "program/coi-next  共創の場形成支援プログラム（COI-NEXT）"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "育成型")) << run.out;
  EXPECT_TRUE(contains(run.out, "支出（億円）")) << run.out;
  EXPECT_EQ(row(run.out, "令和6年度"),
            (std::vector<std::string>{"令和6年度", "12", "32", "0", "6", "2", "7", "1", "131.6",
                                      "134.0", "上限"}));
  EXPECT_EQ(row(run.out, "令和7年度"), (std::vector<std::string>{"令和7年度", "12", "32", "0", "6",
                                                                 "3", "6", "0", "131.6", "134.0"}));
  EXPECT_TRUE(contains(run.out, "上限: 予算が足りず")) << run.out;
  EXPECT_TRUE(contains(run.out, "\n前提\n  ・")) << run.out;
  EXPECT_TRUE(contains(run.out, "昇格率 0.55")) << run.out;
}

TEST(SimulateCommand, InEnglishTheTableShowsFiscalYearsAndBillions) {
  Outcome run = kyoso({"--lang", "en", "simulate", "coi-next", "--years", "2"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "spend (JPY bn)")) << run.out;
  std::vector<std::string> fy2024 = row(run.out, "FY2024");
  ASSERT_GE(fy2024.size(), 3u);
  EXPECT_EQ(fy2024.back(), "bound");
  EXPECT_EQ(fy2024[fy2024.size() - 3], "13.16");
  EXPECT_EQ(fy2024[fy2024.size() - 2], "13.40");
  EXPECT_TRUE(contains(run.out, "\nassumptions\n  - ")) << run.out;
  EXPECT_TRUE(contains(run.out, "promotion rate 0.55")) << run.out;
  EXPECT_FALSE(contains(run.out, "育成型")) << run.out;
}

TEST(SimulateCommand, ABudgetCutLowersTheFullScaleSites) {
  json::value base = simulate_json({"--years", "12"});
  for (std::string budget : {"120億", "12000000000", "12,000,000,000", "120億円"}) {
    json::value cut = simulate_json({"--years", "12", "--budget", budget});
    const json::array& cut_years = cut.at("years").as_array();
    std::int64_t fewer = 0;
    for (std::size_t i = 0; i < cut_years.size(); ++i) {
      const json::value& y = cut_years[i];
      EXPECT_EQ(y.at("budget_jpy"), 12'000'000'000) << budget;
      std::int64_t base_sites = active(base.at("years").at(i), full_scale);
      EXPECT_LE(active(y, full_scale), base_sites) << budget << " " << y.at("fiscal_year");
      fewer += base_sites - active(y, full_scale);
    }
    EXPECT_GT(fewer, 0) << budget;
    EXPECT_EQ(active(cut_years.back(), full_scale), 29) << budget;  // (120 − 3.6) / 4 = 29.1
  }
}

TEST(SimulateCommand, StartFyTakesTheFiscalYearAsPeopleWriteIt) {
  json::value fy = simulate_json({"--years", "1", "--start-fy", "FY2023"});
  EXPECT_EQ(fy.at("years").at(0).at("fiscal_year"), 2023);
  EXPECT_EQ(fy.at("years").at(0).at("budget_jpy"), 13'800'000'000);  // 令和5年度 138億円
  for (const char* same : {"2023", "fy2023", "R5", "令和5年度", "令和5"}) {
    EXPECT_EQ(simulate_json({"--years", "1", "--start-fy", same}), fy) << same;
  }
  EXPECT_EQ(simulate_json({"--years", "1", "--start-fy", "令和元年度"})
                .at("years")
                .at(0)
                .at("fiscal_year"),
            2019);
}

TEST(SimulateCommand, CsvHasAHeaderAndOneRowPerYear) {
  Outcome run = kyoso({"simulate", "coi-next", "--years", "2", "--format", "csv"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u) << run.out;
  EXPECT_EQ(lines[0].rfind("fiscal_year,active:program/coi-next/nurturing,", 0), 0u);
  EXPECT_EQ(lines[1], "2024,12,32,0,6,2,7,1,13160000000,13400000000,false,true,1.0");
}

TEST(SimulateCommand, InitialSitesAndNewSitesTakeTrackIdsWithoutTheirKind) {
  json::value doc = simulate_json({"--years", "7", "--initial-sites", "opera=6", "--policy",
                                   "report-only", "--new-sites", "coi-next/nurturing=4"});
  std::vector<std::int64_t> opera;
  for (const json::value& y : doc.at("years").as_array()) {
    opera.push_back(active(y, "program/opera"));
    EXPECT_EQ(y.at("new"), 4);
  }
  EXPECT_EQ(opera, (std::vector<std::int64_t>{5, 4, 3, 2, 1, 0, 0}));
  Outcome unknown = kyoso({"simulate", "coi-next", "--initial-sites", "oper=3"});
  expect_bad_input(unknown);
  EXPECT_TRUE(contains(unknown.err, "--initial-sites: unknown id 'oper'")) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "program/opera")) << unknown.err;
}

TEST(SimulateCommand, MonteCarloWithTheSameSeedGivesTheSameOutput) {
  for (const char* format : {"json", "table", "csv"}) {
    std::vector<std::string> mc = {"simulate", "coi-next", "--years", "5",        "--runs",
                                   "200",      "--seed",   "42",      "--format", format};
    Outcome a = kyoso(mc);
    Outcome b = kyoso(mc);
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << format;
    mc[7] = "43";
    EXPECT_NE(kyoso(mc).out, a.out) << format;
  }
  json::value doc = simulate_json({"--years", "3", "--runs", "200", "--seed", "42"});
  EXPECT_EQ(doc.at("parameters").at("runs"), 200);
  EXPECT_EQ(doc.at("parameters").at("seed"), 42);
  for (const json::value& y : doc.at("years").as_array()) {
    const json::value& q = y.at("active").at(full_scale);
    EXPECT_LE(q.at("p10").as_int64(), q.at("p50").as_int64());
    EXPECT_LE(q.at("p50").as_int64(), q.at("p90").as_int64());
    EXPECT_EQ(y.at("active").at(nurturing).at("p50"), 12);
  }
  Outcome table = kyoso({"simulate", "coi-next", "--years", "3", "--runs", "200", "--seed", "42"});
  EXPECT_TRUE(contains(table.out, "モンテカルロ 200回（乱数シード 42）")) << table.out;
  EXPECT_TRUE(std::regex_search(table.out, std::regex("[0-9]+ \\[[0-9]+–[0-9]+\\]"))) << table.out;
}

TEST(SimulateFlags, BadValuesAreUsageErrorsBeforeAnythingIsSimulated) {
  const std::map<std::vector<std::string>, std::string> refused = {
      {{"--years", "0"}, "--years must be 1 to 100, not 0"},
      {{"--years", "101"}, "--years must be 1 to 100, not 101"},
      {{"--years", "ten"}, "--years"},
      {{"--budget", "-1"}, "--budget may not be negative"},
      {{"--budget=-120億"}, "--budget may not be negative"},
      {{"--budget", "12x"}, "--budget must be an amount of yen"},
      {{"--budget", "1,,000"}, "--budget must be an amount of yen"},
      {{"--start-fy", "FY24"}, "--start-fy must be a fiscal year"},
      {{"--start-fy", "R0"}, "--start-fy must be a fiscal year"},
      {{"--start-fy", "next year"}, "--start-fy must be a fiscal year"},
      {{"--policy", "cut"}, "unknown --policy 'cut'"},
      {{"--promotion-rate", "1.5"}, "--promotion-rate must be between 0 and 1, not 1.5"},
      {{"--runs", "10"}, "--runs needs --seed"},
      {{"--seed", "3"}, "--seed is for a Monte Carlo"},
      {{"--runs", "0", "--seed", "1"}, "--runs must be 1 to 100000"},
      {{"--runs", "100001", "--seed", "1"}, "--runs must be 1 to 100000"},
      {{"--runs", "10", "--seed", "-1"}, "--seed must be a whole number"},
      {{"--initial-sites", "opera"}, "--initial-sites takes TRACK=N"},
      {{"--new-sites", "opera=-2"}, "--new-sites takes TRACK=N"},
  };
  for (const auto& [flags, message] : refused) {
    Outcome run = kyoso(args({"simulate", "coi-next"}, flags));
    expect_usage_error(run, "Try 'kyoso simulate --help'.");
    EXPECT_TRUE(contains(run.err, message)) << flags[0] << ": " << run.err;
  }
  expect_usage_error(kyoso({"simulate"}), "Try 'kyoso simulate --help'.");
  expect_usage_error(kyoso({"simulate", "coi-next", "--format", "dot"}),
                     "Try 'kyoso simulate --help'.");
}

TEST(SimulateFlags, AnUnknownProgramOrOneWithoutTracksIsBadInput) {
  Outcome unknown = kyoso({"simulate", "coi-nxt"});
  expect_bad_input(unknown);
  EXPECT_TRUE(contains(unknown.err, "did you mean 'program/coi-next'?")) << unknown.err;
  Outcome flat = kyoso({"simulate", "sparc"});
  expect_bad_input(flat);
  EXPECT_TRUE(contains(flat.err, "program/sparc has no tracks")) << flat.err;
}

// --- --scenario on the query commands -------------------------------------------------------

json::value program_in(const json::value& fit, const std::string& id) {
  for (const json::value& r : fit.at("results").as_array()) {
    if (r.at("id") == id.c_str()) return r;
  }
  ADD_FAILURE() << id << " not in the fit result";
  return {};
}

const std::vector<std::string> management_2025 = {
    "--mission", "regional-revitalization", "--goal", "management", "--fy", "2025"};

TEST(ScenarioOption, FitRunsOnTheScenariosModel) {
  Outcome base = kyoso(args({"fit", "--format", "json"}, management_2025));
  Outcome opened =
      kyoso(args({"fit", "--format", "json", "--scenario", third_round}, management_2025));
  ASSERT_EQ(base.status, 0) << base.err;
  ASSERT_EQ(opened.status, 0) << opened.err;
  const json::value& closed = program_in(parse_json(base.out), "program/j-peaks");
  EXPECT_EQ(closed.at("eligibility"), "not-eligible");
  EXPECT_EQ(closed.at("call").at("status"), "closed");
  const json::value& open = program_in(parse_json(opened.out), "program/j-peaks");
  EXPECT_EQ(open.at("eligibility"), "eligible");
  EXPECT_EQ(open.at("call").at("status"), "open");
  EXPECT_EQ(open.at("call").at("scope").at("ja"), "第3回公募（仮定）");
  // Before the command, as a global option, it does the same.
  Outcome first =
      kyoso(args({"--scenario", third_round, "fit", "--format", "json"}, management_2025));
  EXPECT_EQ(first.out, opened.out);
}

TEST(ScenarioOption, EveryQueryCommandSeesTheScenariosNodes) {
  for (const std::vector<std::string>& query : std::vector<std::vector<std::string>>{
           {"show", "startup-hub"},
           {"explain", "startup-hub", "--mission", "regional-revitalization"},
           {"neighbors", "startup-hub"},
           {"path", "startup-hub", "coi-next"},
           {"export", "--format", "dot", "--focus", "startup-hub"},
           {"simulate", "startup-hub", "--start-fy", "FY2025", "--initial-sites",
            "startup-hub/hub=0"},
       }) {
    Outcome without = kyoso(query);
    EXPECT_EQ(without.status, 1) << query[0] << ": " << without.err;
    Outcome with = kyoso(args(query, {"--scenario", new_program}));
    EXPECT_EQ(with.status, 0) << query[0] << ": " << with.err;
    EXPECT_TRUE(contains(with.out, "program/startup-hub")) << query[0] << ": " << with.out;
  }
  Outcome stats = kyoso({"stats", "--format", "json", "--scenario", new_program});
  ASSERT_EQ(stats.status, 0) << stats.err;
  Outcome base_stats = kyoso({"stats", "--format", "json"});
  EXPECT_EQ(parse_json(stats.out).at("nodes").at("total").as_int64(),
            parse_json(base_stats.out).at("nodes").at("total").as_int64() + 3);
  for (const std::vector<std::string>& query :
       std::vector<std::vector<std::string>>{args({"fit"}, model_case),
                                             args({"portfolio", "--format", "json"}, model_case),
                                             {"diagnose", "--text", "トップマネジメント"}}) {
    Outcome with = kyoso(args(query, {"--scenario", new_program}));
    EXPECT_EQ(with.status, 0) << query[0] << ": " << with.err;
  }
  // The new program meets the model case fully; it ties with COI-NEXT, which comes first by id.
  Outcome fit = kyoso(args({"fit", "--format", "json", "--scenario", new_program}, model_case));
  json::value ranked = parse_json(fit.out);
  EXPECT_EQ(ranked.at("results").at(1).at("id"), "program/startup-hub");
  EXPECT_EQ(ranked.at("results").at(1).at("score"), 1.0);
}

TEST(ScenarioOption, ValidateChecksTheScenarioAgainstTheModel) {
  Outcome ok = kyoso({"validate", "--scenario", new_program});
  ASSERT_EQ(ok.status, 0) << ok.err;
  EXPECT_TRUE(contains(ok.out, "（シナリオ new_program の編集 14 件を適用）")) << ok.out;
  EXPECT_TRUE(contains(kyoso({"validate", "--scenario", new_program, "--lang", "en"}).out,
                       "with scenario new_program (14 edits)"));
  Outcome json_ok = kyoso({"validate", "--scenario", budget_cut, "--format", "json"});
  ASSERT_EQ(json_ok.status, 0) << json_ok.err;
  EXPECT_EQ(parse_json(json_ok.out).at("scenario"), budget_cut.c_str());
  EXPECT_EQ(parse_json(kyoso({"validate", "--format", "json"}).out).at("scenario"), nullptr);
}

TEST(ScenarioOption, ABadScenarioFileIsBadInputNamingTheFileThePointerAndTheEdit) {
  TempDir dir;
  fs::path unknown = write(dir, "cut.json", R"({"schema": "kyoso.scenario/1", "name": "cut",
    "edits": [
      {"op": "set", "node": "program/coi-next", "path": "figures/budget@2025/value", "value": 1},
      {"op": "remove_node", "node": "program/coi-nxt"}
    ]})");
  Outcome run = kyoso(args({"fit", "--scenario", unknown.string()}, model_case));
  expect_bad_input(run);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kyoso: " + unknown.string() +
                         ": /edits/1/node: remove_node: unknown id 'program/coi-nxt' (did you "
                         "mean 'program/coi-next'?)\n");

  Outcome as_json =
      kyoso(args({"simulate", "coi-next", "--format", "json", "--scenario", unknown.string()}));
  expect_bad_input(as_json);
  json::value error = parse_json(as_json.out).at("error");
  EXPECT_EQ(error.at("type"), "unknown_id");
  EXPECT_EQ(error.at("pointer"), "/edits/1/node");
  EXPECT_EQ(error.at("id"), "program/coi-nxt");
  EXPECT_EQ(error.at("suggestion"), "program/coi-next");

  fs::path op = write(dir, "op.json", R"({"schema": "kyoso.scenario/1", "name": "x",
    "edits": [{"op": "rename", "node": "program/coi-next"}]})");
  Outcome bad_op = kyoso({"stats", "--scenario", op.string()});
  expect_bad_input(bad_op);
  EXPECT_TRUE(contains(bad_op.err, op.string() + ":2:")) << bad_op.err;
  EXPECT_TRUE(contains(bad_op.err, "/edits/0/op: unknown op \"rename\"")) << bad_op.err;

  fs::path kinds = write(dir, "kinds.json", R"({"schema": "kyoso.scenario/1", "name": "x",
    "edits": [{"op": "add_edge", "source": "program/local-10000",
               "target": "purpose/talent-development", "relation": "applied_by"}]})");
  Outcome bad_edge = kyoso({"validate", "--scenario", kinds.string()});
  expect_bad_input(bad_edge);
  EXPECT_TRUE(contains(bad_edge.err, kinds.string() + ": /edits/0: ")) << bad_edge.err;
  EXPECT_TRUE(contains(bad_edge.err, "add_edge: relation 'applied_by' cannot connect"))
      << bad_edge.err;

  fs::path broken = write(dir, "broken.json", "{\"schema\": ");
  Outcome not_json = kyoso({"show", "coi-next", "--scenario", broken.string()});
  expect_bad_input(not_json);
  EXPECT_TRUE(contains(not_json.err, broken.string() + ":1:")) << not_json.err;

  Outcome missing = kyoso({"show", "coi-next", "--scenario", (dir.path() / "none.json").string()});
  expect_bad_input(missing);
  EXPECT_TRUE(contains(missing.err, "none.json: cannot open file")) << missing.err;
}

// --- compare ------------------------------------------------------------------------------

// A third J-PEAKS round in FY2025: the program that leads for 【経営力強化】 opens again.
TEST(CompareCommand, AThirdJPeaksRoundMakesItEligibleInFy2025) {
  Outcome run = kyoso(
      args({"compare", "--scenario", third_round, "fit", "--format", "json"}, management_2025));
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.compare.fit/2");
  EXPECT_EQ(doc.at("entered"), (json::array{"program/j-peaks"}));
  EXPECT_EQ(doc.at("left"), json::array());
  bool found = false;
  for (const json::value& p : doc.at("programs").as_array()) {
    if (p.at("id") != "program/j-peaks") continue;
    found = true;
    EXPECT_EQ(p.at("base").at("eligibility"), "not-eligible");
    EXPECT_EQ(p.at("scenario").at("eligibility"), "eligible");
    EXPECT_EQ(p.at("eligibility_changed"), true);
    EXPECT_EQ(p.at("entered"), true);
    // It leads on score either way: a call opening changes no score, only who can use it.
    EXPECT_EQ(p.at("base").at("rank"), 1);
    EXPECT_EQ(p.at("scenario").at("rank"), 1);
    EXPECT_EQ(p.at("score_change").as_double(), 0.0);
  }
  EXPECT_TRUE(found) << run.out;

  Outcome table = kyoso(args({"compare", "--scenario", third_round, "fit"}, management_2025));
  ASSERT_EQ(table.status, 0) << table.err;
  std::vector<std::string> jpeaks;
  for (const std::string& line : lines_of(table.out)) {
    if (contains(line, "program/j-peaks") && !contains(line, ":")) jpeaks = words_of(line);
  }
  EXPECT_EQ(jpeaks, (std::vector<std::string>{"応募可に", "1", "1.00", "対象外", "→", "応募可",
                                              "program/j-peaks",
                                              "地域中核・特色ある研究大学強化促進事業（J-PEAKS）"}))
      << table.out;
  EXPECT_TRUE(contains(table.out, "応募できるようになった: program/j-peaks")) << table.out;
  EXPECT_TRUE(contains(table.out, "ほかの 19 プログラムは変化なし")) << table.out;
}

TEST(CompareCommand, TopAndEligibleOnlyNarrowTheComparedPrograms) {
  Outcome run = kyoso(args({"compare", "--scenario", third_round, "fit", "--format", "json",
                            "--top", "10", "--eligible-only"},
                           management_2025));
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  for (const json::value& p : doc.at("programs").as_array()) {
    bool within = false;
    for (const char* side : {"base", "scenario"}) {
      const json::value& s = p.at(side);
      within = within || (s.is_object() && s.at("rank").as_int64() <= 10 &&
                          s.at("eligibility") != "not-eligible");
    }
    EXPECT_TRUE(within) << p;
  }
}

TEST(CompareCommand, TheBudgetCutShowsYearByYear) {
  Outcome run = kyoso({"compare", "--scenario", budget_cut, "simulate", "coi-next", "--years", "4",
                       "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.compare.simulate/1");
  EXPECT_EQ(doc.at("base").at("schema"), "kyoso.simulate/1");
  const json::array& years = doc.at("years").as_array();
  ASSERT_EQ(years.size(), 4u);
  EXPECT_EQ(years[0].at("active").at(full_scale), 0);  // FY2024 keeps 134億円
  for (std::size_t i = 1; i < years.size(); ++i) {
    EXPECT_EQ(years[i].at("active").at(full_scale), -3);
    EXPECT_EQ(years[i].at("active").at(nurturing), 0);
    EXPECT_EQ(years[i].at("budget_jpy"), -1'400'000'000);
    EXPECT_EQ(years[i].at("spend_jpy"), -1'200'000'000);
  }

  Outcome table =
      kyoso({"compare", "--scenario", budget_cut, "simulate", "coi-next", "--years", "3"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_EQ(row(table.out, "令和6年度"),
            (std::vector<std::string>{"令和6年度", "12", "32", "0", "6", "2", "7", "1", "131.6",
                                      "134.0"}));
  EXPECT_EQ(row(table.out, "令和8年度"),
            (std::vector<std::string>{"令和8年度", "12", "32", "→", "29", "0", "6", "3", "6", "0",
                                      "131.6", "→", "119.6", "134.0", "→", "120.0"}));
  EXPECT_TRUE(contains(table.out, "シナリオ budget_cut")) << table.out;
}

TEST(CompareCommand, MonteCarloSidesDrawTheSameNumbers) {
  Outcome run = kyoso({"compare", "--scenario", third_round, "simulate", "coi-next", "--years", "3",
                       "--runs", "50", "--seed", "7", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  for (const json::value& y : doc.at("years").as_array()) {
    for (const auto& [track, delta] : y.at("active").as_object()) {
      EXPECT_EQ(delta, 0) << track;
    }
  }
}

TEST(CompareCommand, BadCommandLinesAreUsageErrors) {
  const std::string hint = "Try 'kyoso compare --help'.";
  Outcome no_scenario = kyoso(args({"compare", "fit"}, model_case));
  expect_usage_error(no_scenario, hint);
  EXPECT_TRUE(contains(no_scenario.err, "compare needs --scenario FILE")) << no_scenario.err;
  expect_usage_error(kyoso({"compare", "--scenario", budget_cut}), hint);
  Outcome unknown = kyoso({"compare", "--scenario", budget_cut, "portfolio"});
  expect_usage_error(unknown, hint);
  EXPECT_TRUE(contains(unknown.err, "unknown query 'portfolio'")) << unknown.err;
  expect_usage_error(kyoso({"compare", "--scenario", budget_cut, "fit"}), hint);
  Outcome fit_budget =
      kyoso(args({"compare", "--scenario", budget_cut, "fit", "--budget", "1"}, model_case));
  expect_usage_error(fit_budget, hint);
  EXPECT_TRUE(contains(fit_budget.err, "--budget is an option of 'compare simulate'"));
  Outcome fit_years =
      kyoso(args({"compare", "--scenario", budget_cut, "fit", "--years", "3"}, model_case));
  expect_usage_error(fit_years, hint);
  Outcome simulate_mission = kyoso({"compare", "--scenario", budget_cut, "simulate", "coi-next",
                                    "--mission", "regional-revitalization"});
  expect_usage_error(simulate_mission, hint);
  EXPECT_TRUE(contains(simulate_mission.err, "--mission is an option of 'compare fit'"));
  expect_usage_error(kyoso({"compare", "--scenario", budget_cut, "simulate"}), hint);
  expect_usage_error(
      kyoso({"compare", "--scenario", budget_cut, "simulate", "coi-next", "--years", "0"}), hint);
  Outcome bad_file = kyoso({"compare", "--scenario", "/nonexistent.json", "simulate", "coi-next"});
  expect_bad_input(bad_file);
}

TEST(CompareCommand, HelpListsBothQueriesAndTheirOptions) {
  Outcome help = kyoso({"compare", "--help"});
  ASSERT_EQ(help.status, 0) << help.err;
  for (const char* part :
       {"--scenario FILE fit", "simulate PROGRAM", "--mission", "--budget", "--runs", "--top"}) {
    EXPECT_TRUE(contains(help.out, part)) << part;
  }
  Outcome main_help = kyoso({"--help"});
  EXPECT_TRUE(contains(main_help.out, "simulate")) << main_help.out;
  EXPECT_TRUE(contains(main_help.out, "compare")) << main_help.out;
  EXPECT_TRUE(contains(main_help.out, "--scenario FILE")) << main_help.out;
}

}  // namespace
