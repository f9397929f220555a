// The builder's validation and the frozen model's look-ups.
#include <gtest/gtest.h>

#include <algorithm>
#include <kyoso/kyoso.hpp>
#include <span>
#include <thread>

namespace kyoso {
namespace {

Node make_node(std::string id, Kind kind, std::string ja = "名前", std::string en = "name") {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.name = {std::move(ja), std::move(en)};
  return n;
}

ModelBuilder::EdgeSpec make_edge(std::string source, std::string target, Relation relation) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  return e;
}

// program/coi-next with two tracks, one purpose and one mission.
ModelBuilder small_builder() {
  ModelBuilder b;
  b.add_node(
      make_node("program/coi-next", Kind::program, "共創の場形成支援プログラム", "COI-NEXT"));
  b.add_node(make_node("program/coi-next/nurturing", Kind::program, "育成型", "nurturing"));
  b.add_node(make_node("program/coi-next/full-scale", Kind::program, "本格型", "full-scale"));
  b.add_node(make_node("purpose/social-implementation", Kind::purpose, "社会実装", "social"));
  b.add_node(make_node("mission/regional-revitalization", Kind::mission, "地方創生", "regional"));
  b.add_edge(make_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  b.add_edge(make_edge("program/coi-next", "mission/regional-revitalization", Relation::targets));
  b.add_edge(make_edge("program/coi-next/nurturing", "program/coi-next", Relation::part_of));
  b.add_edge(make_edge("program/coi-next/full-scale", "program/coi-next", Relation::part_of));
  b.add_edge(make_edge("program/coi-next/nurturing", "program/coi-next/full-scale",
                       Relation::promotes_to));
  return b;
}

TEST(ModelBuilder, BuildsAFrozenModelWithEveryNodeAndEdge) {
  Model m = small_builder().build();
  EXPECT_EQ(m.node_count(), 5u);
  EXPECT_EQ(m.edge_count(), 5u);
  ASSERT_TRUE(m.find("program/coi-next"));
  EXPECT_EQ(m.node("program/coi-next").name.en, "COI-NEXT");
  EXPECT_FALSE(m.find("program/nothing"));
}

TEST(ModelBuilder, RefusesAnEdgeWhoseEndsAreOfTheWrongKinds) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("purpose/social-implementation", "program/coi-next", Relation::serves),
             "/graph/edges/9");
  try {
    b.build();
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().pointer, "/graph/edges/9");
    EXPECT_NE(std::string(e.what()).find("'serves' cannot connect purpose -> program"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("program -> purpose"), std::string::npos) << e.what();
  }
}

TEST(ModelBuilder, RefusesADanglingEdgeAndSuggestsTheNearestId) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("program/coi-nxt", "purpose/social-implementation", Relation::serves),
             "/graph/edges/5");
  try {
    b.build();
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().pointer, "/graph/edges/5/source");
    EXPECT_EQ(e.where().id, "program/coi-nxt");
    EXPECT_NE(std::string(e.what()).find("did you mean 'program/coi-next'"), std::string::npos)
        << e.what();
  }
}

TEST(ModelBuilder, RefusesADuplicateNodeIdNamingBothPlaces) {
  ModelBuilder b = small_builder();
  b.add_node(make_node("purpose/social-implementation", Kind::purpose), "/second");
  try {
    b.build();
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().id, "purpose/social-implementation");
    EXPECT_EQ(e.where().pointer, "/second");
    EXPECT_NE(e.problem().find("duplicate node id"), std::string::npos);
  }
}

TEST(ModelBuilder, RefusesADuplicateEdge) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_THROW(b.build(), ValidationError);
}

TEST(ModelBuilder, RefusesAnIdWhosePrefixIsNotItsKind) {
  ModelBuilder b;
  b.add_node(make_node("program/x", Kind::purpose));
  EXPECT_THROW(b.build(), ValidationError);
}

TEST(ModelBuilder, RefusesAnIdWithoutSlugOrWithUpperCase) {
  for (const char* id : {"program", "program/", "program/COI", "program/a b", ""}) {
    ModelBuilder b;
    b.add_node(make_node(id, Kind::program));
    EXPECT_THROW(b.build(), ValidationError) << id;
  }
}

TEST(ModelBuilder, RefusesANodeWithoutBothNames) {
  ModelBuilder b;
  b.add_node(make_node("program/x", Kind::program, "事業", ""));
  EXPECT_THROW(b.build(), ValidationError);
}

TEST(ModelBuilder, RefusesANegativeAmount) {
  Node n = make_node("program/x", Kind::program);
  n.figures.push_back(Figure{"budget", -1, Unit::jpy, Qualifier::exact, 2024, {}, {}});
  ModelBuilder b;
  b.add_node(n);
  EXPECT_THROW(b.build(), ValidationError);
}

TEST(ModelBuilder, RefusesAPartOfCycle) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("program/coi-next", "program/coi-next/nurturing", Relation::part_of));
  try {
    b.build();
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_NE(e.problem().find("cycle"), std::string::npos) << e.what();
  }
}

TEST(ModelBuilder, RefusesASelfLoop) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("program/coi-next", "program/coi-next", Relation::considers));
  EXPECT_THROW(b.build(), ValidationError);
}

TEST(ModelBuilder, EdgesMayNameNodesAddedLaterInAnyOrder) {
  ModelBuilder b;
  b.add_edge(make_edge("program/x/track", "program/x", Relation::part_of));
  b.add_edge(make_edge("program/x", "purpose/p", Relation::serves));
  b.add_node(make_node("purpose/p", Kind::purpose));
  b.add_node(make_node("program/x", Kind::program));
  b.add_node(make_node("program/x/track", Kind::program));
  Model m = b.build();
  ASSERT_EQ(m.edge_count(), 2u);
  // Frozen in (source, relation, target) order whatever the order added.
  EXPECT_EQ(m.node(m.edge(0).source).id, "program/x");
  EXPECT_EQ(m.node(m.edge(1).source).id, "program/x/track");
}

TEST(ModelBuilder, RemovingTheFirstOfTwoNodesWithOneIdLeavesTheSecond) {
  ModelBuilder b;
  b.add_node(make_node("purpose/p", Kind::purpose, "一", "first"));
  b.add_node(make_node("purpose/p", Kind::purpose, "二", "second"));
  EXPECT_TRUE(b.remove_node("purpose/p"));
  ASSERT_NE(b.find_node("purpose/p"), nullptr);
  EXPECT_EQ(b.find_node("purpose/p")->name.en, "second");
  EXPECT_EQ(b.build().node("purpose/p").name.en, "second");
  EXPECT_TRUE(b.remove_node("purpose/p"));
  EXPECT_EQ(b.find_node("purpose/p"), nullptr);
  EXPECT_FALSE(b.remove_node("purpose/p"));
}

TEST(ModelBuilder, EditsOnABuilderFromAModelFindEdgesByTheirEnds) {
  Model base = small_builder().build();
  ModelBuilder b = ModelBuilder::from(base);
  EXPECT_TRUE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_FALSE(b.has_edge("program/coi-next", "purpose/unknown", Relation::serves));
  EXPECT_FALSE(b.remove_edge("purpose/unknown", "program/coi-next", Relation::serves));
  EXPECT_TRUE(b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  b.add_node(make_node("purpose/new", Kind::purpose));
  b.add_edge(make_edge("program/coi-next", "purpose/new", Relation::serves));
  Model derived = b.build();
  EXPECT_EQ(derived.edge_count(), base.edge_count());
  EXPECT_TRUE(derived.find("purpose/new"));
  EXPECT_EQ(base.edge_count(), 5u);  // the base is untouched
  EXPECT_FALSE(base.find("purpose/new"));
}

TEST(ModelBuilder, RemovingANodeRemovesTheBasesAndTheAddedEdgesAtEitherEnd) {
  Model base = small_builder().build();
  ModelBuilder b = ModelBuilder::from(base);
  b.add_node(make_node("purpose/new", Kind::purpose));
  b.add_edge(make_edge("program/coi-next", "purpose/new", Relation::serves));
  b.add_edge(make_edge("program/coi-next/nurturing", "purpose/new", Relation::serves));
  // coi-next: two edges out, two tracks in, one added edge out.
  EXPECT_TRUE(b.remove_node("program/coi-next"));
  EXPECT_EQ(b.edge_count(), 2u);  // nurturing -> full-scale, nurturing -> new
  EXPECT_FALSE(b.has_edge("program/coi-next", "purpose/new", Relation::serves));
  EXPECT_TRUE(b.has_edge("program/coi-next/nurturing", "purpose/new", Relation::serves));
  // Added again, it starts with no edges; an edge added to it now is found and removed.
  b.add_node(make_node("program/coi-next", Kind::program));
  EXPECT_FALSE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  b.add_edge(make_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_TRUE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_TRUE(b.remove_node("purpose/new"));
  Model derived = b.build();
  EXPECT_EQ(derived.edge_count(), 2u);
  EXPECT_EQ(base.edge_count(), 5u);
}

TEST(ModelBuilder, AnEdgeAddedTwiceIsRemovedOneAtATime) {
  ModelBuilder b = small_builder();
  b.add_edge(make_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_THROW(b.build(), ValidationError);  // the duplicate is refused at build
  EXPECT_TRUE(b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_TRUE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_EQ(b.build().edge_count(), 5u);
  EXPECT_TRUE(b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_FALSE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_FALSE(
      b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_EQ(b.build().edge_count(), 4u);
}

TEST(ModelBuilder, AnEdgeRemovedFromTheBaseAndAddedAgainIsThereOnce) {
  Model base = small_builder().build();
  ModelBuilder b = ModelBuilder::from(base);
  EXPECT_TRUE(b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  b.add_edge(make_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_TRUE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_EQ(b.build(), base);
  EXPECT_TRUE(b.remove_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
  EXPECT_FALSE(b.has_edge("program/coi-next", "purpose/social-implementation", Relation::serves));
}

TEST(Model, NodesOfKindAreInIdOrder) {
  Model m = small_builder().build();
  auto programs = m.nodes_of_kind(Kind::program);
  ASSERT_EQ(programs.size(), 3u);
  EXPECT_EQ(m.node(programs[0]).id, "program/coi-next");
  EXPECT_EQ(m.node(programs[1]).id, "program/coi-next/full-scale");
  EXPECT_EQ(m.node(programs[2]).id, "program/coi-next/nurturing");
  EXPECT_TRUE(m.nodes_of_kind(Kind::university).empty());
}

TEST(Model, NeighborsFollowRelationAndDirection) {
  Model m = small_builder().build();
  NodeIndex coi = m.resolve("program/coi-next");
  auto out = m.neighbors(coi, Direction::out);
  ASSERT_EQ(out.size(), 2u);  // serves, targets
  auto tracks = m.neighbors(coi, Direction::in, Relation::part_of);
  ASSERT_EQ(tracks.size(), 2u);
  for (const Step& s : tracks) {
    EXPECT_FALSE(s.forward);
    EXPECT_EQ(m.edge(s.edge).target, coi);
    EXPECT_EQ(m.edge(s.edge).relation, Relation::part_of);
  }
  EXPECT_EQ(m.neighbors(coi, Direction::both).size(), 4u);
  auto serves = m.neighbors(coi, Direction::out, Relation::serves);
  ASSERT_EQ(serves.size(), 1u);
  EXPECT_EQ(m.node(serves[0].node).id, "purpose/social-implementation");
}

TEST(Model, OutAndInEdgesAgreeWithEdgeEnds) {
  Model m = small_builder().build();
  std::size_t out_total = 0, in_total = 0;
  for (NodeIndex v = 0; v < m.node_count(); ++v) {
    for (EdgeIndex e : m.out_edges(v)) EXPECT_EQ(m.edge(e).source, v);
    for (EdgeIndex e : m.in_edges(v)) EXPECT_EQ(m.edge(e).target, v);
    out_total += m.out_edges(v).size();
    in_total += m.in_edges(v).size();
  }
  EXPECT_EQ(out_total, m.edge_count());
  EXPECT_EQ(in_total, m.edge_count());
}

TEST(Model, OutEdgesAreInEdgeOrderAndInEdgesInEdgeOrderToo) {
  Model m = small_builder().build();
  for (NodeIndex v = 0; v < m.node_count(); ++v) {
    for (std::span<const EdgeIndex> edges : {m.out_edges(v), m.in_edges(v)}) {
      EXPECT_TRUE(std::is_sorted(edges.begin(), edges.end())) << m.node(v).id;
    }
  }
  // program/coi-next is the target of both part_of edges and of nothing else.
  std::span<const EdgeIndex> into = m.in_edges(*m.find("program/coi-next"));
  ASSERT_EQ(into.size(), 2u);
  EXPECT_EQ(m.node(m.edge(into[0]).source).id, "program/coi-next/full-scale");
  EXPECT_EQ(m.node(m.edge(into[1]).source).id, "program/coi-next/nurturing");
}

TEST(Model, AnEdgesFiscalYearIsEmptyUnlessTheEdgeIsTiedToOne) {
  ModelBuilder b = small_builder();
  b.add_node(make_node("university/a", Kind::university));
  ModelBuilder::EdgeSpec award = make_edge("university/a", "program/coi-next", Relation::awarded);
  award.fiscal_year = 2024;
  award.detail.note = Text{"採択", "awarded"};
  b.add_edge(award);
  Model m = std::move(b).build();
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) {
    const Edge& e = m.edge(i);
    if (e.relation == Relation::awarded) {
      EXPECT_EQ(e.fiscal_year(), 2024);
      EXPECT_EQ(m.detail(i).note.ja, "採択");
    } else {
      EXPECT_EQ(e.fiscal_year(), std::nullopt);
      EXPECT_TRUE(m.detail(i).empty());
    }
  }
}

TEST(Model, ResolveAcceptsABareSlugWhenItIsUnambiguous) {
  Model m = small_builder().build();
  EXPECT_EQ(m.node(m.resolve("social-implementation")).id, "purpose/social-implementation");
  EXPECT_EQ(m.node(m.resolve("regional-revitalization", Kind::mission)).id,
            "mission/regional-revitalization");
}

TEST(Model, ResolveRefusesAMisspeltIdWithTheNearestSuggestion) {
  Model m = small_builder().build();
  try {
    m.resolve("regional-revitalisation");
    FAIL() << "expected UnknownIdError";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.suggestion(), "mission/regional-revitalization");
    EXPECT_EQ(std::string(e.what()),
              "unknown id 'regional-revitalisation' (did you mean "
              "'mission/regional-revitalization'?)");
    EXPECT_EQ(e.where().id, "regional-revitalisation");
  }
}

TEST(Model, ResolveChecksTheExpectedKind) {
  Model m = small_builder().build();
  EXPECT_THROW(m.resolve("program/coi-next", Kind::purpose), UnknownIdError);
}

TEST(Model, NoSuggestionForSomethingFarFromEveryId) {
  Model m = small_builder().build();
  EXPECT_EQ(m.suggest("zzzzzzzzzzzzzzzzzzzz"), "");
}

TEST(Model, CopiesShareOneFrozenGraphAndCompareEqual) {
  Model a = small_builder().build();
  Model b = a;
  EXPECT_EQ(a, b);
  EXPECT_EQ(&a.node(0), &b.node(0));
  Model c = small_builder().build();
  EXPECT_EQ(a, c);
}

TEST(Model, FromBuilderReproducesTheModel) {
  Model a = small_builder().build();
  Model b = ModelBuilder::from(a).build();
  EXPECT_EQ(a, b);
}

TEST(Model, AMovedFromModelIsEmptyButValid) {
  Model a = small_builder().build();
  Model b = std::move(a);
  EXPECT_EQ(b.node_count(), 5u);
  EXPECT_EQ(a.node_count(), 0u);  // NOLINT(bugprone-use-after-move): documented behaviour
}

TEST(Model, ManyThreadsQueryOneModelAtOnce) {
  const Model m = small_builder().build();
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        if (m.neighbors(m.resolve("program/coi-next"), Direction::both).size() == 4) ++found;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 8000);
}

TEST(Text, FallsBackToTheOtherLanguage) {
  Text t{"日本語", ""};
  EXPECT_EQ(t.in(Lang::en), "日本語");
  EXPECT_EQ(t.in(Lang::ja), "日本語");
}

TEST(Node, FigureLooksUpByNameAndFiscalYear) {
  Node n = make_node("program/x", Kind::program);
  n.figures.push_back(Figure{"budget", 13'800'000'000, Unit::jpy, Qualifier::exact, 2023, {}, {}});
  n.figures.push_back(Figure{"budget", 13'400'000'000, Unit::jpy, Qualifier::exact, 2024, {}, {}});
  ASSERT_NE(n.figure("budget", 2024), nullptr);
  EXPECT_EQ(n.figure("budget", 2024)->value, 13'400'000'000);
  EXPECT_EQ(n.figure("budget")->value, 13'800'000'000);
  EXPECT_EQ(n.figure("duration"), nullptr);
}

}  // namespace
}  // namespace kyoso
