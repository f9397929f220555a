// The embedded FY2024 core dataset (data/fy2024.jgf.json, core_model()) against the seed and
// docs/domain.md.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using kyoso::Certainty;
using kyoso::Direction;
using kyoso::EdgeIndex;
using kyoso::Kind;
using kyoso::NodeIndex;
using kyoso::Relation;

constexpr std::string_view seed_document = "000_baafbcf7ebf78061.txt";

const kyoso::Model& model() { return kyoso::core_model(); }

NodeIndex index_of(std::string_view id) {
  std::optional<NodeIndex> found = model().find(id);
  if (!found) throw std::runtime_error("the dataset has no node '" + std::string(id) + "'");
  return *found;
}

// The ids one step away from `id` along `relation`.
std::set<std::string> ids_along(std::string_view id, Relation relation,
                                Direction direction = Direction::out) {
  std::set<std::string> ids;
  for (const kyoso::Step& step : model().neighbors(index_of(id), direction, relation)) {
    ids.insert(model().node(step.node).id);
  }
  return ids;
}

// The edge source -relation-> target, or null.
std::optional<kyoso::EdgeIndex> find_edge_index(std::string_view source, Relation relation,
                                                std::string_view target) {
  NodeIndex to = index_of(target);
  for (const kyoso::Step& step : model().neighbors(index_of(source), Direction::out, relation)) {
    if (step.node == to) return step.edge;
  }
  return std::nullopt;
}

const kyoso::Edge* find_edge(std::string_view source, Relation relation, std::string_view target) {
  auto i = find_edge_index(source, relation, target);
  return i ? &model().edge(*i) : nullptr;
}

// Whitespace (ASCII only, as in the seed's line breaks and indentation) is not significant
// when a quote is compared with the seed: the extraction breaks lines mid-sentence.
std::string without_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') out += c;
  }
  return out;
}

std::string read_seed() {
  std::ifstream in(KYOSO_SEED_FILE, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read the seed at ") + KYOSO_SEED_FILE);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every source list of the model, named by the place that holds it.
std::vector<std::pair<std::string, const std::vector<kyoso::Source>*>> all_source_lists() {
  const kyoso::Model& m = model();
  std::vector<std::pair<std::string, const std::vector<kyoso::Source>*>> lists;
  lists.emplace_back("graph metadata", &m.info().sources);
  for (NodeIndex i = 0; i < m.node_count(); ++i) {
    const kyoso::Node& n = m.node(i);
    lists.emplace_back(n.id, &n.sources);
    for (const kyoso::Figure& f : n.figures)
      lists.emplace_back(n.id + " figure " + f.name, &f.sources);
  }
  for (kyoso::EdgeIndex i = 0; i < m.edge_count(); ++i) {
    const kyoso::Edge& e = m.edge(i);
    lists.emplace_back(m.node(e.source).id + " -" + std::string(kyoso::to_string(e.relation)) +
                           "-> " + m.node(e.target).id,
                       &m.detail(i).sources);
  }
  return lists;
}

// A program has a pillar when it sits in one, or is a track of a program that has one.
bool has_pillar(NodeIndex program) {
  const kyoso::Model& m = model();
  if (!m.neighbors(program, Direction::out, Relation::in_pillar).empty()) return true;
  for (const kyoso::Step& step : m.neighbors(program, Direction::out, Relation::part_of)) {
    if (m.node(step.node).kind == Kind::program && has_pillar(step.node)) return true;
  }
  return false;
}

void expect_figure(std::string_view id, std::string_view name, std::int64_t value,
                   std::string_view unit, std::string_view qualifier,
                   std::optional<int> fiscal_year = std::nullopt) {
  SCOPED_TRACE(std::string(id) + " figure " + std::string(name));
  const kyoso::Figure* figure = model().node(id).figure(name, fiscal_year);
  ASSERT_NE(figure, nullptr);
  EXPECT_EQ(figure->value, value);
  EXPECT_EQ(kyoso::to_string(figure->unit), unit);
  EXPECT_EQ(kyoso::to_string(figure->qualifier), qualifier);
  if (fiscal_year) {
    EXPECT_EQ(figure->fiscal_year, fiscal_year);
  }
}

// --- docs/domain.md, entities: the canonical ids ------------------------------------------

std::vector<std::pair<std::string, Kind>> canonical_ids() {
  std::vector<std::pair<std::string, Kind>> ids;
  auto add = [&](Kind kind, std::initializer_list<const char*> list) {
    for (const char* id : list) ids.emplace_back(id, kind);
  };
  add(Kind::package, {"package/comprehensive"});
  add(Kind::pillar, {"pillar/own-efforts", "pillar/connecting", "pillar/regional-role",
                     "pillar/institutional-reform", "pillar/base"});
  add(Kind::program,
      {"program/base-funding", "program/sparc", "program/joint-usage-system",
       "program/interdisciplinary-hub", "program/coi-next", "program/coi-next/nurturing",
       "program/coi-next/full-scale", "program/coi-next/full-scale/co-creation",
       "program/coi-next/full-scale/policy-priority", "program/coi-next/full-scale/regional",
       "program/opera", "program/regional-university-grant", "program/j-peaks",
       "program/special-zones", "program/regional-innovation-environment",
       "program/smart-agriculture", "program/local-10000", "program/international-excellence",
       "program/wpi"});
  add(Kind::purpose,
      {"purpose/talent-development", "purpose/research-infrastructure",
       "purpose/social-implementation", "purpose/management", "purpose/institutional-reform",
       "purpose/government-partnership", "purpose/regional-industry", "purpose/base-support"});
  add(Kind::mission,
      {"mission/regional-revitalization", "mission/distinctive-research", "mission/world-class"});
  add(Kind::field, {"field/agriculture", "field/manufacturing", "field/services"});
  add(Kind::applicant,
      {"applicant/university", "applicant/research-institution", "applicant/local-government",
       "applicant/consortium", "applicant/joint-usage-center"});
  add(Kind::org, {"org/mext", "org/jst", "org/jsps", "org/cao", "org/meti", "org/mic", "org/maff"});
  add(Kind::stakeholder,
      {"stakeholder/university", "stakeholder/startup", "stakeholder/vc", "stakeholder/incumbent",
       "stakeholder/company", "stakeholder/local-government", "stakeholder/state"});
  add(Kind::university, {"university/tohoku", "university/hirosaki", "university/tuat",
                         "university/shinshu", "university/nagoya", "university/kobe",
                         "university/ritsumeikan", "university/hiroshima", "university/kumamoto"});
  add(Kind::establishment,
      {"establishment/national", "establishment/public", "establishment/private"});
  add(Kind::partner, {"partner/local-government", "partner/companies", "partner/regional-bank",
                      "partner/research-institution"});
  for (int i = 1; i <= 9; ++i) ids.emplace_back("factor/" + std::to_string(i), Kind::factor);
  for (int i = 0; i <= 3; ++i) ids.emplace_back("stage/" + std::to_string(i), Kind::stage);
  for (int i = 1; i <= 27; ++i) {
    ids.emplace_back((i < 10 ? "challenge/0" : "challenge/") + std::to_string(i), Kind::challenge);
  }
  return ids;
}

// The programs of the model-case slide and the 【…】 tag each answers (docs/domain.md, the model
// case).
const std::vector<std::pair<std::string, std::string>>& model_case() {
  static const std::vector<std::pair<std::string, std::string>> programs = {
      {"program/base-funding", "purpose/base-support"},
      {"program/sparc", "purpose/talent-development"},
      {"program/joint-usage-system", "purpose/research-infrastructure"},
      {"program/coi-next", "purpose/social-implementation"},
      {"program/regional-university-grant", "purpose/social-implementation"},
      {"program/j-peaks", "purpose/management"},
      {"program/special-zones", "purpose/institutional-reform"},
      {"program/regional-innovation-environment", "purpose/government-partnership"},
      {"program/smart-agriculture", "purpose/government-partnership"},
      {"program/local-10000", "purpose/government-partnership"},
  };
  return programs;
}

// --- docs/domain.md: the casebook table -----------------------------------------------------

struct CasebookRow {
  const char* id;
  int stage;
  const char* block;
  int factor;
  Certainty factor_certainty;
  std::vector<std::string> references;  // empty for the unresolved rows
  Certainty reference_certainty;
};

const std::vector<CasebookRow>& casebook() {
  constexpr Certainty H = Certainty::high;
  constexpr Certainty M = Certainty::medium;
  constexpr Certainty C = Certainty::certain;
  constexpr Certainty U = Certainty::unknown;
  static const std::vector<CasebookRow> rows = {
      {"01", 0, "process", 1, H, {"tuat", "hiroshima"}, H},
      {"02", 0, "process", 1, H, {"shinshu", "tuat", "hirosaki", "hiroshima"}, H},
      {"03", 0, "structure", 6, M, {"kumamoto", "kobe", "ritsumeikan"}, H},
      {"04", 0, "structure", 6, H, {"shinshu", "tuat", "nagoya", "ritsumeikan"}, H},
      {"05", 0, "structure", 7, H, {"kobe", "tuat", "nagoya"}, H},
      {"06", 1, "process", 1, H, {"tuat", "ritsumeikan"}, H},
      {"07", 1, "process", 2, H, {"kumamoto", "ritsumeikan"}, H},
      {"08", 1, "process", 2, H, {"kumamoto", "hirosaki"}, H},
      {"09", 1, "process", 3, H, {"kumamoto", "hirosaki"}, H},
      {"10", 1, "process", 3, H, {"nagoya", "hiroshima"}, H},
      {"11", 1, "process", 3, H, {"kobe", "hiroshima"}, H},
      {"12", 1, "structure", 5, H, {"tuat", "tohoku", "nagoya"}, H},
      {"13", 1, "structure", 7, M, {"nagoya"}, H},
      {"14", 1, "structure", 9, H, {"shinshu", "nagoya"}, H},
      {"15", 2, "process", 1, H, {"tohoku", "hirosaki"}, H},
      {"16", 2, "process", 4, H, {"hirosaki"}, H},
      {"17", 2, "process", 4, H, {"shinshu"}, H},
      {"18", 2, "structure", 6, H, {"shinshu"}, H},
      {"19", 2, "structure", 7, H, {"kobe"}, H},
      {"20", 2, "structure", 7, H, {}, U},
      {"21", 2, "structure", 7, M, {}, U},
      {"22", 2, "structure", 8, H, {}, U},
      {"23", 2, "structure", 8, M, {}, U},
      {"24", 1, "structure", 8, H, {"shinshu"}, C},
      {"25", 1, "structure", 8, H, {}, U},
      {"26", 1, "structure", 8, H, {}, U},
      {"27", 1, "structure", 8, H, {}, U},
  };
  return rows;
}

std::string challenge_id(const CasebookRow& row) { return std::string("challenge/") + row.id; }

// === the dataset as a whole ================================================================

TEST(Dataset, DescribesTheFy2024Model) {
  const kyoso::ModelInfo& info = model().info();
  EXPECT_EQ(info.id, "kyoso-fy2024");
  EXPECT_EQ(info.fiscal_year, 2024);
  EXPECT_FALSE(info.name.ja.empty());
  EXPECT_FALSE(info.name.en.empty());
  EXPECT_FALSE(info.sources.empty());
}

TEST(Dataset, ContainsEveryCanonicalIdWithItsKind) {
  for (const auto& [id, kind] : canonical_ids()) {
    std::optional<NodeIndex> found = model().find(id);
    ASSERT_TRUE(found.has_value()) << id;
    EXPECT_EQ(kyoso::to_string(model().node(*found).kind), kyoso::to_string(kind)) << id;
  }
}

TEST(Dataset, EveryNodeHasAJapaneseAndAnEnglishName) {
  for (NodeIndex i = 0; i < model().node_count(); ++i) {
    const kyoso::Node& n = model().node(i);
    EXPECT_FALSE(n.name.ja.empty()) << n.id;
    EXPECT_FALSE(n.name.en.empty()) << n.id;
  }
}

TEST(Dataset, EveryNodeCitesASource) {
  for (NodeIndex i = 0; i < model().node_count(); ++i) {
    EXPECT_FALSE(model().node(i).sources.empty()) << model().node(i).id;
  }
}

TEST(Dataset, EveryEdgeCitesASource) {
  const kyoso::Model& m = model();
  for (kyoso::EdgeIndex i = 0; i < m.edge_count(); ++i) {
    const kyoso::Edge& e = m.edge(i);
    EXPECT_FALSE(m.detail(i).sources.empty())
        << m.node(e.source).id << " -" << kyoso::to_string(e.relation) << "-> "
        << m.node(e.target).id;
  }
}

TEST(Dataset, EveryFigureCitesASource) {
  for (NodeIndex i = 0; i < model().node_count(); ++i) {
    const kyoso::Node& n = model().node(i);
    for (const kyoso::Figure& f : n.figures)
      EXPECT_FALSE(f.sources.empty()) << n.id << " " << f.name;
  }
}

TEST(Dataset, EverySeedQuoteIsVerbatimInTheSeed) {
  const std::string seed = without_whitespace(read_seed());
  std::size_t quotes = 0;
  for (const auto& [where, sources] : all_source_lists()) {
    for (const kyoso::Source& s : *sources) {
      if (s.document != seed_document) continue;
      ++quotes;
      EXPECT_FALSE(s.section.empty()) << where;
      ASSERT_FALSE(s.quote.empty()) << where;
      EXPECT_NE(seed.find(without_whitespace(s.quote)), std::string::npos)
          << where << ": quote not in the seed: " << s.quote;
    }
  }
  EXPECT_GT(quotes, 0u);
}

TEST(Dataset, EveryOutsideSourceNamesItsTitleAndUrl) {
  for (const auto& [where, sources] : all_source_lists()) {
    for (const kyoso::Source& s : *sources) {
      if (!s.is_document()) {
        EXPECT_FALSE(s.title.empty()) << where << " (" << s.publisher << ")";
        EXPECT_TRUE(s.url.starts_with("https://") || s.url.starts_with("http://"))
            << where << " (" << s.publisher << ", " << s.title << ")";
      }
    }
  }
}

// Notes are shown to users: both languages, and nothing that points outside the project.
TEST(Dataset, EveryNoteIsWrittenForUsersInBothLanguages) {
  std::vector<std::pair<std::string, const kyoso::Text*>> notes;
  for (std::size_t i = 0; i < model().node_count(); ++i) {
    const kyoso::Node& n = model().node(static_cast<NodeIndex>(i));
    notes.emplace_back(n.id, &n.note);
    for (const kyoso::Figure& f : n.figures) notes.emplace_back(n.id + " " + f.name, &f.note);
    for (const kyoso::Call& c : n.calls) notes.emplace_back(n.id + " call", &c.note);
  }
  for (std::size_t e = 0; e < model().edge_count(); ++e) {
    notes.emplace_back("edge " + std::to_string(e),
                       &model().detail(static_cast<EdgeIndex>(e)).note);
  }
  for (const auto& [where, note] : notes) {
    if (note->empty()) continue;
    EXPECT_FALSE(note->ja.empty()) << where;
    EXPECT_FALSE(note->en.empty()) << where;
    EXPECT_NE(note->ja, note->en) << where << ": not translated";
    for (const std::string* text : {&note->ja, &note->en}) {
      EXPECT_EQ(text->find("DOMAIN.md"), std::string::npos) << where;
      EXPECT_EQ(text->find("STYLE.md"), std::string::npos) << where;
    }
  }
}

// === programs ==============================================================================

TEST(Programs, EachHasBothNamesAPillarOrIsMarkedOutsideThePackageAndASource) {
  for (NodeIndex i : model().nodes_of_kind(Kind::program)) {
    const kyoso::Node& n = model().node(i);
    EXPECT_FALSE(n.name.ja.empty()) << n.id;
    EXPECT_FALSE(n.name.en.empty()) << n.id;
    if (n.attribute("pillar") == "outside") {
      EXPECT_FALSE(n.note.ja.empty()) << n.id << ": says why it is outside";
    } else {
      EXPECT_TRUE(has_pillar(i)) << n.id;
    }
    EXPECT_FALSE(n.sources.empty()) << n.id;
  }
}

// The calls of each fiscal year, as the agencies' call pages and reports give them
// (docs/domain.md, "Calls by fiscal year"). "unknown" is a year no source settles.
struct CallRow {
  const char* program;
  int fiscal_year;
  const char* status;
};

TEST(Programs, TheCallOfEachFiscalYearIsTheSourcesReading) {
  const std::vector<CallRow> table = {
      {"program/coi-next", 2023, "open"},
      {"program/coi-next", 2024, "open"},
      {"program/coi-next", 2025, "unknown"},
      {"program/coi-next/nurturing", 2024, "open"},
      {"program/coi-next/full-scale", 2022, "open"},
      {"program/coi-next/full-scale", 2023, "promotion-only"},
      {"program/coi-next/full-scale", 2024, "promotion-only"},
      {"program/coi-next/full-scale/regional", 2024, "promotion-only"},
      {"program/coi-next/full-scale/co-creation", 2024, "promotion-only"},
      {"program/coi-next/full-scale/policy-priority", 2021, "closed"},
      {"program/coi-next/full-scale/policy-priority", 2024, "closed"},
      {"program/opera", 2024, "continuing-only"},
      {"program/j-peaks", 2023, "open"},
      {"program/j-peaks", 2024, "open"},
      {"program/j-peaks", 2025, "closed"},
      {"program/j-peaks", 2026, "closed"},
      {"program/sparc", 2022, "open"},
      {"program/sparc", 2024, "unknown"},
      {"program/interdisciplinary-hub", 2024, "open"},
      {"program/regional-university-grant", 2024, "open"},
      {"program/regional-innovation-environment", 2024, "open"},
      {"program/smart-agriculture", 2024, "open"},
      {"program/local-10000", 2024, "open"},
      {"program/special-zones", 2024, "open"},
      {"program/international-excellence", 2024, "open"},
      {"program/wpi", 2023, "open"},
      {"program/wpi", 2024, "unknown"},
      {"program/base-funding", 2024, "allocated"},
      {"program/base-funding", 2030, "allocated"},
  };
  for (const CallRow& row : table) {
    const kyoso::Call* c = model().node(row.program).call(row.fiscal_year);
    std::string got = c ? std::string(kyoso::to_string(c->status)) : "unknown";
    EXPECT_EQ(got, row.status) << row.program << " FY" << row.fiscal_year;
    if (c) {
      EXPECT_FALSE(c->sources.empty()) << row.program << " FY" << row.fiscal_year;
    }
  }
}

TEST(Programs, EachStatesItsCallsOrTakesItsParents) {
  for (NodeIndex i : model().nodes_of_kind(Kind::program)) {
    const kyoso::Node& n = model().node(i);
    bool parent_states = false;
    for (const kyoso::Step& s : model().neighbors(i, Direction::out, Relation::part_of)) {
      parent_states |= !model().node(s.node).calls.empty();
    }
    EXPECT_TRUE(!n.calls.empty() || parent_states) << n.id;
    for (const kyoso::Call& c : n.calls) EXPECT_FALSE(c.sources.empty()) << n.id;
  }
}

TEST(Programs, OperaTakesContinuingProjectsOnly) {
  EXPECT_EQ(model().node("program/opera").call(2024)->status, kyoso::CallStatus::continuing_only);
  EXPECT_TRUE(ids_along("program/opera", Relation::part_of).count("program/coi-next"));
}

TEST(Programs, BaseFundingIsAllocatedEveryYear) {
  const kyoso::Node& base = model().node("program/base-funding");
  ASSERT_EQ(base.calls.size(), 1u);
  EXPECT_EQ(base.calls[0].status, kyoso::CallStatus::allocated);
  EXPECT_FALSE(base.calls[0].fiscal_year.has_value());
  EXPECT_TRUE(ids_along("program/base-funding", Relation::in_pillar).count("pillar/base"));
}

// How a university takes part in each measure of the model-case slide (docs/fit.md): it
// files itself, joins the group that files, or takes part in what its local government files.
TEST(Programs, EachModelCaseMeasureNamesHowAUniversityTakesPart) {
  const std::vector<std::pair<const char*, Relation>> routes = {
      {"program/sparc", Relation::applied_by},
      {"program/joint-usage-system", Relation::applied_by},
      {"program/coi-next", Relation::applied_by},
      {"program/coi-next", Relation::joined_by},
      {"program/j-peaks", Relation::applied_by},
      {"program/j-peaks", Relation::joined_by},
      {"program/regional-innovation-environment", Relation::applied_by},
      {"program/smart-agriculture", Relation::joined_by},
      {"program/regional-university-grant", Relation::involves},
      {"program/special-zones", Relation::involves},
      {"program/local-10000", Relation::involves},
  };
  for (const auto& [program, relation] : routes) {
    EXPECT_NE(find_edge(program, relation, "applicant/university"), nullptr)
        << program << " " << kyoso::to_string(relation);
  }
  // Who files, where it is not the university.
  EXPECT_NE(find_edge("program/regional-university-grant", Relation::applied_by,
                      "applicant/local-government"),
            nullptr);
  EXPECT_NE(find_edge("program/special-zones", Relation::applied_by, "applicant/local-government"),
            nullptr);
  EXPECT_NE(find_edge("program/smart-agriculture", Relation::applied_by, "applicant/consortium"),
            nullptr);
}

// Where an edge's source only named its two ends, the line that ties them is quoted: every
// purpose, mission and route edge of a program has a source with a quote.
TEST(Programs, EveryPurposeMissionAndRouteEdgeHasAQuote) {
  for (NodeIndex i : model().nodes_of_kind(Kind::program)) {
    for (EdgeIndex e : model().out_edges(i)) {
      const kyoso::Edge& edge = model().edge(e);
      if (edge.relation != Relation::serves && edge.relation != Relation::targets &&
          edge.relation != Relation::applied_by && edge.relation != Relation::joined_by &&
          edge.relation != Relation::involves) {
        continue;
      }
      bool quoted = false;
      for (const kyoso::Source& s : model().detail(e).sources) quoted |= !s.quote.empty();
      EXPECT_TRUE(quoted) << model().node(i).id << " " << kyoso::to_string(edge.relation) << " "
                          << model().node(edge.target).id;
    }
  }
}

TEST(Programs, TheFy2022FundIsBehindJPeaksAndTheFacilitiesProgram) {
  EXPECT_TRUE(ids_along("program/j-peaks", Relation::funded_by).count("fund/fy2022-supplementary"));
  EXPECT_TRUE(ids_along("program/regional-core-facilities", Relation::funded_by)
                  .count("fund/fy2022-supplementary"));
  expect_figure("fund/fy2022-supplementary", "size", 200'000'000'000, "jpy", "approx", 2022);
  EXPECT_EQ(model().node("program/j-peaks").figure("fund_size")->value, 149'800'000'000);
}

TEST(Programs, AFewForNowIsNotStoredAsANumber) {
  // 「当面数校程度」 is said in words, in the note.
  const kyoso::Node& excellence = model().node("program/international-excellence");
  EXPECT_EQ(excellence.figure("universities_planned"), nullptr);
  EXPECT_NE(excellence.note.ja.find("当面数校程度"), std::string::npos);
}

TEST(Programs, CallTermFiguresCarryTheirFiscalYear) {
  for (const char* program : {"program/coi-next/nurturing", "program/coi-next/full-scale",
                              "program/opera", "program/coi-next/full-scale/co-creation",
                              "program/coi-next/full-scale/regional", "program/sparc"}) {
    for (const kyoso::Figure& f : model().node(program).figures) {
      EXPECT_TRUE(f.fiscal_year.has_value()) << program << " " << f.name;
    }
  }
}

TEST(Programs, RegionalUniversityGrantRecordsItsPillarReading) {
  const kyoso::Node& grant = model().node("program/regional-university-grant");
  EXPECT_NE(grant.note.ja.find("①"), std::string::npos);
  EXPECT_NE(grant.note.en.find("③"), std::string::npos);
  const kyoso::Edge* pillar =
      find_edge("program/regional-university-grant", Relation::in_pillar, "pillar/own-efforts");
  ASSERT_NE(pillar, nullptr);
  EXPECT_EQ(kyoso::to_string(pillar->certainty), "medium");
}

TEST(Programs, PillarsBelongToThePackage) {
  for (NodeIndex i : model().nodes_of_kind(Kind::pillar)) {
    const std::string& id = model().node(i).id;
    EXPECT_TRUE(ids_along(id, Relation::part_of).count("package/comprehensive")) << id;
  }
}

// === COI-NEXT (docs/domain.md, Figures) =====================================================

TEST(CoiNext, NurturingTrackHasItsSupportScale) {
  expect_figure("program/coi-next/nurturing", "funding_per_site", 30'000'000, "jpy_per_year",
                "approx");
  expect_figure("program/coi-next/nurturing", "duration", 2, "fiscal_years", "approx");
  expect_figure("program/coi-next/nurturing", "sites", 12, "sites", "approx");
  expect_figure("program/coi-next/nurturing", "new_sites", 6, "sites", "approx");
}

TEST(CoiNext, FullScaleTrackHasItsSupportScale) {
  expect_figure("program/coi-next/full-scale", "funding_per_site", 400'000'000, "jpy_per_year",
                "up_to");
  expect_figure("program/coi-next/full-scale", "duration", 10, "fiscal_years", "up_to");
  expect_figure("program/coi-next/full-scale", "sites", 33, "sites", "approx");
}

TEST(CoiNext, OperaHasItsSupportScale) {
  expect_figure("program/opera", "funding_per_site", 160'000'000, "jpy_per_year", "exact");
  expect_figure("program/opera", "duration", 6, "fiscal_years", "exact");
}

TEST(CoiNext, BudgetIs134OkuInFy2024And138OkuInFy2023) {
  expect_figure("program/coi-next", "budget", 13'400'000'000, "jpy", "approx", 2024);
  expect_figure("program/coi-next", "budget", 13'800'000'000, "jpy", "approx", 2023);
}

TEST(CoiNext, TracksAndFieldsArePartOfIt) {
  for (const char* track :
       {"program/coi-next/nurturing", "program/coi-next/full-scale", "program/opera"}) {
    EXPECT_TRUE(ids_along(track, Relation::part_of).count("program/coi-next")) << track;
  }
  for (const char* field :
       {"program/coi-next/full-scale/co-creation", "program/coi-next/full-scale/policy-priority",
        "program/coi-next/full-scale/regional"}) {
    EXPECT_TRUE(ids_along(field, Relation::part_of).count("program/coi-next/full-scale")) << field;
  }
}

TEST(CoiNext, NurturingIsPromotedToFullScale) {
  EXPECT_NE(
      find_edge("program/coi-next/nurturing", Relation::promotes_to, "program/coi-next/full-scale"),
      nullptr);
}

TEST(CoiNext, ReviewConsidersInternationalExcellenceAndJPeaks) {
  EXPECT_EQ(ids_along("program/coi-next", Relation::considers),
            (std::set<std::string>{"program/international-excellence", "program/j-peaks"}));
}

TEST(CoiNext, FundingFlowsFromTheStateThroughJstToUniversities) {
  auto grant = find_edge_index("stakeholder/state", Relation::flows_to, "org/jst");
  ASSERT_TRUE(grant);
  EXPECT_EQ(model().detail(*grant).what.ja, "運営費交付金");
  auto contract = find_edge_index("org/jst", Relation::flows_to, "stakeholder/university");
  ASSERT_TRUE(contract);
  EXPECT_EQ(model().detail(*contract).what.ja, "委託");
}

TEST(CoiNext, RegionalCoCreationFieldNeedsALocalGovernmentAndACompany) {
  std::set<std::string> partners =
      ids_along("program/coi-next/full-scale/regional", Relation::needs_partner);
  EXPECT_TRUE(partners.count("partner/local-government"));
  EXPECT_TRUE(partners.count("partner/companies"));
}

// === the model case (docs/domain.md) =======================================================

TEST(ModelCase, EachProgramServesItsPurposeTag) {
  for (const auto& [program, purpose] : model_case()) {
    EXPECT_TRUE(ids_along(program, Relation::serves).count(purpose))
        << program << " -> " << purpose;
  }
}

TEST(ModelCase, EachProgramTargetsRegionalRevitalization) {
  for (const auto& [program, purpose] : model_case()) {
    EXPECT_TRUE(ids_along(program, Relation::targets).count("mission/regional-revitalization"))
        << program;
  }
}

TEST(ModelCase, EachProgramDescribesItsNeedInTheSeedsWords) {
  const std::string seed = without_whitespace(read_seed());
  for (const auto& [program, purpose] : model_case()) {
    const kyoso::Node& n = model().node(program);
    ASSERT_FALSE(n.description.ja.empty()) << program;
    EXPECT_FALSE(n.description.en.empty()) << program;
    EXPECT_NE(seed.find(without_whitespace(n.description.ja)), std::string::npos) << program;
  }
}

TEST(ModelCase, SmartAgricultureAndLocal10000NameTheirApplicants) {
  EXPECT_TRUE(
      ids_along("program/smart-agriculture", Relation::applied_by).count("applicant/consortium"));
  EXPECT_TRUE(
      ids_along("program/smart-agriculture", Relation::needs_partner).count("partner/companies"));
  EXPECT_TRUE(
      ids_along("program/local-10000", Relation::applied_by).count("applicant/local-government"));
}

TEST(Eligibility, RegionalInnovationEnvironmentExcludedPublicUniversitiesInFy2022) {
  const kyoso::Edge* excluded = find_edge("program/regional-innovation-environment",
                                          Relation::excludes, "establishment/public");
  ASSERT_NE(excluded, nullptr);
  EXPECT_EQ(excluded->fiscal_year(), 2022);
}

TEST(Eligibility, PartnersMayApplyThemselves) {
  EXPECT_TRUE(ids_along("partner/local-government", Relation::applies_as)
                  .count("applicant/local-government"));
  EXPECT_TRUE(ids_along("partner/companies", Relation::applies_as).count("applicant/consortium"));
}

// === awards ================================================================================

TEST(Awards, JPeaksSelectionsCarryTheirFiscalYear) {
  const std::vector<std::pair<const char*, int>> selections = {
      {"university/tuat", 2023},       {"university/shinshu", 2023},  {"university/kobe", 2023},
      {"university/hiroshima", 2023},  {"university/hirosaki", 2024}, {"university/kumamoto", 2024},
      {"university/ritsumeikan", 2024}};
  for (const auto& [university, year] : selections) {
    const kyoso::Edge* award = find_edge(university, Relation::awarded, "program/j-peaks");
    ASSERT_NE(award, nullptr) << university;
    EXPECT_EQ(award->fiscal_year(), year) << university;
  }
}

TEST(Awards, TohokuIsCertifiedAsAnInternationalExcellenceUniversityIn2024) {
  const kyoso::Edge* award =
      find_edge("university/tohoku", Relation::awarded, "program/international-excellence");
  ASSERT_NE(award, nullptr);
  EXPECT_EQ(award->fiscal_year(), 2024);
}

// === the casebook (docs/domain.md) =========================================================

TEST(Casebook, HasNineFactorsFourStagesAndTwentySevenChallenges) {
  EXPECT_EQ(model().nodes_of_kind(Kind::factor).size(), 9u);
  EXPECT_EQ(model().nodes_of_kind(Kind::stage).size(), 4u);
  EXPECT_EQ(model().nodes_of_kind(Kind::challenge).size(), 27u);
}

TEST(Casebook, FactorsAndStagesCarryTheSeedsLabels) {
  const char* marks[] = {"❶", "❷", "❸", "❹", "❺", "❻", "❼", "❽", "❾"};
  for (int i = 1; i <= 9; ++i) {
    const kyoso::Node& factor = model().node("factor/" + std::to_string(i));
    EXPECT_EQ(factor.attribute("label"), marks[i - 1]) << factor.id;
    EXPECT_EQ(factor.attribute("block"), i <= 4 ? "process" : "structure") << factor.id;
    EXPECT_FALSE(factor.description.ja.empty()) << factor.id;
  }
  for (int i = 0; i <= 3; ++i) {
    const kyoso::Node& stage = model().node("stage/" + std::to_string(i));
    EXPECT_EQ(stage.attribute("label"), "STEP " + std::to_string(i)) << stage.id;
    EXPECT_FALSE(stage.description.ja.empty()) << stage.id;
  }
}

TEST(Casebook, StagesFollowEachOtherFromStep0ToStep3) {
  EXPECT_EQ(ids_along("stage/0", Relation::next), (std::set<std::string>{"stage/1"}));
  EXPECT_EQ(ids_along("stage/1", Relation::next), (std::set<std::string>{"stage/2"}));
  EXPECT_EQ(ids_along("stage/2", Relation::next), (std::set<std::string>{"stage/3"}));
  EXPECT_TRUE(ids_along("stage/3", Relation::next).empty());
}

TEST(Casebook, EachChallengeIsAtExactlyOneStageAndAddressedByAFactor) {
  for (NodeIndex i : model().nodes_of_kind(Kind::challenge)) {
    const kyoso::Node& challenge = model().node(i);
    EXPECT_EQ(model().neighbors(i, Direction::out, Relation::at_stage).size(), 1u) << challenge.id;
    EXPECT_GE(model().neighbors(i, Direction::in, Relation::addresses).size(), 1u) << challenge.id;
  }
}

TEST(Casebook, ChallengeNamesAreTheSeedsText) {
  const std::string seed = without_whitespace(read_seed());
  for (NodeIndex i : model().nodes_of_kind(Kind::challenge)) {
    const kyoso::Node& challenge = model().node(i);
    EXPECT_NE(seed.find(without_whitespace(challenge.name.ja)), std::string::npos) << challenge.id;
  }
}

TEST(Casebook, ChallengesSitAtTheStageBlockAndFactorOfTheTable) {
  for (const CasebookRow& row : casebook()) {
    const std::string id = challenge_id(row);
    EXPECT_EQ(ids_along(id, Relation::at_stage),
              (std::set<std::string>{"stage/" + std::to_string(row.stage)}))
        << id;
    EXPECT_EQ(model().node(id).attribute("block"), row.block) << id;
    const std::string factor = "factor/" + std::to_string(row.factor);
    const kyoso::Edge* addresses = find_edge(factor, Relation::addresses, id);
    ASSERT_NE(addresses, nullptr) << factor << " -> " << id;
    EXPECT_EQ(kyoso::to_string(addresses->certainty), kyoso::to_string(row.factor_certainty)) << id;
  }
}

TEST(Casebook, ResolvedRowsCiteExactlyTheirReferenceUniversities) {
  for (const CasebookRow& row : casebook()) {
    if (row.references.empty()) continue;
    const std::string id = challenge_id(row);
    std::set<std::string> expected;
    for (const std::string& slug : row.references) expected.insert("university/" + slug);
    EXPECT_EQ(ids_along(id, Relation::reference_case), expected) << id;
    for (const std::string& university : expected) {
      const kyoso::Edge* reference = find_edge(id, Relation::reference_case, university);
      ASSERT_NE(reference, nullptr) << id << " -> " << university;
      EXPECT_EQ(kyoso::to_string(reference->certainty), kyoso::to_string(row.reference_certainty))
          << id << " -> " << university;
    }
  }
}

TEST(Casebook, SpotCheckedRowsMatchDomainMd) {
  // Rows 01, 02, 12 and 24 of the casebook table (docs/domain.md), written out in full.
  EXPECT_EQ(ids_along("challenge/01", Relation::reference_case),
            (std::set<std::string>{"university/tuat", "university/hiroshima"}));
  EXPECT_EQ(ids_along("challenge/02", Relation::reference_case),
            (std::set<std::string>{"university/shinshu", "university/tuat", "university/hirosaki",
                                   "university/hiroshima"}));
  EXPECT_EQ(ids_along("challenge/12", Relation::reference_case),
            (std::set<std::string>{"university/tuat", "university/tohoku", "university/nagoya"}));
  EXPECT_EQ(ids_along("challenge/12", Relation::addresses, Direction::in),
            (std::set<std::string>{"factor/5"}));
  EXPECT_EQ(ids_along("challenge/24", Relation::reference_case),
            (std::set<std::string>{"university/shinshu"}));
  const kyoso::Edge* shinshu =
      find_edge("challenge/24", Relation::reference_case, "university/shinshu");
  ASSERT_NE(shinshu, nullptr);
  EXPECT_EQ(kyoso::to_string(shinshu->certainty), "certain");
}

TEST(Casebook, UnresolvedRowsKeepCandidatesInsteadOfReferenceCases) {
  for (const CasebookRow& row : casebook()) {
    if (!row.references.empty()) continue;
    const std::string id = challenge_id(row);
    EXPECT_TRUE(ids_along(id, Relation::reference_case).empty()) << id;
    std::string_view candidates = model().node(id).attribute("candidates");
    EXPECT_FALSE(candidates.empty()) << id;
    EXPECT_NE(candidates.find(" | "), std::string_view::npos) << id << ": " << candidates;
    EXPECT_FALSE(model().node(id).note.empty()) << id;
  }
}

TEST(Casebook, ResolvedRowsHaveNoCandidates) {
  for (const CasebookRow& row : casebook()) {
    if (row.references.empty()) continue;
    EXPECT_TRUE(model().node(challenge_id(row)).attribute("candidates").empty()) << row.id;
  }
}

TEST(Casebook, StatesItsScaleOnItsOwnNode) {
  expect_figure("publication/casebook", "share", 540, "basis_points", "exact");
  expect_figure("publication/casebook", "threshold", 10'000'000, "jpy", "at_least");
  expect_figure("publication/casebook", "universities", 9, "count", "exact");
  expect_figure("publication/casebook", "cases", 15, "count", "exact");
  EXPECT_TRUE(model().node("package/comprehensive").figures.empty());
  for (NodeIndex i : model().nodes_of_kind(Kind::factor)) {
    EXPECT_TRUE(
        ids_along(model().node(i).id, Relation::described_in).count("publication/casebook"));
  }
}

}  // namespace
