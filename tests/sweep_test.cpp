// Sweeps: the design's points (grid order, random draws, latin-hypercube strata), rows that do
// not depend on the thread count, a point checked against simulate() itself, failed points,
// every refusal of a bad sweep file with its place, and the CSV and JSONL rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <set>
#include <sstream>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

constexpr const char* full_scale = "program/coi-next/full-scale";

// A sweep file around `parameters` (a JSON array) and `design`, simulating COI-NEXT.
std::string sweep_text(const std::string& parameters, const std::string& design = "\"grid\"",
                       int runs = 20, const std::string& extra = "") {
  return R"({
  "schema": "kyoso.sweep/1",
  "name": "test",)" +
         extra + R"(
  "parameters": )" +
         parameters + R"(,
  "design": )" +
         design +
         R"(,
  "seed": 7,
  "query": {"simulate": {"program": "program/coi-next", "years": 5, "start_fy": 2025,
                         "runs": )" +
         std::to_string(runs) + R"(}}
})";
}

const std::string budget_and_rate = R"([
    {"name": "budget", "node": "program/coi-next", "path": "figures/budget@2025/value",
     "range": [9000000000, 16000000000]},
    {"name": "rate", "option": "promotion_rate", "range": [0.3, 0.8]}
  ])";

std::vector<SweepRow> all_rows(const SweepRunner& runner, unsigned threads) {
  std::vector<SweepRow> rows;
  runner.run({.threads = threads, .stop_on_error = false, .progress = {}},
             [&](const SweepRow& row) { rows.push_back(row); });
  return rows;
}

TEST(Sweep, RowsAreTheSameBitForBitOnOneThreadAndOnMany) {
  SweepRunner runner(
      default_model(),
      parse_sweep(sweep_text(budget_and_rate, R"({"kind": "latin-hypercube", "samples": 150})")));
  std::vector<SweepRow> one = all_rows(runner, 1);
  ASSERT_EQ(one.size(), 150u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].index, i);  // handed over in point order
    EXPECT_TRUE(one[i].ok) << one[i].reason;
  }
  // More threads than cores, and a count that does not divide the blocks.
  EXPECT_EQ(all_rows(runner, 3), one);
  EXPECT_EQ(all_rows(runner, 8), one);
  // Each point's seed is its own: the Monte Carlo differs between points with equal values.
  std::set<std::uint64_t> seeds;
  for (const SweepRow& row : one) seeds.insert(row.seed);
  EXPECT_EQ(seeds.size(), one.size());
}

TEST(Sweep, ARangeOfPointsGivesThoseRowsOfTheWholeSweep) {
  SweepRunner runner(
      default_model(),
      parse_sweep(sweep_text(budget_and_rate, R"({"kind": "latin-hypercube", "samples": 150})")));
  std::vector<SweepRow> whole = all_rows(runner, 2);
  // Chunks that do not fall on the runner's blocks, one running past the end.
  std::vector<SweepRow> pieced;
  std::vector<std::size_t> progress;
  for (std::size_t begin : {0, 7, 100}) {
    SweepOptions options;
    options.threads = 3;
    options.begin = begin;
    options.end = begin == 0 ? 7 : begin == 7 ? 100 : 1000;
    options.progress = [&](std::size_t done, std::size_t total) {
      progress.push_back(total - done);
    };
    runner.run(options, [&](const SweepRow& row) { pieced.push_back(row); });
  }
  EXPECT_EQ(pieced, whole);
  EXPECT_EQ(progress.back(), 0u);  // the last range's progress counted to its own end
  std::vector<SweepRow> none;
  SweepOptions empty;
  empty.begin = 150;
  runner.run(empty, [&](const SweepRow& row) { none.push_back(row); });
  EXPECT_TRUE(none.empty());
}

TEST(Sweep, GridTakesEveryCombinationWithTheFirstParameterSlowest) {
  Sweep s = parse_sweep(sweep_text(R"([
    {"name": "amount", "node": "program/coi-next/full-scale",
     "path": "figures/funding_per_site/value", "values": [300000000, 4e8]},
    {"name": "rate", "option": "promotion_rate", "range": [0.2, 0.6], "steps": 3}
  ])"));
  EXPECT_EQ(sweep_size(s), 6u);
  SweepRunner runner(default_model(), s);
  std::vector<std::pair<std::int64_t, double>> got;
  for (std::size_t i = 0; i < runner.size(); ++i) {
    SweepRow p = runner.point(i);
    got.emplace_back(std::get<std::int64_t>(p.values[0]), std::get<double>(p.values[1]));
  }
  // 4e8 is read as the whole number it is; the range's steps include both ends.
  std::vector<std::pair<std::int64_t, double>> want{{300'000'000, 0.2}, {300'000'000, 0.4},
                                                    {300'000'000, 0.6}, {400'000'000, 0.2},
                                                    {400'000'000, 0.4}, {400'000'000, 0.6}};
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].first, want[i].first) << i;
    EXPECT_NEAR(got[i].second, want[i].second, 1e-12) << i;
  }
  EXPECT_THROW(runner.point(6), Error);
}

TEST(Sweep, LatinHypercubeDrawsEachStratumOncePerParameter) {
  const std::size_t n = 97;
  SweepRunner runner(default_model(),
                     parse_sweep(sweep_text(budget_and_rate, R"({"kind": "latin-hypercube",
                                            "samples": 97})")));
  std::vector<std::set<std::size_t>> strata(2);
  for (std::size_t i = 0; i < n; ++i) {
    SweepRow p = runner.point(i);
    auto budget = static_cast<double>(std::get<std::int64_t>(p.values[0]));
    double rate = std::get<double>(p.values[1]);
    ASSERT_GE(budget, 9e9);
    ASSERT_LE(budget, 16e9);
    ASSERT_GE(rate, 0.3);
    ASSERT_LT(rate, 0.8);
    strata[0].insert(static_cast<std::size_t>((budget - 9e9) / 7e9 * n));
    strata[1].insert(static_cast<std::size_t>((rate - 0.3) / 0.5 * n));
  }
  EXPECT_EQ(strata[0].size(), n);
  EXPECT_EQ(strata[1].size(), n);
  EXPECT_EQ(*strata[1].rbegin(), n - 1);
  // The two parameters' strata are not paired in order.
  SweepRow first = runner.point(0);
  std::size_t paired = 0;
  for (std::size_t i = 0; i < n; ++i) {
    SweepRow p = runner.point(i);
    auto b = static_cast<std::size_t>(
        (static_cast<double>(std::get<std::int64_t>(p.values[0])) - 9e9) / 7e9 * n);
    auto r = static_cast<std::size_t>((std::get<double>(p.values[1]) - 0.3) / 0.5 * n);
    paired += b == r ? 1 : 0;
  }
  EXPECT_LT(paired, n / 4);
}

TEST(Sweep, RandomDesignIsSeededBySweepSeed) {
  Sweep s = parse_sweep(sweep_text(budget_and_rate, R"({"kind": "random", "samples": 40})"));
  SweepRunner a(default_model(), s);
  SweepRunner same(default_model(), s);
  s.seed = 8;
  SweepRunner other(default_model(), s);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < 40; ++i) {
    EXPECT_EQ(a.point(i), same.point(i));
    differ += a.point(i).values != other.point(i).values ? 1 : 0;
    double rate = std::get<double>(a.point(i).values[1]);
    EXPECT_GE(rate, 0.3);
    EXPECT_LT(rate, 0.8);
  }
  EXPECT_EQ(differ, 40u);
}

// The point's row is what simulate() gives for the point's scenario, options and seed.
TEST(Sweep, APointRecordsWhatSimulateGivesForItsScenarioAndSeed) {
  SweepRunner runner(
      default_model(),
      parse_sweep(sweep_text(budget_and_rate, R"({"kind": "random", "samples": 5})", 30)));
  SweepRow row = runner.run(3);
  ASSERT_TRUE(row.ok) << row.reason;
  Scenario s("check");
  s.set_budget("program/coi-next", 2025, std::get<std::int64_t>(row.values[0]));
  SimulationOptions options;
  options.years = 5;
  options.start_fy = 2025;
  options.runs = 30;
  options.seed = row.seed;
  options.promotion_rate = std::get<double>(row.values[1]);
  SimulationResult r = simulate(apply(default_model(), s), "program/coi-next", options);

  const std::vector<std::string>& names = runner.quantities();
  auto value = [&](const std::string& name) {
    auto it = std::find(names.begin(), names.end(), name);
    EXPECT_NE(it, names.end()) << name;
    return row.quantities.at(static_cast<std::size_t>(it - names.begin()));
  };
  ASSERT_EQ(r.years.size(), 5u);
  double over_years = 0;
  for (const SimulatedYear& y : r.years) {
    std::string fy = std::to_string(y.fiscal_year);
    const Quantiles& sites = y.active.at(full_scale);
    EXPECT_EQ(value("active@" + fy + ":" + full_scale + "_p10"), SweepValue{sites.p10});
    EXPECT_EQ(value("active@" + fy + ":" + full_scale + "_p50"), SweepValue{sites.p50});
    EXPECT_EQ(value("active@" + fy + ":" + full_scale + "_p90"), SweepValue{sites.p90});
    EXPECT_EQ(value("spend_jpy@" + fy + "_p50"), SweepValue{y.spend_jpy.p50});
    EXPECT_EQ(value("over_budget@" + fy), SweepValue{y.over_budget});
    over_years += y.over_budget;
  }
  EXPECT_EQ(value("over_budget_years"), SweepValue{over_years});
  // The seed is splitmix64(7 ^ 3), as docs/sweeps.md states.
  std::uint64_t x = 7 ^ 3;
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  EXPECT_EQ(row.seed, x ^ (x >> 31));
}

TEST(Sweep, AFailedPointIsRecordedWithItsReasonAndTheSweepGoesOn) {
  SweepRunner runner(default_model(), parse_sweep(sweep_text(R"([
    {"name": "budget", "node": "program/coi-next", "path": "figures/budget@2025/value",
     "values": [12000000000, -1]},
    {"name": "rate", "option": "promotion_rate", "values": [0.5, 1.5]}
  ])")));
  std::vector<SweepRow> rows = all_rows(runner, 2);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0].ok) << rows[0].reason;
  EXPECT_FALSE(rows[1].ok);
  EXPECT_NE(rows[1].reason.find("promotion"), std::string::npos) << rows[1].reason;
  EXPECT_FALSE(rows[2].ok);
  // The reason names the parameter whose edit failed.
  EXPECT_EQ(rows[2].reason.rfind("budget: ", 0), 0u) << rows[2].reason;
  EXPECT_NE(rows[2].reason.find("negative"), std::string::npos) << rows[2].reason;
  for (const SweepValue& q : rows[2].quantities)
    EXPECT_TRUE(std::holds_alternative<std::monostate>(q));
  EXPECT_EQ(rows[2].quantities.size(), runner.quantities().size());

  std::vector<std::size_t> seen;
  Error e = refused_by<Error>([&] {
    runner.run({.threads = 2, .stop_on_error = true, .progress = {}},
               [&](const SweepRow& row) { seen.push_back(row.index); });
  });
  EXPECT_NE(std::string(e.what()).find("point 1 failed"), std::string::npos) << e.what();
  EXPECT_EQ(seen, (std::vector<std::size_t>{0, 1}));
}

TEST(Sweep, CsvAndJsonlRowsHaveOneFieldPerColumn) {
  SweepRunner runner(default_model(), parse_sweep(sweep_text(R"([
    {"name": "status, quoted", "node": "program/coi-next/nurturing", "path": "calls@2026/status",
     "values": ["open", "closed"]},
    {"name": "rate", "option": "promotion_rate", "values": [0.5, 2]}
  ])",
                                                             "\"grid\"", 0)));
  std::string header = sweep_csv_header(runner);
  EXPECT_EQ(header.rfind("point,\"status, quoted\",rate,seed,status,reason,", 0), 0u) << header;
  auto fields = [](const std::string& line) {
    std::size_t n = 1;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      n += c == ',' && !quoted ? 1 : 0;
    }
    return n;
  };
  std::size_t columns = 1 + 2 + 3 + runner.quantities().size();
  EXPECT_EQ(fields(header), columns);
  std::vector<SweepRow> rows = all_rows(runner, 2);
  ASSERT_EQ(rows.size(), 4u);
  for (const SweepRow& row : rows) {
    std::string line = to_csv(runner, row);
    EXPECT_EQ(fields(line), columns) << line;
    EXPECT_EQ(line.back(), '\n');
    boost::json::object o = boost::json::parse(to_jsonl(runner, row)).as_object();
    EXPECT_EQ(o.at("point").to_number<std::size_t>(), row.index);
    EXPECT_EQ(o.at("status").as_string(), row.ok ? "ok" : "failed");
    EXPECT_EQ(o.contains("reason"), !row.ok);
    EXPECT_EQ(o.at("quantities").as_object().size(), runner.quantities().size());
    EXPECT_EQ(o.at("values").as_object().at("status, quoted").as_string(),
              std::get<std::string>(row.values[0]));
  }
  // The second rate (2) is over 1: points 1 and 3 fail, their quantities empty.
  EXPECT_TRUE(rows[0].ok && rows[2].ok);
  EXPECT_FALSE(rows[1].ok || rows[3].ok);
  std::string failed = to_csv(runner, rows[1]);
  EXPECT_NE(failed.find(",failed,"), std::string::npos);
  EXPECT_NE(failed.find(",,"), std::string::npos);
  EXPECT_TRUE(boost::json::parse(to_jsonl(runner, rows[1]))
                  .as_object()
                  .at("quantities")
                  .as_object()
                  .begin()
                  ->value()
                  .is_null());
}

// A refusal names the sweep file's place: the pointer, and the line and column of the text.
template <class E = ValidationError>
E refused(const std::string& text, const std::string& pointer) {
  E e = refused_by<E>([&] { SweepRunner(default_model(), parse_sweep(text, "s.json")); });
  EXPECT_EQ(e.where().file, "s.json") << e.what();
  EXPECT_EQ(e.where().pointer, pointer) << e.what();
  EXPECT_GT(e.where().line, 0u) << e.what();
  return e;
}

TEST(Sweep, RefusesAnUnknownNodeWithTheNearestId) {
  UnknownIdError e = refused<UnknownIdError>(sweep_text(R"([
    {"node": "program/coi-nxt", "path": "figures/budget/value", "values": [1]}])"),
                                             "/parameters/0/node");
  EXPECT_EQ(e.suggestion(), "program/coi-next");
  EXPECT_EQ(e.where().line, 5u);
}

TEST(Sweep, RefusesAPathTheNodeDoesNotHave) {
  ValidationError e = refused(sweep_text(R"([
    {"node": "program/coi-next", "path": "figures/budgt/value", "values": [1]}])"),
                              "/parameters/0/path");
  EXPECT_NE(e.problem().find("budgt"), std::string::npos) << e.what();
  refused(sweep_text(R"([{"node": "program/coi-next", "path": "figures", "values": [1]}])"),
          "/parameters/0/path");
  refused(sweep_text(R"([{"node": "program/coi-next", "path": "figures/budget", "values": [1]}])"),
          "/parameters/0/path");
}

TEST(Sweep, RefusesValuesOfTheWrongKind) {
  refused(sweep_text(R"([{"node": "program/coi-next", "path": "figures/budget/value",
                         "values": [1, "many"]}])"),
          "/parameters/0/values/1");
  refused(sweep_text(R"([{"node": "program/coi-next", "path": "figures/budget/value",
                         "values": [1.5]}])"),
          "/parameters/0/values/0");
  refused(sweep_text(R"([{"node": "program/coi-next/nurturing", "path": "calls@2026/status",
                         "values": ["opened"]}])"),
          "/parameters/0/values/0");
  refused(sweep_text(R"([{"node": "program/coi-next/nurturing", "path": "calls@2026/status",
                         "range": [0, 1]}])"),
          "/parameters/0/range");
}

TEST(Sweep, RefusesAnEmptyRange) {
  ValidationError e = refused(sweep_text(R"([{"option": "promotion_rate", "range": [0.8, 0.3]}])",
                                         R"({"kind": "random", "samples": 3})"),
                              "/parameters/0/range");
  EXPECT_NE(e.problem().find("empty range"), std::string::npos) << e.what();
  refused(sweep_text(R"([{"option": "promotion_rate", "range": [0.5, 0.5]}])",
                     R"({"kind": "random", "samples": 3})"),
          "/parameters/0/range");
  refused(sweep_text(R"([{"option": "promotion_rate", "values": []}])"), "/parameters/0/values");
  // A grid cannot sample a range: it needs steps.
  refused(sweep_text(R"([{"option": "promotion_rate", "range": [0.3, 0.8]}])"),
          "/parameters/0/range");
}

TEST(Sweep, RefusesAGridOverTheLimitNamingIt) {
  std::string steps = R"({"option": "promotion_rate", "range": [0.1, 0.9], "steps": 1001},
    {"option": "budget", "range": [1, 1000000], "steps": 1000})";
  ValidationError e = refused(sweep_text("[" + steps + "]"), "/parameters");
  EXPECT_NE(e.problem().find("1001 × 1000 = 1001000"), std::string::npos) << e.what();
  EXPECT_NE(e.problem().find(std::to_string(limits::max_sweep_points)), std::string::npos);
  EXPECT_NE(e.problem().find("max_sweep_points"), std::string::npos);
  refused(sweep_text(R"([{"option": "promotion_rate", "range": [0.1, 0.9]}])",
                     R"({"kind": "random", "samples": 1000001})"),
          "/design/samples");
  std::string many = "[";
  for (std::size_t i = 0; i <= limits::max_sweep_parameters; ++i) {
    many += std::string(i ? "," : "") + R"({"name": "p)" + std::to_string(i) +
            R"(", "option": "promotion_rate", "values": [0.5]})";
  }
  ValidationError params = refused(sweep_text(many + "]"), "/parameters");
  EXPECT_NE(params.problem().find("max_sweep_parameters"), std::string::npos) << params.what();
}

TEST(Sweep, RefusesABaseScenarioThatFails) {
  // Inline: the edit's own place under /base.
  UnknownIdError e = refused<UnknownIdError>(
      sweep_text(budget_and_rate, R"({"kind": "random", "samples": 3})", 0, R"(
  "base": {"edits": [{"op": "remove_node", "node": "program/jpeaks"}]},)"),
      "/base/edits/0/node");
  EXPECT_EQ(e.suggestion(), "program/j-peaks");
  refused(sweep_text(budget_and_rate, R"({"kind": "random", "samples": 3})", 0, R"(
  "base": {"edits": [{"op": "sett"}]},)"),
          "/base/edits/0/op");
  // A file: /base, with the file's own message.
  std::filesystem::path dir = test::scratch("kyoso_sweep_test");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bad.json") << R"({"schema": "kyoso.scenario/1", "name": "bad", "edits": [
    {"op": "remove_node", "node": "program/nothing"}]})";
  std::ofstream(dir / "sweep.json")
      << sweep_text(budget_and_rate, R"({"kind": "random", "samples": 3})", 0, R"(
  "base": "bad.json",)");
  Error file =
      refused_by<Error>([&] { SweepRunner(default_model(), load_sweep(dir / "sweep.json")); });
  EXPECT_EQ(file.where().pointer, "/base");
  EXPECT_NE(file.problem().find("bad.json"), std::string::npos) << file.what();
  std::ofstream(dir / "sweep.json")
      << sweep_text(budget_and_rate, R"({"kind": "random", "samples": 3})", 0, R"(
  "base": "missing.json",)");
  Error missing = refused_by<Error>([&] { load_sweep(dir / "sweep.json"); });
  EXPECT_EQ(missing.where().pointer, "/base");
  std::filesystem::remove_all(dir);
}

TEST(Sweep, RefusesAnUnknownProgramAndBadOptions) {
  refused<UnknownIdError>(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]}],
          "query": {"simulate": {"program": "program/coi-nxt"}}})",
      "/query/simulate/program");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]}],
          "query": {"simulate": {"program": "coi-next", "years": 0}}})",
      "/query/simulate/years");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]}],
          "query": {"simulate": {"program": "coi-next", "policy": "spend-more"}}})",
      "/query/simulate/policy");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budgets", "values": [1]}],
          "query": {"simulate": {"program": "coi-next"}}})",
      "/parameters/0/option");
  refused(R"({"schema": "kyoso.sweep/2", "name": "x", "parameters": [],
          "query": {"simulate": {"program": "coi-next"}}})",
          "/schema");
  refused(R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [],
          "query": {"simulate": {"program": "coi-next"}}})",
          "/parameters");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]},
          {"option": "budget", "values": [2]}], "query": {"simulate": {"program": "coi-next"}}})",
      "/parameters/1");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]}],
          "query": {"simulate": {"program": "coi-next"}}, "record": ["sites", "cost"]})",
      "/record/1");
  refused(
      R"({"schema": "kyoso.sweep/1", "name": "x", "parameters": [{"option": "budget", "values": [1]}],
          "query": {"simulate": {"program": "coi-next"}}, "design": "random"})",
      "/design");
  // Not JSON: a ParseError with line and column.
  ParseError e = refused_by<ParseError>([] { parse_sweep("{\"schema\": ", "s.json"); });
  EXPECT_GT(e.where().line, 0u);
}

// A fit sweep: each point's row is rank()'s for the point's weights.
const std::string fit_query = R"({"fit": {"profile": {"mission": "mission/regional-revitalization",
    "goals": ["purpose/social-implementation"]}, "programs": ["program/coi-next", "program/j-peaks"]}})";

std::string fit_text(const std::string& parameters, const std::string& query = fit_query,
                     const std::string& extra = "") {
  return R"({"schema": "kyoso.sweep/1", "name": "fit",)" + extra + R"( "parameters": )" +
         parameters + R"(, "query": )" + query + "}";
}

TEST(Sweep, AFitPointRecordsRankScoreAndEligibilityAsRankGivesThem) {
  SweepRunner runner(default_model(), parse_sweep(fit_text(R"([
    {"option": "weight_mission", "values": [0.05, 0.9]},
    {"option": "weight_goals", "range": [0.1, 0.5], "steps": 3}])")));
  EXPECT_EQ(runner.quantities(),
            (std::vector<std::string>{"rank:program/coi-next", "score:program/coi-next",
                                      "eligibility:program/coi-next", "rank:program/j-peaks",
                                      "score:program/j-peaks", "eligibility:program/j-peaks"}));
  Profile profile;
  profile.mission = "mission/regional-revitalization";
  profile.goals = {"purpose/social-implementation"};
  std::vector<SweepRow> rows = all_rows(runner, 2);
  ASSERT_EQ(rows.size(), 6u);
  for (const SweepRow& row : rows) {
    ASSERT_TRUE(row.ok) << row.reason;
    FitWeights weights;
    weights.mission = std::get<double>(row.values[0]);
    weights.goals = std::get<double>(row.values[1]);
    std::vector<RankedProgram> ranking = rank(default_model(), profile, weights);
    for (std::size_t k = 0; k < 2; ++k) {
      const std::string program = k == 0 ? "program/coi-next" : "program/j-peaks";
      auto it = std::find_if(ranking.begin(), ranking.end(),
                             [&](const RankedProgram& r) { return r.program == program; });
      ASSERT_NE(it, ranking.end());
      EXPECT_EQ(row.quantities[3 * k],
                SweepValue{static_cast<std::int64_t>(it - ranking.begin() + 1)});
      EXPECT_EQ(row.quantities[3 * k + 1], SweepValue{it->score});
      EXPECT_EQ(row.quantities[3 * k + 2], SweepValue{std::string(to_string(it->eligibility))});
    }
  }
  // The weights move J-PEAKS's score: the sweep is not recording one ranking six times.
  EXPECT_NE(rows[0].quantities[4], rows[5].quantities[4]);
  // A negative weight fails its point alone.
  SweepRunner negative(default_model(), parse_sweep(fit_text(R"([
    {"option": "weight_stage", "values": [0.25, -1]}])")));
  std::vector<SweepRow> two = all_rows(negative, 1);
  EXPECT_TRUE(two[0].ok) << two[0].reason;
  EXPECT_FALSE(two[1].ok);
}

TEST(Sweep, RefusesABadFitQueryWithItsPlace) {
  refused<UnknownIdError>(fit_text(R"([{"option": "weight_mission", "values": [0.3]}])",
                                   R"({"fit": {"university": "university/nowhere",
                                       "programs": ["program/coi-next"]}})"),
                          "/query/fit/university");
  refused<UnknownIdError>(fit_text(R"([{"option": "weight_mission", "values": [0.3]}])",
                                   R"({"fit": {"university": "university/hirosaki",
                                       "programs": ["program/coi-nxt"]}})"),
                          "/query/fit/programs/0");
  refused<UnknownIdError>(fit_text(R"([{"option": "weight_mission", "values": [0.3]}])",
                                   R"({"fit": {"profile": {"mission": "mission/nothing"},
                                       "programs": ["program/coi-next"]}})"),
                          "/query/fit/profile/mission");
  // Options of the other query, and record, are refused.
  refused(fit_text(R"([{"option": "promotion_rate", "values": [0.3]}])"), "/parameters/0/option");
  refused(sweep_text(R"([{"option": "weight_mission", "values": [0.3]}])"), "/parameters/0/option");
  refused(fit_text(R"([{"option": "weight_mission", "values": [0.3]}])", fit_query,
                   R"( "record": ["sites"],)"),
          "/record");
}

TEST(Sweep, OneAtATimeMovesEachParameterAloneAndSortsBySwing) {
  SweepRunner runner(default_model(),
                     parse_sweep(sweep_text(R"([
    {"name": "rate", "option": "promotion_rate", "range": [0.2, 0.9]},
    {"name": "description", "node": "program/coi-next", "path": "description/en",
     "values": ["a", "b"]}
  ])",
                                            R"({"kind": "random", "samples": 4})", 0)));
  std::string quantity = "active@2029:" + std::string(full_scale) + "_p50";
  std::vector<Sensitivity> s = one_at_a_time(runner, quantity);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].parameter, "rate");
  // A higher promotion rate fills the full-scale track.
  EXPECT_GT(std::get<std::int64_t>(s[0].at_high), std::get<std::int64_t>(s[0].at_low));
  EXPECT_GT(s[0].swing, 0);
  EXPECT_EQ(s[1].parameter, "description");  // a description changes nothing simulated
  EXPECT_EQ(s[1].swing, 0);
  EXPECT_THROW(one_at_a_time(runner, "active@2029:nothing_p50"), Error);
}

TEST(Sweep, TheExampleSweepRuns) {
  Sweep s = load_sweep(std::filesystem::path(KYOSO_SWEEPS_DIR) / "coi_next_budget.json");
  s.samples = 8;
  s.options.runs = 5;
  SweepRunner runner(default_model(), s);
  for (const SweepRow& row : all_rows(runner, 2)) EXPECT_TRUE(row.ok) << row.reason;
}

}  // namespace
}  // namespace kyoso
