// diagnose: from a challenge to the success factors and reference cases that answer it.
// Exact checks on a small hand-built casebook, then the shipped dataset against the casebook table
// of docs/domain.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <kyoso/kyoso.hpp>

namespace kyoso {
namespace {

Node make_node(std::string id, Kind kind, std::string ja, std::string en,
               std::map<std::string, std::string> attributes = {}) {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.name = {std::move(ja), std::move(en)};
  n.attributes = std::move(attributes);
  return n;
}

Source seed_quote(std::string quote) {
  Source s;
  s.document = "000_baafbcf7ebf78061.txt";
  s.quote = std::move(quote);
  return s;
}

ModelBuilder::EdgeSpec make_edge(std::string source, std::string target, Relation relation,
                                 Certainty certainty = Certainty::certain,
                                 std::vector<Source> sources = {}) {
  ModelBuilder::EdgeSpec e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.relation = relation;
  e.certainty = certainty;
  e.detail.sources = std::move(sources);
  return e;
}

// One factor, two stages, three challenges: 01 at STEP 0 with a settled reference case; 02
// and 03 at STEP 1, 02 with its references unresolved.
Model casebook() {
  ModelBuilder b;
  Node factor = make_node("factor/1", Kind::factor, "戦略的なパートナーとの関係構築",
                          "Building relationships with strategic partners", {{"label", "❶"}});
  factor.description = {"意思決定権を持つパートナーとの出会い", "Meeting partners"};
  b.add_node(factor);
  b.add_node(make_node("stage/0", Kind::stage, "小規模・属人的な活動", "Small-scale",
                       {{"label", "STEP 0"}}));
  b.add_node(make_node("stage/1", Kind::stage, "教員個人対企業", "Faculty and companies",
                       {{"label", "STEP 1"}}));
  Node c01 = make_node("challenge/01", Kind::challenge, "企業とのコネクションが構築できない",
                       "Cannot build connections with companies", {{"block", "process"}});
  c01.sources = {seed_quote("企業とのコネクションが構築できない")};
  b.add_node(c01);
  Node c02 = make_node("challenge/02", Kind::challenge, "トップマネジメント同士の対話機会がない",
                       "No opportunities for dialogue between top managements",
                       {{"block", "process"}, {"candidates", "university/tuat | university/kobe"}});
  c02.note = {"未確定の対応", "Unresolved alignment"};
  b.add_node(c02);
  b.add_node(make_node("challenge/03", Kind::challenge, "マネジメント層のコミットが弱い",
                       "Commitment from the management layer is weak", {{"block", "structure"}}));
  b.add_node(make_node("university/tuat", Kind::university, "東京農工大学", "TUAT"));
  b.add_node(make_node("university/kobe", Kind::university, "神戸大学", "Kobe University"));
  b.add_edge(make_edge("factor/1", "challenge/01", Relation::addresses, Certainty::high,
                       {seed_quote("❶❶")}));
  b.add_edge(make_edge("factor/1", "challenge/03", Relation::addresses, Certainty::medium));
  b.add_edge(make_edge("challenge/01", "stage/0", Relation::at_stage));
  b.add_edge(make_edge("challenge/02", "stage/1", Relation::at_stage));
  b.add_edge(make_edge("challenge/03", "stage/1", Relation::at_stage));
  b.add_edge(make_edge("challenge/01", "university/tuat", Relation::reference_case, Certainty::high,
                       {seed_quote("東京農工大学/広島大学")}));
  b.add_edge(make_edge("stage/0", "stage/1", Relation::next));
  return b.build();
}

std::vector<std::string> ids(const std::vector<Diagnosis>& ds) {
  std::vector<std::string> out;
  for (const Diagnosis& d : ds) out.push_back(d.id);
  return out;
}

DiagnoseQuery by_text(std::string text) {
  DiagnoseQuery q;
  q.text = std::move(text);
  return q;
}

TEST(Diagnose, AChallengeGivesItsStageFactorsAndReferenceCases) {
  std::vector<Diagnosis> ds = diagnose(casebook(), {{"challenge/01"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  const Diagnosis& d = ds[0];
  EXPECT_EQ(d.id, "challenge/01");
  EXPECT_EQ(d.name.ja, "企業とのコネクションが構築できない");
  EXPECT_EQ(d.block, "process");
  EXPECT_EQ(d.stage, "stage/0");
  EXPECT_EQ(d.stage_name.ja, "小規模・属人的な活動");
  ASSERT_EQ(d.factors.size(), 1u);
  EXPECT_EQ(d.factors[0].id, "factor/1");
  EXPECT_EQ(d.factors[0].label, "❶");
  EXPECT_EQ(d.factors[0].name.ja, "戦略的なパートナーとの関係構築");
  EXPECT_EQ(d.factors[0].description.ja, "意思決定権を持つパートナーとの出会い");
  EXPECT_EQ(d.factors[0].certainty, Certainty::high);
  EXPECT_EQ(d.factors[0].sources, std::vector<Source>{seed_quote("❶❶")});
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].id, "university/tuat");
  EXPECT_EQ(d.references[0].name.ja, "東京農工大学");
  EXPECT_EQ(d.references[0].certainty, Certainty::high);
  EXPECT_EQ(d.references[0].sources, std::vector<Source>{seed_quote("東京農工大学/広島大学")});
  EXPECT_EQ(d.unresolved, "");
  EXPECT_EQ(d.match, 1.0);
  EXPECT_EQ(d.sources, std::vector<Source>{seed_quote("企業とのコネクションが構築できない")});
}

TEST(Diagnose, CarriesTheCertaintyOfEachFactorLink) {
  std::vector<Diagnosis> ds = diagnose(casebook(), {{"challenge/03"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_EQ(ds[0].factors.size(), 1u);
  EXPECT_EQ(ds[0].factors[0].certainty, Certainty::medium);
  EXPECT_TRUE(ds[0].factors[0].sources.empty());
  EXPECT_EQ(ds[0].block, "structure");
}

TEST(Diagnose, AnUnresolvedChallengeHasCandidatesAndNoReferenceCases) {
  std::vector<Diagnosis> ds = diagnose(casebook(), {{"challenge/02"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_TRUE(ds[0].references.empty());
  EXPECT_TRUE(ds[0].factors.empty());
  EXPECT_EQ(ds[0].unresolved, "university/tuat | university/kobe");
  EXPECT_EQ(ds[0].candidates,
            (std::vector<std::vector<std::string>>{{"university/tuat"}, {"university/kobe"}}));
  EXPECT_EQ(ds[0].note.en, "Unresolved alignment");
  EXPECT_EQ(ds[0].note.ja, "未確定の対応");
}

TEST(Diagnose, AcceptsIdsWithoutPrefixAndListsEachChallengeOnceInIdOrder) {
  std::vector<Diagnosis> ds = diagnose(casebook(), {{"03", "challenge/01", "01"}, "", ""});
  EXPECT_EQ(ids(ds), (std::vector<std::string>{"challenge/01", "challenge/03"}));
}

TEST(Diagnose, AStageGivesExactlyTheChallengesAtThatStage) {
  EXPECT_EQ(ids(diagnose(casebook(), {{}, "stage/1", ""})),
            (std::vector<std::string>{"challenge/02", "challenge/03"}));
  EXPECT_EQ(ids(diagnose(casebook(), {{}, "0", ""})), std::vector<std::string>{"challenge/01"});
}

TEST(Diagnose, ChallengesAndAStageAreUnited) {
  EXPECT_EQ(ids(diagnose(casebook(), {{"challenge/03"}, "stage/0", ""})),
            (std::vector<std::string>{"challenge/01", "challenge/03"}));
  EXPECT_EQ(ids(diagnose(casebook(), {{"challenge/03"}, "stage/1", ""})),
            (std::vector<std::string>{"challenge/02", "challenge/03"}));
}

TEST(Diagnose, TextMatchesEveryTermAsASubstringIgnoringAsciiCase) {
  std::vector<Diagnosis> ds = diagnose(casebook(), by_text("TOP Management"));
  ASSERT_EQ(ids(ds), std::vector<std::string>{"challenge/02"});
  EXPECT_EQ(ds[0].match, 1.0);
  // "management" alone is in 02 and 03; "weak" only in 03.
  EXPECT_EQ(ids(diagnose(casebook(), by_text("management weak"))),
            std::vector<std::string>{"challenge/03"});
  EXPECT_EQ(ids(diagnose(casebook(), by_text("management"))),
            (std::vector<std::string>{"challenge/02", "challenge/03"}));
}

TEST(Diagnose, TextMatchesTheJapaneseName) {
  EXPECT_EQ(ids(diagnose(casebook(), by_text("トップマネジメント"))),
            std::vector<std::string>{"challenge/02"});
  // Terms may be separated by an ideographic space.
  EXPECT_EQ(ids(diagnose(casebook(), by_text("マネジメント　コミット"))),
            std::vector<std::string>{"challenge/03"});
}

TEST(Diagnose, JapanesePhrasingThatDiffersSlightlyMatchesByBigrams) {
  // 14 of the 16 bigrams of 「企業とのコネクションを構築できない」 occur in
  // 「企業とのコネクションが構築できない」 (not ンを, を構).
  std::vector<Diagnosis> ds = diagnose(casebook(), by_text("企業とのコネクションを構築できない"));
  ASSERT_EQ(ids(ds), std::vector<std::string>{"challenge/01"});
  EXPECT_DOUBLE_EQ(ds[0].match, 14.0 / 16.0);
}

TEST(Diagnose, SharingOnlyAWordIsBelowTheBigramThreshold) {
  // 「マネジメント層」 shares 5 of the 8 bigrams of 「トップマネジメント」: 0.625 < 0.7.
  EXPECT_EQ(ids(diagnose(casebook(), by_text("トップマネジメント"))),
            std::vector<std::string>{"challenge/02"});
  EXPECT_TRUE(diagnose(casebook(), by_text("プロジェクトマネジメント")).empty());
}

TEST(Diagnose, AsciiTermsMatchOnlyAsSubstrings) {
  // Every bigram of "tome" ("to", "om", "me") is in some text, but "tome" is in none.
  EXPECT_TRUE(diagnose(casebook(), by_text("tome")).empty());
}

TEST(Diagnose, TheMatchIsTheMeanOfTheTermScores) {
  // 「コネクションを構築」: 6 of its 8 bigrams occur in challenge/01; 「企業」 occurs whole.
  std::vector<Diagnosis> ds = diagnose(casebook(), by_text("コネクションを構築 企業"));
  ASSERT_EQ(ids(ds), std::vector<std::string>{"challenge/01"});
  EXPECT_DOUBLE_EQ(ds[0].match, (6.0 / 8.0 + 1.0) / 2.0);
}

TEST(Diagnose, NamedChallengesComeFirstThenTextMatches) {
  std::vector<Diagnosis> ds = diagnose(casebook(), {{"challenge/03"}, "", "top management"});
  EXPECT_EQ(ids(ds), (std::vector<std::string>{"challenge/03", "challenge/02"}));
  // A challenge both named and matched is listed once, as named.
  EXPECT_EQ(ids(diagnose(casebook(), {{"challenge/02"}, "", "top management"})),
            std::vector<std::string>{"challenge/02"});
}

TEST(Diagnose, ATextThatMatchesNothingGivesNoResults) {
  EXPECT_TRUE(diagnose(casebook(), by_text("量子コンピュータ")).empty());
}

TEST(Diagnose, RefusesAnEmptyQuery) {
  try {
    diagnose(casebook(), {});
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.problem(), "diagnose needs a challenge, a stage or a text");
  }
  EXPECT_THROW(diagnose(casebook(), by_text("  　 ")), Error);
}

TEST(Diagnose, RefusesAnUnknownChallengeWithASuggestion) {
  try {
    diagnose(casebook(), {{"challenge/033"}, "", ""});
    FAIL() << "expected an UnknownIdError";
  } catch (const UnknownIdError& e) {
    EXPECT_EQ(e.suggestion(), "challenge/03");
  }
}

TEST(Diagnose, RefusesAStageIdOfAnotherKind) {
  EXPECT_THROW(diagnose(casebook(), {{}, "factor/1", ""}), UnknownIdError);
}

// ---- the shipped dataset against the casebook table (docs/domain.md) ------------------------

class DefaultCasebook : public ::testing::Test {
 protected:
  void SetUp() override {
    if (default_model().nodes_of_kind(Kind::challenge).empty()) {
      GTEST_SKIP() << "the compiled-in dataset has no casebook challenges";
    }
  }
  static std::vector<Diagnosis> run(DiagnoseQuery q) { return diagnose(default_model(), q); }
};

TEST_F(DefaultCasebook, ChallengeOneIsAddressedByFactorOneWithTuatAndHiroshima) {
  std::vector<Diagnosis> ds = run({{"01"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_EQ(ds[0].factors.size(), 1u);
  EXPECT_EQ(ds[0].factors[0].id, "factor/1");
  EXPECT_EQ(ds[0].factors[0].label, "❶");
  std::vector<std::string> refs;
  for (const CaseLink& c : ds[0].references) refs.push_back(c.id);
  EXPECT_EQ(refs, (std::vector<std::string>{"university/hiroshima", "university/tuat"}));
  EXPECT_EQ(ds[0].stage, "stage/0");
}

TEST_F(DefaultCasebook, StageTwoHasExactlyChallengesFifteenToTwentyThree) {
  std::vector<std::string> expected;
  for (int i = 15; i <= 23; ++i) expected.push_back("challenge/" + std::to_string(i));
  EXPECT_EQ(ids(run({{}, "stage/2", ""})), expected);
}

TEST_F(DefaultCasebook, ChallengeTwentyTwoIsUnresolved) {
  std::vector<Diagnosis> ds = run({{"challenge/22"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_TRUE(ds[0].references.empty());
  EXPECT_FALSE(ds[0].unresolved.empty());
  // docs/domain.md, the casebook table: "? 東北, 広島, 立命館 or 広島".
  EXPECT_EQ(ds[0].candidates,
            (std::vector<std::vector<std::string>>{
                {"university/tohoku", "university/hiroshima", "university/ritsumeikan"},
                {"university/hiroshima"}}));
}

TEST_F(DefaultCasebook, AResolvedChallengeHasNoCandidates) {
  std::vector<Diagnosis> ds = run({{"challenge/06"}, "", ""});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_TRUE(ds[0].candidates.empty());
}

TEST_F(DefaultCasebook, TopManagementFindsChallengesSixAndElevenInEitherLanguage) {
  std::vector<std::string> expected{"challenge/06", "challenge/11"};
  EXPECT_EQ(ids(run(by_text("トップマネジメント"))), expected);
  EXPECT_EQ(ids(run(by_text("top management"))), expected);
}

TEST_F(DefaultCasebook, TextMatchesAreRankedByMatch) {
  // 11 contains the phrase; 06 shares 8 of its 11 bigrams (トップマネジメント, not の関与).
  std::vector<Diagnosis> ds = run(by_text("トップマネジメントの関与"));
  ASSERT_EQ(ids(ds), (std::vector<std::string>{"challenge/11", "challenge/06"}));
  EXPECT_EQ(ds[0].match, 1.0);
  EXPECT_DOUBLE_EQ(ds[1].match, 8.0 / 11.0);
}

// One row of the casebook table. Certainty letters as in docs/domain.md: C, H, M.
struct Row {
  const char* id;
  const char* stage;
  const char* block;
  const char* factor;
  char factor_certainty;
  std::vector<std::string> references;  // university slugs; empty for a ? row
  char reference_certainty;
  const char* candidates;  // the ? row's alternatives
};

Certainty certainty(char letter) {
  switch (letter) {
    case 'C':
      return Certainty::certain;
    case 'H':
      return Certainty::high;
    case 'M':
      return Certainty::medium;
  }
  return Certainty::unknown;
}

std::string universities(const std::string& slugs) {
  // "tuat, hiroshima | ritsumeikan" -> "university/tuat, university/hiroshima | …"
  std::string out;
  std::size_t start = 0;
  while (start < slugs.size()) {
    std::size_t end = slugs.find_first_of(",|", start);
    if (end == std::string::npos) end = slugs.size();
    std::string slug = slugs.substr(start, end - start);
    slug.erase(0, slug.find_first_not_of(' '));
    slug.erase(slug.find_last_not_of(' ') + 1);
    out += "university/" + slug;
    if (end < slugs.size()) out += slugs[end] == ',' ? ", " : " | ";
    start = end + 1;
  }
  return out;
}

// docs/domain.md, the casebook table, row by row.
const std::vector<Row>& table() {
  static const std::vector<Row> rows{
      {"01", "0", "process", "1", 'H', {"tuat", "hiroshima"}, 'H', ""},
      {"02", "0", "process", "1", 'H', {"shinshu", "tuat", "hirosaki", "hiroshima"}, 'H', ""},
      {"03", "0", "structure", "6", 'M', {"kumamoto", "kobe", "ritsumeikan"}, 'H', ""},
      {"04", "0", "structure", "6", 'H', {"shinshu", "tuat", "nagoya", "ritsumeikan"}, 'H', ""},
      {"05", "0", "structure", "7", 'H', {"kobe", "tuat", "nagoya"}, 'H', ""},
      {"06", "1", "process", "1", 'H', {"tuat", "ritsumeikan"}, 'H', ""},
      {"07", "1", "process", "2", 'H', {"kumamoto", "ritsumeikan"}, 'H', ""},
      {"08", "1", "process", "2", 'H', {"kumamoto", "hirosaki"}, 'H', ""},
      {"09", "1", "process", "3", 'H', {"kumamoto", "hirosaki"}, 'H', ""},
      {"10", "1", "process", "3", 'H', {"nagoya", "hiroshima"}, 'H', ""},
      {"11", "1", "process", "3", 'H', {"kobe", "hiroshima"}, 'H', ""},
      {"12", "1", "structure", "5", 'H', {"tuat", "tohoku", "nagoya"}, 'H', ""},
      {"13", "1", "structure", "7", 'M', {"nagoya"}, 'H', ""},
      {"14", "1", "structure", "9", 'H', {"shinshu", "nagoya"}, 'H', ""},
      {"15", "2", "process", "1", 'H', {"tohoku", "hirosaki"}, 'H', ""},
      {"16", "2", "process", "4", 'H', {"hirosaki"}, 'H', ""},
      {"17", "2", "process", "4", 'H', {"shinshu"}, 'H', ""},
      {"18", "2", "structure", "6", 'H', {"shinshu"}, 'H', ""},
      {"19", "2", "structure", "7", 'H', {"kobe"}, 'H', ""},
      {"20", "2", "structure", "7", 'H', {}, '?', "ritsumeikan | kumamoto"},
      {"21", "2", "structure", "7", 'M', {}, '?', "shinshu | tuat, hiroshima"},
      {"22", "2", "structure", "8", 'H', {}, '?', "tohoku, hiroshima, ritsumeikan | hiroshima"},
      {"23", "2", "structure", "8", 'M', {}, '?', "kumamoto | hirosaki"},
      {"24", "1", "structure", "8", 'H', {"shinshu"}, 'C', ""},
      {"25", "1", "structure", "8", 'H', {}, '?', "tuat, hiroshima | ritsumeikan"},
      {"26", "1", "structure", "8", 'H', {}, '?', "hiroshima | shinshu"},
      {"27", "1", "structure", "8", 'H', {}, '?', "hirosaki | tohoku, hiroshima, ritsumeikan"},
  };
  return rows;
}

TEST_F(DefaultCasebook, EveryChallengeMatchesTheCasebookTable) {
  std::vector<std::string> all;
  for (const Row& row : table()) all.push_back(row.id);
  std::vector<Diagnosis> ds = run({all, "", ""});
  ASSERT_EQ(ds.size(), table().size());
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const Row& row = table()[i];
    const Diagnosis& d = ds[i];
    SCOPED_TRACE(d.id);
    EXPECT_EQ(d.id, std::string("challenge/") + row.id);
    EXPECT_EQ(d.stage, std::string("stage/") + row.stage);
    EXPECT_EQ(d.block, row.block);
    ASSERT_EQ(d.factors.size(), 1u);
    EXPECT_EQ(d.factors[0].id, std::string("factor/") + row.factor);
    EXPECT_EQ(d.factors[0].certainty, certainty(row.factor_certainty));
    std::vector<std::string> expected;
    for (const std::string& slug : row.references) expected.push_back("university/" + slug);
    std::vector<std::string> got;
    for (const CaseLink& c : d.references) {
      got.push_back(c.id);
      EXPECT_EQ(c.certainty, certainty(row.reference_certainty)) << c.id;
    }
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected);
    if (row.references.empty()) {
      EXPECT_EQ(d.unresolved, universities(row.candidates));
    } else {
      EXPECT_EQ(d.unresolved, "");
    }
  }
}

}  // namespace
}  // namespace kyoso
