// The query commands (fit, explain, diagnose, neighbors, path, portfolio) run on the embedded
// dataset as a user runs them, checked against the seed's model case and casebook.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

#include "display_width.hpp"
#include "run_kyoso.hpp"

namespace {

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

// The rows of a table whose first cell (after spaces) matches `first`.
std::vector<std::vector<std::string>> rows(const std::string& text, const std::regex& first) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& line : lines_of(text)) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    if (!words.empty() && std::regex_match(words[0], first)) out.push_back(words);
  }
  return out;
}

std::string seed_without_line_breaks() {
  std::string text = read_file(KYOSO_SEED_FILE);
  std::erase(text, '\n');
  return text;
}

// --- fit ----------------------------------------------------------------------------------

TEST(FitCommand, TheModelCaseRanksCoiNextFirst) {
  Outcome run = kyoso(args({"fit"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  auto ranked = rows(run.out, std::regex("[0-9]+"));
  ASSERT_FALSE(ranked.empty()) << run.out;
  EXPECT_EQ(ranked[0][0], "1");
  EXPECT_EQ(ranked[0][1], "1.00");
  EXPECT_EQ(ranked[0][2], "応募可（代表）");  // it files itself
  EXPECT_EQ(ranked[0][3], "公募あり");        // FY2024: 地域共創分野 育成型
  EXPECT_EQ(ranked[0][4], "program/coi-next");
  EXPECT_TRUE(contains(run.out, "令和6年度の公募状況に基づく")) << run.out;
  EXPECT_TRUE(contains(run.out, "共創の場形成支援プログラム（COI-NEXT）")) << run.out;
  // Every program once, each with a score of two decimals.
  EXPECT_EQ(ranked.size(), 20u) << run.out;
  for (const auto& row : ranked)
    EXPECT_TRUE(std::regex_match(row[1], std::regex("[01]\\.[0-9]{2}")));
}

TEST(FitCommand, TheModelCaseAsJson) {
  Outcome run = kyoso(args({"fit", "--format", "json"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines_of(run.out).size(), 1u);
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.fit/2");
  EXPECT_EQ(doc.at("profile").at("mission"), "mission/regional-revitalization");
  const json::value& first = doc.at("results").at(0);
  EXPECT_EQ(first.at("id"), "program/coi-next");
  EXPECT_EQ(first.at("score").as_double(), 1.0);
  double sum = 0;
  for (const json::value& c : first.at("criteria").as_array()) {
    sum += c.at("contribution").as_double();
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  // The facts behind the answer are quoted from the seed, verbatim but for line breaks.
  std::string seed = seed_without_line_breaks();
  std::size_t quoted = 0;
  for (const json::value& s : first.at("sources").as_array()) {
    // Outside sources carry a short phrase of their own page; the seed's are checked here.
    if (!s.as_object().contains("quote") || !s.as_object().contains("document")) continue;
    std::string quote(s.at("quote").as_string());
    EXPECT_TRUE(contains(seed, quote)) << quote;
    ++quoted;
  }
  EXPECT_GT(quoted, 0u);
}

// Piped (as here), a table keeps its natural width; --width narrows it by wrapping text.
TEST(FitCommand, WidthNarrowsTheTableByWrappingItsText) {
  std::vector<std::string> profile{
      "fit",    "--mission", "regional-revitalization", "--goal", "social-implementation",
      "--lang", "en"};
  auto widest = [](const std::string& text) {
    std::size_t most = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      most = std::max(most, kyoso::cli::display_width(line));
    return most;
  };
  Outcome natural = kyoso(profile);
  ASSERT_EQ(natural.status, 0) << natural.err;
  EXPECT_GT(widest(natural.out), 150u);
  std::vector<std::string> narrow = profile;
  narrow.insert(narrow.end(), {"--width", "100"});
  Outcome wrapped = kyoso(narrow);
  ASSERT_EQ(wrapped.status, 0) << wrapped.err;
  EXPECT_LE(widest(wrapped.out), 100u) << wrapped.out;
  // Wrapped, not cut: every word of the natural table is still there.
  EXPECT_TRUE(contains(wrapped.out, "(COI-NEXT)")) << wrapped.out;
  EXPECT_TRUE(contains(wrapped.out, "Co-Creation Hub")) << wrapped.out;
  narrow.back() = "0";
  EXPECT_EQ(kyoso(narrow).out, natural.out);
  narrow.back() = "wide";
  EXPECT_EQ(kyoso(narrow).status, 2);
}

TEST(FitCommand, EnglishNamesWithLangEn) {
  Outcome run = kyoso(args({"fit", "--lang", "en"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "Co-Creation Hub Formation Support Program (COI-NEXT)"));
  EXPECT_TRUE(contains(run.out, "eligible"));
  EXPECT_TRUE(contains(run.out, "standing"));
  EXPECT_TRUE(contains(run.out, "calls of FY2024"));
  EXPECT_FALSE(contains(run.out, "共創の場形成支援プログラム")) << run.out;
}

TEST(FitCommand, ReasonsAreListedBelowTheirProgram) {
  Outcome run = kyoso(args({"fit"}, model_case));
  std::vector<std::string> lines = lines_of(run.out);
  auto opera = std::find_if(lines.begin(), lines.end(),
                            [](const std::string& l) { return contains(l, "program/opera"); });
  ASSERT_NE(opera, lines.end()) << run.out;
  ASSERT_NE(opera + 1, lines.end());
  EXPECT_TRUE(contains(*(opera + 1), "・令和6年度は継続課題のみ（新規募集なし）")) << *(opera + 1);
}

TEST(FitCommand, TopAndEligibleOnlyShortenTheList) {
  Outcome top = kyoso(args({"fit", "--top", "3", "--format", "json"}, model_case));
  ASSERT_EQ(top.status, 0) << top.err;
  EXPECT_EQ(parse_json(top.out).at("results").as_array().size(), 3u);
  Outcome open = kyoso(args({"fit", "--eligible-only", "--format", "json"}, model_case));
  ASSERT_EQ(open.status, 0) << open.err;
  json::value open_doc = parse_json(open.out);
  for (const json::value& r : open_doc.at("results").as_array()) {
    EXPECT_NE(r.at("eligibility"), "not-eligible") << r.at("id");
  }
  Outcome none = kyoso(args({"fit", "--top", "0"}, model_case));
  EXPECT_EQ(none.status, 0) << none.err;
}

TEST(FitCommand, ReadsAProfileFileThatFlagsExtendAndOverride) {
  TempDir dir;
  fs::path file = dir.path() / "profile.json";
  std::ofstream(file) << R"({"mission": "distinctive-research", "goals": ["management"]})";
  Outcome run = kyoso({"fit", "--profile", file.string(), "--mission", "regional-revitalization",
                       "--goal", "social-implementation", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  const json::value& profile = doc.at("profile");
  EXPECT_EQ(profile.at("mission"), "mission/regional-revitalization");
  EXPECT_EQ(profile.at("goals"),
            (json::array{"purpose/management", "purpose/social-implementation"}));
}

// --- explain ------------------------------------------------------------------------------

TEST(ExplainCommand, TheContributionsAddUpToTheScoreInTheTable) {
  Outcome run = kyoso(
      args({"explain", "program/coi-next/full-scale/regional", "--stage", "stage/0"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  auto score = rows(run.out, std::regex("スコア"));
  auto total = rows(run.out, std::regex("合計"));
  ASSERT_EQ(score.size(), 1u) << run.out;
  ASSERT_EQ(total.size(), 1u) << run.out;
  EXPECT_EQ(total[0].back(), score[0][1]) << run.out;
  // The criteria rows: ✓ ◐ ✗ or ?, the description, then weight, strength and contribution.
  long sum = 0;
  for (const auto& row : rows(run.out, std::regex("✓|◐|✗|\\?"))) {
    if (!std::regex_match(row.back(), std::regex("[0-9]\\.[0-9]{3}"))) continue;  // the legend
    sum += std::lround(std::stod(row.back()) * 1000);
  }
  EXPECT_EQ(sum, std::lround(std::stod(score[0][1]) * 1000)) << run.out;
  EXPECT_TRUE(contains(run.out, "—part_of→ program/coi-next/full-scale —part_of→")) << run.out;
  EXPECT_TRUE(contains(run.out, "「")) << run.out;  // sources with their quotes
}

TEST(ExplainCommand, AsJson) {
  Outcome run = kyoso(args({"explain", "coi-next/nurturing", "--format", "json"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.explain/2");
  EXPECT_EQ(doc.at("profile").at("goals"), json::array{"purpose/social-implementation"});
  EXPECT_EQ(doc.at("result").at("id"), "program/coi-next/nurturing");
}

TEST(ExplainCommand, DotDrawsTheExplanationAndGraphvizRendersIt) {
  Outcome run = kyoso(
      args({"explain", "program/coi-next/full-scale/regional", "--format", "dot"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("digraph", 0), 0u);
  EXPECT_TRUE(contains(run.out, "\"program/coi-next/full-scale/regional\""));
  EXPECT_TRUE(contains(run.out, "\"purpose/social-implementation\""));
  EXPECT_FALSE(contains(run.out, "\"program/sparc\"")) << "only the explanation's nodes";
  if (!fs::exists("/usr/bin/dot")) GTEST_SKIP() << "GraphViz is not installed";
  TempDir dir;
  fs::path file = dir.path() / "explain.dot";
  std::ofstream(file) << run.out;
  std::string render = "/usr/bin/dot -Tsvg " + shell_quote(file.string()) + " -o " +
                       shell_quote((dir.path() / "explain.svg").string()) + " 2>/dev/null";
  EXPECT_EQ(std::system(render.c_str()), 0);
  EXPECT_TRUE(contains(read_file(dir.path() / "explain.svg"), "<svg"));
}

TEST(ExplainCommand, RefusesAnIdThatIsNotAProgram) {
  Outcome run = kyoso({"explain", "mission/regional-revitalization"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "not a program")) << run.err;
}

TEST(ExplainCommand, SuggestsTheNearestProgramForAMisspelling) {
  Outcome run = kyoso({"explain", "program/coi-nxt"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "did you mean 'program/coi-next'")) << run.err;
}

// --- diagnose -----------------------------------------------------------------------------

std::vector<std::string> challenge_ids(const std::string& table) {
  std::vector<std::string> out;
  for (const auto& row : rows(table, std::regex("challenge/[0-9]+"))) out.push_back(row[0]);
  return out;
}

TEST(DiagnoseCommand, AStageListsExactlyItsChallenges) {
  Outcome run = kyoso({"diagnose", "--stage", "stage/2"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> expected;
  for (int i = 15; i <= 23; ++i) expected.push_back("challenge/" + std::to_string(i));
  EXPECT_EQ(challenge_ids(run.out), expected) << run.out;
  EXPECT_TRUE(contains(run.out, "STEP 2"));
  EXPECT_TRUE(contains(run.out, "未確定")) << "rows 20–23 are unresolved";
}

TEST(DiagnoseCommand, TopManagementFindsChallengesSixAndEleven) {
  Outcome run = kyoso({"diagnose", "--text", "トップマネジメント"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(challenge_ids(run.out), (std::vector<std::string>{"challenge/06", "challenge/11"}));
  // docs/domain.md, the casebook table: 06 ❶ 東京農工, 立命館; 11 ❸ 神戸, 広島; all H.
  EXPECT_TRUE(contains(run.out, "❶ (H)"));
  EXPECT_TRUE(contains(run.out, "東京農工大学 (H)"));
  EXPECT_TRUE(contains(run.out, "❸ (H)"));
  EXPECT_TRUE(contains(run.out, "神戸大学 (H)"));
  Outcome json_run = kyoso({"diagnose", "--text", "トップマネジメント", "--format", "json"});
  json::value doc = parse_json(json_run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.diagnose/2");
  EXPECT_EQ(doc.at("results").as_array().size(), 2u);
}

TEST(DiagnoseCommand, NeedsSomethingToDiagnose) {
  expect_usage_error(kyoso({"diagnose"}), "kyoso diagnose --help");
}

TEST(DiagnoseCommand, SuggestsTheNearestChallenge) {
  Outcome run = kyoso({"diagnose", "--challenge", "challenge/6"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "did you mean")) << run.err;
}

// --- neighbors and path -------------------------------------------------------------------

TEST(NeighborsCommand, DepthTwoReachesTwoSteps) {
  Outcome run = kyoso({"neighbors", "university/hirosaki", "--depth", "2", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.neighbors/1");
  std::set<std::int64_t> depths;
  for (const json::value& n : doc.at("neighbors").as_array())
    depths.insert(n.at("depth").as_int64());
  EXPECT_EQ(depths, (std::set<std::int64_t>{1, 2}));
  Outcome table = kyoso({"neighbors", "hirosaki", "--depth", "2"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "—awarded→ program/j-peaks —serves→")) << table.out;
}

TEST(NeighborsCommand, FollowsTheDirectionAndRelationGiven) {
  Outcome run = kyoso({"neighbors", "purpose/social-implementation", "--direction", "in",
                       "--relation", "serves", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  for (const json::value& n : doc.at("neighbors").as_array()) {
    EXPECT_EQ(n.at("kind"), "program");
  }
}

TEST(PathCommand, ConnectsHirosakiToCoiNext) {
  Outcome run = kyoso({"path", "university/hirosaki", "program/coi-next", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.path/1");
  ASSERT_TRUE(doc.at("length").is_int64()) << run.out;
  EXPECT_GT(doc.at("length").as_int64(), 0);
  EXPECT_FALSE(doc.at("paths").as_array().empty());
  Outcome table = kyoso({"path", "hirosaki", "coi-next"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "university/hirosaki —awarded→")) << table.out;
}

TEST(PathCommand, DirectedAndRelationLimitTheSearch) {
  Outcome run = kyoso(
      {"path", "hirosaki", "coi-next", "--directed", "--relation", "awarded", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(parse_json(run.out).at("length").is_null()) << run.out;
  Outcome table = kyoso({"path", "hirosaki", "coi-next", "--directed", "--relation", "awarded"});
  EXPECT_TRUE(contains(table.out, "経路なし")) << table.out;
}

// --- portfolio ----------------------------------------------------------------------------

// FY2024 calls only 育成型; 本格型 follows it by promotion review.
TEST(PortfolioCommand, TheModelCaseStartsWithNurturingThenFullScaleByPromotion) {
  Outcome run = kyoso(args({"portfolio", "--format", "json"}, model_case));
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.portfolio/1");
  const json::array& plan = doc.at("plan").as_array();
  ASSERT_GE(plan.size(), 2u) << run.out;
  EXPECT_EQ(plan[0].at("id"), "program/coi-next/nurturing");
  EXPECT_EQ(plan[0].at("start_year"), 0);
  EXPECT_EQ(plan[1].at("id"), "program/coi-next/full-scale");
  EXPECT_EQ(plan[1].at("start_year"), 2);
  Outcome table = kyoso(args({"portfolio"}, model_case));
  ASSERT_EQ(table.status, 0) << table.err;
  auto nurturing = table.out.find("program/coi-next/nurturing");
  auto full_scale = table.out.find("program/coi-next/full-scale");
  ASSERT_NE(nurturing, std::string::npos) << table.out;
  EXPECT_LT(nurturing, full_scale) << table.out;
  EXPECT_TRUE(contains(table.out, "2年度程度")) << table.out;
  EXPECT_TRUE(contains(table.out, "最長10年度")) << table.out;
}

TEST(PortfolioCommand, NeedsGoals) {
  expect_usage_error(kyoso({"portfolio", "--mission", "regional-revitalization"}),
                     "kyoso portfolio --help");
}

// --- bad command lines and bad input ------------------------------------------------------

TEST(QueryCommands, ANegativeTopIsAUsageError) {
  Outcome run = kyoso(args({"fit", "--top", "-1"}, model_case));
  expect_usage_error(run, "kyoso fit --help");
  EXPECT_TRUE(contains(run.err, "--top")) << run.err;
}

TEST(QueryCommands, AnUnknownDirectionIsAUsageErrorListingTheValidOnes) {
  Outcome run = kyoso({"neighbors", "hirosaki", "--direction", "sideways"});
  expect_usage_error(run, "kyoso neighbors --help");
  EXPECT_TRUE(contains(run.err, "'sideways'")) << run.err;
  EXPECT_TRUE(contains(run.err, "out, in or both")) << run.err;
}

TEST(QueryCommands, AnUnknownRelationIsAUsageErrorListingTheValidOnes) {
  for (const char* command : {"neighbors", "path"}) {
    std::vector<std::string> line{command, "hirosaki"};
    if (std::string(command) == "path") line.push_back("coi-next");
    Outcome run = kyoso(args(line, {"--relation", "serve"}));
    expect_usage_error(run, "kyoso " + std::string(command) + " --help");
    EXPECT_TRUE(contains(run.err, "unknown relation 'serve'")) << run.err;
    EXPECT_TRUE(contains(run.err, "serves, targets")) << run.err;
  }
}

TEST(QueryCommands, BadNumbersAreUsageErrors) {
  expect_usage_error(kyoso({"neighbors", "hirosaki", "--depth", "0"}), "kyoso neighbors --help");
  expect_usage_error(kyoso({"path", "hirosaki", "coi-next", "--max-length", "-1"}),
                     "kyoso path --help");
  expect_usage_error(kyoso({"path", "hirosaki", "coi-next", "--max-paths", "0"}),
                     "kyoso path --help");
  expect_usage_error(kyoso({"fit", "--top", "many"}), "kyoso fit --help");
}

TEST(QueryCommands, FitNeedsSomethingToFit) {
  expect_usage_error(kyoso({"fit"}), "kyoso fit --help");
  expect_usage_error(kyoso({"fit", "--partner", "companies"}), "kyoso fit --help");
}

TEST(QueryCommands, AMisspeltMissionIsBadInputWithTheNearestId) {
  Outcome run = kyoso({"fit", "--mission", "regional-revitalisation"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "did you mean 'mission/regional-revitalization'")) << run.err;
  EXPECT_EQ(run.out, "");
  Outcome json_run = kyoso({"fit", "--mission", "regional-revitalisation", "--format", "json"});
  expect_bad_input(json_run);
  EXPECT_EQ(parse_json(json_run.out).at("error").at("suggestion"),
            "mission/regional-revitalization");
}

TEST(QueryCommands, ABadProfileFileNamesTheFileAndThePointer) {
  TempDir dir;
  fs::path wrong_type = dir.path() / "wrong-type.json";
  std::ofstream(wrong_type) << "{\n  \"mission\": \"regional-revitalization\",\n"
                               "  \"goals\": \"social-implementation\"\n}\n";
  Outcome run = kyoso({"fit", "--profile", wrong_type.string()});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, wrong_type.string() + ":3:12: /goals: ")) << run.err;

  fs::path misspelt = dir.path() / "misspelt.json";
  std::ofstream(misspelt) << R"({"goals": ["social-implementation", "managment"]})";
  Outcome unknown = kyoso({"portfolio", "--profile", misspelt.string()});
  expect_bad_input(unknown);
  EXPECT_TRUE(contains(unknown.err, misspelt.string())) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "/goals/1")) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "did you mean 'purpose/management'")) << unknown.err;

  fs::path not_json = dir.path() / "not.json";
  std::ofstream(not_json) << "{\"mission\": ";
  expect_bad_input(kyoso({"fit", "--profile", not_json.string()}));
  expect_bad_input(kyoso({"fit", "--profile", (dir.path() / "missing.json").string()}));
}

TEST(QueryCommands, EachHasItsOwnHelpAndIsListed) {
  Outcome help = kyoso({"--help"});
  for (const char* command : {"fit", "explain", "portfolio", "diagnose", "neighbors", "path"}) {
    EXPECT_TRUE(contains(help.out, std::string("  ") + command + " ")) << command;
    Outcome run = kyoso({command, "--help"});
    EXPECT_EQ(run.status, 0) << command;
    EXPECT_EQ(run.out.rfind("Usage: kyoso " + std::string(command), 0), 0u) << run.out;
  }
}

}  // namespace
