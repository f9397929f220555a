// explore: neighbourhoods and shortest paths, on small hand-built graphs and (against a
// plain search from one end) a synthetic national-scale model.
#include <gtest/gtest.h>

#include <cstdint>
#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>

namespace kyoso {
namespace {

Node program(std::string slug) {
  Node n;
  n.id = "program/" + slug;
  n.kind = Kind::program;
  n.name = {"事業" + slug, "program " + slug};
  return n;
}

ModelBuilder::EdgeSpec edge(std::string source, std::string target,
                            Relation relation = Relation::considers) {
  ModelBuilder::EdgeSpec e;
  e.source = "program/" + source;
  e.target = "program/" + target;
  e.relation = relation;
  return e;
}

Model graph(std::vector<std::string> slugs, std::vector<ModelBuilder::EdgeSpec> edges) {
  ModelBuilder b;
  for (std::string& s : slugs) b.add_node(program(std::move(s)));
  for (ModelBuilder::EdgeSpec& e : edges) b.add_edge(std::move(e));
  return b.build();
}

// a → b → d and a → c → d: two shortest paths of two hops.
Model diamond() {
  return graph({"a", "b", "c", "d"},
               {edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")});
}

Path path(std::vector<std::string> slugs, std::vector<Relation> relations,
          std::vector<bool> forward) {
  Path p;
  for (const std::string& s : slugs) p.nodes.push_back("program/" + s);
  p.relations = std::move(relations);
  p.forward = std::move(forward);
  return p;
}

constexpr Relation considers = Relation::considers;
constexpr Relation promotes = Relation::promotes_to;

PathQuery query(std::string from, std::string to) {
  PathQuery q;
  q.from = "program/" + from;
  q.to = "program/" + to;
  return q;
}

TEST(ShortestPaths, ListsEveryPathOfTheShortestLengthInNodeOrder) {
  PathResult r = shortest_paths(diamond(), query("a", "d"));
  ASSERT_EQ(r.length, 2u);
  ASSERT_EQ(r.paths.size(), 2u);
  EXPECT_EQ(r.paths[0], path({"a", "b", "d"}, {considers, considers}, {true, true}));
  EXPECT_EQ(r.paths[1], path({"a", "c", "d"}, {considers, considers}, {true, true}));
  EXPECT_FALSE(r.truncated);
}

TEST(ShortestPaths, MaxPathsCutsTheListAndSaysSo) {
  PathQuery q = query("a", "d");
  q.max_paths = 1;
  PathResult r = shortest_paths(diamond(), q);
  EXPECT_EQ(r.length, 2u);
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].nodes[1], "program/b");
  EXPECT_TRUE(r.truncated);

  q.max_paths = 2;
  EXPECT_FALSE(shortest_paths(diamond(), q).truncated);
}

TEST(ShortestPaths, FollowsEdgesBackwardsUnlessDirected) {
  // b → a and b → c: a and c are joined only against the direction of b → a.
  Model m = graph({"a", "b", "c"}, {edge("b", "a"), edge("b", "c")});
  PathResult undirected = shortest_paths(m, query("a", "c"));
  ASSERT_EQ(undirected.length, 2u);
  ASSERT_EQ(undirected.paths.size(), 1u);
  EXPECT_EQ(undirected.paths[0], path({"a", "b", "c"}, {considers, considers}, {false, true}));

  PathQuery q = query("a", "c");
  q.directed = true;
  PathResult directed = shortest_paths(m, q);
  EXPECT_FALSE(directed.length);
  EXPECT_TRUE(directed.paths.empty());
  EXPECT_FALSE(directed.truncated);
}

TEST(ShortestPaths, ARelationFilterTakesTheLongerWayAroundAnExcludedEdge) {
  // a considers d directly; a promotes_to b promotes_to d.
  Model m =
      graph({"a", "b", "d"}, {edge("a", "d"), edge("a", "b", promotes), edge("b", "d", promotes)});
  PathResult any = shortest_paths(m, query("a", "d"));
  ASSERT_EQ(any.length, 1u);
  EXPECT_EQ(any.paths, std::vector<Path>{path({"a", "d"}, {considers}, {true})});

  PathQuery q = query("a", "d");
  q.relations = {promotes};
  PathResult filtered = shortest_paths(m, q);
  ASSERT_EQ(filtered.length, 2u);
  EXPECT_EQ(filtered.paths,
            std::vector<Path>{path({"a", "b", "d"}, {promotes, promotes}, {true, true})});
}

TEST(ShortestPaths, ParallelEdgesGiveOnePathEachSortedByRelation) {
  Model m = graph({"a", "b"}, {edge("a", "b", considers), edge("a", "b", promotes)});
  PathResult r = shortest_paths(m, query("a", "b"));
  ASSERT_EQ(r.length, 1u);
  // promotes_to comes before considers in the vocabulary.
  EXPECT_EQ(r.paths, (std::vector<Path>{path({"a", "b"}, {promotes}, {true}),
                                        path({"a", "b"}, {considers}, {true})}));
}

TEST(ShortestPaths, AnEdgeEachWayGivesTheForwardPathFirst) {
  Model m = graph({"a", "b"}, {edge("a", "b"), edge("b", "a")});
  PathResult r = shortest_paths(m, query("a", "b"));
  EXPECT_EQ(r.paths, (std::vector<Path>{path({"a", "b"}, {considers}, {true}),
                                        path({"a", "b"}, {considers}, {false})}));
}

TEST(ShortestPaths, MaxLengthBoundsTheSearch) {
  Model chain = graph({"a", "b", "c", "d"}, {edge("a", "b"), edge("b", "c"), edge("c", "d")});
  PathQuery q = query("a", "d");
  q.max_length = 2;
  PathResult cut = shortest_paths(chain, q);
  EXPECT_FALSE(cut.length);
  EXPECT_TRUE(cut.paths.empty());

  q.max_length = 3;
  PathResult found = shortest_paths(chain, q);
  EXPECT_EQ(found.length, 3u);
  EXPECT_EQ(found.paths.size(), 1u);
}

TEST(ShortestPaths, NoPathBetweenUnconnectedNodes) {
  Model m = graph({"a", "b", "island"}, {edge("a", "b")});
  PathResult r = shortest_paths(m, query("a", "island"));
  EXPECT_FALSE(r.length);
  EXPECT_TRUE(r.paths.empty());
  EXPECT_FALSE(r.truncated);
}

TEST(ShortestPaths, NamesItsEndsInFull) {
  PathQuery q;
  q.from = "a";
  q.to = "d";
  PathResult r = shortest_paths(diamond(), q);
  EXPECT_EQ(r.from, "program/a");
  EXPECT_EQ(r.to, "program/d");
}

TEST(ShortestPaths, FromANodeToItselfIsOneNodeAndNoHops) {
  PathResult r = shortest_paths(diamond(), query("b", "b"));
  EXPECT_EQ(r.length, 0u);
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0], path({"b"}, {}, {}));
  EXPECT_EQ(r.paths[0].length(), 0u);
}

TEST(ShortestPaths, AcceptsIdsWithoutTheirKindPrefix) {
  PathQuery q;
  q.from = "a";
  q.to = "d";
  EXPECT_EQ(shortest_paths(diamond(), q).length, 2u);
}

TEST(ShortestPaths, RefusesAnUnknownIdWithASuggestion) {
  try {
    shortest_paths(diamond(), query("a", "dd"));
    FAIL() << "expected an UnknownIdError";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.suggestion(), "program/d");
  }
}

TEST(ShortestPaths, RefusesANegativeMaxLength) {
  PathQuery q = query("a", "d");
  q.max_length = -1;
  EXPECT_THROW(shortest_paths(diamond(), q), Error);
}

// The reference: a plain breadth-first search from `from` alone, counting the shortest paths
// (one per choice of parallel edge) into every node it reaches.
std::pair<std::optional<std::size_t>, std::size_t> one_ended(const Model& m, NodeIndex from,
                                                             NodeIndex to, bool directed) {
  std::vector<std::size_t> distance(m.node_count(), SIZE_MAX), count(m.node_count(), 0);
  std::vector<NodeIndex> frontier{from};
  distance[from] = 0;
  count[from] = 1;
  while (!frontier.empty() && distance[to] == SIZE_MAX) {
    std::vector<NodeIndex> next;
    for (NodeIndex u : frontier) {
      for (const Step& s : m.neighbors(u, directed ? Direction::out : Direction::both)) {
        if (distance[s.node] == SIZE_MAX) {
          distance[s.node] = distance[u] + 1;
          next.push_back(s.node);
        }
        if (distance[s.node] == distance[u] + 1) count[s.node] += count[u];
      }
    }
    frontier = std::move(next);
  }
  if (distance[to] == SIZE_MAX) return {std::nullopt, 0};
  return {distance[to], count[to]};
}

// shortest_paths searches from both ends; on a national-scale model with hubs it must find
// what a search from one end finds: the length, and every path of that length.
TEST(ShortestPaths, AgreeWithASearchFromOneEndOnASyntheticNationalModel) {
  SynthOptions o;
  o.universities = 40;
  o.programs = 30;
  o.stakeholders = 400;
  o.edges = 6'000;
  Model m = synthesize(o);
  std::size_t checked = 0;
  for (NodeIndex i = 0; i < 150; ++i) {
    NodeIndex from = (i * 7919) % m.node_count(), to = (i * 104729 + 13) % m.node_count();
    for (bool directed : {false, true}) {
      PathQuery q;
      q.from = m.node(from).id;
      q.to = m.node(to).id;
      q.directed = directed;
      q.max_length = limits::max_path_length;
      q.max_paths = limits::max_paths;
      PathResult r = shortest_paths(m, q);
      auto [length, count] = one_ended(m, from, to, directed);
      ASSERT_EQ(r.length, length) << q.from << " -> " << q.to << (directed ? " directed" : "");
      if (!length) continue;
      ASSERT_EQ(r.paths.size(), std::min<std::size_t>(count, limits::max_paths))
          << q.from << " -> " << q.to;
      EXPECT_EQ(r.truncated, count > limits::max_paths);
      q.max_paths = 0;  // the length alone
      PathResult bare = shortest_paths(m, q);
      EXPECT_EQ(bare.length, length);
      EXPECT_TRUE(bare.paths.empty());
      EXPECT_TRUE(bare.truncated);
      for (const Path& p : r.paths) {
        ASSERT_EQ(p.length(), *length);
        EXPECT_EQ(p.nodes.front(), q.from);
        EXPECT_EQ(p.nodes.back(), q.to);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(Neighbors, ListsNodesWithinTheDepthNearestFirstWithTheirPaths) {
  std::vector<Neighbor> n = neighbors(diamond(), "program/a", std::nullopt, Direction::out, 2);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].id, "program/b");
  EXPECT_EQ(n[0].depth, 1);
  EXPECT_EQ(n[0].kind, Kind::program);
  EXPECT_EQ(n[0].name.en, "program b");
  EXPECT_EQ(n[0].path, path({"a", "b"}, {considers}, {true}));
  EXPECT_EQ(n[1].id, "program/c");
  EXPECT_EQ(n[1].depth, 1);
  // d is reached through b and c; it is listed once, through b, the first parent listed.
  EXPECT_EQ(n[2].id, "program/d");
  EXPECT_EQ(n[2].depth, 2);
  EXPECT_EQ(n[2].path, path({"a", "b", "d"}, {considers, considers}, {true, true}));
}

TEST(Neighbors, DepthOneIsTheDirectNeighbours) {
  std::vector<Neighbor> n = neighbors(diamond(), "a");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].id, "program/b");
  EXPECT_EQ(n[1].id, "program/c");
}

TEST(Neighbors, FollowsTheGivenDirection) {
  Model m = diamond();
  EXPECT_TRUE(neighbors(m, "program/d", std::nullopt, Direction::out, 3).empty());

  std::vector<Neighbor> in = neighbors(m, "program/d", std::nullopt, Direction::in, 2);
  ASSERT_EQ(in.size(), 3u);
  EXPECT_EQ(in[0].id, "program/b");
  EXPECT_EQ(in[1].id, "program/c");
  EXPECT_EQ(in[2].id, "program/a");
  EXPECT_EQ(in[2].path, path({"d", "b", "a"}, {considers, considers}, {false, false}));

  std::vector<Neighbor> both = neighbors(m, "program/b", std::nullopt, Direction::both, 1);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].id, "program/a");
  EXPECT_EQ(both[0].path.forward, std::vector<bool>{false});
  EXPECT_EQ(both[1].id, "program/d");
  EXPECT_EQ(both[1].path.forward, std::vector<bool>{true});
}

TEST(Neighbors, FollowsOnlyTheGivenRelation) {
  Model m = graph({"a", "b", "c", "d"},
                  {edge("a", "b", promotes), edge("a", "c"), edge("b", "d", promotes)});
  std::vector<Neighbor> n = neighbors(m, "program/a", promotes, Direction::out, 2);
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].id, "program/b");
  EXPECT_EQ(n[1].id, "program/d");
  EXPECT_EQ(n[1].depth, 2);
}

TEST(Neighbors, NeverListsTheStartNode) {
  Model m = graph({"a", "b"}, {edge("a", "b"), edge("b", "a")});
  std::vector<Neighbor> n = neighbors(m, "program/a", std::nullopt, Direction::both, 3);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].id, "program/b");
}

TEST(Neighbors, RefusesADepthBelowOne) {
  EXPECT_THROW(neighbors(diamond(), "program/a", std::nullopt, Direction::out, 0), Error);
}

TEST(Neighbors, RefusesAnUnknownId) {
  EXPECT_THROW(neighbors(diamond(), "program/zz"), UnknownIdError);
}

TEST(PathSources, AreTheSourcesOfEachEdgeFollowedInPathOrder) {
  auto cited = [](std::string source, std::string target, std::string quote) {
    ModelBuilder::EdgeSpec e = edge(std::move(source), std::move(target));
    e.detail.sources.push_back(Source{"seed.txt", "", std::move(quote), "", "", "", ""});
    return e;
  };
  Model m = graph({"a", "b", "c"}, {cited("a", "b", "ab"), cited("c", "b", "cb")});
  PathResult r = shortest_paths(m, query("a", "c"));
  ASSERT_EQ(r.paths.size(), 1u);
  std::vector<Source> sources = path_sources(m, r.paths[0]);
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].quote, "ab");
  EXPECT_EQ(sources[1].quote, "cb");
}

std::vector<std::string> node_ids(const Model& m) {
  std::vector<std::string> out;
  for (NodeIndex i = 0; i < m.node_count(); ++i) out.push_back(m.node(i).id);
  return out;
}

TEST(Subgraph, KeepsTheNodesGivenAndOnlyTheEdgesAmongThem) {
  std::vector<std::string> ids{"program/a", "b", "program/d"};
  Model sub = subgraph(diamond(), ids);
  EXPECT_EQ(node_ids(sub), (std::vector<std::string>{"program/a", "program/b", "program/d"}));
  ASSERT_EQ(sub.edge_count(), 2u);  // a→b and b→d; the edges through c are gone
  EXPECT_EQ(sub.node(sub.edge(0).source).id, "program/a");
  EXPECT_EQ(sub.node(sub.edge(1).target).id, "program/d");
}

TEST(Subgraph, KeepsWhatTheEdgesCarry) {
  ModelBuilder::EdgeSpec e = edge("a", "b");
  e.certainty = Certainty::medium;
  e.fiscal_year = 2024;
  e.detail.note = {"理由", "why"};
  Model m = graph({"a", "b"}, {e});
  std::vector<std::string> both{"a", "b"};
  EXPECT_EQ(subgraph(m, both), m);
}

TEST(Subgraph, RefusesAnUnknownId) {
  std::vector<std::string> ids{"program/zz"};
  EXPECT_THROW(subgraph(diamond(), ids), UnknownIdError);
}

TEST(Neighbourhood, FollowsEdgesEitherWayUpToTheDepth) {
  // a → b → d ← c, and e alone.
  Model m = graph({"a", "b", "c", "d", "e"}, {edge("a", "b"), edge("b", "d"), edge("c", "d")});
  EXPECT_EQ(node_ids(neighbourhood(m, "d", 1)),
            (std::vector<std::string>{"program/b", "program/c", "program/d"}));
  Model two = neighbourhood(m, "program/d", 2);
  EXPECT_EQ(node_ids(two),
            (std::vector<std::string>{"program/a", "program/b", "program/c", "program/d"}));
  EXPECT_EQ(two.edge_count(), 3u);
}

TEST(Neighbourhood, DepthZeroIsTheFocusAlone) {
  Model m = neighbourhood(diamond(), "a", 0);
  EXPECT_EQ(node_ids(m), std::vector<std::string>{"program/a"});
  EXPECT_EQ(m.edge_count(), 0u);
}

TEST(Neighbourhood, RefusesANegativeDepthAndAnUnknownFocus) {
  EXPECT_THROW(neighbourhood(diamond(), "a", -1), Error);
  EXPECT_THROW(neighbourhood(diamond(), "zz", 1), UnknownIdError);
}

// docs/domain.md, the casebook table: factor ❶ addresses challenges 01, 02, 06 and 15; 東京農工 is
// a reference case of 01, 02 and 06.
TEST(DefaultModel, FactorOneReachesTuatThroughThreeOfItsChallenges) {
  const Model& m = default_model();
  if (!m.find("factor/1")) GTEST_SKIP() << "the compiled-in dataset has no casebook";
  PathQuery q;
  q.from = "factor/1";
  q.to = "university/tuat";
  q.directed = true;
  PathResult r = shortest_paths(m, q);
  ASSERT_EQ(r.length, 2u);
  ASSERT_EQ(r.paths.size(), 3u);
  EXPECT_EQ(r.paths[0].nodes,
            (std::vector<std::string>{"factor/1", "challenge/01", "university/tuat"}));
  EXPECT_EQ(r.paths[1].nodes[1], "challenge/02");
  EXPECT_EQ(r.paths[2].nodes[1], "challenge/06");
  EXPECT_EQ(r.paths[0].relations,
            (std::vector<Relation>{Relation::addresses, Relation::reference_case}));
}

}  // namespace
}  // namespace kyoso
