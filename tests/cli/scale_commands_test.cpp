// The national-scale commands run as a user runs them: `kyoso synth` writes a synthetic model,
// `kyoso fit --all-universities` ranks every university of it as JSON lines or CSV.
#include <gtest/gtest.h>

#include "run_kyoso.hpp"

namespace {

const std::vector<std::string> small_model = {"synth", "--universities", "30",  "--programs",
                                              "20",    "--stakeholders", "200", "--edges",
                                              "3000"};

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  return out;
}

// A synthetic model written once for the whole file: 39 universities, 39 programs.
class ScaleCommands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    model_ = (dir_->path() / "national.jgf.json").string();
    Outcome run = kyoso(with(small_model, {"--seed", "5", "-o", model_}));
    ASSERT_EQ(run.status, 0) << run.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static Outcome fit_all(const std::vector<std::string>& options) {
    return kyoso(with({"--model", model_, "fit", "--all-universities"}, options));
  }

  static TempDir* dir_;
  static std::string model_;
};
TempDir* ScaleCommands::dir_ = nullptr;
std::string ScaleCommands::model_;

TEST_F(ScaleCommands, SynthWritesAModelThatValidates) {
  Outcome run = kyoso({"--model", model_, "validate"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "エッジ 3000")) << run.out;
}

TEST_F(ScaleCommands, SynthWithTheSameSeedWritesTheSameBytes) {
  TempDir dir;
  std::string again = (dir.path() / "again.json").string();
  ASSERT_EQ(kyoso(with(small_model, {"--seed", "5", "-o", again})).status, 0);
  EXPECT_EQ(read_file(again), read_file(model_));
  Outcome to_stdout = kyoso(with(small_model, {"--seed", "5"}));
  EXPECT_EQ(to_stdout.out, read_file(model_));
  Outcome other = kyoso(with(small_model, {"--seed", "6"}));
  EXPECT_NE(other.out, read_file(model_));
}

TEST_F(ScaleCommands, JsonLinesHaveOneRankingPerUniversity) {
  Outcome run = fit_all({});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  std::vector<std::string> lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 39u);  // 30 generated and the embedded model's 9
  std::string previous;
  for (const std::string& line : lines) {
    json::object doc = parse_json(line).as_object();
    EXPECT_EQ(doc.at("schema"), "kyoso.fit_all/2");
    std::string university(doc.at("university").as_string());
    EXPECT_LT(previous, university);  // in id order
    previous = university;
    EXPECT_TRUE(doc.at("profile").is_object());
    const json::array& results = doc.at("results").as_array();
    ASSERT_EQ(results.size(), 40u);  // 20 generated programs and the embedded 20
    for (const json::value& r : results) {
      EXPECT_TRUE(r.at("id").as_string().starts_with("program/"));
      EXPECT_TRUE(r.at("score").is_double());
      EXPECT_TRUE(r.at("eligibility").is_string());
    }
  }
}

// The profile member has the profile file's shape, so one line can be checked against the
// one-university fit command.
TEST_F(ScaleCommands, EachLineIsTheRankingFitGivesThatUniversity) {
  Outcome run = fit_all({"--top", "10"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::object line = parse_json(lines_of(run.out).back()).as_object();
  TempDir dir;
  std::string profile = (dir.path() / "profile.json").string();
  std::ofstream(profile) << json::serialize(line.at("profile"));
  Outcome one =
      kyoso({"--model", model_, "fit", "--profile", profile, "--top", "10", "--format", "json"});
  ASSERT_EQ(one.status, 0) << one.err;
  json::value fitted = parse_json(one.out);
  const json::array& expected = fitted.at("results").as_array();
  const json::array& got = line.at("results").as_array();
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].at("id"), expected[i].at("id"));
    EXPECT_EQ(got[i].at("score"), expected[i].at("score"));
    EXPECT_EQ(got[i].at("eligibility"), expected[i].at("eligibility"));
  }
}

TEST_F(ScaleCommands, CsvHasARowPerUniversityAndRankedProgram) {
  Outcome run = fit_all({"--format", "csv", "--top", "3"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 1u + 39u * 3u);
  EXPECT_EQ(lines[0], "university,rank,program,score,eligibility");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells = cells_of(lines[i]);
    ASSERT_EQ(cells.size(), 5u) << lines[i];
    EXPECT_TRUE(cells[0].starts_with("university/")) << lines[i];
    EXPECT_EQ(cells[1], std::to_string((i - 1) % 3 + 1)) << lines[i];
    EXPECT_TRUE(cells[2].starts_with("program/")) << lines[i];
    EXPECT_NO_THROW((void)std::stod(cells[3])) << lines[i];
  }
}

TEST_F(ScaleCommands, EligibleOnlyLeavesOutWhatTheUniversityCannotApplyTo) {
  Outcome run = fit_all({"--format", "csv", "--eligible-only"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_FALSE(contains(run.out, "not-eligible")) << run.out;
}

TEST(ScaleCommandLine, TheEmbeddedModelHasALinePerUniversity) {
  Outcome run = kyoso({"fit", "--all-universities"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines_of(run.out).size(), 814u);  // MEXT's 813 and 東京科学大学 (docs/national.md)
}

TEST(ScaleCommandLine, BatchFormatsNeedAllUniversities) {
  expect_usage_error(kyoso({"fit", "--mission", "world-class", "--format", "csv"}),
                     "kyoso fit --help");
  expect_usage_error(kyoso({"fit", "--mission", "world-class", "--format", "jsonl"}),
                     "kyoso fit --help");
}

TEST(ScaleCommandLine, AllUniversitiesTakesNoProfileAndOnlyBatchFormats) {
  expect_usage_error(kyoso({"fit", "--all-universities", "--format", "table"}), "kyoso fit --help");
  expect_usage_error(kyoso({"fit", "--all-universities", "--format", "json"}), "kyoso fit --help");
  expect_usage_error(kyoso({"fit", "--all-universities", "--mission", "world-class"}),
                     "kyoso fit --help");
  expect_usage_error(kyoso({"fit", "--all-universities", "--top", "-1"}), "kyoso fit --help");
}

TEST(ScaleCommandLine, AllUniversitiesOnAMissingModelIsBadInput) {
  expect_bad_input(kyoso({"--model", "/nonexistent/model.json", "fit", "--all-universities"}));
}

TEST(ScaleCommandLine, SynthRefusesCountsThatAreNotWholeNumbers) {
  for (const char* bad : {"-5", "ten", "1.5", ""}) {
    expect_usage_error(kyoso({"synth", "--edges", bad}), "kyoso synth --help");
  }
  expect_usage_error(kyoso({"synth", "--seed", "18446744073709551616"}), "kyoso synth --help");
  expect_usage_error(kyoso({"synth", "--colour", "blue"}), "kyoso synth --help");
}

TEST(ScaleCommandLine, SynthRefusesTooFewEdgesForTheStructure) {
  Outcome run = kyoso({"synth", "--edges", "10"});
  expect_usage_error(run, "kyoso synth --help");
  EXPECT_TRUE(contains(run.err, "--edges 10 is fewer than the")) << run.err;
}

TEST(ScaleCommandLine, SynthRefusesCountsOverTheLimits) {
  Outcome many = kyoso({"synth", "--universities", "100000001"});
  expect_usage_error(many, "kyoso synth --help");
  EXPECT_TRUE(contains(many.err, "--universities is at most 100000000")) << many.err;
  Outcome edges = kyoso({"synth", "--edges", "10000001"});
  expect_usage_error(edges, "kyoso synth --help");
  EXPECT_TRUE(contains(edges.err, "--edges is at most 10000000")) << edges.err;
}

}  // namespace
