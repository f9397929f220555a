// kyoso sweep, run as a user runs it: the rows the same on one thread and on two, CSV and
// JSONL, -o, the refusals with their place and status, --stop-on-error, --one-at-a-time and
// the command line's own mistakes. The numbers are the library's (tests/sweep_test.cpp).
#include <gtest/gtest.h>

#include "run_kyoso.hpp"

namespace {

const std::string sweeps = KYOSO_SWEEPS_DIR;
const std::string example = sweeps + "/coi_next_budget.json";
const std::string small = sweeps + "/budget_and_rate.json";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

fs::path write(const TempDir& dir, const std::string& name, const std::string& text) {
  fs::path file = dir.path() / name;
  std::ofstream(file) << text;
  return file;
}

TEST(SweepCommand, RowsAreTheSameOnOneThreadAndOnTwo) {
  TempDir dir;
  std::string one = (dir.path() / "one.csv").string();
  std::string two = (dir.path() / "two.csv").string();
  Outcome a = kyoso({"sweep", example, "--runs", "10", "--threads", "1", "-o", one});
  Outcome b = kyoso({"sweep", example, "--runs", "10", "--threads", "2", "-o", two});
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(a.out, "");  // -o: nothing on standard output
  std::string text = read_file(one);
  EXPECT_EQ(text, read_file(two));
  std::vector<std::string> rows = lines_of(text);
  ASSERT_EQ(rows.size(), 201u);  // the header and 200 points
  EXPECT_EQ(rows[0].rfind("point,budget_2025,promotion_rate,full_scale_amount,seed,status,", 0),
            0u);
  EXPECT_EQ(rows[200].rfind("199,", 0), 0u);
  // --seed changes every point.
  Outcome c = kyoso({"sweep", example, "--runs", "10", "--seed", "1"});
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(lines_of(c.out)[1], rows[1]);
}

TEST(SweepCommand, JsonlIsOneDocumentPerPoint) {
  Outcome run = kyoso({"sweep", small, "--format", "jsonl"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> rows = lines_of(run.out);
  ASSERT_EQ(rows.size(), 4u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    json::object o = parse_json(rows[i]).as_object();
    EXPECT_EQ(o.at("point").to_number<std::size_t>(), i);
    EXPECT_EQ(o.at("status").as_string(), "ok");
    EXPECT_EQ(o.at("quantities").as_object().size(), 9u);  // 2 years × 3 + 2 + 1
  }
  // The grid's first parameter varies slowest.
  EXPECT_EQ(parse_json(rows[1]).at("values").at("budget").to_number<std::int64_t>(),
            12'000'000'000);
  EXPECT_EQ(parse_json(rows[2]).at("values").at("budget").to_number<std::int64_t>(),
            14'000'000'000);
}

TEST(SweepCommand, ABadSweepIsRefusedWithItsPlaceBeforeAnyPointRuns) {
  TempDir dir;
  fs::path file = write(dir, "s.json", R"({
  "schema": "kyoso.sweep/1", "name": "s",
  "parameters": [{"option": "promotion_rate", "range": [0.8, 0.3]}],
  "design": {"kind": "random", "samples": 3},
  "query": {"simulate": {"program": "coi-next"}}
})");
  Outcome run = kyoso({"sweep", file.string()});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "s.json:3:56: /parameters/0/range: empty range")) << run.err;
  EXPECT_EQ(run.out, "");
  Outcome missing = kyoso({"sweep", (dir.path() / "none.json").string()});
  expect_bad_input(missing);
}

TEST(SweepCommand, AFailedPointIsARowUnlessStopOnError) {
  TempDir dir;
  fs::path file = write(dir, "s.json", R"({
  "schema": "kyoso.sweep/1", "name": "s",
  "parameters": [{"option": "promotion_rate", "values": [0.5, 1.5, 0.6]}],
  "query": {"simulate": {"program": "coi-next", "years": 2}}
})");
  Outcome run = kyoso({"sweep", file.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> rows = lines_of(run.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(contains(rows[2], ",failed,simulate: the promotion rate")) << rows[2];
  EXPECT_TRUE(contains(rows[3], ",ok,")) << rows[3];
  Outcome stop = kyoso({"sweep", file.string(), "--stop-on-error"});
  expect_bad_input(stop);
  EXPECT_TRUE(contains(stop.err, "point 1 failed")) << stop.err;
  EXPECT_EQ(stop.out, "");
}

TEST(SweepCommand, ProgressGoesToStandardErrorWhenAsked) {
  Outcome quiet = kyoso({"sweep", small});
  ASSERT_EQ(quiet.status, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");  // not a terminal
  Outcome told = kyoso({"sweep", small, "--progress"});
  ASSERT_EQ(told.status, 0) << told.err;
  EXPECT_TRUE(contains(told.err, "4/4 points")) << told.err;
  EXPECT_EQ(told.out, quiet.out);
}

TEST(SweepCommand, OneAtATimeRanksTheParametersBySwing) {
  Outcome run = kyoso({"sweep", small, "--one-at-a-time", "spend_jpy@2026_p50"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> rows = lines_of(run.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "parameter,low,high,at_low,at_base,at_high,swing");
  EXPECT_EQ(rows[1].rfind("budget,", 0), 0u);
  Outcome unknown = kyoso({"sweep", small, "--one-at-a-time", "spend"});
  expect_bad_input(unknown);
}

TEST(SweepCommand, RefusesABadCommandLine) {
  expect_usage_error(kyoso({"sweep"}), "kyoso sweep --help");
  expect_usage_error(kyoso({"sweep", small, "--threads", "0"}), "kyoso sweep --help");
  expect_usage_error(kyoso({"sweep", small, "--runs", "-1"}), "kyoso sweep --help");
  expect_usage_error(kyoso({"sweep", small, "--runs", "100001"}), "kyoso sweep --help");
  expect_usage_error(kyoso({"sweep", small, "--format", "table"}), "kyoso sweep --help");
}

}  // namespace
