// fit and portfolio on small hand-built models (exact rules, docs/fit.md) and on the embedded
// dataset (the seed's model case, the calls of each fiscal year).
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

#include "test_model.hpp"

namespace kyoso {
namespace {

using test::call;
using test::Graph;

// A two-track program like COI-NEXT, programs a local government or a consortium files for,
// a program for continuing projects only, one that excludes public universities, one open
// to any field.
Graph policy_graph() {
  Graph g;
  g.node("mission/regional")
      .node("mission/world")
      .node("purpose/social")
      .node("purpose/talent")
      .node("field/agriculture")
      .node("field/services")
      .node("stage/0")
      .node("stage/2")
      .node("applicant/university")
      .node("applicant/local-government")
      .node("applicant/consortium")
      .node("partner/local-government")
      .node("partner/companies")
      .node("establishment/public")
      .open_program("program/hub")
      .node("program/hub/nurturing")
      .node("program/hub/full")
      .node("program/hub/full/regional")
      .node("program/hub/full/global")
      .open_program("program/talent")
      .open_program("program/local")
      .open_program("program/gov-only")
      .open_program("program/agri-consortium")
      .node("program/old", {}, {call(CallStatus::continuing_only)})
      .open_program("program/agri")
      .open_program("program/any-field", {{"fields", "any"}})
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
      .edge("program/local", Relation::involves, "applicant/university")
      .edge("program/gov-only", Relation::targets, "mission/regional")
      .edge("program/gov-only", Relation::applied_by, "applicant/local-government")
      .edge("partner/local-government", Relation::applies_as, "applicant/local-government")
      .edge("program/agri-consortium", Relation::serves, "purpose/social")
      .edge("program/agri-consortium", Relation::applied_by, "applicant/consortium")
      .edge("program/agri-consortium", Relation::joined_by, "applicant/university")
      .edge("program/agri-consortium", Relation::needs_partner, "partner/companies")
      .edge("partner/companies", Relation::applies_as, "applicant/consortium")
      .edge("program/old", Relation::targets, "mission/regional")
      .edge("program/old", Relation::serves, "purpose/social")
      .edge("program/old", Relation::part_of, "program/hub")
      .edge("program/agri", Relation::serves, "purpose/social")
      .edge("program/agri", Relation::suits_field, "field/agriculture")
      .edge("program/agri", Relation::applied_by, "applicant/university")
      .edge("program/any-field", Relation::applied_by, "applicant/university");
  return g;
}

Model policy() { return policy_graph().build(); }

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

const Criterion& criterion(const Recommendation& r, const std::string& id) {
  for (const Criterion& c : r.criteria) {
    if (c.id == id) return c;
  }
  throw std::runtime_error(r.id + " has no criterion " + id);
}

bool says(const Recommendation& r, std::string_view en) {
  for (const Text& t : r.reasons) {
    if (t.en.find(en) != std::string::npos) return true;
  }
  return false;
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

TEST(Fit, TheFiscalYearIsTheModelsUnlessTheProfileStatesOne) {
  Model m = policy_graph().fiscal_year(2024).build();
  EXPECT_EQ(fit(m, regional_social()).profile.fiscal_year, 2024);
  Profile p = regional_social();
  p.fiscal_year = 2025;
  EXPECT_EQ(fit(m, p).profile.fiscal_year, 2025);
  EXPECT_EQ(fit(policy(), regional_social()).profile.fiscal_year, std::nullopt);
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

TEST(Fit, EveryStatedCriterionCountsForEveryProgramInProfileOrder) {
  Profile p = regional_social();
  p.fields = {"agriculture"};
  p.stage = "stage/0";
  for (const Recommendation& r : fit(policy(), p).results) {
    ASSERT_EQ(r.criteria.size(), 4u) << r.id;
    EXPECT_EQ(r.criteria[0].id, "mission");
    EXPECT_EQ(r.criteria[1].id, "goal:purpose/social");
    EXPECT_EQ(r.criteria[2].id, "field:field/agriculture");
    EXPECT_EQ(r.criteria[3].id, "stage");
    double sum = 0;
    for (const Criterion& c : r.criteria) {
      sum += c.contribution;
      if (c.outcome == Outcome::missed || c.outcome == Outcome::unknown) {
        EXPECT_EQ(c.contribution, 0.0) << r.id << " " << c.id;
      }
    }
    EXPECT_NEAR(sum, r.score, 1e-12) << r.id;
    EXPECT_GE(r.score, 0.0);
    EXPECT_LE(r.score, 1.0 + 1e-12);
  }
}

TEST(Fit, ScoreIsTheWeightedShareOfStatedCriteria) {
  const FitWeights w;
  const double stated = w.mission + w.goals;
  FitResult r = fit(policy(), regional_social());
  // program/talent serves another goal: only the mission is met.
  EXPECT_NEAR(find(r, "program/talent").score, w.mission / stated, 1e-12);
  EXPECT_NEAR(find(r, "program/hub").score, 1.0, 1e-12);
  // A track inherits both facts from its parent, each partly.
  EXPECT_NEAR(find(r, "program/hub/nurturing").score, w.inherited, 1e-12);
  // The regional field names the mission itself, and inherits the goal.
  EXPECT_NEAR(find(r, "program/hub/full/regional").score,
              (w.mission + w.goals * w.inherited) / stated, 1e-12);
}

TEST(Fit, ACriterionTheDataSaysNothingAboutIsNotKnownAndCountsInTheDenominator) {
  const FitWeights w;
  FitResult r = fit(policy(), regional_social());
  // program/agri states no mission at all: not known, not silently dropped.
  const Recommendation& agri = find(r, "program/agri");
  EXPECT_EQ(criterion(agri, "mission").outcome, Outcome::unknown);
  EXPECT_TRUE(criterion(agri, "mission").paths.empty());
  EXPECT_NEAR(agri.score, w.goals / (w.mission + w.goals), 1e-12);
  // program/hub/full/global states another mission: missed, with what it states instead.
  const Criterion& global = criterion(find(r, "program/hub/full/global"), "mission");
  EXPECT_EQ(global.outcome, Outcome::missed);
  ASSERT_EQ(global.paths.size(), 1u);
  EXPECT_EQ(global.paths[0].nodes.back(), "mission/world");
}

TEST(Fit, AProgramTheDataSaysNothingAboutNeverOutranksOneThatMeetsTheCriterion) {
  Profile p;
  p.mission = "regional";
  p.stage = "stage/0";
  FitResult r = fit(policy(), p);
  // nurturing suits stage 0 and inherits the mission partly; talent and local state the
  // mission themselves but nothing about stages.
  EXPECT_EQ(criterion(find(r, "program/talent"), "stage").outcome, Outcome::unknown);
  EXPECT_EQ(criterion(find(r, "program/hub/nurturing"), "stage").outcome, Outcome::met);
  EXPECT_LT(rank(r, "program/hub/nurturing"), rank(r, "program/talent"));
  EXPECT_LT(rank(r, "program/hub/nurturing"), rank(r, "program/local"));
}

TEST(Fit, MetCriteriaCarryTheirPathsAndSources) {
  FitResult ranked = fit(policy(), regional_social());
  const Recommendation& r = find(ranked, "program/hub/nurturing");
  const Criterion& mission = criterion(r, "mission");
  EXPECT_EQ(mission.outcome, Outcome::partly);
  EXPECT_EQ(mission.how.en, "through its parent program program/hub");
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
  EXPECT_EQ(criterion(find(ranked, "program/hub/full/global"), "mission").outcome, Outcome::missed);
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

TEST(Fit, AnUmbrellaSuitsAStagePartlyThroughOneOfItsTracks) {
  Profile p;
  p.stage = "stage/0";
  FitResult stage_result = fit(policy(), p);
  const Criterion& stage = criterion(find(stage_result, "program/hub"), "stage");
  EXPECT_EQ(stage.outcome, Outcome::partly);
  EXPECT_EQ(stage.how.en, "through its track program/hub/nurturing");
  ASSERT_EQ(stage.paths.size(), 1u);
  EXPECT_EQ(stage.paths[0].nodes,
            (std::vector<std::string>{"program/hub", "program/hub/nurturing", "stage/0"}));
  EXPECT_EQ(stage.paths[0].forward, (std::vector<bool>{false, true}));
}

TEST(Fit, AProgramOpenToAnyFieldMeetsAFieldPartlyAndOneForOtherFieldsMissesIt) {
  Model m = policy_graph().open_program("program/quantum", {{"fields", "other"}}).build();
  Profile p;
  p.fields = {"services"};
  FitResult r = fit(m, p);
  const Criterion& any = criterion(find(r, "program/any-field"), "field:field/services");
  EXPECT_EQ(any.outcome, Outcome::partly);
  EXPECT_EQ(any.how.en, "open to any field");
  const Criterion& other = criterion(find(r, "program/quantum"), "field:field/services");
  EXPECT_EQ(other.outcome, Outcome::missed);
  EXPECT_EQ(other.how.en, "the program is for other fields");
  // A program that names the field itself is the more specific answer.
  p.fields = {"agriculture"};
  r = fit(m, p);
  EXPECT_LT(rank(r, "program/agri"), rank(r, "program/any-field"));
}

TEST(Fit, FieldsCount) {
  Profile p;
  p.fields = {"agriculture"};
  FitResult r = fit(policy(), p);
  EXPECT_EQ(r.results[0].id, "program/agri");
  EXPECT_NEAR(r.results[0].score, 1.0, 1e-12);
}

// ---- how a university takes part --------------------------------------------------------

TEST(Route, AProgramAUniversityFilesForIsEligibleAsLead) {
  FitResult hub_result = fit(policy(), regional_social());
  const Recommendation& hub = find(hub_result, "program/hub");
  EXPECT_EQ(hub.eligibility, Eligibility::eligible);
  ASSERT_EQ(hub.routes.size(), 1u);
  EXPECT_EQ(hub.routes[0].route, Route::lead);
  EXPECT_EQ(hub.routes[0].applicant, "applicant/university");
}

TEST(Route, APlanALocalGovernmentFilesIsConditionalWithoutThatPartnerNotExcluded) {
  FitResult local_result = fit(policy(), regional_social());
  const Recommendation& local = find(local_result, "program/local");
  EXPECT_EQ(local.eligibility, Eligibility::conditional);
  ASSERT_EQ(local.routes.size(), 1u);
  EXPECT_EQ(local.routes[0].route, Route::through);
  EXPECT_EQ(local.routes[0].applicant, "applicant/local-government");
  ASSERT_EQ(local.routes[0].needs.size(), 1u);
  EXPECT_EQ(local.routes[0].needs[0].id, "partner/local-government");
  EXPECT_FALSE(local.routes[0].needs[0].met);
  EXPECT_TRUE(says(local, "condition: needs a partner that files"));
}

TEST(Route, APlanALocalGovernmentFilesIsEligibleWithThePartner) {
  Profile p = regional_social();
  p.partners = {"local-government"};
  FitResult local_result = fit(policy(), p);
  const Recommendation& local = find(local_result, "program/local");
  EXPECT_EQ(local.eligibility, Eligibility::eligible);
  EXPECT_TRUE(local.routes[0].needs[0].met);
  // The paths show who files and which partner files as it.
  bool through_partner = false;
  for (const Path& path : local.paths) {
    through_partner |=
        path.nodes == std::vector<std::string>{"program/local", "applicant/local-government",
                                               "partner/local-government"};
  }
  EXPECT_TRUE(through_partner);
}

TEST(Route, AConsortiumMemberNeedsTheCompaniesItFormsTheConsortiumWith) {
  FitResult r_result = fit(policy(), regional_social());
  const Recommendation& r = find(r_result, "program/agri-consortium");
  EXPECT_EQ(r.eligibility, Eligibility::conditional);
  ASSERT_EQ(r.routes.size(), 1u);
  EXPECT_EQ(r.routes[0].route, Route::member);
  ASSERT_EQ(r.routes[0].needs.size(), 1u);  // the same partner is needed once
  EXPECT_EQ(r.routes[0].needs[0].id, "partner/companies");
  Profile p = regional_social();
  p.partners = {"companies"};
  EXPECT_EQ(find(fit(policy(), p), "program/agri-consortium").eligibility, Eligibility::eligible);
}

TEST(Route, AProgramWithNoWayInForAUniversityIsNotEligible) {
  FitResult r_result = fit(policy(), regional_social());
  const Recommendation& r = find(r_result, "program/gov-only");
  EXPECT_EQ(r.eligibility, Eligibility::not_eligible);
  EXPECT_TRUE(r.routes.empty());
  EXPECT_TRUE(says(r, "no way for a university to take part"));
}

TEST(Route, AMissingRequiredPartnerOfTheLeadIsAStatedCondition) {
  FitResult r_result = fit(policy(), regional_social());
  const Recommendation& r = find(r_result, "program/hub/full/regional");
  EXPECT_EQ(r.eligibility, Eligibility::conditional);
  EXPECT_TRUE(says(r, "condition: needs partner/local-government as a partner"));
}

TEST(Route, AnExcludedEstablishmentIsNotEligible) {
  Profile p = regional_social();
  p.establishment = "public";
  EXPECT_EQ(find(fit(policy(), p), "program/talent").eligibility, Eligibility::not_eligible);
  p.establishment = "";
  EXPECT_EQ(find(fit(policy(), p), "program/talent").eligibility, Eligibility::eligible);
}

TEST(Route, AnExclusionStatedForOneFiscalYearHoldsForThatYearAlone) {
  Model m = Graph()
                .node("applicant/university")
                .node("establishment/public")
                .open_program("program/p")
                .edge("program/p", Relation::applied_by, "applicant/university")
                .edge("program/p", Relation::excludes, "establishment/public", 2022)
                .build();
  Profile p;
  p.establishment = "public";
  p.fiscal_year = 2022;
  EXPECT_EQ(fit(m, p).results[0].eligibility, Eligibility::not_eligible);
  p.fiscal_year = 2024;
  EXPECT_EQ(fit(m, p).results[0].eligibility, Eligibility::eligible);
}

TEST(Route, APlaceAlreadyHeldIsNotEligibleWhereOnePerUniversity) {
  Model m = Graph()
                .node("applicant/university")
                .open_program("program/once", {{"places", "one-per-university"}})
                .open_program("program/again")
                .edge("program/once", Relation::applied_by, "applicant/university")
                .edge("program/again", Relation::applied_by, "applicant/university")
                .build();
  Profile p;
  p.holds = {"program/once", "program/again"};
  FitResult r = fit(m, p);
  EXPECT_EQ(find(r, "program/once").eligibility, Eligibility::not_eligible);
  EXPECT_TRUE(says(find(r, "program/once"), "already held (one per university)"));
  EXPECT_EQ(find(r, "program/again").eligibility, Eligibility::eligible);
  EXPECT_TRUE(says(find(r, "program/again"), "already held"));
}

// ---- calls by fiscal year ----------------------------------------------------------------

Model dated_calls() {
  return Graph()
      .node("applicant/university")
      .node("program/hub", {}, {call(CallStatus::open, 2023, 2024)})
      .node("program/hub/nurturing", {}, {call(CallStatus::open, 2023, 2024)})
      .node("program/hub/full", {}, {call(CallStatus::promotion_only, 2023, 2024)})
      .node("program/base", {}, {call(CallStatus::allocated)})
      .node("program/filled", {},
            {call(CallStatus::open, 2023), call(CallStatus::closed, 2025, 2026)})
      .node("program/opera", {}, {call(CallStatus::continuing_only, 2024)})
      .edge("program/hub", Relation::applied_by, "applicant/university")
      .edge("program/hub/nurturing", Relation::part_of, "program/hub")
      .edge("program/hub/full", Relation::part_of, "program/hub")
      .edge("program/hub/nurturing", Relation::promotes_to, "program/hub/full")
      .edge("program/filled", Relation::applied_by, "applicant/university")
      .edge("program/opera", Relation::part_of, "program/hub")
      .fiscal_year(2024)
      .build();
}

TEST(Call, APromotionOnlyYearIsNotEligibleUnlessTheEarlierTrackIsHeld) {
  FitResult r = fit(dated_calls(), {});
  const Recommendation& full = find(r, "program/hub/full");
  EXPECT_EQ(full.call.status, CallStatus::promotion_only);
  EXPECT_EQ(full.call.fiscal_year, 2024);
  EXPECT_EQ(full.eligibility, Eligibility::not_eligible);
  EXPECT_TRUE(says(full, "reached only by promotion review from program/hub/nurturing"));
  Profile p;
  p.holds = {"program/hub/nurturing"};
  FitResult promoted_result = fit(dated_calls(), p);
  const Recommendation& promoted = find(promoted_result, "program/hub/full");
  EXPECT_EQ(promoted.eligibility, Eligibility::eligible);
  ASSERT_EQ(promoted.routes.size(), 1u);
  EXPECT_EQ(promoted.routes[0].route, Route::promotion);
}

TEST(Call, ContinuingOnlyAndClosedYearsAreNotEligible) {
  FitResult r = fit(dated_calls(), {});
  EXPECT_EQ(find(r, "program/opera").eligibility, Eligibility::not_eligible);
  EXPECT_TRUE(says(find(r, "program/opera"), "continuing projects only in FY2024"));
  Profile p;
  p.fiscal_year = 2025;
  FitResult filled_result = fit(dated_calls(), p);
  const Recommendation& filled = find(filled_result, "program/filled");
  EXPECT_EQ(filled.call.status, CallStatus::closed);
  EXPECT_EQ(filled.eligibility, Eligibility::not_eligible);
}

TEST(Call, AllocatedIsEligibleWithoutACall) {
  FitResult base_result = fit(dated_calls(), {});
  const Recommendation& base = find(base_result, "program/base");
  EXPECT_EQ(base.call.status, CallStatus::allocated);
  EXPECT_EQ(base.eligibility, Eligibility::eligible);
  ASSERT_EQ(base.routes.size(), 1u);
  EXPECT_EQ(base.routes[0].route, Route::allocated);
}

TEST(Call, AYearNoEntryCoversIsNotKnownWithTheLastKnownYear) {
  FitResult r = fit(dated_calls(), {});
  const Recommendation& filled = find(r, "program/filled");  // 2023 and 2025-26 stated
  EXPECT_EQ(filled.call.status, std::nullopt);
  EXPECT_EQ(filled.call.last_known, 2023);
  EXPECT_EQ(filled.eligibility, Eligibility::unknown);
  EXPECT_TRUE(says(filled, "whether there is a call in FY2024 is not known (last known: FY2023)"));
}

TEST(Call, ATrackWithoutCallsReadsItsParents) {
  Model m = Graph()
                .node("applicant/university")
                .node("program/hub", {}, {call(CallStatus::open, 2024)})
                .node("program/hub/track")
                .edge("program/hub", Relation::applied_by, "applicant/university")
                .edge("program/hub/track", Relation::part_of, "program/hub")
                .fiscal_year(2024)
                .build();
  FitResult track_result = fit(m, {});
  const Recommendation& track = find(track_result, "program/hub/track");
  EXPECT_EQ(track.call.status, CallStatus::open);
  EXPECT_EQ(track.call.from, "program/hub");
  EXPECT_EQ(track.eligibility, Eligibility::eligible);
}

// ---- ranking -----------------------------------------------------------------------------

TEST(Rank, ResultsAreOrderedByScoreWhateverTheEligibility) {
  FitResult r = fit(policy(), regional_social());
  for (std::size_t i = 1; i < r.results.size(); ++i) {
    EXPECT_GE(r.results[i - 1].score + 1e-9, r.results[i].score) << r.results[i].id;
  }
  // program/old (continuing only) scores above eligible programs that meet less.
  EXPECT_LT(rank(r, "program/old"), rank(r, "program/talent"));
}

// docs/fit.md's tie order: what may be usable before what cannot be.
int usable_order(Eligibility e) {
  constexpr Eligibility order[] = {Eligibility::eligible, Eligibility::conditional,
                                   Eligibility::unknown, Eligibility::not_eligible};
  return static_cast<int>(std::find(std::begin(order), std::end(order), e) - std::begin(order));
}

// A program whose call that year is not known may yet be usable; one with no call is not. The
// closed one comes first by name, so only the eligibility can put the unknown one first.
TEST(Rank, AnUnknownCallRanksBeforeAClosedOneAtTheSameScore) {
  Graph g;
  g.node("mission/regional")
      .node("applicant/university")
      .node("program/a-closed", {}, {call(CallStatus::closed)})
      .node("program/b-not-known")
      .edge("program/a-closed", Relation::targets, "mission/regional")
      .edge("program/b-not-known", Relation::targets, "mission/regional")
      .edge("program/a-closed", Relation::applied_by, "applicant/university")
      .edge("program/b-not-known", Relation::applied_by, "applicant/university");
  Profile p;
  p.mission = "regional";
  FitResult r = fit(g.build(), p);
  ASSERT_EQ(r.results.size(), 2u);
  EXPECT_EQ(r.results[0].id, "program/b-not-known");
  EXPECT_EQ(r.results[0].eligibility, Eligibility::unknown);
  EXPECT_EQ(r.results[1].eligibility, Eligibility::not_eligible);
  EXPECT_EQ(r.results[0].score, r.results[1].score);
}

TEST(Rank, TiesBreakBySpecificityThenEligibilityThenName) {
  Profile p;
  p.mission = "regional";
  FitResult r = fit(policy(), p);
  for (std::size_t i = 1; i < r.results.size(); ++i) {
    const Recommendation& a = r.results[i - 1];
    const Recommendation& b = r.results[i];
    if (std::abs(a.score - b.score) > 1e-9) continue;
    if (a.specificity != b.specificity) {
      EXPECT_GT(a.specificity, b.specificity) << a.id << " " << b.id;
    } else if (a.eligibility != b.eligibility) {
      EXPECT_LT(usable_order(a.eligibility), usable_order(b.eligibility)) << a.id << " " << b.id;
    } else {
      EXPECT_LE(a.name.ja, b.name.ja) << a.id << " " << b.id;
    }
  }
  EXPECT_NE(ranking_order().ja.find("名称"), std::string::npos);
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
  EXPECT_EQ(r.criteria.size(), from_fit.criteria.size());
  EXPECT_EQ(r.reasons, from_fit.reasons);
  std::vector<std::string> nodes = explanation_nodes(r);
  EXPECT_EQ(nodes.front(), "program/hub/nurturing");
  EXPECT_NE(std::find(nodes.begin(), nodes.end(), "mission/regional"), nodes.end());
}

// The embedded COI-NEXT is filed by a university (lead) and joined by one (member, with the
// filing university's hub): both routes rest on edges from the program, each shown once.
TEST(Explain, ShowsEachPathOnce) {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation"};
  Recommendation r = explain(default_model(), "program/coi-next", p);
  ASSERT_GE(r.routes.size(), 2u);
  for (std::size_t i = 0; i < r.paths.size(); ++i) {
    for (std::size_t j = i + 1; j < r.paths.size(); ++j) {
      EXPECT_FALSE(r.paths[i] == r.paths[j]) << r.paths[i].nodes.back();
    }
  }
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
  EXPECT_NE(std::find(ids.begin(), ids.end(), "program/hub/nurturing"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "program/old"), ids.end());
}

TEST(Portfolio, ADurationKeepsTheUnitTheSourceCountsIn) {
  Node program;
  program.id = "program/short";
  program.kind = Kind::program;
  program.name = {"短期", "short"};
  program.calls = {call(CallStatus::open)};
  Figure duration;
  duration.name = "duration";
  duration.value = 2;
  duration.unit = Unit::fiscal_years;
  duration.qualifier = Qualifier::approx;
  program.figures.push_back(duration);
  ModelBuilder::EdgeSpec serves = test::edge("program/short", "purpose/talent", Relation::serves);
  ModelBuilder::EdgeSpec filer =
      test::edge("program/short", "applicant/university", Relation::applied_by);
  Model m = ModelBuilder::from(policy()).add_node(program).add_edge(serves).add_edge(filer).build();
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
