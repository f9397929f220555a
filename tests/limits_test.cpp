// What one call may cost (include/kyoso/limits.hpp): walks that visit each node once however
// many routes lead to it, answers whose size is capped and refused over the cap with the
// cap's name and value, exact money in the simulation, and calls that can be interrupted.
#include <gtest/gtest.h>

#include <atomic>
#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <limits>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

using test::edge;
using test::figure;
using test::node;

bool says(const Error& e, const std::string& words) {
  return std::string(e.what()).find(words) != std::string::npos;
}

// ---- walks: a node reached by many routes is walked once -----------------------------------

// An umbrella program with `levels` levels of two tracks below it, each track part_of both
// tracks of the level above (2^levels routes down to the last level), every track suiting
// stage/1 and the umbrella naming no stage; and a university at stage/0.
ModelBuilder many_parents(int levels) {
  ModelBuilder b;
  b.add_node(node("program/top"));
  b.add_node(node("stage/0"));
  b.add_node(node("stage/1"));
  b.add_node(node("university/u"));
  b.add_edge(edge("university/u", "stage/0", Relation::reached_stage));
  std::vector<std::string> above{"program/top"};
  for (int level = 0; level < levels; ++level) {
    std::vector<std::string> here;
    for (char side : {'a', 'b'}) {
      std::string id = "program/top/l" + std::to_string(level) + side;
      b.add_node(node(id));
      b.add_edge(edge(id, "stage/1", Relation::suits_stage));
      for (const std::string& parent : above) b.add_edge(edge(id, parent, Relation::part_of));
      here.push_back(id);
    }
    above = here;
  }
  return b;
}

Profile at_stage_0() {
  Profile p;
  p.stage = "stage/0";
  return p;
}

// The missed stage criterion lists what the umbrella's tracks suit instead: one path per
// track. Walked route by route it would be 2 + 4 + … + 2^12 = 8190 paths.
TEST(Walks, ATrackReachedByManyRoutesIsWalkedOnce) {
  const int levels = 12;
  Model m = many_parents(levels).build();
  Recommendation r = explain(m, "program/top", at_stage_0());
  ASSERT_EQ(r.criteria.size(), 1u);
  EXPECT_EQ(r.criteria[0].id, "stage");
  EXPECT_EQ(r.criteria[0].outcome, Outcome::missed);
  EXPECT_EQ(r.criteria[0].paths.size(), 2u * levels);
  // Each path goes down by the route first found: level by level, so its length is the level.
  for (const Path& p : r.criteria[0].paths) EXPECT_LE(p.length(), std::size_t{levels} + 1);
}

// Sixty levels: 2^60 routes, linear work. fit, rank, fit_all and portfolio each walk it.
TEST(Walks, EveryQueryFinishesOnSixtyManyParentLevels) {
  Model m = many_parents(60).build();
  FitResult fitted = fit(m, at_stage_0());
  EXPECT_EQ(fitted.results.size(), 121u);
  std::vector<UniversityFit> all = fit_all(m);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].ranking, rank(m, profile_of(m, "university/u")));
  EXPECT_TRUE(portfolio(m, at_stage_0()).plan.empty());
}

TEST(Walks, AScenarioThatBuildsTheShapeIsWalkedOnceToo) {
  ModelBuilder base;
  base.add_node(node("program/top"));
  base.add_node(node("stage/0"));
  base.add_node(node("stage/1"));
  Scenario s("levels");
  std::vector<std::string> above{"program/top"};
  for (int level = 0; level < 40; ++level) {
    std::vector<std::string> here;
    for (char side : {'a', 'b'}) {
      std::string id = "program/top/l" + std::to_string(level) + side;
      s.add_node(node(id));
      s.add_edge(id, "stage/1", Relation::suits_stage);
      for (const std::string& parent : above) s.add_edge(id, parent, Relation::part_of);
      here.push_back(id);
    }
    above = here;
  }
  Model m = apply(base.build(), s);
  EXPECT_EQ(explain(m, "program/top", at_stage_0()).criteria.at(0).paths.size(), 80u);
}

// ---- shortest paths ---------------------------------------------------------------------

PathQuery between(std::string from, std::string to) {
  PathQuery q;
  q.from = std::move(from);
  q.to = std::move(to);
  return q;
}

// from -> ten stakeholders -> ten -> … (`layers` layers, each joined to the next every way)
// -> to: 10^layers shortest paths.
Model ladder(int layers) {
  ModelBuilder b;
  b.add_node(node("stakeholder/from"));
  b.add_node(node("stakeholder/to"));
  for (int l = 0; l < layers; ++l) {
    for (int i = 0; i < 10; ++i) {
      b.add_node(node("stakeholder/l" + std::to_string(l) + "-" + std::to_string(i)));
    }
  }
  auto at = [](int l, int i) {
    return "stakeholder/l" + std::to_string(l) + "-" + std::to_string(i);
  };
  for (int i = 0; i < 10; ++i) {
    b.add_edge(edge("stakeholder/from", at(0, i), Relation::collaborates_with));
    b.add_edge(edge(at(layers - 1, i), "stakeholder/to", Relation::collaborates_with));
    for (int l = 0; l + 1 < layers; ++l) {
      for (int j = 0; j < 10; ++j)
        b.add_edge(edge(at(l, i), at(l + 1, j), Relation::collaborates_with));
    }
  }
  return b.build();
}

TEST(PathCaps, TenToTheTenShortestPathsListOnlyUpToTheCap) {
  Model m = ladder(10);
  PathQuery q = between("stakeholder/from", "stakeholder/to");
  q.max_length = 20;
  q.max_paths = limits::max_paths;
  PathResult r = shortest_paths(m, q);
  EXPECT_EQ(r.length, 11u);
  EXPECT_EQ(r.paths.size(), limits::max_paths);
  EXPECT_TRUE(r.truncated);
}

TEST(PathCaps, AskingForMorePathsOrLongerOnesThanTheCapIsRefusedNamingIt) {
  Model m = ladder(2);
  PathQuery q = between("stakeholder/from", "stakeholder/to");
  q.max_paths = limits::max_paths + 1;
  Error e = refused_by<Error>([&] { shortest_paths(m, q); });
  EXPECT_TRUE(says(e, "max_paths 1001 is over the cap of 1000 (kyoso::limits::max_paths)"))
      << e.what();
  q.max_paths = std::numeric_limits<std::size_t>::max();
  EXPECT_THROW(shortest_paths(m, q), Error);
  q.max_paths = 10;
  q.max_length = limits::max_path_length + 1;
  e = refused_by<Error>([&] { shortest_paths(m, q); });
  EXPECT_TRUE(says(e, "max_length 101 is over the cap of 100 (kyoso::limits::max_path_length)"))
      << e.what();
}

// A chain whose every hop is an edge both ways of one relation: one node sequence, 2^hops
// paths (one choice of direction per hop). Listed up to the cap, not built whole first.
Model doubled_chain(int hops) {
  ModelBuilder b;
  for (int i = 0; i <= hops; ++i) b.add_node(node("stakeholder/s" + std::to_string(i)));
  for (int i = 0; i < hops; ++i) {
    std::string a = "stakeholder/s" + std::to_string(i),
                c = "stakeholder/s" + std::to_string(i + 1);
    b.add_edge(edge(a, c, Relation::collaborates_with));
    b.add_edge(edge(c, a, Relation::collaborates_with));
  }
  return b.build();
}

TEST(PathCaps, ParallelEdgeChoicesAreListedInOrderUpToTheCap) {
  PathQuery q = between("stakeholder/s0", "stakeholder/s5");
  PathResult small = shortest_paths(doubled_chain(5), q);
  ASSERT_EQ(small.paths.size(), 32u);
  EXPECT_FALSE(small.truncated);
  // Forward before backward, hop by hop: the paths' direction vectors descend, all distinct.
  for (std::size_t i = 1; i < small.paths.size(); ++i) {
    EXPECT_GT(small.paths[i - 1].forward, small.paths[i].forward) << i;
  }
  EXPECT_EQ(small.paths.front().forward, std::vector<bool>(5, true));

  q.to = "stakeholder/s60";
  q.max_length = 60;
  PathResult big = shortest_paths(doubled_chain(60), q);  // 2^60 paths
  EXPECT_EQ(big.paths.size(), 100u);
  EXPECT_TRUE(big.truncated);
}

// ---- neighbours -------------------------------------------------------------------------

TEST(NeighborCaps, DepthOverTheCapIsRefusedNamingIt) {
  Model m = doubled_chain(3);
  Error e = refused_by<Error>([&] {
    neighbors(m, "stakeholder/s0", std::nullopt, Direction::both, limits::max_neighbor_depth + 1);
  });
  EXPECT_TRUE(says(e, "depth 11 is over the cap of 10 (kyoso::limits::max_neighbor_depth)"))
      << e.what();
  EXPECT_EQ(neighbors(m, "stakeholder/s0", std::nullopt, Direction::both, 10).size(), 3u);
}

TEST(NeighborCaps, MoreNodesThanTheCapIsRefusedNamingIt) {
  ModelBuilder b;
  b.add_node(node("stakeholder/hub"));
  for (std::size_t i = 0; i <= limits::max_neighbors; ++i) {
    std::string id = "stakeholder/s" + std::to_string(i);
    b.add_node(node(id));
    b.add_edge(edge("stakeholder/hub", id, Relation::collaborates_with));
  }
  Model m = b.build();
  Error e = refused_by<Error>([&] { neighbors(m, "stakeholder/hub"); });
  EXPECT_TRUE(says(e, "more than 100000 nodes within 1 steps of 'stakeholder/hub'")) << e.what();
  EXPECT_TRUE(says(e, "kyoso::limits::max_neighbors")) << e.what();
}

// ---- simulation -------------------------------------------------------------------------

// One program with one track of `sites` running sites at `amount` yen each, and a budget.
Model one_track(std::int64_t amount, std::int64_t sites, std::int64_t budget) {
  ModelBuilder b;
  b.add_node(node("program/p", {figure("budget", budget, Unit::jpy, 2030)}));
  b.add_node(node("program/p/t",
                  {figure("funding_per_site", amount, Unit::jpy_per_year),
                   figure("duration", 1, Unit::fiscal_years), figure("sites", sites, Unit::sites),
                   figure("new_sites", sites, Unit::sites)}));
  b.add_edge(edge("program/p/t", "program/p", Relation::part_of));
  return b.build();
}

SimulationOptions fy2030(BudgetPolicy policy = BudgetPolicy::report_only) {
  SimulationOptions o;
  o.years = 1;
  o.start_fy = 2030;
  o.policy = policy;
  return o;
}

TEST(SimulationMoney, SpendingPastTheLargestAmountIsRefusedNotSaturated) {
  constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
  // Three sites at 2^62 yen: 1.5 × 2^63, against a budget of 2^63 - 1.
  Model m = one_track(std::int64_t{1} << 62, 3, most);
  Error e = refused_by<Error>([&] { simulate(m, "program/p", fy2030()); });
  EXPECT_TRUE(says(e, "FY2030's spending is more than 9,223,372,036,854,775,807 JPY")) << e.what();
}

TEST(SimulationMoney, AmountsBeyondADoublesPrecisionAreCarriedExactly) {
  // 2^62 + 1 yen is 2^62 as a double: the site costs one yen more than the budget.
  constexpr std::int64_t budget = std::int64_t{1} << 62;
  Model m = one_track(budget + 1, 1, budget);
  SimulationResult r = simulate(m, "program/p", fy2030());
  EXPECT_EQ(r.years[0].spend_jpy.p50, budget + 1);
  EXPECT_EQ(r.years[0].over_budget, 1.0);
  r = simulate(m, "program/p", fy2030(BudgetPolicy::admit_fewer));
  EXPECT_EQ(r.years[0].spend_jpy.p50, 0);  // the one new site does not fit, by one yen
  EXPECT_EQ(r.years[0].turned_away.p50, 1);
  // The largest amount itself fits.
  constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
  r = simulate(one_track(most, 1, most), "program/p", fy2030());
  EXPECT_EQ(r.years[0].spend_jpy.p50, most);
  EXPECT_EQ(r.years[0].over_budget, 0.0);
}

TEST(SimulationCaps, AMonteCarloOverTheValueCapIsRefusedNamingIt) {
  SimulationOptions o;
  o.runs = 100'000;
  o.seed = 1;
  o.years = 100;
  Error e = refused_by<Error>([&] { simulate(default_model(), "coi-next", o); });
  EXPECT_TRUE(says(e, "over the cap of 10000000 (kyoso::limits::max_simulation_values)"))
      << e.what();
  EXPECT_TRUE(says(e, "100000 runs x 100 years")) << e.what();
}

TEST(SimulationCaps, AProgramWithMoreTracksThanTheCapIsRefused) {
  ModelBuilder b;
  b.add_node(node("program/p", {figure("budget", 1, Unit::jpy, 2030)}));
  for (std::size_t i = 0; i <= limits::max_simulation_tracks; ++i) {
    std::string id = "program/p/t" + std::to_string(i);
    b.add_node(node(id));
    b.add_edge(edge(id, "program/p", Relation::part_of));
  }
  Error e = refused_by<Error>([&] { simulate(b.build(), "program/p", fy2030()); });
  EXPECT_TRUE(says(e, "has 1001 tracks, over the cap of 1000")) << e.what();
}

// ---- interrupting -----------------------------------------------------------------------

TEST(Interrupt, LongCallsStopWhenTheFlagIsSet) {
  std::atomic<bool> stop{true};
  InterruptScope scope(stop);
  EXPECT_THROW(synthesize(SynthOptions{}), Interrupted);
  EXPECT_THROW(fit_all(default_model()), Interrupted);
  SimulationOptions mc;
  mc.runs = 10;
  mc.seed = 1;
  EXPECT_THROW(simulate(default_model(), "coi-next", mc), Interrupted);
  EXPECT_THROW(apply(default_model(), Scenario("s").remove_node("program/coi-next")), Interrupted);
  Interrupted e;
  EXPECT_STREQ(e.what(), "interrupted");
}

TEST(Interrupt, WithoutAScopeOrWithTheFlagClearNothingStops) {
  EXPECT_EQ(InterruptScope::current(), nullptr);
  std::atomic<bool> stop{false};
  InterruptScope scope(stop);
  EXPECT_EQ(InterruptScope::current(), &stop);
  EXPECT_FALSE(fit_all(default_model()).empty());
  {
    std::atomic<bool> inner{true};
    InterruptScope nested(inner);
    EXPECT_THROW(InterruptScope::check(), Interrupted);
  }
  EXPECT_NO_THROW(InterruptScope::check());
}

}  // namespace
}  // namespace kyoso
