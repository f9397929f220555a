// profile_of reads a university's stored profile; fit_all ranks every university at once and
// must give exactly what fit() gives one university at a time.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <random>

#include "test_model.hpp"

namespace kyoso {
namespace {

using test::Graph;

// Two universities with stored profiles, one without, and programs that exercise every rule:
// a track that inherits, stages through tracks, a closed call, an exclusion and a program a
// partner applies for.
Model campus() {
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
      .node("establishment/private")
      .open_program("program/hub")
      .node("program/hub/nurturing")
      .node("program/hub/full")
      .open_program("program/local")
      .node("program/old", {}, {test::call(CallStatus::continuing_only)})
      .open_program("program/talent")
      .node("university/a")
      .node("university/b")
      .node("university/c")
      .edge("program/hub", Relation::targets, "mission/regional")
      .edge("program/hub", Relation::serves, "purpose/social")
      .edge("program/hub", Relation::applied_by, "applicant/university")
      .edge("program/hub/nurturing", Relation::part_of, "program/hub")
      .edge("program/hub/full", Relation::part_of, "program/hub")
      .edge("program/hub/nurturing", Relation::suits_stage, "stage/0")
      .edge("program/hub/full", Relation::suits_stage, "stage/2")
      .edge("program/hub/full", Relation::targets, "mission/world")
      .edge("program/local", Relation::serves, "purpose/social")
      .edge("program/local", Relation::applied_by, "applicant/local-government")
      .edge("program/local", Relation::involves, "applicant/university")
      .edge("partner/local-government", Relation::applies_as, "applicant/local-government")
      .edge("program/old", Relation::serves, "purpose/social")
      .edge("program/talent", Relation::serves, "purpose/talent")
      .edge("program/talent", Relation::suits_field, "field/agriculture")
      .edge("program/talent", Relation::excludes, "establishment/public")
      .edge("university/a", Relation::has_mission, "mission/regional")
      .edge("university/a", Relation::pursues, "purpose/talent")
      .edge("university/a", Relation::pursues, "purpose/social")
      .edge("university/a", Relation::works_in, "field/agriculture")
      .edge("university/a", Relation::reached_stage, "stage/0")
      .edge("university/a", Relation::has_partner, "partner/local-government")
      .edge("university/a", Relation::established_as, "establishment/public")
      .edge("university/a", Relation::awarded, "program/old")
      .edge("university/b", Relation::has_mission, "mission/world")
      .edge("university/b", Relation::pursues, "purpose/talent")
      .edge("university/b", Relation::reached_stage, "stage/2")
      .edge("university/b", Relation::established_as, "establishment/private")
      .build();
}

TEST(ProfileOf, ReadsTheStoredProfileWithIdsInFullAndListsInIdOrder) {
  Profile p = profile_of(campus(), "university/a");
  EXPECT_EQ(p.mission, "mission/regional");
  EXPECT_EQ(p.goals, (std::vector<std::string>{"purpose/social", "purpose/talent"}));
  EXPECT_EQ(p.fields, (std::vector<std::string>{"field/agriculture"}));
  EXPECT_EQ(p.stage, "stage/0");
  EXPECT_EQ(p.partners, (std::vector<std::string>{"partner/local-government"}));
  EXPECT_EQ(p.holds, (std::vector<std::string>{"program/old"}));
  EXPECT_EQ(p.establishment, "establishment/public");
  EXPECT_EQ(p.applicant, "applicant/university");
}

TEST(ProfileOf, AcceptsTheSlugAlone) {
  EXPECT_EQ(profile_of(campus(), "b").mission, "mission/world");
}

TEST(ProfileOf, AUniversityWithoutAStoredProfileHasAnEmptyOne) {
  Profile p = profile_of(campus(), "university/c");
  EXPECT_TRUE(p.mission.empty());
  EXPECT_TRUE(p.goals.empty());
  EXPECT_TRUE(p.stage.empty());
}

TEST(ProfileOf, TheEmbeddedModelsUniversitiesHoldWhatTheyWereAwarded) {
  Profile p = profile_of(default_model(), "university/tohoku");
  // The core's award and the national layer's WPI centres (AIMR, AIMEC).
  EXPECT_EQ(p.holds, (std::vector<std::string>{"program/international-excellence", "program/wpi"}));
  EXPECT_TRUE(p.mission.empty());
}

TEST(ProfileOf, AnUnknownUniversityIsAnUnknownIdError) {
  EXPECT_THROW(profile_of(campus(), "university/z"), UnknownIdError);
  EXPECT_THROW(profile_of(campus(), "program/hub"), UnknownIdError);
}

// The ranking fit() gives, as fit_all reports it.
std::vector<RankedProgram> one_at_a_time(const Model& m, const std::string& university,
                                         const FitWeights& weights) {
  FitResult r = fit(m, profile_of(m, university), weights);
  std::vector<RankedProgram> out;
  for (const Recommendation& rec : r.results) out.push_back({rec.id, rec.score, rec.eligibility});
  return out;
}

bool same_profile(const Profile& a, const Profile& b) {
  return a.mission == b.mission && a.goals == b.goals && a.fields == b.fields &&
         a.stage == b.stage && a.partners == b.partners && a.holds == b.holds &&
         a.establishment == b.establishment && a.applicant == b.applicant;
}

void expect_same_as_fit(const Model& m, const FitWeights& weights = {}, unsigned threads = 0) {
  std::vector<UniversityFit> all = fit_all(m, weights, threads);
  std::span<const NodeIndex> universities = m.nodes_of_kind(Kind::university);
  ASSERT_EQ(all.size(), universities.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string& id = m.node(universities[i]).id;
    ASSERT_EQ(all[i].university, id);
    ASSERT_TRUE(same_profile(all[i].profile, profile_of(m, id))) << id;
    // operator== compares the scores exactly, not within a tolerance.
    ASSERT_EQ(all[i].ranking, one_at_a_time(m, id, weights)) << id;
  }
}

TEST(FitAll, GivesFitsRankingForEveryUniversity) { expect_same_as_fit(campus()); }

TEST(FitAll, GivesFitsRankingOnASyntheticNationalModel) {
  SynthOptions o;
  o.universities = 150;
  o.programs = 80;
  o.stakeholders = 300;
  o.edges = 5'000;
  o.seed = 3;
  expect_same_as_fit(synthesize(o));
}

TEST(FitAll, GivesFitsRankingUnderOtherWeights) {
  SynthOptions o;
  o.universities = 60;
  o.programs = 60;
  o.stakeholders = 100;
  o.edges = 2'000;
  Model m = synthesize(o);
  expect_same_as_fit(m, FitWeights{0.1, 0.2, 0.3, 0.4, 0.0});
  expect_same_as_fit(m, FitWeights{1.0, 0.0, 0.0, 1.0, 1.0});
  // Criteria that all weigh nothing would score every program 0: both refuse them.
  const FitWeights nothing{0.0, 0.0, 0.0, 0.0, 0.5};
  EXPECT_THROW(fit_all(m, nothing), Error);
  EXPECT_THROW(fit(m, profile_of(m, m.node(m.nodes_of_kind(Kind::university)[0]).id), nothing),
               Error);
}

TEST(FitAll, TheAnswerDoesNotDependOnTheNumberOfThreads) {
  SynthOptions o;
  o.universities = 100;
  o.programs = 40;
  o.stakeholders = 100;
  o.edges = 3'000;
  Model m = synthesize(o);
  std::vector<UniversityFit> one = fit_all(m, {}, 1);
  for (unsigned threads : {2u, 3u, 16u}) {
    std::vector<UniversityFit> many = fit_all(m, {}, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].university, one[i].university);
      EXPECT_EQ(many[i].ranking, one[i].ranking);
    }
  }
}

TEST(FitAll, RanksTheCampusAsFitDoes) {
  Model m = campus();
  std::vector<UniversityFit> all = fit_all(m, {}, 1);
  ASSERT_EQ(all.size(), 3u);
  const std::vector<RankedProgram>& a = all[0].ranking;
  // University a: its partner applies for program/local; program/talent excludes public
  // universities; program/old is closed.
  auto find = [&](const char* id) {
    for (const RankedProgram& r : a) {
      if (r.program == id) return r;
    }
    throw std::runtime_error(id);
  };
  EXPECT_EQ(find("program/local").eligibility, Eligibility::eligible);
  EXPECT_EQ(find("program/talent").eligibility, Eligibility::not_eligible);
  EXPECT_EQ(find("program/old").eligibility, Eligibility::not_eligible);
  EXPECT_EQ(a.front().program, "program/hub");
}

TEST(FitAll, AModelWithoutUniversitiesGivesNothing) {
  Model m = Graph().node("applicant/university").node("program/x").build();
  EXPECT_TRUE(fit_all(m).empty());
}

TEST(FitAll, RefusesTheWeightsFitRefuses) {
  EXPECT_THROW(fit_all(campus(), FitWeights{-1, 0, 0, 0, 0.5}), Error);
  EXPECT_THROW(fit_all(campus(), FitWeights{1, 0, 0, 0, 2}), Error);
}

// --- rank(): fit()'s ranking for any one profile --------------------------------------------

std::vector<RankedProgram> ranking_of(const FitResult& r) {
  std::vector<RankedProgram> out;
  for (const Recommendation& rec : r.results) out.push_back({rec.id, rec.score, rec.eligibility});
  return out;
}

// Random profiles drawn from the model's own ids, with repeats, bare slugs and empty parts.
Profile random_profile(const Model& m, std::mt19937_64& draw) {
  auto pick = [&](Kind kind) -> std::string {
    std::span<const NodeIndex> ids = m.nodes_of_kind(kind);
    if (ids.empty() || draw() % 4 == 0) return {};
    return m.node(ids[draw() % ids.size()]).id;
  };
  auto some = [&](Kind kind) {
    std::vector<std::string> out;
    for (std::size_t n = draw() % 4; n > 0; --n) {
      if (std::string id = pick(kind); !id.empty()) out.push_back(id);
    }
    return out;
  };
  Profile p;
  p.mission = pick(Kind::mission);
  p.goals = some(Kind::purpose);
  if (!p.goals.empty() && draw() % 3 == 0) p.goals.push_back(p.goals.front());  // a repeat
  p.fields = some(Kind::field);
  p.stage = pick(Kind::stage);
  p.partners = some(Kind::partner);
  p.holds = some(Kind::program);
  p.establishment = pick(Kind::establishment);
  if (draw() % 5 == 0) p.applicant = pick(Kind::applicant);
  return p;
}

TEST(Rank, GivesFitsRankingForRandomProfiles) {
  SynthOptions o;
  o.universities = 30;
  o.programs = 40;
  o.stakeholders = 100;
  o.edges = 1'500;
  const Model synthetic = synthesize(o);
  std::mt19937_64 draw(7);
  for (const Model* m : {&default_model(), &synthetic}) {
    for (int i = 0; i < 300; ++i) {
      Profile p = random_profile(*m, draw);
      FitWeights w;
      if (i % 3 == 0) w = FitWeights{0.1, 0.6, 0.2, 0.4, 0.25};
      // operator== compares the scores exactly.
      ASSERT_EQ(rank(*m, p, w), ranking_of(fit(*m, p, w))) << "profile " << i;
    }
  }
}

TEST(Rank, AcceptsBareSlugsAndRefusesUnknownIdsAndBadWeights) {
  Profile bare;
  bare.mission = "regional-revitalization";
  bare.goals = {"social-implementation"};
  Profile full = resolve_profile(default_model(), bare);
  EXPECT_EQ(rank(default_model(), bare), ranking_of(fit(default_model(), full)));
  Profile unknown;
  unknown.goals = {"purpose/social-implementaton"};
  EXPECT_THROW(rank(default_model(), unknown), UnknownIdError);
  EXPECT_THROW(rank(default_model(), bare, FitWeights{-1, 0, 0, 0, 0.5}), Error);
}

}  // namespace
}  // namespace kyoso
