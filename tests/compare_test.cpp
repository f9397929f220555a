// compare_fit and compare_simulation: one query on two models, and what changed.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

namespace kyoso {
namespace {

Node node(const std::string& id, std::map<std::string, std::string> attributes = {}) {
  Node n;
  n.id = id;
  n.kind = *kind_of_id(id);
  n.name = {id + "（日本語）", id};
  n.attributes = std::move(attributes);
  return n;
}

ModelBuilder::EdgeSpec edge(std::string source, std::string target, Relation relation) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  return e;
}

// Three programs for a regional university: one it applies to, one that fits as well but
// only local governments apply to, and one that serves its goal but not its mission.
Model base() {
  ModelBuilder b;
  for (const char* id : {"mission/regional", "purpose/social", "applicant/university",
                         "applicant/local-government"}) {
    b.add_node(node(id));
  }
  b.add_node(node("program/hub", {{"call", "open"}}));
  b.add_node(node("program/local", {{"call", "open"}}));
  b.add_node(node("program/talent", {{"call", "open"}}));
  b.add_edge(edge("program/hub", "mission/regional", Relation::targets));
  b.add_edge(edge("program/hub", "purpose/social", Relation::serves));
  b.add_edge(edge("program/hub", "applicant/university", Relation::applied_by));
  b.add_edge(edge("program/local", "mission/regional", Relation::targets));
  b.add_edge(edge("program/local", "purpose/social", Relation::serves));
  b.add_edge(edge("program/local", "applicant/local-government", Relation::applied_by));
  b.add_edge(edge("program/talent", "purpose/social", Relation::serves));
  b.add_edge(edge("program/talent", "applicant/university", Relation::applied_by));
  return b.build();
}

Profile regional() {
  Profile p;
  p.mission = "mission/regional";
  p.goals = {"purpose/social"};
  return p;
}

const FitChange& change(const FitComparison& c, const std::string& id) {
  for (const FitChange& p : c.programs) {
    if (p.id == id) return p;
  }
  throw std::out_of_range(id);
}

TEST(CompareFit, AnUnchangedModelChangesNothing) {
  FitComparison c = compare_fit(base(), base(), regional());
  EXPECT_EQ(c.programs.size(), 3u);
  for (const FitChange& p : c.programs) EXPECT_FALSE(p.changed()) << p.id;
  EXPECT_TRUE(c.entered().empty());
  EXPECT_TRUE(c.left().empty());
}

TEST(CompareFit, AProgramOpenedToTheProfileEntersAndMovesUp) {
  Model b = base();
  Model s = apply(
      b, Scenario("open").add_edge("program/local", "applicant/university", Relation::applied_by));
  FitComparison c = compare_fit(b, s, regional());
  EXPECT_EQ(c.entered(), std::vector<std::string>{"program/local"});
  const FitChange& local = change(c, "program/local");
  EXPECT_EQ(local.base->eligibility, Eligibility::not_eligible);
  EXPECT_EQ(local.scenario->eligibility, Eligibility::eligible);
  EXPECT_TRUE(local.eligibility_changed());
  EXPECT_EQ(local.base->rank, 3u);
  EXPECT_EQ(local.scenario->rank, 2u);
  EXPECT_EQ(local.rank_move(), 1);
  EXPECT_DOUBLE_EQ(local.score_change(), 0);
  const FitChange& talent = change(c, "program/talent");
  EXPECT_EQ(talent.rank_move(), -1);
  EXPECT_FALSE(talent.eligibility_changed());
}

TEST(CompareFit, ScoreChangesAndAddedAndRemovedProgramsAreShown) {
  Model b = base();
  Scenario s("s");
  s.add_edge("program/talent", "mission/regional", Relation::targets)
      .remove_node("program/hub")
      .add_node(node("program/new", {{"call", "open"}}))
      .add_edge("program/new", "applicant/university", Relation::applied_by);
  FitComparison c = compare_fit(b, apply(b, s), regional());
  const FitChange& talent = change(c, "program/talent");
  EXPECT_GT(talent.score_change(), 0);  // the mission is now met
  EXPECT_DOUBLE_EQ(talent.score_change(), talent.scenario->score - talent.base->score);
  const FitChange& hub = change(c, "program/hub");
  EXPECT_FALSE(hub.scenario);
  EXPECT_TRUE(hub.left());
  EXPECT_EQ(hub.rank_move(), 0);
  const FitChange& added = change(c, "program/new");
  EXPECT_FALSE(added.base);
  EXPECT_TRUE(added.entered());
  EXPECT_EQ(c.programs.back().id, "program/hub");  // removed ones come last
  EXPECT_EQ(c.left(), std::vector<std::string>{"program/hub"});
}

TEST(CompareFit, JsonListsWhatEnteredAndLeft) {
  Model b = base();
  Model s = apply(
      b, Scenario("open").add_edge("program/local", "applicant/university", Relation::applied_by));
  std::string json = to_json(compare_fit(b, s, regional()));
  EXPECT_NE(json.find(R"("schema":"kyoso.compare.fit/1")"), std::string::npos);
  EXPECT_NE(json.find(R"("entered":["program/local"])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("left":[])"), std::string::npos);
  EXPECT_NE(json.find(R"("rank_move":1)"), std::string::npos);
}

TEST(CompareSimulation, ABudgetCutShowsAsPerYearDeltas) {
  const Model& b = default_model();
  Model cut = apply(b, Scenario("cut").set_budget("program/coi-next", 2025, 12'000'000'000));
  SimulationOptions o;
  o.years = 4;
  SimulationComparison c = compare_simulation(b, cut, "program/coi-next", o);
  ASSERT_EQ(c.years.size(), 4u);
  EXPECT_EQ(c.years[0].fiscal_year, 2024);
  EXPECT_EQ(c.years[0].active.at("program/coi-next/full-scale"), 0);
  EXPECT_EQ(c.years[0].spend_jpy, 0);
  for (std::size_t i = 1; i < c.years.size(); ++i) {
    EXPECT_EQ(c.years[i].active.at("program/coi-next/full-scale"), -3);
    EXPECT_EQ(c.years[i].active.at("program/coi-next/nurturing"), 0);
    EXPECT_EQ(c.years[i].budget_jpy, -1'400'000'000);
    EXPECT_EQ(c.years[i].spend_jpy, -1'200'000'000);
  }
  std::string json = to_json(c);
  EXPECT_NE(json.find(R"("schema":"kyoso.compare.simulate/1")"), std::string::npos);
  EXPECT_NE(json.find(R"("budget_jpy":-1400000000)"), std::string::npos);
}

TEST(CompareSimulation, MonteCarloSidesShareTheirRandomNumbers) {
  SimulationOptions o;
  o.years = 5;
  o.runs = 100;
  o.seed = 3;
  SimulationComparison c =
      compare_simulation(default_model(), default_model(), "program/coi-next", o);
  for (const YearChange& y : c.years) {
    YearChange none;
    none.fiscal_year = y.fiscal_year;
    none.active = y.active;
    EXPECT_EQ(y, none) << y.fiscal_year;
    for (const auto& [track, delta] : y.active) EXPECT_EQ(delta, 0) << track;
  }
}

}  // namespace
}  // namespace kyoso
