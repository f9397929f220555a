// tools/report_text: how paths, shares and sources read in a terminal.
#include "report_text.hpp"

#include <gtest/gtest.h>

namespace kyoso::cli {
namespace {

TEST(PathText, ArrowsPointFromEachEdgesSourceToItsTarget) {
  Path p;
  p.nodes = {"university/hirosaki", "program/j-peaks", "program/coi-next"};
  p.relations = {Relation::awarded, Relation::considers};
  p.forward = {true, false};
  EXPECT_EQ(path_text(p),
            "university/hirosaki —awarded→ program/j-peaks ←considers— program/coi-next");
  EXPECT_EQ(path_text(Path{{"program/a"}, {}, {}}), "program/a");
}

TEST(DecimalsAddingUp, ThePartsAddUpToTheTotalShown) {
  // 0.35/0.75 + 0.20/0.75: rounded alone, 0.47 + 0.27 would show 0.74 for a score of 0.73.
  std::vector<double> exact{0.35 / 0.75, 0.20 / 0.75};
  std::vector<std::string> parts = decimals_adding_up(exact, 0.55 / 0.75, 2);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(rounded(0.55 / 0.75, 2), "0.73");
  EXPECT_NEAR(std::stod(parts[0]) + std::stod(parts[1]), 0.73, 1e-9);
  for (std::size_t i = 0; i < parts.size(); ++i) EXPECT_NEAR(std::stod(parts[i]), exact[i], 0.01);
}

TEST(DecimalsAddingUp, ExactValuesStayAsTheyAre) {
  EXPECT_EQ(decimals_adding_up({0.5, 0.25, 0.0}, 0.75, 3),
            (std::vector<std::string>{"0.500", "0.250", "0.000"}));
  EXPECT_TRUE(decimals_adding_up({}, 0.0, 2).empty());
}

TEST(SourceList, NumbersEachSourceOnceInTheOrderFirstCited) {
  Source a{"seed.txt", "s", "a", "", "", "", ""};
  Source b{"seed.txt", "s", "b", "", "", "", ""};
  SourceList list({a});
  EXPECT_EQ(list.cite({b, a}), "[2][1]");
  EXPECT_EQ(list.cite({b}), "[2]");
  EXPECT_EQ(list.render("  "), "  [1] seed.txt, s\n      「a」\n  [2] seed.txt, s\n      「b」\n");
}

TEST(EligibilityText, InEitherLanguage) {
  EXPECT_EQ(eligibility_text(Eligibility::conditional, Lang::en), "conditional");
  EXPECT_EQ(eligibility_text(Eligibility::conditional, Lang::ja), "条件付き");
  EXPECT_EQ(eligibility_text(Eligibility::unknown, Lang::ja), "不明");
  EXPECT_EQ(eligibility_text(Eligibility::not_eligible, Lang::ja), "対象外");
}

}  // namespace
}  // namespace kyoso::cli
