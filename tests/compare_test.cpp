// compare_fit and compare_simulation: one query on two models, and what changed.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>

namespace kyoso {
namespace {

// A node named after its id; a program gets the given call, for every year or one.
Node node(const std::string& id, std::optional<CallStatus> status = std::nullopt,
          std::optional<int> fiscal_year = std::nullopt) {
  Node n;
  n.id = id;
  n.kind = *kind_of_id(id);
  n.name = {id + "（日本語）", id};
  if (status) {
    Call c;
    c.status = *status;
    c.fiscal_year = fiscal_year;
    n.calls.push_back(c);
  }
  return n;
}

ModelBuilder::EdgeSpec edge(std::string source, std::string target, Relation relation) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  return e;
}

// Three programs for a regional university in FY2024: one it applies to, one that fits as
// well but has no call that year, and one that serves its goal but not its mission.
Model base() {
  ModelBuilder b;
  ModelInfo info;
  info.id = "compare";
  info.name = {"比較", "compare"};
  info.fiscal_year = 2024;
  b.info(info);
  for (const char* id : {"mission/regional", "purpose/social", "applicant/university"}) {
    b.add_node(node(id));
  }
  b.add_node(node("program/hub", CallStatus::open));
  b.add_node(node("program/a-local", CallStatus::closed, 2024));
  b.add_node(node("program/talent", CallStatus::open));
  b.add_edge(edge("program/hub", "mission/regional", Relation::targets));
  b.add_edge(edge("program/hub", "purpose/social", Relation::serves));
  b.add_edge(edge("program/hub", "applicant/university", Relation::applied_by));
  b.add_edge(edge("program/a-local", "mission/regional", Relation::targets));
  b.add_edge(edge("program/a-local", "purpose/social", Relation::serves));
  b.add_edge(edge("program/a-local", "applicant/university", Relation::applied_by));
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

// Opening a call changes no score; among equal scores the program the profile can use
// ranks first, so it moves up past the one that ties it by name.
TEST(CompareFit, AProgramWhoseCallOpensEntersAndMovesUpAmongEqualScores) {
  Model b = base();
  Model s =
      apply(b, Scenario("open").set("program/a-local", "calls@2024/status", std::string("open")));
  FitComparison c = compare_fit(b, s, regional());
  EXPECT_EQ(c.entered(), std::vector<std::string>{"program/a-local"});
  const FitChange& local = change(c, "program/a-local");
  EXPECT_EQ(local.base->eligibility, Eligibility::not_eligible);
  EXPECT_EQ(local.scenario->eligibility, Eligibility::eligible);
  EXPECT_TRUE(local.eligibility_changed());
  EXPECT_EQ(local.base->rank, 2u);
  EXPECT_EQ(local.scenario->rank, 1u);
  EXPECT_EQ(local.rank_move(), 1);
  EXPECT_DOUBLE_EQ(local.score_change(), 0);
  const FitChange& hub = change(c, "program/hub");
  EXPECT_EQ(hub.rank_move(), -1);
  EXPECT_FALSE(hub.eligibility_changed());
}

TEST(CompareFit, ScoreChangesAndAddedAndRemovedProgramsAreShown) {
  Model b = base();
  Scenario s("s");
  s.add_edge("program/talent", "mission/regional", Relation::targets)
      .remove_node("program/hub")
      .add_node(node("program/new", CallStatus::open))
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
  Model s =
      apply(b, Scenario("open").set("program/a-local", "calls@2024/status", std::string("open")));
  std::string json = to_json(compare_fit(b, s, regional()));
  EXPECT_NE(json.find(R"("schema":"kyoso.compare.fit/2")"), std::string::npos);
  EXPECT_NE(json.find(R"("entered":["program/a-local"])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("left":[])"), std::string::npos);
  EXPECT_NE(json.find(R"("rank_move":1)"), std::string::npos);
  // Both sides' answers, each the document fit writes.
  EXPECT_NE(json.find(R"("base":)" + to_json(fit(b, regional()))), std::string::npos);
  EXPECT_NE(json.find(R"("scenario":)" + to_json(fit(s, regional()))), std::string::npos);
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

// A scenario that edits the stated size of 本格型 changes the promotion rate derived from it:
// the comparison says so, beside the figures it changed.
TEST(CompareSimulation, AnAssumptionDerivedDifferentlyIsStated) {
  const Model& b = default_model();
  Model bigger = apply(
      b, Scenario("s").set("program/coi-next/full-scale", "figures/sites/value", std::int64_t{40}));
  SimulationOptions o;
  o.years = 3;
  SimulationComparison c = compare_simulation(b, bigger, "program/coi-next", o);
  auto mentions = [](const std::vector<Text>& list, const std::string& part) {
    return std::any_of(list.begin(), list.end(),
                       [&](const Text& t) { return t.ja.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(mentions(c.base_only_assumptions, "昇格率 0.55")) << c.base_only_assumptions.size();
  EXPECT_TRUE(mentions(c.scenario_only_assumptions, "昇格率 0.6667"));
  std::string json = to_json(c);
  EXPECT_NE(json.find(R"("assumptions_changed":{"base":[)"), std::string::npos);
  // The same run on both sides assumes the same.
  SimulationComparison same = compare_simulation(b, b, "program/coi-next", o);
  EXPECT_TRUE(same.base_only_assumptions.empty());
  EXPECT_TRUE(same.scenario_only_assumptions.empty());
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
