// Scenarios: each edit op, all-or-nothing validation, the base never touched (also across
// threads), the file format, and the worked examples in examples/scenarios/.
#include <gtest/gtest.h>

#include <kyoso/kyoso.hpp>
#include <thread>

#include "test_model.hpp"

namespace kyoso {
namespace {

using test::edge;
using test::figure;
using test::node;

// A two-track program with a budget series, who applies to it, and a second program.
Model base() {
  ModelBuilder b;
  b.add_node(node("program/hub",
                  {figure("budget", 1000, Unit::jpy, 2024, Qualifier::approx),
                   figure("budget", 1100, Unit::jpy, 2023, Qualifier::approx)},
                  {}));
  b.add_node(node("program/hub/nurturing", {figure("funding_per_site", 10, Unit::jpy_per_year)}));
  b.add_node(node("program/hub/full"));
  b.add_node(node("program/local"));
  b.add_node(node("applicant/university"));
  b.add_node(node("applicant/local-government"));
  b.add_node(node("purpose/social"));
  b.add_edge(edge("program/hub/nurturing", "program/hub", Relation::part_of));
  b.add_edge(edge("program/hub/full", "program/hub", Relation::part_of));
  b.add_edge(edge("program/hub/nurturing", "program/hub/full", Relation::promotes_to));
  b.add_edge(edge("program/hub", "applicant/university", Relation::applied_by));
  b.add_edge(edge("program/local", "applicant/local-government", Relation::applied_by));
  b.add_edge(edge("program/hub", "purpose/social", Relation::serves));
  return b.build();
}

bool has_edge(const Model& m, const std::string& source, const std::string& target,
              Relation relation) {
  auto from = m.find(source);
  if (!from) return false;
  for (const Step& s : m.neighbors(*from, Direction::out, relation)) {
    if (m.node(s.node).id == target) return true;
  }
  return false;
}

template <typename E>
E refused(const Model& m, const Scenario& s) {
  try {
    apply(m, s);
  } catch (const E& e) {
    return e;
  }
  ADD_FAILURE() << "the scenario was applied";
  throw std::logic_error("not refused");
}

// ---- each edit op -------------------------------------------------------------------------

// A scenario file may hold millions of edits: one costs its strings and a few pointers, not
// room for a whole node and edge it does not use (it took 688 bytes when it held both).
TEST(ScenarioEdit, AnEditHoldsTheNodeAndEdgeItDoesNotUseByPointer) {
  EXPECT_LE(sizeof(Edit), 256u);
  Scenario s("s");
  s.remove_node("program/x").add_edge("program/x", "purpose/y", Relation::serves);
  EXPECT_EQ(s.edits[0].new_node, nullptr);
  EXPECT_EQ(s.edits[0].edge, nullptr);
  ASSERT_NE(s.edits[1].edge, nullptr);
  EXPECT_EQ(s.edits[1].edge->target, "purpose/y");
  // Equal edits compare equal by what they hold, not where.
  EXPECT_EQ(Scenario("s").add_edge("program/x", "purpose/y", Relation::serves).edits[0],
            s.edits[1]);
}

TEST(ScenarioSet, ChangesAFigureValue) {
  Model m = apply(base(), Scenario("s").set_amount("program/hub/nurturing", 25));
  EXPECT_EQ(m.node("program/hub/nurturing").figure("funding_per_site")->value, 25);
}

TEST(ScenarioSet, AddsALaterFiscalYearToAFigureSeriesLikeItsLatestYear) {
  Model m = apply(base(), Scenario("s").set_budget("program/hub", 2025, 900));
  const Figure* f = m.node("program/hub").figure("budget", 2025);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->value, 900);
  EXPECT_EQ(f->unit, Unit::jpy);
  EXPECT_EQ(f->qualifier, Qualifier::approx);
  EXPECT_EQ(m.node("program/hub").figure("budget", 2024)->value, 1000);
}

TEST(ScenarioSet, WithoutAFiscalYearSelectsTheFigureQueriesRead) {
  Model m = apply(base(), Scenario("s").set_figure("program/hub", "budget", 5));
  EXPECT_EQ(m.node("program/hub").figure("budget", 2024)->value, 5);
  EXPECT_EQ(m.node("program/hub").figure("budget", 2023)->value, 1100);
}

TEST(ScenarioSet, ReplacesAddsAndRemovesWholeFigures) {
  Figure sites = figure("sites", 7, Unit::sites, {}, Qualifier::approx);
  Model m = apply(base(), Scenario("s")
                              .set("program/hub/full", "figures/sites", sites)
                              .set("program/hub", "figures/budget@2023", std::monostate{})
                              .set("program/hub/nurturing", "figures/funding_per_site/qualifier",
                                   std::string("up_to")));
  EXPECT_EQ(m.node("program/hub/full").figure("sites")->value, 7);
  EXPECT_EQ(m.node("program/hub").figure("budget", 2023), nullptr);
  EXPECT_EQ(m.node("program/hub/nurturing").figure("funding_per_site")->qualifier,
            Qualifier::up_to);
}

TEST(ScenarioSet, WritesNamesDescriptionsNotesAndAttributes) {
  Model m = apply(base(), Scenario("s")
                              .set("program/local", "name/en", std::string("Local grant"))
                              .set("program/local", "description/ja", std::string("説明"))
                              .set("program/local", "note", std::string("a note"))
                              .set("program/local", "note/en", std::string("an English note"))
                              .set_attribute("program/local", "fields", "any")
                              .set_attribute("program/hub", "fields", "other")
                              .set("program/hub", "attributes/fields", std::monostate{}));
  const Node& local = m.node("program/local");
  EXPECT_EQ(local.name.en, "Local grant");
  EXPECT_EQ(local.description.ja, "説明");
  EXPECT_EQ(local.note, (Text{"a note", "an English note"}));
  EXPECT_EQ(local.attribute("fields"), "any");
  EXPECT_EQ(m.node("program/hub").attribute("fields"), "");
}

// ---- calls ---------------------------------------------------------------------------------

Model with_calls() {
  Node n = node("program/p");
  n.calls = {test::call(CallStatus::open, 2023, 2026)};
  ModelBuilder b;
  b.add_node(n);
  return b.build();
}

TEST(ScenarioCalls, SettingOneYearSplitsItOutOfItsSpan) {
  Model m = apply(with_calls(),
                  Scenario("s").set("program/p", "calls@2025/status", std::string("closed")));
  const Node& p = m.node("program/p");
  EXPECT_EQ(p.call(2024)->status, CallStatus::open);
  EXPECT_EQ(p.call(2025)->status, CallStatus::closed);
  EXPECT_EQ(p.call(2026)->status, CallStatus::open);
  ASSERT_EQ(p.calls.size(), 3u);
  EXPECT_EQ(p.calls[0].fiscal_year, 2023);  // in year order
  EXPECT_EQ(p.calls[0].until_fiscal_year, 2024);
}

TEST(ScenarioCalls, AYearNoEntryCoversGetsOneAndNullRemovesIt) {
  Model m =
      apply(with_calls(), Scenario("s")
                              .set("program/p", "calls@2030/status", std::string("promotion-only"))
                              .set("program/p", "calls@2030/scope/ja", std::string("昇格のみ"))
                              .set("program/p", "calls@2023/status", std::monostate{}));
  const Node& p = m.node("program/p");
  EXPECT_EQ(p.call(2030)->status, CallStatus::promotion_only);
  EXPECT_EQ(p.call(2030)->scope.ja, "昇格のみ");
  EXPECT_EQ(p.call(2023), nullptr);  // not known any more
  EXPECT_EQ(p.call(2024)->status, CallStatus::open);
}

TEST(ScenarioCalls, AMisspeltStatusOrAScopeWithoutACallIsRefused) {
  auto status = refused<ValidationError>(
      with_calls(), Scenario("s").set("program/p", "calls@2025/status", std::string("close")));
  EXPECT_EQ(status.where().pointer, "/edits/0/value");
  EXPECT_NE(status.problem().find("expected a call status"), std::string::npos);
  auto scope = refused<ValidationError>(
      with_calls(), Scenario("s").set("program/p", "calls@2031/scope/en", std::string("x")));
  EXPECT_NE(scope.problem().find("set calls@2031/status first"), std::string::npos);
  auto path = refused<ValidationError>(
      with_calls(), Scenario("s").set("program/p", "calls/2025", std::string("open")));
  EXPECT_NE(path.problem().find("calls@<fiscal year>/status"), std::string::npos);
}

// The model reader refuses the undated "call" attribute, so a scenario that set it would
// derive a model that cannot be saved and loaded again.
TEST(ScenarioCalls, TheUndatedCallAttributeIsRefused) {
  auto old = refused<ValidationError>(
      with_calls(), Scenario("s").set("program/p", "attributes/call", std::string("closed")));
  EXPECT_EQ(old.where().pointer, "/edits/0");
  EXPECT_EQ(old.where().id, "program/p");
  EXPECT_NE(old.problem().find("calls@<fiscal year>/status"), std::string::npos);
}

TEST(ScenarioAddNode, AddsANodeWithItsFigures) {
  Node n = node("program/new", {figure("budget", 50, Unit::jpy, 2025)});
  n.calls = {test::call(CallStatus::open, 2025)};
  Model m = apply(base(), Scenario("s").add_node(n).add_edge("program/new", "purpose/social",
                                                             Relation::serves));
  EXPECT_EQ(m.node("program/new"), n);
  EXPECT_TRUE(has_edge(m, "program/new", "purpose/social", Relation::serves));
}

TEST(ScenarioRemoveNode, TakesEveryEdgeAtTheNodeWithIt) {
  Model b = base();
  Model m = apply(b, Scenario("s").remove_node("program/hub/full"));
  EXPECT_FALSE(m.find("program/hub/full"));
  EXPECT_EQ(m.edge_count(), b.edge_count() - 2);  // its part_of and the promotes_to into it
  EXPECT_TRUE(has_edge(m, "program/hub/nurturing", "program/hub", Relation::part_of));
}

TEST(ScenarioRemoveNode, AProgramGoesWithItsTracks) {
  Model b = base();
  Scenario s("s");
  s.origin = "cut.json";
  s.remove_node("program/hub");
  Model m = apply(b, s);
  EXPECT_FALSE(m.find("program/hub"));
  EXPECT_FALSE(m.find("program/hub/nurturing"));
  EXPECT_FALSE(m.find("program/hub/full"));
  EXPECT_TRUE(m.find("program/local"));
  EXPECT_EQ(m.node_count(), b.node_count() - 3);
  EXPECT_EQ(m.edge_count(), 1u);  // program/local applied_by its applicant
  // A later edit on a track names the edit that took it.
  s.set_amount("program/hub/full", 5);
  ValidationError e = refused<ValidationError>(b, s);
  EXPECT_EQ(e.where().pointer, "/edits/1/node");
  EXPECT_NE(std::string(e.what()).find("node 'program/hub/full' was removed by /edits/0"),
            std::string::npos)
      << e.what();
}

TEST(ScenarioRemoveNode, APackageLeavesItsProgramsStanding) {
  // Programs part_of the package are its members, not tracks of a program: they stay.
  ModelBuilder builder = ModelBuilder::from(base());
  builder.add_node(node("package/p"));
  builder.add_edge(edge("program/hub", "package/p", Relation::part_of));
  Model b = std::move(builder).build();
  Model m = apply(b, Scenario("s").remove_node("package/p"));
  EXPECT_FALSE(m.find("package/p"));
  EXPECT_TRUE(m.find("program/hub"));
  EXPECT_TRUE(m.find("program/hub/full"));
}

TEST(ScenarioRemoveNode, TracksAddedByTheScenarioGoToo) {
  Model m = apply(base(), Scenario("s")
                              .add_node(node("program/hub/extra"))
                              .add_edge("program/hub/extra", "program/hub", Relation::part_of)
                              .remove_node("program/hub"));
  EXPECT_FALSE(m.find("program/hub/extra"));
  EXPECT_FALSE(m.find("program/hub/full"));
}

TEST(ScenarioRemoveNode, AScenarioCycleOfTracksIsRemovedOnce) {
  // The scenario closes a part_of cycle and then removes it: each node goes once, and the
  // model builds (the cycle is gone with it).
  Model m = apply(base(), Scenario("s")
                              .add_edge("program/hub", "program/hub/full", Relation::part_of)
                              .remove_node("program/hub"));
  EXPECT_FALSE(m.find("program/hub"));
  EXPECT_FALSE(m.find("program/hub/full"));
  EXPECT_FALSE(m.find("program/hub/nurturing"));
}

TEST(ScenarioAddEdge, OpensAProgramToAnotherApplicant) {
  Model m = apply(base(), Scenario("s").add_edge("program/local", "applicant/university",
                                                 Relation::applied_by));
  EXPECT_TRUE(has_edge(m, "program/local", "applicant/university", Relation::applied_by));
  EXPECT_TRUE(has_edge(m, "program/local", "applicant/local-government", Relation::applied_by));
}

TEST(ScenarioRemoveEdge, RemovesOnlyThatEdge) {
  Model b = base();
  Model m = apply(b, Scenario("s").remove_edge("program/hub/nurturing", "program/hub/full",
                                               Relation::promotes_to));
  EXPECT_FALSE(has_edge(m, "program/hub/nurturing", "program/hub/full", Relation::promotes_to));
  EXPECT_EQ(m.edge_count(), b.edge_count() - 1);
}

TEST(Scenario, EditsSeeTheEditsBeforeThem) {
  Node n = node("program/new");
  Model m = apply(base(), Scenario("s")
                              .add_node(n)
                              .add_edge("program/new", "program/hub", Relation::part_of)
                              .remove_node("program/new")
                              .add_node(n));
  EXPECT_TRUE(m.find("program/new"));
  EXPECT_FALSE(has_edge(m, "program/new", "program/hub", Relation::part_of));
}

// ---- all or nothing -----------------------------------------------------------------------

TEST(ScenarioValidation, AThirdBadEditLeavesNothingAppliedAndNamesEdits2) {
  Model b = base();
  Scenario s("s");
  s.origin = "cut.json";
  s.set_amount("program/hub/nurturing", 99)
      .add_edge("program/local", "applicant/university", Relation::applied_by)
      .remove_node("program/hub/ful");
  UnknownIdError e = refused<UnknownIdError>(b, s);
  EXPECT_EQ(e.where().file, "cut.json");
  EXPECT_EQ(e.where().pointer, "/edits/2/node");
  EXPECT_EQ(e.where().id, "program/hub/ful");
  EXPECT_EQ(e.suggestion(), "program/hub/full");
  EXPECT_EQ(std::string(e.what()),
            "cut.json: /edits/2/node: remove_node: unknown id 'program/hub/ful' (did you mean "
            "'program/hub/full'?)");
  EXPECT_EQ(b.node("program/hub/nurturing").figure("funding_per_site")->value, 10);
  EXPECT_FALSE(has_edge(b, "program/local", "applicant/university", Relation::applied_by));
}

TEST(ScenarioValidation, AMissingFigureIsNamedWithTheFiguresTheNodeHas) {
  auto e = refused<ValidationError>(base(), Scenario("s").set_figure("program/hub", "sites", 3));
  EXPECT_EQ(e.where().pointer, "/edits/0/path");
  EXPECT_EQ(e.problem(),
            "set: node 'program/hub' has no figure 'sites' (its figures: "
            "budget@2024, budget@2023)");
}

TEST(ScenarioValidation, ARelationBetweenTheWrongKindsIsRefused) {
  auto e = refused<ValidationError>(
      base(), Scenario("s").add_edge("program/local", "purpose/social", Relation::applied_by));
  EXPECT_EQ(e.where().pointer, "/edits/0");
  EXPECT_EQ(e.where().id, "program/local -> purpose/social");
  EXPECT_NE(e.problem().find("add_edge: relation 'applied_by' cannot connect program -> purpose"),
            std::string::npos)
      << e.problem();
}

TEST(ScenarioValidation, ADuplicateNodeIsRefused) {
  auto e = refused<ValidationError>(base(), Scenario("s").add_node(node("program/local")));
  EXPECT_EQ(e.where().pointer, "/edits/0/node");
  EXPECT_EQ(e.problem(), "add_node: node 'program/local' already exists");
}

TEST(ScenarioValidation, RemovingAMissingEdgeIsRefused) {
  auto e = refused<ValidationError>(
      base(),
      Scenario("s").remove_edge("program/local", "applicant/university", Relation::applied_by));
  EXPECT_EQ(e.where().pointer, "/edits/0");
  EXPECT_EQ(e.problem(),
            "remove_edge: there is no applied_by edge from 'program/local' to "
            "'applicant/university'");
}

TEST(ScenarioValidation, AnIdRemovedByAnEarlierEditIsNamedAsSuch) {
  auto e = refused<ValidationError>(
      base(),
      Scenario("s").remove_node("program/local").set_attribute("program/local", "fields", "any"));
  EXPECT_EQ(e.where().pointer, "/edits/1/node");
  EXPECT_EQ(e.problem(), "set: node 'program/local' was removed by /edits/0");
}

TEST(ScenarioValidation, AnEditThatBreaksANodeRuleIsNamed) {
  auto e =
      refused<ValidationError>(base(), Scenario("s").set("program/hub", "name/ja", std::string()));
  EXPECT_EQ(e.where().pointer, "/edits/0/value");
  auto bad_id = refused<ValidationError>(base(), Scenario("s").add_node(node("program/Bad")));
  EXPECT_EQ(bad_id.where().pointer, "/edits/0");
  EXPECT_NE(bad_id.problem().find("kind/slug"), std::string::npos);
}

TEST(ScenarioValidation, APartOfCycleIsReportedAtTheEditThatClosesIt) {
  auto e = refused<ValidationError>(
      base(), Scenario("s")
                  .set_amount("program/hub/nurturing", 1)
                  .add_edge("program/hub", "program/hub/full", Relation::part_of));
  EXPECT_EQ(e.where().pointer, "/edits/1");
  EXPECT_NE(e.problem().find("add_edge: part_of forms a cycle"), std::string::npos);
}

// ---- the base is never touched ------------------------------------------------------------

TEST(ScenarioImmutability, ApplyNeverChangesTheBase) {
  const Model& b = default_model();
  const std::string before = to_jgf(b);
  Scenario s("s");
  s.set_budget("program/coi-next", 2024, 1)
      .remove_node("program/opera")
      .add_edge("program/local-10000", "applicant/university", Relation::applied_by);
  Model m = apply(b, s);
  EXPECT_EQ(m.node("program/coi-next").figure("budget", 2024)->value, 1);
  EXPECT_EQ(to_jgf(b), before);
  EXPECT_EQ(b.node("program/coi-next").figure("budget", 2024)->value, 13'400'000'000);
}

TEST(ScenarioImmutability, TheNewModelSharesTheBasesUnchangedNodeRecords) {
  const Model& b = default_model();
  Model m = apply(b, Scenario("s").set_budget("program/coi-next", 2025, 1));
  EXPECT_EQ(&m.node("program/sparc"), &b.node("program/sparc"));
  EXPECT_NE(&m.node("program/coi-next"), &b.node("program/coi-next"));
}

TEST(ScenarioImmutability, AnEmptyScenarioIsTheBaseItself) {
  const Model& b = default_model();
  Model m = apply(b, Scenario("nothing"));
  EXPECT_EQ(&m.node("program/coi-next"), &b.node("program/coi-next"));
}

TEST(ScenarioImmutability, ManyThreadsApplyScenariosToOneBaseAtOnce) {
  const Model& b = default_model();
  const std::string before = to_jgf(b);
  constexpr int threads = 8;
  std::vector<int> wrong(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        std::int64_t budget = 1'000'000'000LL * (t + 1) + i;
        Scenario s("thread");
        s.set_budget("program/coi-next", 2024, budget);
        if (i % 2 == 0) s.remove_node("program/opera");
        Model m = apply(b, s);
        if (m.node("program/coi-next").figure("budget", 2024)->value != budget) ++wrong[t];
        if (m.find("program/opera").has_value() == (i % 2 == 0)) ++wrong[t];
      }
    });
  }
  for (std::thread& th : pool) th.join();
  for (int t = 0; t < threads; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
  EXPECT_EQ(to_jgf(b), before);
}

// ---- the file -----------------------------------------------------------------------------

const char* every_op = R"({
  "schema": "kyoso.scenario/1",
  "name": "every op",
  "description": "one of each",
  "edits": [
    {"op": "set", "node": "program/hub", "path": "figures/budget@2025/value", "value": 900},
    {"op": "set", "node": "program/hub/full", "path": "figures/sites",
     "value": {"value": 7, "unit": "sites", "qualifier": "approx"}},
    {"op": "set", "node": "program/local", "path": "note", "value": null},
    {"op": "add_node", "node": "program/new", "kind": "program",
     "name": {"ja": "新", "en": "new"}, "calls": [{"status": "open", "fiscal_year": 2025}],
     "figures": [{"name": "budget", "value": 5, "unit": "jpy", "fiscal_year": 2025}]},
    {"op": "add_edge", "source": "program/new", "target": "purpose/social",
     "relation": "serves", "metadata": {"certainty": "high", "note": "why"}},
    {"op": "remove_edge", "source": "program/hub", "target": "purpose/social",
     "relation": "serves"},
    {"op": "remove_node", "node": "program/local"}
  ]
})";

TEST(ScenarioFile, ReadsEveryOpAndAppliesIt) {
  Scenario s = parse_scenario(every_op, "every.json");
  EXPECT_EQ(s.name, "every op");
  EXPECT_EQ(s.origin, "every.json");
  ASSERT_EQ(s.edits.size(), 7u);
  EXPECT_EQ(std::get<Figure>(s.edits[1].value).name, "sites");
  Model m = apply(base(), s);
  EXPECT_EQ(m.node("program/hub").figure("budget", 2025)->value, 900);
  EXPECT_EQ(m.node("program/hub/full").figure("sites")->value, 7);
  EXPECT_EQ(m.node("program/new").figure("budget", 2025)->value, 5);
  EXPECT_TRUE(has_edge(m, "program/new", "purpose/social", Relation::serves));
  EXPECT_FALSE(has_edge(m, "program/hub", "purpose/social", Relation::serves));
  EXPECT_FALSE(m.find("program/local"));
}

TEST(ScenarioFile, WritesWhatItReads) {
  Scenario s = parse_scenario(every_op, "every.json");
  Scenario again = parse_scenario(to_json(s), "again.json");
  again.origin = s.origin;
  EXPECT_EQ(again, s);
  Scenario built("built");
  built.set_budget("program/hub", 2025, 1)
      .add_edge("program/local", "applicant/university", Relation::applied_by);
  Scenario read = parse_scenario(to_json(built));
  read.origin.clear();
  EXPECT_EQ(read, built);
}

template <typename E>
E parse_refused(const std::string& text) {
  try {
    parse_scenario(text, "bad.json");
  } catch (const E& e) {
    return e;
  }
  ADD_FAILURE() << "parsed";
  throw std::logic_error("not refused");
}

std::string with_edit(const std::string& edit) {
  return R"({"schema": "kyoso.scenario/1", "name": "x", "edits": [
)" + edit +
         "]}";
}

TEST(ScenarioFile, RefusesBadFilesNamingLineAndPointer) {
  auto schema = parse_refused<ValidationError>(R"({"schema": "kyoso.scenario/2", "name": "x",
    "edits": []})");
  EXPECT_EQ(schema.where().pointer, "/schema");
  auto op = parse_refused<ValidationError>(with_edit(R"({"op": "rename", "node": "a/b"})"));
  EXPECT_EQ(op.where().pointer, "/edits/0/op");
  EXPECT_EQ(op.where().line, 2u);
  auto key = parse_refused<ValidationError>(
      with_edit(R"({"op": "remove_node", "node": "a/b", "nod": "c"})"));
  EXPECT_EQ(key.where().pointer, "/edits/0/nod");
  auto path = parse_refused<ValidationError>(
      with_edit(R"({"op": "set", "node": "a/b", "path": "figures/budget@24/value", "value": 1})"));
  EXPECT_EQ(path.where().pointer, "/edits/0/path");
  auto fraction = parse_refused<ValidationError>(
      with_edit(R"({"op": "set", "node": "a/b", "path": "figures/x/value", "value": 1.5})"));
  EXPECT_EQ(fraction.where().pointer, "/edits/0/value");
  auto type = parse_refused<ValidationError>(
      with_edit(R"({"op": "set", "node": "a/b", "path": "figures/x/value", "value": "1"})"));
  EXPECT_EQ(type.problem(), "expected an integer (money is whole yen)");
  auto unit = parse_refused<ValidationError>(with_edit(
      R"({"op": "add_node", "node": "program/n", "kind": "program", "name": {"ja": "n", "en": "n"},
          "figures": [{"name": "b", "value": 1, "unit": "yen"}]})"));
  EXPECT_EQ(unit.where().pointer, "/edits/0/figures/0/unit");
  parse_refused<ParseError>("{\"schema\": ");
}

TEST(ScenarioFile, AMissingFileIsAnIoError) {
  EXPECT_THROW(load_scenario("/nonexistent/scenario.json"), IoError);
}

// ---- the worked examples (examples/scenarios/README.md) -----------------------------------

Scenario example(const std::string& name) {
  return load_scenario(std::string(KYOSO_SCENARIOS_DIR) + "/" + name + ".json");
}

TEST(ScenarioExamples, BudgetCutSetsCoiNextsBudgetTo120OkuFromFY2025) {
  Model m = apply(default_model(), example("budget_cut"));
  const Node& coi = m.node("program/coi-next");
  EXPECT_EQ(coi.figure("budget", 2025)->value, 12'000'000'000);
  EXPECT_EQ(coi.figure("budget", 2024)->value, 13'400'000'000);
  SimulationOptions options;
  options.years = 3;
  SimulationResult cut = simulate(m, "program/coi-next", options);
  EXPECT_EQ(cut.years[0].active.at("program/coi-next/full-scale").p50, 32);
  EXPECT_EQ(cut.years[1].active.at("program/coi-next/full-scale").p50, 29);
  EXPECT_LE(cut.years[1].spend_jpy.p50, 12'000'000'000);
}

TEST(ScenarioExamples, AThirdJPeaksRoundOpensFy2025AndLeavesTheOtherYears) {
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.fiscal_year = 2025;
  Model m = apply(default_model(), example("jpeaks_third_round"));
  EXPECT_EQ(explain(default_model(), "program/j-peaks", p).eligibility, Eligibility::not_eligible);
  Recommendation opened = explain(m, "program/j-peaks", p);
  EXPECT_EQ(opened.eligibility, Eligibility::eligible);
  EXPECT_EQ(opened.call.scope.en, "a third round (assumed)");
  // FY2026 stays closed: the edit split FY2025 out of the FY2025-2026 entry.
  EXPECT_EQ(m.node("program/j-peaks").call(2026)->status, CallStatus::closed);
  EXPECT_EQ(m.node("program/j-peaks").call(2024)->status, CallStatus::open);
}

TEST(ScenarioExamples, TheNewProgramFitsARegionalUniversityAndCanBeSimulated) {
  Model m = apply(default_model(), example("new_program"));
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {"purpose/social-implementation"};
  Recommendation r = explain(m, "program/startup-hub", p);
  EXPECT_EQ(r.eligibility, Eligibility::eligible);
  EXPECT_DOUBLE_EQ(r.score, 1.0);
  SimulationOptions options;
  options.start_fy = 2025;
  options.years = 8;
  options.initial_sites = {{"program/startup-hub/hub", 0}};
  SimulationResult s = simulate(m, "program/startup-hub", options);
  EXPECT_EQ(s.years.back().active.at("program/startup-hub/feasibility").p50, 8);
  EXPECT_EQ(s.years.back().active.at("program/startup-hub/hub").p50, 10);
  EXPECT_FALSE(s.years.back().over_budget > 0);
}

}  // namespace
}  // namespace kyoso
