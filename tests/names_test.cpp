// Names where ids are asked for (Model::resolve) and finding nodes by name (find_nodes): a
// name one node has is that node, a name several have is refused with the candidates, a name
// of another kind says what it names, and a miss suggests ids and names near it.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

Node named(const std::string& id, std::string ja, std::string en) {
  Node n = test::node(id);
  n.name = {std::move(ja), std::move(en)};
  return n;
}

// Two universities sharing an English name, a partner and an applicant sharing a Japanese
// one, and a program with a short form in brackets.
Model small_model() {
  ModelBuilder b;
  b.add_node(named("university/seisen-tokyo", "清泉女子大学", "Seisen University"));
  b.add_node(named("university/seisen-shiga", "聖泉大学", "Seisen University"));
  b.add_node(named("partner/local-government", "自治体", "Local government"));
  b.add_node(named("applicant/local-government", "自治体", "Local government"));
  b.add_node(named("program/coi-next", "共創の場形成支援プログラム（COI-NEXT）",
                   "Co-Creation Hub Formation Support Program (COI-NEXT)"));
  b.add_node(named("purpose/social-implementation", "社会実装", "Social implementation"));
  b.add_node(named("prefecture/iwate", "岩手県", "Iwate Prefecture"));
  b.add_node(named("university/iwate", "岩手大学", "Iwate University"));
  b.add_node(named("university/iwate-prefectural", "岩手県立大学", "Iwate Prefectural University"));
  return b.build();
}

// The error, which must be an AmbiguousNameError.
AmbiguousNameError ambiguous(const Model& m, std::string_view text,
                             std::optional<Kind> kind = std::nullopt) {
  try {
    m.resolve(text, kind);
  } catch (const AmbiguousNameError& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not refused as ambiguous: " << e.what();
    throw;
  }
  ADD_FAILURE() << "'" << text << "' was settled";
  return AmbiguousNameError("", {}, "");
}

TEST(Resolve, TakesAJapaneseOrEnglishNameOneNodeHas) {
  Model m = small_model();
  EXPECT_EQ(m.node(m.resolve("社会実装")).id, "purpose/social-implementation");
  EXPECT_EQ(m.node(m.resolve("Social implementation")).id, "purpose/social-implementation");
  EXPECT_EQ(m.node(m.resolve("social IMPLEMENTATION")).id, "purpose/social-implementation");
  EXPECT_EQ(m.node(m.resolve("岩手大学", Kind::university)).id, "university/iwate");
  EXPECT_EQ(m.node(m.resolve("  Iwate   University ")).id, "university/iwate");
}

TEST(Resolve, TakesTheShortFormInANamesBracketsAndFullWidthLetters) {
  Model m = small_model();
  EXPECT_EQ(m.node(m.resolve("COI-NEXT")).id, "program/coi-next");
  EXPECT_EQ(m.node(m.resolve("ｃｏｉ－ｎｅｘｔ")).id, "program/coi-next");
  EXPECT_EQ(m.node(m.resolve("ＣＯＩ－ＮＥＸＴ", Kind::program)).id, "program/coi-next");
}

TEST(Resolve, APrefectureAnswersToItsNameWithoutTheSuffix) {
  Model m = small_model();
  EXPECT_EQ(m.node(m.resolve("岩手")).id, "prefecture/iwate");
  EXPECT_EQ(m.node(m.resolve("岩手", Kind::prefecture)).id, "prefecture/iwate");
}

TEST(Resolve, AnIdStillWinsOverAName) {
  Model m = small_model();
  EXPECT_EQ(m.node(m.resolve("university/iwate")).id, "university/iwate");
  EXPECT_EQ(m.node(m.resolve("seisen-tokyo")).id, "university/seisen-tokyo");
}

TEST(Resolve, ANameSeveralNodesHaveIsRefusedWithTheCandidates) {
  Model m = small_model();
  AmbiguousNameError e = ambiguous(m, "Seisen University");
  EXPECT_EQ(e.candidates(),
            (std::vector<std::string>{"university/seisen-shiga", "university/seisen-tokyo"}));
  EXPECT_EQ(e.problem(),
            "'Seisen University' fits 2 nodes: university/seisen-shiga 聖泉大学, "
            "university/seisen-tokyo 清泉女子大学; give one of their ids");
  EXPECT_EQ(e.where().id, "Seisen University");
  // Also an UnknownIdError, for code that catches those.
  EXPECT_NE(dynamic_cast<const UnknownIdError*>(&e), nullptr);
}

TEST(Resolve, AnIdWithoutItsKindThatTwoKindsHaveIsRefused) {
  Model m = small_model();
  AmbiguousNameError e = ambiguous(m, "iwate");
  EXPECT_EQ(e.candidates(), (std::vector<std::string>{"prefecture/iwate", "university/iwate"}));
  EXPECT_EQ(ambiguous(m, "local-government").candidates().size(), 2u);
}

TEST(Resolve, TheKindAskedForSettlesAName) {
  Model m = small_model();
  ambiguous(m, "自治体");
  EXPECT_EQ(m.node(m.resolve("自治体", Kind::partner)).id, "partner/local-government");
  EXPECT_EQ(m.node(m.resolve("iwate", Kind::university)).id, "university/iwate");
  ambiguous(m, "Seisen University", Kind::university);
}

TEST(Resolve, ANodeOfAnotherKindIsNamedAsSuch) {
  Model m = small_model();
  auto e = refused_by<UnknownIdError>([&] { m.resolve("岩手県", Kind::university); });
  EXPECT_EQ(e.problem(),
            "'岩手県' is prefecture/iwate 岩手県, not a university (did you mean "
            "'university/iwate-prefectural'?)");
  EXPECT_EQ(e.suggestion(), "university/iwate-prefectural");
  auto by_id = refused_by<UnknownIdError>([&] { m.resolve("prefecture/iwate", Kind::university); });
  EXPECT_EQ(by_id.problem(),
            "'prefecture/iwate' is a prefecture, not a university (did you mean "
            "'university/iwate'?)");
}

TEST(Resolve, AMissedNameSuggestsNearNamesAndIds) {
  Model m = small_model();
  auto e = refused_by<UnknownIdError>([&] { m.resolve("岩手大"); });
  EXPECT_EQ(e.suggestion(), "university/iwate");
  EXPECT_NE(e.problem().find("unknown id or name '岩手大' (did you mean university/iwate 岩手大学"),
            std::string::npos);
  auto english = refused_by<UnknownIdError>([&] { m.resolve("Iwate Univ"); });
  EXPECT_EQ(english.suggestion(), "university/iwate");
}

TEST(Resolve, AMisspeltIdStillSuggestsTheNearestId) {
  Model m = small_model();
  auto e = refused_by<UnknownIdError>([&] { m.resolve("university/iwat"); });
  EXPECT_EQ(e.problem(), "unknown id 'university/iwat' (did you mean 'university/iwate'?)");
}

TEST(Resolve, ASmallVocabularyIsListedWhenNothingIsNear) {
  ModelBuilder b;
  b.add_node(named("mission/world-class", "世界と伍する研究大学", "World-class"));
  b.add_node(named("mission/regional-revitalization", "地方創生", "Regional revitalisation"));
  Model m = b.build();
  auto e = refused_by<UnknownIdError>([&] { m.resolve("地域貢献型", Kind::mission); });
  EXPECT_EQ(e.problem(),
            "unknown id or name '地域貢献型' (mission: mission/regional-revitalization 地方創生, "
            "mission/world-class 世界と伍する研究大学)");
}

TEST(Resolve, TheEmbeddedModelTakesTheNamesUsersType) {
  const Model& m = default_model();
  EXPECT_EQ(m.node(m.resolve("社会実装", Kind::purpose)).id, "purpose/social-implementation");
  EXPECT_EQ(m.node(m.resolve("岩手大学", Kind::university)).id, "university/iwate");
  EXPECT_EQ(m.node(m.resolve("COI-NEXT")).id, "program/coi-next");
  EXPECT_EQ(m.node(m.resolve("東北", Kind::region)).id, "region/tohoku");
  // Once a suggestion of stakeholder/state: two kinds have the slug.
  EXPECT_EQ(ambiguous(m, "iwate").candidates(),
            (std::vector<std::string>{"prefecture/iwate", "university/iwate"}));
}

// ---- find_nodes ---------------------------------------------------------------------------

std::vector<std::string> ids(const std::vector<Match>& found) {
  std::vector<std::string> out;
  for (const Match& m : found) out.push_back(m.id);
  return out;
}

TEST(FindNodes, ExactBeforePrefixBeforeInsideThenByKindAndLength) {
  Model m = small_model();
  std::vector<Match> found = find_nodes(m, "岩手");
  EXPECT_EQ(ids(found), (std::vector<std::string>{"prefecture/iwate", "university/iwate",
                                                  "university/iwate-prefectural"}));
  EXPECT_EQ(found[0].quality, MatchQuality::exact);
  EXPECT_EQ(found[1].quality, MatchQuality::prefix);
  EXPECT_EQ(found[1].matched, "name.ja");
  EXPECT_EQ(ids(find_nodes(m, "implementation")),
            (std::vector<std::string>{"purpose/social-implementation"}));
  EXPECT_EQ(find_nodes(m, "implementation")[0].quality, MatchQuality::substring);
}

TEST(FindNodes, MatchesIdsAndBothLanguagesAndKeepsToAKind) {
  Model m = small_model();
  EXPECT_EQ(ids(find_nodes(m, "seisen")),
            (std::vector<std::string>{"university/seisen-shiga", "university/seisen-tokyo"}));
  EXPECT_EQ(ids(find_nodes(m, "自治体", Kind::applicant)),
            (std::vector<std::string>{"applicant/local-government"}));
  EXPECT_TRUE(find_nodes(m, "nothing like it").empty());
}

TEST(FindNodes, AnEmptyTextIsRefused) {
  Model m = small_model();
  auto e = refused_by<Error>([&] { find_nodes(m, " 　"); });
  EXPECT_EQ(e.problem(), "find needs a text to look for");
}

TEST(FindNodes, AUniversityComesWithItsPrefecture) {
  const Model& m = default_model();
  std::vector<Match> found = find_nodes(m, "岩手", Kind::university);
  auto iwate = std::find_if(found.begin(), found.end(),
                            [](const Match& x) { return x.id == "university/iwate"; });
  ASSERT_NE(iwate, found.end());
  EXPECT_EQ(iwate->name.ja, "岩手大学");
  EXPECT_EQ(iwate->context, "prefecture/iwate");
  EXPECT_EQ(iwate->context_name.ja, "岩手県");
  EXPECT_EQ(find_nodes(m, "co-creation", Kind::program).size(), 3u);
}

}  // namespace
}  // namespace kyoso
