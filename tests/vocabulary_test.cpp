#include <gtest/gtest.h>

#include <kyoso/vocabulary.hpp>

namespace kyoso {
namespace {

TEST(Vocabulary, EveryKindAndRelationRoundTripsThroughItsName) {
  for (Kind k : all_kinds()) EXPECT_EQ(parse_kind(to_string(k)), k);
  for (Relation r : all_relations()) EXPECT_EQ(parse_relation(to_string(r)), r);
  EXPECT_EQ(all_kinds().size(), kind_count);
  EXPECT_EQ(all_relations().size(), relation_count);
}

TEST(Vocabulary, UnknownNamesAreRejected) {
  EXPECT_FALSE(parse_kind("programme"));
  EXPECT_FALSE(parse_relation("serve"));
  EXPECT_FALSE(parse_unit("yen"));
  EXPECT_FALSE(parse_qualifier("about"));
  EXPECT_FALSE(parse_lang("fr"));
}

TEST(Vocabulary, EveryRelationDeclaresTheKindsItConnects) {
  for (Relation r : all_relations()) EXPECT_FALSE(signature(r).empty()) << to_string(r);
}

TEST(Vocabulary, ServesGoesOnlyFromProgramToPurpose) {
  EXPECT_TRUE(allows(Relation::serves, Kind::program, Kind::purpose));
  EXPECT_FALSE(allows(Relation::serves, Kind::purpose, Kind::program));
  EXPECT_FALSE(allows(Relation::serves, Kind::program, Kind::university));
}

TEST(Vocabulary, PartOfAllowsTracksAndPillarsButNotPillarToProgram) {
  EXPECT_TRUE(allows(Relation::part_of, Kind::program, Kind::program));
  EXPECT_TRUE(allows(Relation::part_of, Kind::pillar, Kind::package));
  EXPECT_FALSE(allows(Relation::part_of, Kind::pillar, Kind::program));
}

TEST(Vocabulary, FlowsToConnectsStakeholdersAndOrganisations) {
  EXPECT_TRUE(allows(Relation::flows_to, Kind::stakeholder, Kind::org));
  EXPECT_TRUE(allows(Relation::flows_to, Kind::org, Kind::stakeholder));
  EXPECT_FALSE(allows(Relation::flows_to, Kind::program, Kind::org));
}

TEST(Vocabulary, TheNationalLayersRelationsConnectTheirKindsOnly) {
  EXPECT_TRUE(allows(Relation::located_in, Kind::university, Kind::prefecture));
  EXPECT_FALSE(allows(Relation::located_in, Kind::university, Kind::region));
  EXPECT_TRUE(allows(Relation::in_region, Kind::prefecture, Kind::region));
  EXPECT_TRUE(allows(Relation::succeeded_by, Kind::university, Kind::university));
  EXPECT_TRUE(allows(Relation::partners_in, Kind::university, Kind::program));
  EXPECT_TRUE(allows(Relation::candidate_for, Kind::university, Kind::program));
  EXPECT_FALSE(allows(Relation::candidate_for, Kind::program, Kind::university));
  EXPECT_TRUE(allows(Relation::chose_framework, Kind::university, Kind::framework));
  EXPECT_TRUE(allows(Relation::indicates, Kind::framework, Kind::mission));
  EXPECT_FALSE(allows(Relation::indicates, Kind::university, Kind::mission));
  EXPECT_EQ(kind_of_id("framework/regional-contribution"), Kind::framework);
}

TEST(Vocabulary, KindOfIdReadsThePrefix) {
  EXPECT_EQ(kind_of_id("program/coi-next/nurturing"), Kind::program);
  EXPECT_EQ(kind_of_id("org/jst"), Kind::org);
  EXPECT_FALSE(kind_of_id("coi-next"));
  EXPECT_FALSE(kind_of_id("nonsense/x"));
}

}  // namespace
}  // namespace kyoso
