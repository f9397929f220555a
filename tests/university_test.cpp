// A university's profile derived from the model (derive_profile) and the universities table
// (universities): the mission from the support framework only on sure enough evidence, a
// stored part before a derived one, holdings with their partial lists, and the filters.
#include <gtest/gtest.h>

#include <algorithm>
#include <kyoso/kyoso.hpp>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

std::vector<const ProfileFact*> facts(const UniversityProfile& p, std::string_view part) {
  std::vector<const ProfileFact*> out;
  for (const ProfileFact& f : p.facts) {
    if (f.part == part) out.push_back(&f);
  }
  return out;
}

const ProfileFact& fact(const UniversityProfile& p, std::string_view part, std::string_view value) {
  for (const ProfileFact& f : p.facts) {
    if (f.part == part && f.value == value) return f;
  }
  throw std::runtime_error("no fact " + std::string(part) + " " + std::string(value));
}

bool mentions(const Text& text, std::string_view words) {
  return text.en.find(words) != std::string::npos;
}

// ---- on small models -----------------------------------------------------------------------

ModelBuilder::EdgeSpec edge(std::string source, Relation relation, std::string target,
                            Certainty certainty = Certainty::certain) {
  ModelBuilder::EdgeSpec e = test::edge(std::move(source), std::move(target), relation);
  e.certainty = certainty;
  e.detail.sources.push_back(Source{"", "", "", "MEXT", "list", "", ""});
  return e;
}

// Three frameworks, each evidence of a mission, and universities choosing them.
ModelBuilder frameworks() {
  ModelBuilder b;
  for (const char* id :
       {"mission/regional", "mission/world", "framework/one", "framework/three", "university/a",
        "university/b", "university/c", "university/d", "program/p", "field/farming",
        "field/making", "establishment/national", "applicant/university"}) {
    b.add_node(test::node(id));
  }
  b.add_edge(edge("framework/one", Relation::indicates, "mission/regional", Certainty::high));
  b.add_edge(edge("framework/three", Relation::indicates, "mission/world", Certainty::high));
  return b;
}

TEST(DeriveProfile, AFrameworkChoiceOfMediumCertaintyOrBetterGivesItsMission) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/one", Certainty::medium));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.mission, "mission/regional");
  const ProfileFact& mission = fact(p, "mission", "mission/regional");
  EXPECT_TRUE(mission.used);
  EXPECT_EQ(mission.certainty, Certainty::medium);  // the weaker of medium and high
  EXPECT_EQ(mission.path.nodes,
            (std::vector<std::string>{"university/a", "framework/one", "mission/regional"}));
  EXPECT_EQ(mission.path.relations,
            (std::vector<Relation>{Relation::chose_framework, Relation::indicates}));
  EXPECT_EQ(mission.sources.size(), 1u);
}

TEST(DeriveProfile, AChoiceTheSourcesDoNotSettleGivesNoMissionAndSaysSo) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/one", Certainty::unknown));
  b.add_edge(
      edge("university/a", Relation::chose_framework, "framework/three", Certainty::unknown));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.mission, "");
  ASSERT_EQ(facts(p, "mission").size(), 2u);
  for (const ProfileFact* f : facts(p, "mission")) {
    EXPECT_FALSE(f->used);
    EXPECT_EQ(f->certainty, Certainty::unknown);
    EXPECT_TRUE(mentions(f->text, "the sources do not say which framework")) << f->text.en;
  }
}

TEST(DeriveProfile, SureEvidenceForTwoMissionsGivesNone) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/one", Certainty::high));
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/three", Certainty::high));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.mission, "");
  EXPECT_TRUE(mentions(facts(p, "mission")[0]->text, "more than one mission"));
}

TEST(DeriveProfile, AStoredMissionWinsOverTheFramework) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/one", Certainty::high));
  b.add_edge(edge("university/a", Relation::has_mission, "mission/world"));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.mission, "mission/world");
  ASSERT_EQ(facts(p, "mission").size(), 1u);
  EXPECT_TRUE(mentions(facts(p, "mission")[0]->text, "stored in the model (has_mission)"));
}

TEST(DeriveProfile, NoFrameworkSaysHowToAddAMissionAndWhatThePredecessorsChose) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/b", Relation::succeeded_by, "university/a"));
  b.add_edge(edge("university/b", Relation::chose_framework, "framework/one", Certainty::high));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  ASSERT_EQ(facts(p, "mission").size(), 1u);
  const ProfileFact& none = *facts(p, "mission")[0];
  EXPECT_FALSE(none.used);
  EXPECT_EQ(none.value, "");
  EXPECT_TRUE(mentions(none.text, "add one with --mission"));
  EXPECT_TRUE(mentions(none.text, "predecessor university/b: framework/one"))
      << none.text.en;  // test nodes have no label: the id stands in
}

TEST(DeriveProfile, GoalsAndStageAreNeverDerivedAndTheFactsSaySo) {
  Model m = frameworks().build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_TRUE(p.profile.goals.empty());
  EXPECT_EQ(p.profile.stage, "");
  EXPECT_TRUE(mentions(facts(p, "goals").at(0)->text, "--goal"));
  EXPECT_TRUE(mentions(facts(p, "stage").at(0)->text, "--stage"));
}

TEST(DeriveProfile, FieldsOfUnknownCertaintyAreShownNotUsed) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("university/a", Relation::works_in, "field/farming", Certainty::medium));
  b.add_edge(edge("university/a", Relation::works_in, "field/making", Certainty::unknown));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.fields, (std::vector<std::string>{"field/farming"}));
  EXPECT_FALSE(fact(p, "fields", "field/making").used);
  EXPECT_EQ(profile_of(m, "university/a").fields, p.profile.fields);
}

TEST(DeriveProfile, AnAwardOnAPartialListIsMarkedAndAPartnershipIsNotHeld) {
  ModelBuilder b = frameworks();
  b.add_node(test::node("program/q", {}, {{"awarded_list", "partial"}}));
  b.add_node(test::node("program/q/track"));
  b.add_edge(edge("program/q/track", Relation::part_of, "program/q"));
  ModelBuilder::EdgeSpec award = edge("university/a", Relation::awarded, "program/q/track");
  award.fiscal_year = 2022;
  award.detail.attributes = {{"round", "1"}};
  b.add_edge(std::move(award));
  b.add_edge(edge("university/a", Relation::partners_in, "program/p"));
  Model m = b.build();
  UniversityProfile p = derive_profile(m, "university/a");
  EXPECT_EQ(p.profile.holds, (std::vector<std::string>{"program/q/track"}));
  const ProfileFact& held = fact(p, "holds", "program/q/track");
  EXPECT_TRUE(held.partial_list);  // the track says nothing: its program's list is partial
  EXPECT_EQ(held.fiscal_year, 2022);
  EXPECT_EQ(held.attributes.at("round"), "1");
  EXPECT_FALSE(fact(p, "partner_in", "program/p").used);
}

// A profile is the university's as of a fiscal year: an award of a later year is shown but
// not yet held, in derive_profile and in fit_all alike (both as of the model's year).
TEST(DeriveProfile, AnAwardOfALaterYearIsNotYetHeld) {
  ModelBuilder b = frameworks();
  ModelInfo info;
  info.id = "m";
  info.fiscal_year = 2024;
  b.info(info);
  for (auto [program, year] : {std::pair{"program/p", 2023}, std::pair{"program/later", 2025}}) {
    if (std::string(program) == "program/later") b.add_node(test::node(program));
    ModelBuilder::EdgeSpec award = edge("university/a", Relation::awarded, program);
    award.fiscal_year = year;
    b.add_edge(std::move(award));
  }
  b.add_edge(edge("university/a", Relation::works_in, "field/farming"));
  Model m = b.build();

  UniversityProfile now = derive_profile(m, "university/a");
  EXPECT_EQ(now.profile.holds, (std::vector<std::string>{"program/p"}));
  const ProfileFact& later = fact(now, "holds", "program/later");
  EXPECT_FALSE(later.used);
  EXPECT_TRUE(mentions(later.text, "not yet held in FY2024")) << later.text.en;
  EXPECT_EQ(profile_of(m, "university/a").holds, now.profile.holds);
  EXPECT_EQ(fit_all(m).at(0).profile.holds, now.profile.holds);

  UniversityProfile then = derive_profile(m, "university/a", 2025);
  EXPECT_EQ(then.profile.holds, (std::vector<std::string>{"program/later", "program/p"}));
  EXPECT_TRUE(fact(then, "holds", "program/later").used);
  EXPECT_EQ(derive_profile(m, "university/a", 2022).profile.holds, std::vector<std::string>{});
}

TEST(DeriveProfile, FitAllRanksEveryUniversityByItsDerivedProfile) {
  ModelBuilder b = frameworks();
  b.add_edge(edge("program/p", Relation::targets, "mission/regional"));
  b.add_edge(edge("university/a", Relation::chose_framework, "framework/one", Certainty::high));
  b.add_edge(edge("university/b", Relation::chose_framework, "framework/one", Certainty::unknown));
  Model m = b.build();
  std::vector<UniversityFit> all = fit_all(m);
  for (const UniversityFit& u : all) {
    std::string id = m.node(u.university).id;
    EXPECT_EQ(u.ranking, rank(m, profile_of(m, id))) << id;
  }
  EXPECT_EQ(all[0].ranking.at(0).score, 1.0);  // university/a: its mission from ①
  EXPECT_EQ(all[1].ranking.at(0).score, 0.0);  // university/b: ① not settled
}

TEST(DeriveProfile, AnotherKindOrAMisspeltIdIsRefused) {
  Model m = frameworks().build();
  auto other = refused_by<UnknownIdError>([&] { derive_profile(m, "program/p"); });
  EXPECT_NE(other.problem().find("'program/p' is a program, not a university"), std::string::npos);
  auto typo = refused_by<UnknownIdError>([&] { derive_profile(m, "university/e"); });
  EXPECT_FALSE(typo.suggestion().empty());
}

// ---- on the embedded model ----------------------------------------------------------------

TEST(DeriveProfile, IwateIsANationalUniversityOfTohokuWithTheRegionalMission) {
  const Model& m = default_model();
  UniversityProfile p = derive_profile(m, "岩手大学");
  EXPECT_EQ(p.university, "university/iwate");
  EXPECT_EQ(p.profile.mission, "mission/regional-revitalization");
  const ProfileFact& mission = fact(p, "mission", "mission/regional-revitalization");
  EXPECT_EQ(mission.path.nodes.at(1), "framework/regional-contribution");
  EXPECT_EQ(mission.certainty, Certainty::high);
  EXPECT_FALSE(mission.sources.empty());
  EXPECT_EQ(p.profile.establishment, "establishment/national");
  EXPECT_NE(std::find(p.profile.fields.begin(), p.profile.fields.end(), "field/agriculture"),
            p.profile.fields.end());
  EXPECT_NE(fact(p, "fields", "field/agriculture").text.en.find("農学部"), std::string::npos);
  EXPECT_EQ(fact(p, "region", "region/tohoku").path.length(), 2u);
  EXPECT_FALSE(fact(p, "region", "region/tohoku").used);
}

// Certified in FY2025: held from then, not yet as of the model's FY2024, when it applied.
TEST(DeriveProfile, InstituteOfScienceTokyoHoldsItsCertificationFromFy2025ButNoFramework) {
  const Model& m = default_model();
  UniversityProfile p = derive_profile(m, "東京科学大学");
  EXPECT_EQ(p.profile.mission, "");
  EXPECT_TRUE(mentions(facts(p, "mission").at(0)->text, "predecessor"));
  const ProfileFact& certified = fact(p, "holds", "program/international-excellence");
  EXPECT_EQ(certified.attributes.at("status"), "certified");
  EXPECT_EQ(certified.fiscal_year, 2025);
  EXPECT_FALSE(certified.partial_list);
  EXPECT_FALSE(certified.sources.empty());
  EXPECT_FALSE(certified.used);
  EXPECT_TRUE(p.profile.holds.empty());
  EXPECT_EQ(p.profile.fields, (std::vector<std::string>{"field/manufacturing"}));
  EXPECT_EQ(derive_profile(m, "東京科学大学", 2025).profile.holds,
            (std::vector<std::string>{"program/international-excellence"}));
}

TEST(DeriveProfile, APublicUniversityHasNoFrameworkAndSoNoMission) {
  UniversityProfile p = derive_profile(default_model(), "university/akita-prefectural");
  EXPECT_EQ(p.profile.establishment, "establishment/public");
  EXPECT_EQ(p.profile.mission, "");
  EXPECT_TRUE(mentions(facts(p, "mission").at(0)->text, "national universities chose one"));
  EXPECT_NE(std::find(p.profile.fields.begin(), p.profile.fields.end(), "field/agriculture"),
            p.profile.fields.end());
}

TEST(DeriveProfile, APrivateUniversityKeepsItsAwardWithRoundAndYear) {
  UniversityProfile p = derive_profile(default_model(), "Keio University");
  EXPECT_EQ(p.profile.establishment, "establishment/private");
  EXPECT_NE(std::find(p.profile.holds.begin(), p.profile.holds.end(), "program/j-peaks"),
            p.profile.holds.end());
  const ProfileFact& award = fact(p, "holds", "program/j-peaks");
  EXPECT_EQ(award.fiscal_year, 2023);
  EXPECT_EQ(award.attributes.at("round"), "1");
  EXPECT_EQ(award.attributes.at("role"), "lead");
}

// ---- the universities table ---------------------------------------------------------------

TEST(Universities, JPeaksHasExactlyItsTwentyFiveLeadsWithRoundAndYear) {
  UniversityFilter filter;
  filter.holds = {"J-PEAKS"};
  std::vector<University> rows = universities(default_model(), filter);
  ASSERT_EQ(rows.size(), 25u);
  for (const University& u : rows) {
    auto award = std::find_if(u.holdings.begin(), u.holdings.end(), [](const Holding& h) {
      return h.program == "program/j-peaks" && h.relation == Relation::awarded;
    });
    ASSERT_NE(award, u.holdings.end()) << u.id;
    EXPECT_TRUE(award->fiscal_year == 2023 || award->fiscal_year == 2024) << u.id;
    EXPECT_EQ(award->attributes.at("round"), award->fiscal_year == 2023 ? "1" : "2") << u.id;
  }
  EXPECT_TRUE(lists_partial(default_model(), filter.holds).empty());
}

TEST(Universities, FiltersByPlaceFrameworkFieldAndWhatIsNotKnownToBeHeld) {
  const Model& m = default_model();
  UniversityFilter in_iwate;
  in_iwate.prefecture = "岩手県";
  std::vector<University> iwate = universities(m, in_iwate);
  EXPECT_EQ(iwate.size(), 6u);
  for (const University& u : iwate) EXPECT_EQ(u.region, "region/tohoku");

  UniversityFilter regional;
  regional.framework = "regional-contribution";
  EXPECT_EQ(universities(m, regional).size(), 55u);

  UniversityFilter question = regional;
  question.fields = {"agriculture"};
  question.lacks = {"j-peaks", "coi-next"};
  std::vector<University> rows = universities(m, question);
  EXPECT_FALSE(rows.empty());
  for (const University& u : rows) {
    EXPECT_TRUE(std::any_of(u.fields.begin(), u.fields.end(),
                            [](const FieldLink& f) { return f.field == "field/agriculture"; }));
    for (const Holding& h : u.holdings) {
      if (h.relation == Relation::awarded) {
        EXPECT_NE(h.program, "program/j-peaks");
        EXPECT_FALSE(h.program.starts_with("program/coi-next")) << u.id;
      }
    }
  }
  // 弘前大学 holds a COI-NEXT field: a track counts for its program.
  EXPECT_TRUE(std::none_of(rows.begin(), rows.end(),
                           [](const University& u) { return u.id == "university/hirosaki"; }));
  EXPECT_EQ(lists_partial(m, question.lacks), (std::vector<std::string>{"program/coi-next"}));
}

TEST(Universities, AFilterNamingNothingOfItsKindIsRefused) {
  UniversityFilter filter;
  filter.prefecture = "岩手大学";
  auto e = refused_by<UnknownIdError>([&] { universities(default_model(), filter); });
  EXPECT_NE(e.problem().find("not a prefecture"), std::string::npos);
}

TEST(Universities, ARowCarriesNamesCodePlaceFieldsAndFramework) {
  University u = university(default_model(), "iwate");
  EXPECT_EQ(u.name.ja, "岩手大学");
  EXPECT_EQ(u.mext_code, "F103110100731");
  EXPECT_EQ(u.prefecture_name.ja, "岩手県");
  EXPECT_EQ(u.region, "region/tohoku");
  ASSERT_EQ(u.frameworks.size(), 1u);
  EXPECT_EQ(u.frameworks[0].label, "①");
  EXPECT_EQ(u.frameworks[0].certainty, Certainty::high);
}

}  // namespace
}  // namespace kyoso
