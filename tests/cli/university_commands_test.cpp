// find, list and profile, and fit with --university, run on the embedded dataset as a user
// runs them: names for ids everywhere, the derived profile with its evidence, and the bad
// inputs (an ambiguous name, another kind, a misspelt id) refused with what to do.
#include <gtest/gtest.h>

#include <regex>

#include "run_kyoso.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The line that holds `part`, or "".
std::string line_with(const std::string& text, const std::string& part) {
  for (const std::string& line : lines_of(text)) {
    if (contains(line, part)) return line;
  }
  return "";
}

// --- find ---------------------------------------------------------------------------------

TEST(FindCommand, IwateFindsTheUniversityWithItsPrefecture) {
  Outcome run = kyoso({"find", "岩手"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::string row = line_with(run.out, "university/iwate ");
  EXPECT_TRUE(contains(row, "岩手大学")) << run.out;
  EXPECT_TRUE(contains(row, "岩手県")) << row;
  EXPECT_TRUE(contains(row, "university")) << row;
  EXPECT_TRUE(contains(run.out, "prefecture/iwate")) << run.out;
}

TEST(FindCommand, AJapaneseNameFindsItsPurposeFirst) {
  Outcome run = kyoso({"find", "社会実装", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::object doc = parse_json(run.out).as_object();
  EXPECT_EQ(doc.at("schema"), "kyoso.find/1");
  const json::object& first = doc.at("matches").as_array().at(0).as_object();
  EXPECT_EQ(first.at("id"), "purpose/social-implementation");
  EXPECT_EQ(first.at("quality"), "exact");
  EXPECT_EQ(first.at("matched"), "name.ja");
}

TEST(FindCommand, KindKeepsToOneKindAndAnUnknownKindIsAUsageError) {
  Outcome run = kyoso({"find", "co-creation", "--kind", "program", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2 + 3) << run.out;
  EXPECT_TRUE(contains(run.out, "program/coi-next/full-scale/co-creation"));
  expect_usage_error(kyoso({"find", "x", "--kind", "programme"}), "kyoso find --help");
  expect_usage_error(kyoso({"find", " "}), "kyoso find --help");
}

// --- list ---------------------------------------------------------------------------------

TEST(ListCommand, JPeaksHoldersAreTheTwentyFiveWithRoundAndYear) {
  Outcome run = kyoso({"list", "university", "--holds", "j-peaks"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::regex row("university/\\S+ .* 令和[56]年度 +[12] +lead +20[0-9-]+");
  int rows = 0;
  for (const std::string& line : lines_of(run.out)) {
    if (line.rfind("university/", 0) != 0) continue;
    EXPECT_TRUE(std::regex_match(line, row)) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 25);
  EXPECT_TRUE(contains(run.out, "\n25 校\n")) << run.out;
}

TEST(ListCommand, APartialListIsNamedUnderTheTable) {
  Outcome run = kyoso({"list", "university", "--framework", "regional-contribution", "--field",
                       "agriculture", "--lacks", "j-peaks", "--lacks", "COI-NEXT", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "university/iwate ")) << run.out;
  EXPECT_FALSE(contains(run.out, "university/hirosaki ")) << run.out;  // holds a COI-NEXT field
  EXPECT_TRUE(contains(run.out,
                       "program/coi-next's list of awards is partial: not recorded "
                       "means not known to hold"))
      << run.out;
  EXPECT_FALSE(contains(run.out, "program/j-peaks's list")) << run.out;
}

TEST(ListCommand, OtherKindsArePlainAndRefuseUniversityFilters) {
  Outcome run = kyoso({"list", "purpose"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(line_with(run.out, "purpose/social-implementation"), "社会実装"));
  expect_usage_error(kyoso({"list", "program", "--prefecture", "iwate"}), "kyoso list --help");
}

TEST(ListCommand, AFilterOfTheWrongKindIsBadInput) {
  Outcome run = kyoso({"list", "university", "--prefecture", "岩手大学"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "is university/iwate 岩手大学, not a prefecture")) << run.err;
}

// --- fit --university, profile --------------------------------------------------------------

TEST(FitCommand, AUniversitysProfileIsDerivedShownAndRanked) {
  Outcome run = kyoso({"fit", "--university", "岩手大学", "--top", "3"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(
      contains(lines_of(run.out).at(0), "university/iwate  岩手大学（岩手県、東北地方、国立）"))
      << run.out;
  std::string mission = line_with(run.out, "mission/regional-revitalization");
  EXPECT_TRUE(contains(mission, "✓")) << mission;
  EXPECT_TRUE(contains(mission, "重点支援① 地域貢献")) << mission;
  EXPECT_TRUE(contains(run.out, "—chose_framework→ framework/regional-contribution —indicates→"))
      << run.out;
  EXPECT_TRUE(contains(line_with(run.out, "field/agriculture"), "農学部"));
  EXPECT_TRUE(contains(run.out, "--goal")) << run.out;
  EXPECT_TRUE(contains(run.out, "出典\n  [1] ")) << run.out;
  // Ranked by the derived profile alone: the mission and the fields score.
  EXPECT_TRUE(std::regex_search(run.out, std::regex("\n +1 +0\\.[1-9][0-9] .* program/")))
      << run.out;
}

// 弘前大学 won J-PEAKS in round 2 (FY2024): asked of FY2023, the award is shown as not yet
// held, and its details read in the language asked, not as the data's keys.
TEST(FitCommand, AnAwardsDetailsReadInTheLanguageAsked) {
  Outcome ja = kyoso({"fit", "--university", "弘前大学", "--fy", "2023", "--top", "1"});
  ASSERT_EQ(ja.status, 0) << ja.err;
  std::string award = line_with(ja.out, "program/j-peaks");
  EXPECT_TRUE(contains(award, "照会した令和5年度にはまだ採択前")) << award;
  EXPECT_TRUE(contains(award, "役割: 代表")) << award;
  EXPECT_TRUE(contains(award, "第2回")) << award;
  EXPECT_FALSE(contains(award, "role")) << award;
  Outcome en = kyoso({"--lang", "en", "fit", "--university", "弘前大学", "--top", "1"});
  ASSERT_EQ(en.status, 0) << en.err;
  award = line_with(en.out, "program/j-peaks");
  EXPECT_TRUE(contains(award, "role: lead")) << award;
  EXPECT_TRUE(contains(award, "round 2")) << award;
}

TEST(FitCommand, FlagsExtendTheDerivedProfile) {
  Outcome run = kyoso(
      {"fit", "--university", "iwate", "--goal", "社会実装", "--top", "1", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::object doc = parse_json(run.out).as_object();
  const json::object& profile = doc.at("profile").as_object();
  EXPECT_EQ(profile.at("mission"), "mission/regional-revitalization");
  EXPECT_EQ(profile.at("goals").as_array().at(0), "purpose/social-implementation");
  const json::object& university = doc.at("university").as_object();
  EXPECT_EQ(university.at("schema"), "kyoso.university_profile/1");
  EXPECT_EQ(university.at("university"), "university/iwate");
  EXPECT_EQ(doc.at("results").as_array().at(0).at("id"), "program/coi-next");
}

// --fy chooses the year whose calls are read for the derived profile as for any other:
// COI-NEXT's nurturing track has a known call in FY2024 and none known in FY2025.
TEST(FitCommand, TheFiscalYearAppliesToTheDerivedProfile) {
  auto nurturing = [](const std::string& fy) {
    Outcome run = kyoso(
        {"fit", "--university", "岩手大学", "--goal", "社会実装", "--fy", fy, "--format", "json"});
    EXPECT_EQ(run.status, 0) << run.err;
    json::object doc = parse_json(run.out).as_object();
    EXPECT_EQ(doc.at("schema"), "kyoso.fit/2");
    EXPECT_EQ(doc.at("profile").at("fiscal_year"), std::stoi(fy));
    EXPECT_EQ(doc.at("university").at("university"), "university/iwate");
    for (const json::value& r : doc.at("results").as_array()) {
      if (r.at("id") == "program/coi-next/nurturing") {
        return std::string(r.at("eligibility").as_string());
      }
    }
    return std::string();
  };
  EXPECT_EQ(nurturing("2024"), "eligible");
  EXPECT_EQ(nurturing("2025"), "unknown");
}

// 弘前大学 won J-PEAKS in its FY2024 round: in FY2023's round it did not hold it yet.
TEST(FitCommand, AnAwardOfALaterYearIsNotYetHeld) {
  auto jpeaks = [](const std::string& fy) {
    Outcome run = kyoso({"fit", "--university", "弘前大学", "--mission", "regional-revitalization",
                         "--fy", fy, "--format", "json"});
    EXPECT_EQ(run.status, 0) << run.err;
    json::object doc = parse_json(run.out).as_object();
    for (const json::value& r : doc.at("results").as_array()) {
      if (r.at("id") == "program/j-peaks") return std::string(r.at("eligibility").as_string());
    }
    return std::string();
  };
  EXPECT_EQ(jpeaks("2023"), "eligible");
  EXPECT_EQ(jpeaks("2024"), "not-eligible");  // one place per university, and it holds one
}

TEST(FitCommand, AGoalMayBeNamedInJapanese) {
  Outcome run = kyoso({"fit", "--goal", "社会実装", "--top", "1"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "program/coi-next")) << run.out;
}

TEST(FitCommand, AUniversityOfAnotherKindSaysWhatItIs) {
  Outcome run = kyoso({"fit", "--university", "岩手県"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "'岩手県' is prefecture/iwate 岩手県, not a university"))
      << run.err;
  EXPECT_TRUE(contains(run.err, "did you mean 'university/iwate-prefectural'")) << run.err;
}

TEST(FitCommand, AMisspeltUniversitySuggestsTheNearest) {
  Outcome run = kyoso({"fit", "--university", "university/iwat"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "did you mean 'university/iwate'?")) << run.err;
}

TEST(FitCommand, UniversityAndProfileTogetherAreAUsageError) {
  expect_usage_error(kyoso({"fit", "--university", "iwate", "--profile", "p.json"}),
                     "kyoso fit --help");
}

TEST(ExplainCommand, AUniversitysProfileComesBeforeTheDerivation) {
  Outcome run = kyoso(
      {"explain", "coi-next", "--university", "岩手大学", "--goal", "社会実装", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::size_t profile = run.out.find("university/iwate  Iwate University");
  std::size_t derivation = run.out.find("\nprogram/coi-next  ");
  ASSERT_NE(profile, std::string::npos) << run.out;
  ASSERT_NE(derivation, std::string::npos) << run.out;
  EXPECT_LT(profile, derivation);
  EXPECT_TRUE(contains(run.out, "✓  mission        mission/regional-revitalization")) << run.out;
}

TEST(PortfolioCommand, AUniversitysProfileNeedsGoalsAdded) {
  Outcome bare = kyoso({"portfolio", "--university", "岩手大学"});
  expect_usage_error(bare, "kyoso portfolio --help");
  EXPECT_TRUE(contains(bare.err, "a university's profile from the model has none")) << bare.err;
  Outcome run = kyoso({"portfolio", "--university", "岩手大学", "--goal", "社会実装"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "program/coi-next/nurturing")) << run.out;
}

TEST(ProfileCommand, TheInstituteOfScienceTokyoHasItsCertificationAndNoMission) {
  Outcome run = kyoso({"profile", "東京科学大学", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::string holds = line_with(run.out, "program/international-excellence");
  EXPECT_TRUE(contains(holds, "status: certified")) << holds;
  EXPECT_TRUE(std::regex_search(holds, std::regex("\\[[0-9]+\\]"))) << holds;
  EXPECT_TRUE(contains(line_with(run.out, "mission "), "predecessor")) << run.out;
}

TEST(ProfileCommand, JsonIsTheUniversityProfileDocument) {
  Outcome run = kyoso({"profile", "university/keio", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::object doc = parse_json(run.out).as_object();
  EXPECT_EQ(doc.at("schema"), "kyoso.university_profile/1");
  EXPECT_EQ(doc.at("profile").at("establishment"), "establishment/private");
  bool award = false;
  for (const json::value& f : doc.at("facts").as_array()) {
    if (f.at("part") == "holds" && f.at("value") == "program/j-peaks") {
      award = true;
      EXPECT_EQ(f.at("attributes").at("round"), "1");
      EXPECT_EQ(f.at("fiscal_year"), 2023);
    }
  }
  EXPECT_TRUE(award) << run.out;
}

TEST(DiagnoseCommand, AUniversityWithoutAStoredStageIsAskedForOne) {
  Outcome run = kyoso({"diagnose", "--university", "岩手大学"});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(contains(run.err, "records no development stage for university/iwate")) << run.err;
}

// --- names everywhere ---------------------------------------------------------------------

TEST(Names, PathTakesNamesAndShortForms) {
  Outcome run = kyoso({"path", "弘前大学", "COI-NEXT"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines_of(run.out).at(0), "university/hirosaki → program/coi-next");
}

TEST(Names, AnAmbiguousNameIsRefusedWithTheCandidates) {
  Outcome run = kyoso({"path", "hirosaki", "iwate"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err,
                       "'iwate' fits 2 nodes: prefecture/iwate 岩手県, university/iwate "
                       "岩手大学; give one of their ids"))
      << run.err;
  Outcome as_json = kyoso({"path", "hirosaki", "iwate", "--format", "json"});
  json::object error = parse_json(as_json.out).at("error").as_object();
  EXPECT_EQ(error.at("type"), "ambiguous_name");
  EXPECT_EQ(error.at("candidates"), json::array({"prefecture/iwate", "university/iwate"}));
}

TEST(Names, ShowTakesAName) {
  Outcome run = kyoso({"show", "東京科学大学"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::string award = line_with(run.out, "program/international-excellence");
  EXPECT_TRUE(contains(award, "状況: 認定")) << run.out;
  EXPECT_TRUE(std::regex_search(award, std::regex("\\[[0-9]+\\]$"))) << award;
  Outcome en = kyoso({"--lang", "en", "show", "東京科学大学"});
  EXPECT_TRUE(contains(line_with(en.out, "program/international-excellence"), "status: certified"))
      << en.out;
}

}  // namespace
