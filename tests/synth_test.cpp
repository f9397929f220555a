// The synthetic model generator: the same options give the same bytes, the model is valid
// and shaped as documented, and its collaboration network has hubs.
#include <gtest/gtest.h>

#include <algorithm>
#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <map>

namespace kyoso {
namespace {

SynthOptions small(std::uint64_t seed = 1) {
  SynthOptions o;
  o.universities = 40;
  o.programs = 30;
  o.stakeholders = 2'000;
  o.edges = 20'000;
  o.seed = seed;
  return o;
}

std::size_t count(const Model& m, Relation relation) {
  std::size_t n = 0;
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) n += m.edge(i).relation == relation;
  return n;
}

TEST(Synth, TheSameSeedGivesTheSameBytes) {
  EXPECT_EQ(to_jgf(synthesize(small(7))), to_jgf(synthesize(small(7))));
}

TEST(Synth, AnotherSeedGivesAnotherModel) {
  EXPECT_NE(to_jgf(synthesize(small(7))), to_jgf(synthesize(small(8))));
}

TEST(Synth, TheFileLoadsBackAsTheSameModel) {
  Model m = synthesize(small());
  std::string text = to_jgf(m);
  Model loaded = parse_model(text, "synthetic.jgf.json");
  EXPECT_EQ(loaded, m);
  EXPECT_EQ(to_jgf(loaded), text);
}

TEST(Synth, HasTheRequestedNodesAndExactlyTheRequestedEdges) {
  const Model& base = core_model();  // synthetic models are built on the core alone
  Model m = synthesize(small());
  EXPECT_EQ(m.edge_count(), 20'000u);
  auto added = [&](Kind kind) {
    return m.nodes_of_kind(kind).size() - base.nodes_of_kind(kind).size();
  };
  EXPECT_EQ(added(Kind::university), 40u);
  EXPECT_EQ(added(Kind::program), 30u);
  EXPECT_EQ(added(Kind::stakeholder), 2'000u);
  // The embedded core is all there, sources and all.
  for (NodeIndex i = 0; i < base.node_count(); ++i) {
    EXPECT_EQ(m.node(base.node(i).id), base.node(i));
  }
  EXPECT_GT(count(m, Relation::collaborates_with), 15'000u);
}

TEST(Synth, GeneratedNodesAndEdgesCarryNoSources) {
  Model m = synthesize(small());
  EXPECT_TRUE(m.node("university/u01").sources.empty());
  EXPECT_TRUE(m.node("stakeholder/s0001").sources.empty());
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) {
    if (m.edge(i).relation == Relation::collaborates_with) {
      ASSERT_TRUE(m.detail(i).empty());
    }
  }
}

TEST(Synth, EveryGeneratedUniversityStoresAProfile) {
  Model m = synthesize(small());
  for (std::size_t i = 1; i <= 40; ++i) {
    std::string id = "university/u" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    Profile p = profile_of(m, id);
    EXPECT_EQ(p.mission.rfind("mission/", 0), 0u) << id;
    EXPECT_FALSE(p.goals.empty()) << id;
    EXPECT_EQ(p.stage.rfind("stage/", 0), 0u) << id;
    EXPECT_EQ(p.establishment.rfind("establishment/", 0), 0u) << id;
  }
}

TEST(Synth, ProgramsAreShapedLikeTheRealOnes) {
  Model m = synthesize(small());
  EXPECT_GT(count(m, Relation::serves), 30u);
  EXPECT_GT(count(m, Relation::targets), 30u);
  EXPECT_GT(count(m, Relation::applied_by), 30u);
  // Some generated programs are tracks of others, and some are closed calls.
  std::size_t tracks = 0, closed = 0;
  for (NodeIndex i : m.nodes_of_kind(Kind::program)) {
    const Node& n = m.node(i);
    if (n.id.rfind("program/p", 0) != 0) continue;
    for (const Step& s : m.neighbors(i, Direction::out, Relation::part_of)) {
      tracks += m.node(s.node).kind == Kind::program;
    }
    closed += !n.calls.empty() && n.calls[0].status == CallStatus::closed;
  }
  EXPECT_GT(tracks, 0u);
  EXPECT_GT(closed, 0u);
}

// Preferential attachment gives a few hubs: with 2,000 stakeholders, the top 1% (20) hold more
// than ten times the 1% of link ends an even spread would give them (14% here; 23% of the
// 1M-edge benchmark model's, whose top 10% hold half).
TEST(Synth, TheTopOnePercentOfStakeholdersHoldTenTimesTheirShare) {
  Model m = synthesize(small());
  std::map<NodeIndex, std::size_t> degree;
  std::size_t ends = 0;
  for (EdgeIndex i = 0; i < m.edge_count(); ++i) {
    const Edge& e = m.edge(i);
    if (e.relation != Relation::collaborates_with) continue;
    for (NodeIndex v : {e.source, e.target}) {
      if (m.node(v).kind == Kind::stakeholder) {
        ++degree[v];
        ++ends;
      }
    }
  }
  std::vector<std::size_t> degrees;
  for (auto [node, d] : degree) degrees.push_back(d);
  std::sort(degrees.rbegin(), degrees.rend());
  std::size_t top = 0;
  for (std::size_t i = 0; i < 20; ++i) top += degrees[i];
  EXPECT_GT(static_cast<double>(top) / static_cast<double>(ends), 0.10);
  // … and most stakeholders are small.
  EXPECT_LT(degrees[degrees.size() / 2], ends / degrees.size());
}

TEST(Synth, TooFewEdgesForTheStructureIsAnError) {
  SynthOptions o = small();
  o.edges = 100;
  try {
    synthesize(o);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("fewer than the"), std::string::npos) << e.what();
  }
}

TEST(Synth, MoreLinksThanHalfThePossiblePairsIsAnError) {
  SynthOptions o = small();
  o.universities = 1;
  o.stakeholders = 10;
  o.edges = 5'000;
  EXPECT_THROW(synthesize(o), Error);
}

}  // namespace
}  // namespace kyoso
