// lib/report/figure_text.cpp: figures and fiscal years as the source writes them (report.hpp).
#include <gtest/gtest.h>

#include <limits>

#include "kyoso/report.hpp"

namespace kyoso {
namespace {

Figure figure(std::int64_t value, Unit unit, Qualifier qualifier = Qualifier::exact) {
  Figure f;
  f.value = value;
  f.unit = unit;
  f.qualifier = qualifier;
  return f;
}

std::string yen_ja(std::int64_t value) { return to_text(figure(value, Unit::jpy), Lang::ja); }

TEST(FigureText, YenInJapaneseUsesTheUnitsOfTheSource) {
  EXPECT_EQ(yen_ja(13'400'000'000), "134億円");
  EXPECT_EQ(yen_ja(160'000'000), "1.6億円");
  EXPECT_EQ(yen_ja(5'500'000'000), "55億円");
  EXPECT_EQ(yen_ja(200'000'000'000), "2,000億円");
  EXPECT_EQ(yen_ja(30'000'000), "3千万円");
  EXPECT_EQ(yen_ja(25'000'000), "2.5千万円");
  EXPECT_EQ(yen_ja(5'000'000), "500万円");
  EXPECT_EQ(yen_ja(12'340'000), "1,234万円");
  EXPECT_EQ(yen_ja(1'500'000'000'000), "1.5兆円");
  EXPECT_EQ(yen_ja(9'999), "9,999円");
  EXPECT_EQ(yen_ja(0), "0円");
}

TEST(FigureText, YenThatFitsNoUnitIsSpeltOut) {
  EXPECT_EQ(yen_ja(123'456'789), "1億2,345万6,789円");
  EXPECT_EQ(yen_ja(100'000'001), "1億1円");
}

TEST(FigureText, NegativeAndExtremeValuesKeepTheirSign) {
  EXPECT_EQ(yen_ja(-30'000'000), "-3千万円");
  EXPECT_EQ(to_text(figure(std::numeric_limits<std::int64_t>::min(), Unit::count), Lang::en),
            "-9,223,372,036,854,775,808");
  EXPECT_FALSE(yen_ja(std::numeric_limits<std::int64_t>::min()).empty());
}

TEST(FigureText, MoneyPerYear) {
  Figure nurturing = figure(30'000'000, Unit::jpy_per_year, Qualifier::approx);
  EXPECT_EQ(to_text(nurturing, Lang::ja), "3千万円程度/年");
  EXPECT_EQ(to_text(nurturing, Lang::en), "≈ JPY 30,000,000 / year");
  Figure full_scale = figure(400'000'000, Unit::jpy_per_year, Qualifier::up_to);
  EXPECT_EQ(to_text(full_scale, Lang::ja), "最大4億円/年");
  EXPECT_EQ(to_text(full_scale, Lang::en), "up to JPY 400,000,000 / year");
}

TEST(FigureText, Budget) {
  Figure budget = figure(13'400'000'000, Unit::jpy);
  EXPECT_EQ(to_text(budget, Lang::ja), "134億円");
  EXPECT_EQ(to_text(budget, Lang::en), "JPY 13,400,000,000");
  Figure joint_research = figure(10'000'000, Unit::jpy, Qualifier::at_least);
  EXPECT_EQ(to_text(joint_research, Lang::ja), "1千万円以上");
  EXPECT_EQ(to_text(joint_research, Lang::en), "at least JPY 10,000,000");
}

TEST(FigureText, Durations) {
  EXPECT_EQ(to_text(figure(10, Unit::fiscal_years, Qualifier::up_to), Lang::ja), "最長10年度");
  EXPECT_EQ(to_text(figure(10, Unit::fiscal_years, Qualifier::up_to), Lang::en),
            "up to 10 fiscal years");
  EXPECT_EQ(to_text(figure(2, Unit::fiscal_years, Qualifier::approx), Lang::ja), "2年度程度");
  EXPECT_EQ(to_text(figure(5, Unit::years), Lang::ja), "5年");
  EXPECT_EQ(to_text(figure(1, Unit::years), Lang::en), "1 year");
}

TEST(FigureText, SitesCountsAndShares) {
  EXPECT_EQ(to_text(figure(12, Unit::sites, Qualifier::approx), Lang::ja), "12拠点程度");
  EXPECT_EQ(to_text(figure(12, Unit::sites, Qualifier::approx), Lang::en), "≈ 12 sites");
  EXPECT_EQ(to_text(figure(1, Unit::sites), Lang::en), "1 site");
  EXPECT_EQ(to_text(figure(25, Unit::count), Lang::ja), "25");
  EXPECT_EQ(to_text(figure(25, Unit::count, Qualifier::approx), Lang::ja), "約25");
  EXPECT_EQ(to_text(figure(540, Unit::basis_points), Lang::ja), "5.4%");
  EXPECT_EQ(to_text(figure(1'250, Unit::basis_points), Lang::en), "12.5%");
  EXPECT_EQ(to_text(figure(-5, Unit::basis_points), Lang::en), "-0.05%");
}

TEST(FigureText, FiscalYearsInTheJapaneseEra) {
  EXPECT_EQ(fiscal_year_text(2024, Lang::ja), "令和6年度");
  EXPECT_EQ(fiscal_year_text(2019, Lang::ja), "令和元年度");
  EXPECT_EQ(fiscal_year_text(2018, Lang::ja), "平成30年度");
  EXPECT_EQ(fiscal_year_text(1989, Lang::ja), "平成元年度");
  EXPECT_EQ(fiscal_year_text(1988, Lang::ja), "1988年度");
  EXPECT_EQ(fiscal_year_text(2024, Lang::en), "FY2024");
}

TEST(FigureText, FigureNames) {
  EXPECT_EQ(figure_name_text("budget", Lang::ja), "予算額");
  EXPECT_EQ(figure_name_text("funding_per_site", Lang::en), "funding per site");
  EXPECT_EQ(figure_name_text("something_new", Lang::ja), "something_new");
}

}  // namespace
}  // namespace kyoso
