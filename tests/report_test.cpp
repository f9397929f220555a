// report.hpp: the JSON documents of query results (their schema, shape and numbers, read
// back with Boost.JSON) and the profile file.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <kyoso/kyoso.hpp>
#include <set>
#include <sstream>

namespace kyoso {
namespace {

namespace json = boost::json;

json::value parsed(const std::string& text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  EXPECT_FALSE(ec) << "not JSON: " << text;
  return v;
}

std::set<std::string> keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& kv : v.as_object()) out.emplace(kv.key());
  return out;
}

Profile model_case() {
  Profile p;
  p.mission = "regional-revitalization";
  p.goals = {"social-implementation"};
  return p;
}

const Model& model() { return default_model(); }

// --- the documents ----------------------------------------------------------------------

TEST(ReportJson, IsOneLineWithoutAFinalNewline) {
  std::string text = to_json(fit(model(), model_case()));
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(text.front(), '{');
  EXPECT_EQ(text.back(), '}');
}

TEST(ReportJson, WritesTheSameBytesEachTime) {
  EXPECT_EQ(to_json(fit(model(), model_case())), to_json(fit(model(), model_case())));
}

TEST(ReportJson, WritesFractionsAsPythonDoes) {
  std::string text = to_json(fit(model(), model_case()));
  EXPECT_NE(text.find("\"score\":1.0,"), std::string::npos);
  EXPECT_NE(text.find("\"weight\":0.3}"), std::string::npos);  // the mission's default
  EXPECT_EQ(text.find("E-"), std::string::npos);               // not Boost.JSON's 3.5E-1
}

TEST(FitJson, HasTheSchemaTheResolvedProfileTheWeightsAndEveryProgram) {
  FitResult result = fit(model(), model_case());
  json::value doc = parsed(to_json(result));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "profile", "weights", "order", "results",
                                              "university"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.fit/2");
  EXPECT_TRUE(doc.at("university").is_null());  // but for fit --university
  EXPECT_EQ(doc.at("order").at("en").as_string(), ranking_order().en);
  const json::value& profile = doc.at("profile");
  EXPECT_EQ(profile.at("mission"), "mission/regional-revitalization");
  EXPECT_EQ(profile.at("goals"), json::array{"purpose/social-implementation"});
  EXPECT_TRUE(profile.at("stage").is_null());
  EXPECT_TRUE(profile.at("establishment").is_null());
  EXPECT_EQ(profile.at("applicant"), "applicant/university");
  EXPECT_EQ(profile.at("fiscal_year"), 2024);  // the model's
  EXPECT_EQ(doc.at("weights").at("mission").as_double(), FitWeights{}.mission);
  EXPECT_EQ(doc.at("results").as_array().size(), model().nodes_of_kind(Kind::program).size());
}

TEST(FitJson, AResultCarriesItsScoreCriteriaPathsAndSources) {
  json::value doc = parsed(to_json(fit(model(), model_case())));
  const json::value& first = doc.at("results").at(0);
  EXPECT_EQ(keys(first),
            (std::set<std::string>{"id", "name", "score", "specificity", "eligibility", "call",
                                   "routes", "reasons", "criteria", "paths", "sources", "nodes"}));
  EXPECT_EQ(first.at("id"), "program/coi-next");
  EXPECT_EQ(first.at("name").at("ja"), "共創の場形成支援プログラム（COI-NEXT）");
  EXPECT_EQ(first.at("score").as_double(), 1.0);
  EXPECT_EQ(first.at("specificity"), 2);
  EXPECT_EQ(first.at("eligibility"), "eligible");
  const json::value& call = first.at("call");
  EXPECT_EQ(keys(call), (std::set<std::string>{"fiscal_year", "status", "from", "scope", "period",
                                               "last_known", "sources"}));
  EXPECT_EQ(call.at("fiscal_year"), 2024);
  EXPECT_EQ(call.at("status"), "open");
  EXPECT_EQ(call.at("from"), "program/coi-next");
  EXPECT_EQ(call.at("period"), "2024-04-26/2024-06-25");
  EXPECT_TRUE(call.at("last_known").is_null());
  const json::value& route = first.at("routes").at(0);
  EXPECT_EQ(keys(route), (std::set<std::string>{"route", "applicant", "ready", "needs"}));
  EXPECT_EQ(route.at("route"), "lead");
  EXPECT_EQ(route.at("applicant"), "applicant/university");
  EXPECT_EQ(route.at("ready"), true);
  const json::value& mission = first.at("criteria").at(0);
  EXPECT_EQ(keys(mission), (std::set<std::string>{"id", "description", "outcome", "weight",
                                                  "strength", "contribution", "how", "paths"}));
  EXPECT_EQ(mission.at("id"), "mission");
  EXPECT_EQ(mission.at("outcome"), "met");
  const json::value& path = mission.at("paths").at(0);
  EXPECT_EQ(path.at("nodes"), (json::array{"program/coi-next", "mission/regional-revitalization"}));
  EXPECT_EQ(path.at("relations"), json::array{"targets"});
  EXPECT_EQ(path.at("forward"), json::array{true});
  EXPECT_EQ(first.at("sources").at(0).at("document"), "000_baafbcf7ebf78061.txt");
  json::array nodes;
  for (const std::string& id : explanation_nodes(fit(model(), model_case()).results.at(0))) {
    nodes.emplace_back(id);
  }
  EXPECT_EQ(first.at("nodes"), nodes);
}

// Written as the shortest text that reads back as the same double; Boost 1.81's parser is
// not correctly rounded (precise parsing came in 1.83), so it may read one ulp off.
TEST(FitJson, ScoresAndContributionsReadBack) {
  FitResult result = fit(model(), model_case());
  json::value doc = parsed(to_json(result));
  for (std::size_t i = 0; i < result.results.size(); ++i) {
    const Recommendation& r = result.results[i];
    const json::value& read = doc.at("results").at(i);
    EXPECT_DOUBLE_EQ(read.at("score").as_double(), r.score) << r.id;
    double sum = 0;
    for (const json::value& c : read.at("criteria").as_array()) {
      sum += c.at("contribution").as_double();
    }
    EXPECT_NEAR(sum, read.at("score").as_double(), 1e-12) << r.id;
  }
}

TEST(FitJson, EveryPathHasOneRelationAndDirectionPerStep) {
  json::value doc = parsed(to_json(fit(model(), model_case())));
  for (const json::value& r : doc.at("results").as_array()) {
    std::vector<const json::value*> paths;
    for (const json::value& p : r.at("paths").as_array()) paths.push_back(&p);
    for (const json::value& c : r.at("criteria").as_array()) {
      for (const json::value& p : c.at("paths").as_array()) paths.push_back(&p);
    }
    for (const json::value* p : paths) {
      std::size_t steps = p->at("relations").as_array().size();
      EXPECT_EQ(p->at("nodes").as_array().size(), steps + 1);
      EXPECT_EQ(p->at("forward").as_array().size(), steps);
    }
  }
}

TEST(ExplainJson, HoldsTheProfileAndTheOneResult) {
  Profile profile = resolve_profile(model(), model_case());
  Recommendation r = explain(model(), "program/coi-next/full-scale/regional", profile);
  json::value doc = parsed(to_json(r, profile));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "profile", "result"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.explain/2");
  EXPECT_EQ(doc.at("profile").at("mission"), "mission/regional-revitalization");
  EXPECT_EQ(doc.at("result").at("id"), "program/coi-next/full-scale/regional");
  EXPECT_EQ(doc.at("result").at("score").as_double(), r.score);
}

TEST(DiagnoseJson, ListsFactorsReferencesAndTheUnresolvedReadings) {
  DiagnoseQuery q;
  q.challenges = {"06", "21"};
  json::value doc = parsed(to_json(diagnose(model(), q)));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "results"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.diagnose/2");
  const json::value& six = doc.at("results").at(0);
  EXPECT_EQ(keys(six),
            (std::set<std::string>{"id", "name", "block", "stage", "stage_name", "factors",
                                   "references", "unresolved", "note", "match", "sources"}));
  EXPECT_EQ(six.at("id"), "challenge/06");
  EXPECT_EQ(six.at("stage"), "stage/1");
  EXPECT_EQ(six.at("factors").at(0).at("label"), "❶");
  EXPECT_EQ(six.at("factors").at(0).at("certainty"), "high");
  EXPECT_EQ(six.at("references").as_array().size(), 2u);
  EXPECT_EQ(six.at("unresolved"), json::array{});
  const json::value& twenty_one = doc.at("results").at(1);
  EXPECT_EQ(twenty_one.at("references"), json::array{});
  // docs/domain.md, the casebook table: "? 信州 or 東京農工, 広島".
  EXPECT_EQ(twenty_one.at("unresolved"),
            (json::array{json::array{"university/shinshu"},
                         json::array{"university/tuat", "university/hiroshima"}}));
}

TEST(NeighborsJson, NamesTheStartAndEachNeighboursDepthAndPath) {
  std::vector<Neighbor> found =
      neighbors(model(), "university/hirosaki", std::nullopt, Direction::out, 2);
  json::value doc = parsed(to_json("university/hirosaki", found));
  EXPECT_EQ(doc.at("schema"), "kyoso.neighbors/1");
  EXPECT_EQ(doc.at("id"), "university/hirosaki");
  const json::value& first = doc.at("neighbors").at(0);
  EXPECT_EQ(keys(first), (std::set<std::string>{"id", "name", "kind", "depth", "path"}));
  // Nearest first, then by id: the national layer's establishment comes before the programs.
  EXPECT_EQ(first.at("id"), "establishment/national");
  EXPECT_EQ(first.at("depth"), 1);
  EXPECT_EQ(first.at("kind"), "establishment");
  EXPECT_EQ(doc.at("neighbors").as_array().back().at("depth"), 2);
}

TEST(PathJson, GivesTheEndsTheLengthAndThePaths) {
  PathQuery q;
  q.from = "hirosaki";
  q.to = "coi-next";
  json::value doc = parsed(to_json(shortest_paths(model(), q)));
  EXPECT_EQ(keys(doc),
            (std::set<std::string>{"schema", "from", "to", "length", "paths", "truncated"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.path/1");
  EXPECT_EQ(doc.at("from"), "university/hirosaki");
  EXPECT_EQ(doc.at("to"), "program/coi-next");
  EXPECT_EQ(doc.at("length"), 2);
  EXPECT_EQ(doc.at("paths").at(0).at("nodes").as_array().size(), 3u);
  EXPECT_EQ(doc.at("truncated"), false);
}

TEST(PathJson, NoPathIsANullLength) {
  PathResult none;
  none.from = "program/a";
  none.to = "program/b";
  json::value doc = parsed(to_json(none));
  EXPECT_TRUE(doc.at("length").is_null());
  EXPECT_EQ(doc.at("paths"), json::array{});
}

TEST(PortfolioJson, IsATimelineWithDurations) {
  json::value doc = parsed(to_json(portfolio(model(), model_case())));
  EXPECT_EQ(keys(doc),
            (std::set<std::string>{"schema", "profile", "plan", "uncovered", "excluded"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.portfolio/1");
  const json::value& first = doc.at("plan").at(0);
  EXPECT_EQ(keys(first),
            (std::set<std::string>{"id", "name", "score", "covers", "start_year", "years",
                                   "years_qualifier", "years_unit", "reasons"}));
  EXPECT_EQ(first.at("id"), "program/coi-next/nurturing");
  EXPECT_EQ(first.at("start_year"), 0);
  EXPECT_EQ(first.at("years"), 2);
  EXPECT_EQ(first.at("years_qualifier"), "approx");  // 「2年度程度」
  EXPECT_EQ(first.at("years_unit"), "fiscal_years");
  EXPECT_EQ(doc.at("plan").at(1).at("start_year"), 2);
}

TEST(PortfolioJson, AnUnstatedDurationIsNull) {
  Portfolio plan;
  plan.plan.push_back(PlanItem{});
  json::value doc = parsed(to_json(plan));
  EXPECT_TRUE(doc.at("plan").at(0).at("years").is_null());
  EXPECT_TRUE(doc.at("plan").at(0).at("years_qualifier").is_null());
}

TEST(RankJson, HoldsTheProfileTheWeightsAndRanksOrder) {
  Profile profile = resolve_profile(model(), model_case());
  FitWeights weights{0.2, 0.5, 0.1, 0.2, 0.25};
  std::vector<RankedProgram> ranking = rank(model(), profile, weights);
  json::value doc = parsed(to_json(ranking, profile, weights));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "profile", "weights", "results"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.rank/2");
  EXPECT_EQ(doc.at("profile").at("mission"), "mission/regional-revitalization");
  EXPECT_EQ(doc.at("weights").at("goals").as_double(), 0.5);
  const json::array& results = doc.at("results").as_array();
  ASSERT_EQ(results.size(), ranking.size());
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    EXPECT_EQ(keys(results[i]), (std::set<std::string>{"id", "score", "eligibility"}));
    EXPECT_EQ(results[i].at("id").as_string(), ranking[i].program);
    EXPECT_EQ(results[i].at("score").to_number<double>(), ranking[i].score);
    EXPECT_EQ(results[i].at("eligibility").as_string(), to_string(ranking[i].eligibility));
  }
}

// --- every university at once ---------------------------------------------------------------

// Two universities with three programs: the second can apply to one program only.
std::vector<UniversityFit> two_universities() {
  Profile p;
  p.mission = "mission/regional-revitalization";
  p.goals = {"purpose/social-implementation"};
  UniversityFit a{"university/a",
                  p,
                  {{"program/x", 0.6000000000000001, Eligibility::eligible},
                   {"program/y", 0.5, Eligibility::not_eligible},
                   {"program/z", 0.0, Eligibility::conditional}}};
  UniversityFit b{"university/b", Profile{}, {{"program/x", 1.0, Eligibility::not_eligible}}};
  return {a, b};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(FitAllJson, ALineHoldsTheUniversityItsStoredProfileAndItsRanking) {
  std::vector<UniversityFit> fits = two_universities();
  json::value doc = parsed(to_json(fits[0]));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "university", "profile", "results"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.fit_all/2");
  EXPECT_EQ(doc.at("university"), "university/a");
  EXPECT_EQ(doc.at("profile").at("goals"), json::array{"purpose/social-implementation"});
  EXPECT_TRUE(doc.at("profile").at("stage").is_null());
  const json::array& results = doc.at("results").as_array();
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[2].at("id"), "program/z");
  EXPECT_EQ(results[2].at("eligibility"), "conditional");
  EXPECT_EQ(results[0].at("score").as_double(), 0.6000000000000001);
}

TEST(FitAllJson, ALineHasTheProfileOfTheProfileFile) {
  std::vector<UniversityFit> fits = two_universities();
  json::value doc = parsed(to_json(fits[0]));
  EXPECT_EQ(doc.at("profile"), parsed(to_json(fits[0].profile)));
}

TEST(FitAllOutput, JsonLinesAreEachUniversitysDocumentAndANewline) {
  std::vector<UniversityFit> fits = two_universities();
  std::ostringstream out;
  write_fit_all(out, fits);
  EXPECT_EQ(out.str(), to_json(fits[0]) + "\n" + to_json(fits[1]) + "\n");
}

TEST(FitAllOutput, CsvHasAHeaderAndARowPerRankWithTheJsonsNumbers) {
  std::ostringstream out;
  write_fit_all(out, two_universities(), {FitAllOutput::Format::csv, std::nullopt, false});
  EXPECT_EQ(lines_of(out.str()),
            (std::vector<std::string>{"university,rank,program,score,eligibility",
                                      "university/a,1,program/x,0.6000000000000001,eligible",
                                      "university/a,2,program/y,0.5,not-eligible",
                                      "university/a,3,program/z,0.0,conditional",
                                      "university/b,1,program/x,1.0,not-eligible"}));
}

TEST(FitAllOutput, TopAndEligibleOnlyShortenEachRankingAndRanksCountWhatIsKept) {
  std::ostringstream out;
  write_fit_all(out, two_universities(), {FitAllOutput::Format::csv, 1, true});
  EXPECT_EQ(lines_of(out.str()),
            (std::vector<std::string>{"university,rank,program,score,eligibility",
                                      "university/a,1,program/x,0.6000000000000001,eligible"}));
  std::ostringstream second;
  write_fit_all(second, two_universities(), {FitAllOutput::Format::csv, std::nullopt, true});
  EXPECT_EQ(lines_of(second.str()).at(2), "university/a,2,program/z,0.0,conditional");
  std::ostringstream jsonl;
  write_fit_all(jsonl, two_universities(), {FitAllOutput::Format::jsonl, 2, false});
  std::vector<std::string> lines = lines_of(jsonl.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(parsed(lines[0]).at("results").as_array().size(), 2u);
  EXPECT_EQ(parsed(lines[1]).at("results").as_array().size(), 1u);
}

TEST(FitAllOutput, WritesFitAllsAnswerForTheEmbeddedModel) {
  std::vector<UniversityFit> fits = fit_all(model());
  std::ostringstream out;
  write_fit_all(out, fits);
  std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), model().nodes_of_kind(Kind::university).size());
  EXPECT_EQ(parsed(lines[0]).at("university").as_string(), fits[0].university);
  // The fiscal year whose calls were read is the model's, and stated on every line.
  ASSERT_TRUE(model().info().fiscal_year);
  EXPECT_EQ(parsed(lines[0]).at("profile").at("fiscal_year"), *model().info().fiscal_year);
}

// --- the model's own documents ----------------------------------------------------------------

TEST(NodeJson, HoldsTheNodeItsFiguresInTheLanguageAndEveryEdgeAtIt) {
  json::value doc = parsed(node_json(model(), "coi-next", Lang::en));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "node", "neighbors"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.node/2");
  const json::value& node = doc.at("node");
  EXPECT_EQ(node.at("id"), "program/coi-next");
  EXPECT_EQ(node.at("kind"), "program");
  const NodeIndex coi_next = model().resolve("program/coi-next");
  const json::array& neighbors = doc.at("neighbors").as_array();
  EXPECT_EQ(neighbors.size(), model().neighbors(coi_next, Direction::both).size());
  // Outgoing first.
  EXPECT_EQ(neighbors.front().at("direction"), "out");
  EXPECT_EQ(neighbors.back().at("direction"), "in");
  const Figure* budget = model().node(coi_next).figure("budget", 2024);
  ASSERT_NE(budget, nullptr);
  bool found = false;
  for (const json::value& f : node.at("figures").as_array()) {
    if (f.at("name") == "budget" && f.at("fiscal_year") == 2024) {
      EXPECT_EQ(f.at("text").as_string(), to_text(*budget, Lang::en));
      found = true;
    }
  }
  EXPECT_TRUE(found);
  // Its calls by fiscal year, every member present, texts in both languages.
  const json::array& calls = node.at("calls").as_array();
  ASSERT_EQ(calls.size(), model().node(coi_next).calls.size());
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(keys(calls[0]), (std::set<std::string>{"status", "fiscal_year", "until_fiscal_year",
                                                   "scope", "period", "note", "sources"}));
  EXPECT_EQ(calls[0].at("status").as_string(), to_string(model().node(coi_next).calls[0].status));
  EXPECT_TRUE(calls[0].at("note").as_object().contains("en"));
  EXPECT_THROW(node_json(model(), "program/coi-nxt", Lang::ja), UnknownIdError);
}

TEST(NodesJson, ListsEveryNodeOfTheKindInIdOrderAsNodeJsonWritesIt) {
  json::value doc = parsed(nodes_json(model(), Kind::program, Lang::en));
  EXPECT_EQ(keys(doc), (std::set<std::string>{"schema", "nodes"}));
  EXPECT_EQ(doc.at("schema"), "kyoso.nodes/1");
  const json::array& nodes = doc.at("nodes").as_array();
  ASSERT_EQ(nodes.size(), model().nodes_of_kind(Kind::program).size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = model().node(model().nodes_of_kind(Kind::program)[i]);
    EXPECT_EQ(nodes[i], parsed(node_json(model(), node.id, Lang::en)).at("node")) << node.id;
  }
  EXPECT_EQ(parsed(nodes_json(model(), std::nullopt, Lang::ja)).at("nodes").as_array().size(),
            model().node_count());
}

TEST(StatsJson, CountsEveryKindAndRelationZeroOrNot) {
  json::value doc = parsed(stats_json(model()));
  EXPECT_EQ(doc.at("schema"), "kyoso.stats/1");
  EXPECT_EQ(doc.at("nodes").at("total"), model().node_count());
  EXPECT_EQ(doc.at("nodes").at("by_kind").as_object().size(), kind_count);
  EXPECT_EQ(doc.at("edges").at("by_relation").as_object().size(), relation_count);
  EXPECT_EQ(doc.at("edges").at("total"), model().edge_count());
  EXPECT_EQ(doc.at("memory").at("total"), model().memory().total());
  EXPECT_EQ(doc.at("model").at("fiscal_year"), 2024);
}

TEST(ValidationJson, NamesTheFilesAndTheScenarioOrNull) {
  json::value doc = parsed(validation_json(model(), {}, "cut.json"));
  EXPECT_EQ(doc.at("schema"), "kyoso.validate/1");
  EXPECT_EQ(doc.at("ok"), true);
  EXPECT_TRUE(doc.at("file").is_null());
  EXPECT_EQ(doc.at("files"), json::array{});
  EXPECT_EQ(doc.at("scenario"), "cut.json");
  EXPECT_EQ(doc.at("nodes"), model().node_count());
  json::value one = parsed(validation_json(model(), {"a.json"}, std::nullopt));
  EXPECT_EQ(one.at("file"), "a.json");
  EXPECT_TRUE(one.at("scenario").is_null());
  json::value two = parsed(validation_json(model(), {"a.json", "b.json"}, std::nullopt));
  EXPECT_TRUE(two.at("file").is_null());
  EXPECT_EQ(two.at("files"), (json::array{"a.json", "b.json"}));
}

TEST(ErrorJson, GivesTheTypeThePlaceAndTheSuggestion) {
  try {
    model().resolve("program/coi-nxt");
    FAIL();
  } catch (const UnknownIdError& e) {
    json::value doc = parsed(to_json(e));
    EXPECT_EQ(doc.at("schema"), "kyoso.error/1");
    EXPECT_EQ(doc.at("error").at("type"), "unknown_id");
    EXPECT_EQ(doc.at("error").at("suggestion"), "program/coi-next");
    EXPECT_TRUE(doc.at("error").at("line").is_null());
  }
  json::value parse = parsed(to_json(ParseError("bad", Location{"m.json", 3, 4, "/a", ""})));
  EXPECT_EQ(parse.at("error").at("type"), "parse");
  EXPECT_EQ(parse.at("error").at("line"), 3);
  EXPECT_EQ(parse.at("error").at("pointer"), "/a");
  EXPECT_TRUE(parse.at("error").at("suggestion").is_null());
}

// --- the profile file ---------------------------------------------------------------------

TEST(ProfileFile, ToJsonWritesEveryMemberAndReadsBackTheSame) {
  Profile p = resolve_profile(model(), model_case());
  p.stage = "stage/0";
  p.holds = {"program/j-peaks"};
  p.fiscal_year = 2025;
  std::string text = to_json(p);
  EXPECT_EQ(keys(parsed(text)),
            (std::set<std::string>{"mission", "goals", "fields", "stage", "partners", "holds",
                                   "establishment", "applicant", "fiscal_year"}));
  Profile read = parse_profile(model(), text);
  EXPECT_EQ(read.fiscal_year, 2025);
  EXPECT_EQ(read.mission, p.mission);
  EXPECT_EQ(read.goals, p.goals);
  EXPECT_EQ(read.stage, p.stage);
  EXPECT_EQ(read.holds, p.holds);
  EXPECT_EQ(read.applicant, p.applicant);
}

// --- the profile file ---------------------------------------------------------------------

TEST(ProfileFile, ReadsEveryMemberAndGivesFullIds) {
  Profile p = parse_profile(model(), R"({
    "mission": "regional-revitalization", "goals": ["social-implementation", "talent-development"],
    "fields": ["agriculture"], "stage": "stage/0", "partners": ["local-government"],
    "holds": ["j-peaks"], "establishment": "national", "applicant": "university"})");
  EXPECT_EQ(p.mission, "mission/regional-revitalization");
  EXPECT_EQ(p.goals, (std::vector<std::string>{"purpose/social-implementation",
                                               "purpose/talent-development"}));
  EXPECT_EQ(p.fields, std::vector<std::string>{"field/agriculture"});
  EXPECT_EQ(p.stage, "stage/0");
  EXPECT_EQ(p.partners, std::vector<std::string>{"partner/local-government"});
  EXPECT_EQ(p.holds, std::vector<std::string>{"program/j-peaks"});
  EXPECT_EQ(p.establishment, "establishment/national");
  EXPECT_EQ(p.applicant, "applicant/university");
}

TEST(ProfileFile, EveryMemberIsOptionalAndNullLeavesItUnstated) {
  Profile p = parse_profile(model(), R"({"mission": null, "goals": []})");
  EXPECT_TRUE(p.mission.empty());
  EXPECT_TRUE(p.goals.empty());
  EXPECT_EQ(p.applicant, "applicant/university");
}

TEST(ProfileFile, AResultsProfileReadsBackAsTheSameProfile) {
  Profile p = model_case();
  p.stage = "0";
  FitResult result = fit(model(), p);
  json::value doc = parsed(to_json(result));
  std::string profile = json::serialize(doc.at("profile"));
  Profile read = parse_profile(model(), profile);
  EXPECT_EQ(read.mission, result.profile.mission);
  EXPECT_EQ(read.goals, result.profile.goals);
  EXPECT_EQ(read.stage, result.profile.stage);
  EXPECT_EQ(read.applicant, result.profile.applicant);
}

TEST(ProfileFile, AMemberOfTheWrongTypeNamesItsPointerLineAndColumn) {
  try {
    parse_profile(model(), "{\n  \"goals\": \"social-implementation\"\n}", "me.json");
    FAIL() << "accepted a string for goals";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "me.json");
    EXPECT_EQ(e.where().pointer, "/goals");
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 12u);
  }
}

TEST(ProfileFile, AnUnknownMemberIsRefused) {
  try {
    parse_profile(model(), R"({"goal": ["social-implementation"]})", "me.json");
    FAIL() << "accepted 'goal'";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().pointer, "/goal");
    EXPECT_NE(std::string(e.what()).find("goals"), std::string::npos) << e.what();
  }
}

TEST(ProfileFile, AnUnknownIdNamesItsPointerAndTheNearestId) {
  try {
    parse_profile(model(), R"({"goals": ["social-implementation", "talent-developmnt"]})",
                  "me.json");
    FAIL() << "accepted a misspelt goal";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.where().pointer, "/goals/1");
    EXPECT_EQ(e.where().file, "me.json");
    EXPECT_EQ(e.suggestion(), "purpose/talent-development");
  }
}

TEST(ProfileFile, AnIdOfAnotherKindSaysWhichKindItIs) {
  try {
    parse_profile(model(), R"({"goals": ["program/coi-next"]})", "p.json");
    FAIL() << "no error";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.problem(), "'program/coi-next' is a program, not a purpose");
    EXPECT_EQ(e.where().pointer, "/goals/0");
  }
}

TEST(ProfileFile, TheDefaultApplicantReadsBackOnAModelWithoutApplicants) {
  Model bare = parse_model(
      R"({"schema_version": 1, "graph": {"nodes": {"purpose/q": {"metadata": {"kind": "purpose",
          "name": {"ja": "Q", "en": "Q"}}}}}})");
  Profile p = parse_profile(bare, R"({"goals": ["q"], "applicant": "applicant/university"})");
  EXPECT_EQ(p.goals, std::vector<std::string>{"purpose/q"});
  EXPECT_THROW(parse_profile(bare, R"({"applicant": "applicant/government"})"), UnknownIdError);
}

TEST(ProfileFile, AnIdOfAnotherKindIsUnknown) {
  EXPECT_THROW(parse_profile(model(), R"({"mission": "social-implementation"})"), UnknownIdError);
}

TEST(ProfileFile, TextThatIsNotJsonIsAParseError) {
  EXPECT_THROW(parse_profile(model(), R"({"mission": )"), ParseError);
  EXPECT_THROW(parse_profile(model(), R"(["mission"])"), ValidationError);
}

TEST(ProfileFile, AMissingFileIsAnIoError) {
  EXPECT_THROW(load_profile(model(), "/nonexistent/profile.json"), IoError);
}

}  // namespace
}  // namespace kyoso
