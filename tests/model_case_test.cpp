// The seed's model case (the slide 「具体的にどのような支援策が使えるのか？」, docs/domain.md) as
// golden answers on the embedded dataset: for a university whose main mission is regional
// revitalisation, each need leads first to the measure the slide names for it, with how the
// university takes part and the FY2024 call; and the calls of other fiscal years.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

namespace kyoso {
namespace {

const Recommendation& find(const FitResult& r, const std::string& id) {
  for (const Recommendation& x : r.results) {
    if (x.id == id) return x;
  }
  throw std::runtime_error("no result for " + id);
}

std::size_t rank(const FitResult& r, const std::string& id) {
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    if (r.results[i].id == id) return i;
  }
  return r.results.size();
}

bool says(const Recommendation& r, std::string_view ja, std::string_view en) {
  for (const Text& t : r.reasons) {
    if (t.ja.find(ja) != std::string::npos && t.en.find(en) != std::string::npos) return true;
  }
  return false;
}

FitResult regional(const std::string& goal, std::vector<std::string> partners = {},
                   std::optional<int> fiscal_year = {}) {
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {goal};
  p.partners = std::move(partners);
  p.fiscal_year = fiscal_year;
  return fit(default_model(), p);
}

TEST(ModelCase, AnswersAreForTheModelsFiscalYear) {
  EXPECT_EQ(default_model().info().fiscal_year, 2024);
  EXPECT_EQ(regional("purpose/social-implementation").profile.fiscal_year, 2024);
}

// 【人材育成】 ⇒ 地域活性化人材育成事業
TEST(ModelCase, TalentDevelopmentLeadsToSparc) {
  FitResult r = regional("purpose/talent-development");
  const Recommendation& first = r.results.at(0);
  EXPECT_EQ(first.id, "program/sparc");
  EXPECT_NEAR(first.score, 1.0, 1e-12);
  EXPECT_EQ(first.routes.at(0).route, Route::lead);
  // No SPARC call after FY2022 could be confirmed: not known, not "open".
  EXPECT_EQ(first.call.status, std::nullopt);
  EXPECT_EQ(first.call.last_known, 2022);
  EXPECT_EQ(first.eligibility, Eligibility::unknown);
  EXPECT_TRUE(
      says(first, "令和6年度の公募状況は不明", "whether there is a call in FY2024 is not known"));
}

// 【研究基盤の強化】 ⇒ 共同利用・共同研究システム形成事業
TEST(ModelCase, ResearchInfrastructureLeadsToTheJointUsageSystem) {
  FitResult r = regional("purpose/research-infrastructure");
  const Recommendation& first = r.results.at(0);
  EXPECT_EQ(first.id, "program/joint-usage-system");
  EXPECT_EQ(first.call.status, CallStatus::open);
  EXPECT_EQ(first.eligibility, Eligibility::eligible);
  EXPECT_EQ(first.routes.at(0).route, Route::lead);
  // Its hub programme follows, joined as a participating institution.
  EXPECT_EQ(r.results.at(1).id, "program/interdisciplinary-hub");
  EXPECT_EQ(r.results.at(1).routes.at(0).route, Route::member);
}

// 【社会実装】 ⇒ 共創の場形成支援, with 地方大学・地域産業創生交付金事業 beside it.
TEST(ModelCase, SocialImplementationLeadsToCoiNextWithTheRegionalGrantBesideIt) {
  FitResult r = regional("purpose/social-implementation");
  const Recommendation& coi = r.results.at(0);
  EXPECT_EQ(coi.id, "program/coi-next");
  EXPECT_EQ(coi.eligibility, Eligibility::eligible);
  EXPECT_EQ(coi.routes.at(0).route, Route::lead);
  EXPECT_EQ(coi.call.status, CallStatus::open);
  EXPECT_EQ(coi.call.scope.ja, "地域共創分野の育成型のみ");
  EXPECT_TRUE(says(coi, "令和6年度の公募: 地域共創分野の育成型のみ",
                   "FY2024 call: nurturing track of the regional co-creation field only"));
  bool quotes_the_slide = false;
  for (const Source& s : coi.sources) quotes_the_slide |= s.quote == "⇒ 共創の場形成支援";
  EXPECT_TRUE(quotes_the_slide);

  const Recommendation& grant = r.results.at(1);
  EXPECT_EQ(grant.id, "program/regional-university-grant");
  EXPECT_NEAR(grant.score, 1.0, 1e-12);
  // The local government files; the university takes part in its plan. Without a local
  // government among its partners that is a condition, not an exclusion.
  EXPECT_EQ(grant.routes.at(0).route, Route::through);
  EXPECT_EQ(grant.routes.at(0).applicant, "applicant/local-government");
  EXPECT_EQ(grant.eligibility, Eligibility::conditional);
  EXPECT_TRUE(says(grant, "条件: 申請する自治体（連携先）が必要",
                   "condition: needs a partner that files: Local government"));
  EXPECT_EQ(find(regional("purpose/social-implementation", {"partner/local-government"}),
                 "program/regional-university-grant")
                .eligibility,
            Eligibility::eligible);
}

// 【経営力強化】 ⇒ 地域中核・特色ある研究大学強化促進事業, round 2 open in FY2024.
TEST(ModelCase, ManagementLeadsToJPeaksWithItsFiscalYearStatus) {
  FitResult first_result = regional("purpose/management");
  const Recommendation& first = first_result.results.at(0);
  EXPECT_EQ(first.id, "program/j-peaks");
  EXPECT_EQ(first.call.status, CallStatus::open);
  EXPECT_EQ(first.call.scope.ja, "第2回公募");
  EXPECT_EQ(first.call.period, "2024-05-28/2024-07-29");
  EXPECT_EQ(first.eligibility, Eligibility::eligible);
  // All 25 places were filled by 2025-01-24: FY2025 has no call.
  FitResult later_result = regional("purpose/management", {}, 2025);
  const Recommendation& later = later_result.results.at(0);
  EXPECT_EQ(later.id, "program/j-peaks");
  EXPECT_EQ(later.call.status, CallStatus::closed);
  EXPECT_EQ(later.eligibility, Eligibility::not_eligible);
  EXPECT_TRUE(says(later, "令和7年度は公募なし", "no call in FY2025"));
}

// 制度改革（特区活用） ⇒ 構造改革特区へ申請: the local government files.
TEST(ModelCase, InstitutionalReformLeadsToSpecialZones) {
  FitResult first_result = regional("purpose/institutional-reform");
  const Recommendation& first = first_result.results.at(0);
  EXPECT_EQ(first.id, "program/special-zones");
  EXPECT_NEAR(first.score, 1.0, 1e-12);
  EXPECT_EQ(first.routes.at(0).route, Route::through);
  EXPECT_EQ(first.eligibility, Eligibility::conditional);
  EXPECT_EQ(first.call.status, CallStatus::open);
}

// 自治体との連携強化、府省間の事業連携による一体的支援: the three measures of that row.
TEST(ModelCase, GovernmentPartnershipLeadsToTheThreeProgramsOfThatRow) {
  FitResult r =
      regional("purpose/government-partnership",
               {"partner/local-government", "partner/companies", "partner/regional-bank"});
  std::vector<std::string> top;
  for (std::size_t i = 0; i < 3; ++i) top.push_back(r.results.at(i).id);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<std::string>{"program/local-10000",
                                           "program/regional-innovation-environment",
                                           "program/smart-agriculture"}));
  // Each is usable by its own route: the university applies, joins the consortium, or takes
  // part in the local government's project.
  EXPECT_EQ(find(r, "program/regional-innovation-environment").routes.at(0).route, Route::lead);
  EXPECT_EQ(find(r, "program/smart-agriculture").routes.at(0).route, Route::member);
  EXPECT_EQ(find(r, "program/local-10000").routes.at(0).route, Route::through);
  for (const std::string& id : top) EXPECT_EQ(find(r, id).eligibility, Eligibility::eligible) << id;
}

// Every need of the slide, with the measures it names for it.
TEST(ModelCase, EachNeedLeadsToTheSlidesMeasureFirst) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> slide = {
      {"purpose/base-support", {"program/base-funding"}},
      {"purpose/talent-development", {"program/sparc"}},
      {"purpose/research-infrastructure", {"program/joint-usage-system"}},
      {"purpose/social-implementation", {"program/coi-next", "program/regional-university-grant"}},
      {"purpose/regional-industry", {"program/regional-university-grant"}},
      {"purpose/management", {"program/j-peaks"}},
      {"purpose/institutional-reform", {"program/special-zones"}},
      {"purpose/government-partnership",
       {"program/regional-innovation-environment", "program/smart-agriculture",
        "program/local-10000"}},
  };
  for (const auto& [purpose, programs] : slide) {
    FitResult r = regional(
        purpose, {"partner/local-government", "partner/companies", "partner/regional-bank"});
    for (std::size_t i = 0; i < programs.size(); ++i) {
      const std::string& got = r.results.at(i).id;
      EXPECT_NE(std::find(programs.begin(), programs.end(), got), programs.end())
          << purpose << ": result " << i << " is " << got;
      EXPECT_NE(r.results[i].eligibility, Eligibility::not_eligible) << got;
    }
  }
}

TEST(ModelCase, EveryMeasureOnTheSlideIsUsableByTheSlidesUniversity) {
  FitResult r =
      regional("purpose/social-implementation",
               {"partner/local-government", "partner/companies", "partner/regional-bank"});
  for (const char* id : {"program/base-funding", "program/sparc", "program/joint-usage-system",
                         "program/coi-next", "program/regional-university-grant", "program/j-peaks",
                         "program/special-zones", "program/regional-innovation-environment",
                         "program/smart-agriculture", "program/local-10000"}) {
    const Recommendation& x = find(r, id);
    EXPECT_NE(x.eligibility, Eligibility::not_eligible) << id;
    EXPECT_EQ(x.criteria.at(0).outcome, Outcome::met) << id;  // the slide's mission
  }
}

TEST(ModelCase, AStartingUniversityIsPointedAtAProgramForStepZeroFirst) {
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.stage = "stage/0";
  FitResult r = fit(default_model(), p);
  std::size_t nurturing = rank(r, "program/coi-next/nurturing");
  for (const Recommendation& x : r.results) {
    const Criterion& stage = x.criteria.at(1);
    ASSERT_EQ(stage.id, "stage");
    if (stage.outcome == Outcome::unknown) {
      EXPECT_LT(nurturing, rank(r, x.id)) << x.id;
    }
  }
  EXPECT_EQ(r.results.at(0).id, "program/coi-next");  // through its 育成型
  EXPECT_EQ(r.results.at(1).id, "program/coi-next/nurturing");
}

TEST(ModelCase, FiscalYear2024CallsOnlyTheRegionalNurturingTrack) {
  FitResult r = regional("purpose/social-implementation", {}, 2024);
  const Recommendation& nurturing = find(r, "program/coi-next/nurturing");
  EXPECT_EQ(nurturing.call.status, CallStatus::open);
  EXPECT_EQ(nurturing.call.scope.ja, "地域共創分野のみ");
  EXPECT_EQ(nurturing.eligibility, Eligibility::eligible);
  for (const char* id : {"program/coi-next/full-scale", "program/coi-next/full-scale/regional",
                         "program/coi-next/full-scale/co-creation"}) {
    const Recommendation& full = find(r, id);
    EXPECT_EQ(full.call.status, CallStatus::promotion_only) << id;
    EXPECT_EQ(full.eligibility, Eligibility::not_eligible) << id;
    EXPECT_TRUE(
        says(full, "育成型からの昇格審査でのみ移行できる", "reached only by promotion review"))
        << id;
  }
  EXPECT_EQ(find(r, "program/coi-next/full-scale/policy-priority").call.status, CallStatus::closed);
  EXPECT_EQ(find(r, "program/opera").call.status, CallStatus::continuing_only);
  // A university that holds 育成型 moves on by promotion.
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.holds = {"program/coi-next/nurturing"};
  FitResult promoted_result = fit(default_model(), p);
  const Recommendation& promoted = find(promoted_result, "program/coi-next/full-scale");
  EXPECT_EQ(promoted.eligibility, Eligibility::eligible);
  EXPECT_EQ(promoted.routes.at(0).route, Route::promotion);
}

TEST(ModelCase, FiscalYear2023CalledNurturingInBothFields) {
  FitResult nurturing_result = regional("purpose/social-implementation", {}, 2023);
  const Recommendation& nurturing = find(nurturing_result, "program/coi-next/nurturing");
  EXPECT_EQ(nurturing.call.status, CallStatus::open);
  EXPECT_EQ(nurturing.call.scope.ja, "共創分野（2件程度）・地域共創分野（4件程度）");
}

TEST(ModelCase, PublicUniversitiesWereExcludedFromTheInnovationEnvironmentInFiscal2022Only) {
  Profile p;
  p.goals = {"purpose/government-partnership"};
  p.establishment = "establishment/public";
  p.fiscal_year = 2022;
  EXPECT_EQ(find(fit(default_model(), p), "program/regional-innovation-environment").eligibility,
            Eligibility::not_eligible);
  p.fiscal_year = 2024;
  EXPECT_EQ(find(fit(default_model(), p), "program/regional-innovation-environment").eligibility,
            Eligibility::eligible);
}

TEST(ModelCase, PortfolioStartsWithNurturingThenFullScaleByPromotion) {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation"};
  Portfolio plan = portfolio(default_model(), p);
  ASSERT_EQ(plan.plan.size(), 2u);
  EXPECT_EQ(plan.plan[0].id, "program/coi-next/nurturing");
  EXPECT_EQ(plan.plan[0].years, 2);  // 「支援期間：2年度程度」
  EXPECT_EQ(plan.plan[0].years_qualifier, Qualifier::approx);
  EXPECT_EQ(plan.plan[1].id, "program/coi-next/full-scale");
  EXPECT_EQ(plan.plan[1].start_year, 2);
  EXPECT_EQ(plan.plan[1].years, 10);  // 「支援期間：最長10年度」
  EXPECT_EQ(plan.plan[1].years_qualifier, Qualifier::up_to);
}

}  // namespace
}  // namespace kyoso
