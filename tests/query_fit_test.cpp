// fit and portfolio on small hand-built models (exact rules) and on the embedded dataset
// (the seed's model case).
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

#include "test_model.hpp"

namespace kyoso {
namespace {

using test::Graph;

// A two-track program like COI-NEXT, a program only local governments apply for, a closed
// one, and one that excludes public universities.
Model policy() {
  return Graph()
      .node("mission/regional")
      .node("mission/world")
      .node("purpose/social")
      .node("purpose/talent")
      .node("field/agriculture")
      .node("stage/0")
      .node("stage/2")
      .node("applicant/university")
      .node("applicant/local-government")
      .node("partner/local-government")
      .node("partner/companies")
      .node("establishment/public")
      .node("program/hub", {{"call", "open"}})
      .node("program/hub/nurturing")
      .node("program/hub/full")
      .node("program/hub/full/regional")
      .node("program/hub/full/global")
      .node("program/talent", {{"call", "open"}})
      .node("program/local", {{"call", "open"}})
      .node("program/old", {{"call", "closed"}})
      .node("program/agri", {{"call", "open"}})
      .edge("program/hub", Relation::targets, "mission/regional")
      .edge("program/hub", Relation::serves, "purpose/social")
      .edge("program/hub", Relation::applied_by, "applicant/university")
      .edge("program/hub/nurturing", Relation::part_of, "program/hub")
      .edge("program/hub/full", Relation::part_of, "program/hub")
      .edge("program/hub/full/regional", Relation::part_of, "program/hub/full")
      .edge("program/hub/full/global", Relation::part_of, "program/hub/full")
      .edge("program/hub/full/regional", Relation::targets, "mission/regional")
      .edge("program/hub/full/global", Relation::targets, "mission/world")
      .edge("program/hub/full/regional", Relation::needs_partner, "partner/local-government")
      .edge("program/hub/nurturing", Relation::promotes_to, "program/hub/full")
      .edge("program/hub/nurturing", Relation::suits_stage, "stage/0")
      .edge("program/hub/full", Relation::suits_stage, "stage/2")
      .edge("program/talent", Relation::targets, "mission/regional")
      .edge("program/talent", Relation::serves, "purpose/talent")
      .edge("program/talent", Relation::applied_by, "applicant/university")
      .edge("program/talent", Relation::excludes, "establishment/public")
      .edge("program/local", Relation::targets, "mission/regional")
      .edge("program/local", Relation::serves, "purpose/social")
      .edge("program/local", Relation::applied_by, "applicant/local-government")
      .edge("partner/local-government", Relation::applies_as, "applicant/local-government")
      .edge("program/old", Relation::targets, "mission/regional")
      .edge("program/old", Relation::serves, "purpose/social")
      .edge("program/old", Relation::part_of, "program/hub")
      .edge("program/agri", Relation::serves, "purpose/social")
      .edge("program/agri", Relation::suits_field, "field/agriculture")
      .edge("program/agri", Relation::applied_by, "applicant/university")
      .build();
}

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

Profile regional_social() {
  Profile p;
  p.mission = "regional";
  p.goals = {"social"};
  return p;
}

TEST(Fit, ListsEveryProgramOnce) {
  Model m = policy();
  FitResult r = fit(m, regional_social());
  EXPECT_EQ(r.results.size(), m.nodes_of_kind(Kind::program).size());
}

TEST(Fit, ResolvesBareIdsInTheProfile) {
  FitResult r = fit(policy(), regional_social());
  EXPECT_EQ(r.profile.mission, "mission/regional");
  EXPECT_EQ(r.profile.goals, std::vector<std::string>{"purpose/social"});
}

TEST(Fit, MisspeltIdIsRefusedWithASuggestion) {
  Profile p = regional_social();
  p.mission = "regionl";
  try {
    fit(policy(), p);
    FAIL();
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.suggestion(), "mission/regional");
  }
}

TEST(Fit, ContributionsAddUpToTheScore) {
  Profile p = regional_social();
  p.fields = {"agriculture"};
  p.stage = "stage/0";
  for (const Recommendation& r : fit(policy(), p).results) {
    double sum = 0;
    for (const Criterion& c : r.met) sum += c.contribution;
    EXPECT_NEAR(sum, r.score, 1e-12) << r.id;
    EXPECT_GE(r.score, 0.0);
    EXPECT_LE(r.score, 1.0 + 1e-12);
    for (const Criterion& c : r.missed) EXPECT_EQ(c.contribution, 0.0) << r.id;
  }
}

TEST(Fit, ScoreIsTheWeightedShareOfStatedCriteria) {
  const FitWeights w;
  const double stated = w.mission + w.goals;
  FitResult r = fit(policy(), regional_social());
  // program/talent serves another goal: only the mission is met.
  EXPECT_NEAR(find(r, "program/talent").score, w.mission / stated, 1e-12);
  EXPECT_NEAR(find(r, "program/hub").score, 1.0, 1e-12);
  // A track inherits both facts from its parent, each at the inherited strength.
  EXPECT_NEAR(find(r, "program/hub/nurturing").score, w.inherited, 1e-12);
  // The regional field names the mission itself, and inherits the goal.
  EXPECT_NEAR(find(r, "program/hub/full/regional").score,
              (w.mission + w.goals * w.inherited) / stated, 1e-12);
}

TEST(Fit, MetCriteriaCarryTheirPathsAndSources) {
  FitResult ranked = fit(policy(), regional_social());
  const Recommendation& r = find(ranked, "program/hub/nurturing");
  ASSERT_EQ(r.met.size(), 2u);
  const Criterion& mission = r.met[0];
  EXPECT_EQ(mission.id, "mission");
  ASSERT_EQ(mission.paths.size(), 1u);
  EXPECT_EQ(mission.paths[0].nodes,
            (std::vector<std::string>{"program/hub/nurturing", "program/hub", "mission/regional"}));
  EXPECT_EQ(mission.paths[0].relations,
            (std::vector<Relation>{Relation::part_of, Relation::targets}));
  bool cites_targets = false;
  for (const Source& s : r.sources) cites_targets |= s.quote == "program/hub mission/regional";
  EXPECT_TRUE(cites_targets);
}

TEST(Fit, OwnFactsOverrideInheritedOnes) {
  // The global field names its own mission, so it does not inherit the regional one.
  FitResult ranked = fit(policy(), regional_social());
  const Recommendation& r = find(ranked, "program/hub/full/global");
  ASSERT_FALSE(r.missed.empty());
  EXPECT_EQ(r.missed[0].id, "mission");
}

TEST(Fit, ARegionalMissionPrefersTheRegionalField) {
  FitResult r = fit(policy(), regional_social());
  EXPECT_LT(rank(r, "program/hub/full/regional"), rank(r, "program/hub/full"));
  EXPECT_LT(rank(r, "program/hub/full/regional"), rank(r, "program/hub/full/global"));
}

TEST(Fit, AUniversityJustStartingIsPointedAtNurturingBeforeFullScale) {
  Profile p = regional_social();
  p.stage = "stage/0";
  FitResult r = fit(policy(), p);
  EXPECT_LT(rank(r, "program/hub/nurturing"), rank(r, "program/hub/full"));
  p.stage = "stage/2";
  r = fit(policy(), p);
  EXPECT_LT(rank(r, "program/hub/full"), rank(r, "program/hub/nurturing"));
}

TEST(Fit, AClosedCallIsNotEligibleAndRankedLast) {
  FitResult r = fit(policy(), regional_social());
  const Recommendation& old = find(r, "program/old");
  EXPECT_EQ(old.eligibility, Eligibility::not_eligible);
  EXPECT_NE(old.reasons.at(0).en.find("closed to new applicants"), std::string::npos);
  // Not-eligible programs come after every eligible one, whatever their score.
  bool seen_not_eligible = false;
  for (const Recommendation& x : r.results) {
    if (x.eligibility == Eligibility::not_eligible) seen_not_eligible = true;
    if (seen_not_eligible) {
      EXPECT_EQ(x.eligibility, Eligibility::not_eligible) << x.id;
    }
  }
  EXPECT_GT(rank(r, "program/old"), rank(r, "program/hub/nurturing"));
}

TEST(Fit, AProgramOthersApplyForIsNotEligibleWithoutThatPartner) {
  FitResult ranked = fit(policy(), regional_social());
  const Recommendation& local = find(ranked, "program/local");
  EXPECT_EQ(local.eligibility, Eligibility::not_eligible);
  EXPECT_NE(local.reasons.at(0).en.find("no partner who can apply"), std::string::npos);
}

TEST(Fit, AProgramOthersApplyForIsOpenViaThePartner) {
  Profile p = regional_social();
  p.partners = {"local-government"};
  FitResult ranked = fit(policy(), p);
  const Recommendation& local = find(ranked, "program/local");
  EXPECT_EQ(local.eligibility, Eligibility::via_partner);
  ASSERT_EQ(local.paths.size(), 1u);
  EXPECT_EQ(local.paths[0].nodes,
            (std::vector<std::string>{"program/local", "applicant/local-government",
                                      "partner/local-government"}));
  EXPECT_EQ(local.paths[0].forward, (std::vector<bool>{true, false}));
}

TEST(Fit, AnExcludedEstablishmentIsNotEligible) {
  Profile p = regional_social();
  p.establishment = "public";
  EXPECT_EQ(find(fit(policy(), p), "program/talent").eligibility, Eligibility::not_eligible);
  p.establishment = "";
  EXPECT_EQ(find(fit(policy(), p), "program/talent").eligibility, Eligibility::eligible);
}

TEST(Fit, AMissingRequiredPartnerIsAStatedCondition) {
  FitResult ranked = fit(policy(), regional_social());
  const Recommendation& r = find(ranked, "program/hub/full/regional");
  EXPECT_EQ(r.eligibility, Eligibility::eligible);
  bool condition = false;
  for (const Text& t : r.reasons) condition |= t.en.find("condition: needs") != std::string::npos;
  EXPECT_TRUE(condition);
}

TEST(Fit, FieldsCount) {
  Profile p;
  p.fields = {"agriculture"};
  FitResult r = fit(policy(), p);
  EXPECT_EQ(r.results[0].id, "program/agri");
  EXPECT_NEAR(r.results[0].score, 1.0, 1e-12);
}

TEST(Fit, TiesBreakById) {
  Profile p;
  p.mission = "regional";
  FitResult r = fit(policy(), p);
  for (std::size_t i = 1; i < r.results.size(); ++i) {
    const auto& a = r.results[i - 1];
    const auto& b = r.results[i];
    if (a.eligibility == b.eligibility && a.score == b.score) {
      EXPECT_LT(a.id, b.id);
    }
  }
}

TEST(Fit, NegativeWeightsAreRefused) {
  FitWeights w;
  w.goals = -1;
  EXPECT_THROW(fit(policy(), regional_social(), w), Error);
}

TEST(Explain, GivesTheSameRecommendationAsFit) {
  Profile p = regional_social();
  p.stage = "stage/0";
  FitResult ranked = fit(policy(), p);
  const Recommendation& from_fit = find(ranked, "program/hub/nurturing");
  Recommendation r = explain(policy(), "program/hub/nurturing", p);
  EXPECT_EQ(r.score, from_fit.score);
  EXPECT_EQ(r.met.size(), from_fit.met.size());
  std::vector<std::string> nodes = explanation_nodes(r);
  EXPECT_EQ(nodes.front(), "program/hub/nurturing");
  EXPECT_NE(std::find(nodes.begin(), nodes.end(), "mission/regional"), nodes.end());
}

TEST(Explain, RefusesANonProgram) {
  EXPECT_THROW(explain(policy(), "mission/regional", {}), UnknownIdError);
}

TEST(Portfolio, CoversEveryGoalWithTheFewestPrograms) {
  Profile p = regional_social();
  p.goals = {"social", "talent"};
  Portfolio plan = portfolio(policy(), p);
  EXPECT_TRUE(plan.uncovered.empty());
  std::vector<std::string> ids;
  for (const PlanItem& i : plan.plan) ids.push_back(i.id);
  // hub covers social through a track (nurturing first, then the regional field by
  // promotion), talent covers talent.
  EXPECT_NE(std::find(ids.begin(), ids.end(), "program/talent"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "program/hub/full/regional"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "program/hub/nurturing"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "program/old"), ids.end());
}

TEST(Portfolio, PromotionPutsTheLaterTrackAfterTheEarlierOne) {
  Portfolio plan = portfolio(policy(), regional_social());
  const PlanItem* nurturing = nullptr;
  const PlanItem* regional = nullptr;
  for (const PlanItem& i : plan.plan) {
    if (i.id == "program/hub/nurturing") nurturing = &i;
    if (i.id == "program/hub/full/regional") regional = &i;
  }
  ASSERT_TRUE(nurturing && regional);
  EXPECT_EQ(nurturing->start_year, 0);
  EXPECT_EQ(regional->start_year, nurturing->years);
}

TEST(Portfolio, ADurationKeepsTheUnitTheSourceCountsIn) {
  Node program;
  program.id = "program/short";
  program.kind = Kind::program;
  program.name = {"短期", "short"};
  Figure duration;
  duration.name = "duration";
  duration.value = 2;
  duration.unit = Unit::fiscal_years;
  duration.qualifier = Qualifier::approx;
  program.figures.push_back(duration);
  ModelBuilder::EdgeSpec serves;
  serves.source = "program/short";
  serves.target = "purpose/talent";
  serves.relation = Relation::serves;
  Model m = ModelBuilder::from(policy()).add_node(program).add_edge(serves).build();
  Profile p;
  p.goals = {"talent"};
  p.establishment = "public";  // leaves program/talent out, so the plan is program/short
  Portfolio plan = portfolio(m, p);
  ASSERT_EQ(plan.plan.size(), 1u);
  EXPECT_EQ(plan.plan[0].id, "program/short");
  EXPECT_EQ(plan.plan[0].years, 2);
  EXPECT_EQ(plan.plan[0].years_qualifier, Qualifier::approx);
  EXPECT_EQ(plan.plan[0].years_unit, Unit::fiscal_years);
}

TEST(Fit, ResolveProfileGivesFullIdsWithoutRepeats) {
  Profile p = regional_social();
  p.goals.push_back("purpose/social");
  p.stage = "0";
  Profile r = resolve_profile(policy(), p);
  EXPECT_EQ(r.mission, "mission/regional");
  EXPECT_EQ(r.goals, std::vector<std::string>{"purpose/social"});
  EXPECT_EQ(r.stage, "stage/0");
  EXPECT_EQ(r.applicant, "applicant/university");
  p.fields = {"agricultur"};
  EXPECT_THROW(resolve_profile(policy(), p), UnknownIdError);
}

TEST(Portfolio, AGoalNoEligibleProgramServesIsReportedUncovered) {
  Profile p;
  p.goals = {"talent"};
  p.establishment = "public";
  Portfolio plan = portfolio(policy(), p);
  EXPECT_EQ(plan.uncovered, std::vector<std::string>{"purpose/talent"});
  EXPECT_TRUE(plan.plan.empty());
  ASSERT_EQ(plan.excluded.size(), 1u);
}

}  // namespace
}  // namespace kyoso

namespace kyoso {
namespace {

// The seed's slide 「具体的にどのような支援策が使えるのか？」 (docs/domain.md, the model case): for
// a university whose main mission is regional revitalisation, each need leads to the measure the
// slide names for it.
struct SlideEntry {
  const char* purpose;
  std::vector<std::string> programs;  // the slide's measures for that need
};

const std::vector<SlideEntry>& model_case_slide() {
  static const std::vector<SlideEntry> slide{
      {"purpose/base-support", {"program/base-funding"}},
      {"purpose/talent-development", {"program/sparc"}},
      {"purpose/research-infrastructure", {"program/joint-usage-system"}},
      {"purpose/social-implementation", {"program/coi-next"}},
      {"purpose/regional-industry", {"program/regional-university-grant"}},
      {"purpose/management", {"program/j-peaks"}},
      {"purpose/institutional-reform", {"program/special-zones"}},
      {"purpose/government-partnership",
       {"program/regional-innovation-environment", "program/smart-agriculture",
        "program/local-10000"}},
  };
  return slide;
}

Profile regional_university(const std::string& goal) {
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {goal};
  // The slide's measures include ones a local government or a consortium applies for.
  p.partners = {"partner/local-government", "partner/companies", "partner/regional-bank"};
  return p;
}

TEST(ModelCase, EachNeedLeadsToTheSlidesMeasureFirst) {
  for (const SlideEntry& entry : model_case_slide()) {
    FitResult r = fit(default_model(), regional_university(entry.purpose));
    for (std::size_t i = 0; i < entry.programs.size(); ++i) {
      const std::string& got = r.results.at(i).id;
      EXPECT_NE(std::find(entry.programs.begin(), entry.programs.end(), got), entry.programs.end())
          << entry.purpose << ": result " << i << " is " << got;
      EXPECT_NE(r.results[i].eligibility, Eligibility::not_eligible) << got;
    }
  }
}

TEST(ModelCase, EveryMeasureOnTheSlideIsReachableFromTheRegionalMission) {
  const Model& m = default_model();
  NodeIndex mission = m.resolve("mission/regional-revitalization");
  std::vector<std::string> targeting;
  for (const Step& s : m.neighbors(mission, Direction::in, Relation::targets)) {
    targeting.push_back(m.node(s.node).id);
  }
  for (const SlideEntry& entry : model_case_slide()) {
    for (const std::string& program : entry.programs) {
      EXPECT_NE(std::find(targeting.begin(), targeting.end(), program), targeting.end()) << program;
      // And fit sees it: the mission criterion is met with a path ending at the mission.
      Recommendation r = explain(m, program, regional_university(entry.purpose));
      ASSERT_FALSE(r.met.empty()) << program;
      EXPECT_EQ(r.met[0].id, "mission") << program;
      EXPECT_EQ(r.met[0].paths.at(0).nodes.back(), "mission/regional-revitalization");
    }
  }
}

TEST(ModelCase, TheMainJobRanksCoiNextFirstWithItsSeedSources) {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation"};
  FitResult r = fit(default_model(), p);
  ASSERT_EQ(r.results[0].id, "program/coi-next");
  EXPECT_NEAR(r.results[0].score, 1.0, 1e-12);
  bool quotes_the_slide = false;
  for (const Source& s : r.results[0].sources) {
    quotes_the_slide |= s.quote.find("共創の場形成支援") != std::string::npos;
  }
  EXPECT_TRUE(quotes_the_slide);
  // Without a local-government partner the regional grant is out of reach.
  for (const Recommendation& x : r.results) {
    if (x.id == "program/regional-university-grant") {
      EXPECT_EQ(x.eligibility, Eligibility::not_eligible);
    }
    if (x.id == "program/opera") {
      EXPECT_EQ(x.eligibility, Eligibility::not_eligible);
    }
  }
}

TEST(ModelCase, AStartingUniversityGetsNurturingBeforeFullScaleAndRegionalFirstAmongFields) {
  Profile p = regional_university("purpose/social-implementation");
  p.stage = "stage/0";
  FitResult r = fit(default_model(), p);
  EXPECT_LT(rank(r, "program/coi-next/nurturing"), rank(r, "program/coi-next/full-scale"));
  EXPECT_LT(rank(r, "program/coi-next/full-scale/regional"),
            rank(r, "program/coi-next/full-scale/co-creation"));
  EXPECT_LT(rank(r, "program/coi-next/full-scale/regional"),
            rank(r, "program/coi-next/full-scale/policy-priority"));
}

TEST(ModelCase, PortfolioStartsWithNurturingThenTheRegionalField) {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation"};
  Portfolio plan = portfolio(default_model(), p);
  ASSERT_EQ(plan.plan.size(), 2u);
  EXPECT_EQ(plan.plan[0].id, "program/coi-next/nurturing");
  EXPECT_EQ(plan.plan[0].years, 2);  // 「支援期間：2年度程度」
  EXPECT_EQ(plan.plan[0].years_qualifier, Qualifier::approx);
  EXPECT_EQ(plan.plan[1].id, "program/coi-next/full-scale/regional");
  EXPECT_EQ(plan.plan[1].start_year, 2);
  EXPECT_EQ(plan.plan[1].years, 10);  // 「支援期間：最長10年度」
  EXPECT_EQ(plan.plan[1].years_qualifier, Qualifier::up_to);
}

}  // namespace
}  // namespace kyoso
