// The kyoso binary, run as a user runs it: arguments in; standard output, standard error
// and the exit status out. Exit statuses: 0 done, 1 bad input, 2 bad command line.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>

#include "display_width.hpp"
#include "kyoso/version.hpp"
#include "run_kyoso.hpp"

namespace {

const std::string data_dir = KYOSO_TEST_DATA_DIR;
const std::string good = data_dir + "/cli_good.jgf.json";
// The embedded dataset's two layers, as files (docs/national.md).
const std::string core_file =
    fs::path(KYOSO_SEED_FILE).parent_path().parent_path() / "fy2024.jgf.json";
const std::string national_file =
    fs::path(KYOSO_SEED_FILE).parent_path().parent_path() / "national.jgf.json";

// --- help and version ---------------------------------------------------------------------

TEST(Cli, VersionPrintsTheLibraryVersion) {
  Outcome run = kyoso({"--version"});
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "kyoso " + std::string(kyoso::version) + "\n");
  EXPECT_EQ(run.err, "");
}

TEST(Cli, HelpListsEveryCommandAndTheGlobalOptions) {
  Outcome run = kyoso({"--help"});
  EXPECT_EQ(run.status, 0);
  for (const char* word :
       {"validate", "stats", "show", "export", "--model", "--lang", "--format"}) {
    EXPECT_TRUE(contains(run.out, word)) << word;
  }
}

TEST(Cli, EveryCommandHasItsOwnHelp) {
  for (const char* command : {"validate", "stats", "show", "export"}) {
    Outcome run = kyoso({command, "--help"});
    EXPECT_EQ(run.status, 0) << command;
    EXPECT_EQ(run.out.rfind("Usage: kyoso " + std::string(command), 0), 0u) << run.out;
    EXPECT_TRUE(contains(run.out, "--model")) << command;
    EXPECT_EQ(run.err, "");
  }
}

TEST(Cli, HelpWinsOverAMissingArgument) { EXPECT_EQ(kyoso({"show", "-h"}).status, 0); }

// --- usage errors -------------------------------------------------------------------------

TEST(Cli, NoCommandIsAUsageError) { expect_usage_error(kyoso({}), "kyoso --help"); }

TEST(Cli, UnknownCommandIsAUsageError) {
  Outcome run = kyoso({"frobnicate"});
  expect_usage_error(run, "kyoso --help");
  EXPECT_TRUE(contains(run.err, "unknown command 'frobnicate'")) << run.err;
}

TEST(Cli, UnknownOptionIsAUsageError) {
  expect_usage_error(kyoso({"stats", "--bogus"}), "kyoso stats --help");
  expect_usage_error(kyoso({"--bogus"}), "kyoso --help");
}

TEST(Cli, AbbreviatedOptionIsRefused) {
  expect_usage_error(kyoso({"export", "--form", "dot"}), "kyoso export --help");
}

TEST(Cli, UnknownLanguageIsAUsageError) {
  Outcome after = kyoso({"show", "coi-next", "--lang", "fr"});
  expect_usage_error(after, "kyoso show --help");
  EXPECT_TRUE(contains(after.err, "'fr'")) << after.err;
  expect_usage_error(kyoso({"--lang=de", "stats"}), "kyoso stats --help");
}

TEST(Cli, FormatACommandDoesNotWriteIsAUsageError) {
  expect_usage_error(kyoso({"stats", "--format", "dot"}), "kyoso stats --help");
  expect_usage_error(kyoso({"export", "--format", "table"}), "kyoso export --help");
}

TEST(Cli, MissingArgumentIsAUsageError) {
  expect_usage_error(kyoso({"show"}), "kyoso show --help");
  expect_usage_error(kyoso({"--model"}), "kyoso --help");
  expect_usage_error(kyoso({"show", "--model"}), "kyoso show --help");
}

TEST(Cli, ExtraArgumentIsAUsageError) {
  expect_usage_error(kyoso({"show", "coi-next", "j-peaks"}), "kyoso show --help");
}

TEST(Cli, NegativeOrNonNumericDepthIsAUsageError) {
  expect_usage_error(kyoso({"export", "--format", "dot", "--focus", "coi-next", "--depth", "-1"}),
                     "kyoso export --help");
  expect_usage_error(kyoso({"export", "--format", "dot", "--focus", "coi-next", "--depth", "two"}),
                     "kyoso export --help");
}

TEST(Cli, DepthWithoutFocusIsAUsageError) {
  expect_usage_error(kyoso({"export", "--format", "dot", "--depth", "2"}), "kyoso export --help");
  expect_usage_error(kyoso({"export", "--depth", "1"}), "kyoso export --help");
}

TEST(Cli, UsageErrorIsFoundBeforeTheModelIsRead) {
  expect_usage_error(kyoso({"--model", data_dir + "/cli_not_json.json", "stats", "--format", "x"}),
                     "kyoso stats --help");
}

// --- validate -----------------------------------------------------------------------------

TEST(Cli, ModelGivenTwiceReadsTheFilesAsLayersOfOneModel) {
  Outcome embedded = kyoso({"validate"});
  Outcome layers = kyoso({"--model", core_file, "--model", national_file, "validate"});
  ASSERT_EQ(layers.status, 0) << layers.err;
  EXPECT_EQ(layers.out, embedded.out);
  Outcome json_run =
      kyoso({"--model", core_file, "--model", national_file, "validate", "--format", "json"});
  json::value doc = parse_json(json_run.out);
  EXPECT_EQ(doc.at("file"), nullptr);
  EXPECT_EQ(doc.at("files"), (json::array{json::value(core_file), json::value(national_file)}));
}

TEST(Cli, LayersThatDisagreeAreBadInputNamingBothFiles) {
  TempDir dir;
  std::string changed = (dir.path() / "changed.jgf.json").string();
  std::string text = read_file(good);
  // An identical copy merges into one model; another history of calls does not.
  std::ofstream(changed) << text;
  Outcome same = kyoso({"--model", good, "--model", changed, "validate"});
  EXPECT_EQ(same.status, 0) << same.err;
  EXPECT_EQ(same.out, "検証済み: ノード 10、エッジ 11\n");
  std::string call = "\"status\": \"open\"";
  auto at = text.find(call);
  ASSERT_NE(at, std::string::npos) << "cli_good.jgf.json has no open call";
  text.replace(at, call.size(), "\"status\": \"closed\"");
  std::ofstream(changed, std::ios::trunc) << text;
  Outcome run = kyoso({"--model", good, "--model", changed, "validate"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("calls is \"every year: open\" in " + good +
                         " but \"every year: closed\" in " + changed),
            std::string::npos)
      << run.err;
}

TEST(Cli, ValidateSummarisesAGoodFile) {
  Outcome run = kyoso({"validate", good});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "検証済み: ノード 10、エッジ 11\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(kyoso({"validate", good, "--lang", "en"}).out, "ok: 10 nodes, 11 edges\n");
}

TEST(Cli, ValidateReadsTheModelOptionWhenGivenNoFile) {
  EXPECT_EQ(kyoso({"--model", good, "validate"}).out, "検証済み: ノード 10、エッジ 11\n");
}

TEST(Cli, ValidateChecksTheEmbeddedModelByDefault) {
  Outcome run = kyoso({"validate"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("検証済み: ", 0), 0u) << run.out;
}

TEST(Cli, ValidateAsJson) {
  Outcome run = kyoso({"validate", good, "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.validate/1");
  EXPECT_EQ(doc.at("ok"), true);
  EXPECT_EQ(doc.at("file"), json::value(good));
  EXPECT_EQ(doc.at("model").at("id"), "cli-good");
  EXPECT_EQ(doc.at("nodes"), 10);
  EXPECT_EQ(doc.at("edges"), 11);
}

TEST(Cli, ValidateRefusesTextThatIsNotJsonNamingLineAndColumn) {
  Outcome run = kyoso({"validate", data_dir + "/cli_not_json.json"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "cli_not_json.json:1:1: ")) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Cli, ValidateRefusesADanglingEdgeNamingItsPointerAndId) {
  Outcome run = kyoso({"validate", data_dir + "/cli_dangling_edge.jgf.json"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "cli_dangling_edge.jgf.json:10:")) << run.err;
  EXPECT_TRUE(contains(run.err, "/graph/edges/0/target")) << run.err;
  EXPECT_TRUE(contains(run.err, "org/jsp")) << run.err;
}

TEST(Cli, ValidateRefusesAnUnknownKind) {
  Outcome run = kyoso({"validate", data_dir + "/cli_unknown_kind.jgf.json"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "unknown kind \"programme\"")) << run.err;
  EXPECT_TRUE(contains(run.err, "/graph/nodes/programme~1coi-next/metadata/kind")) << run.err;
}

TEST(Cli, ValidateReportsAFileThatCannotBeRead) {
  Outcome run = kyoso({"validate", data_dir + "/cli_no_such_file.json"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "cli_no_such_file.json")) << run.err;
}

TEST(Cli, BadInputWithJsonFormatIsAlsoAJsonErrorDocument) {
  Outcome run = kyoso({"validate", data_dir + "/cli_dangling_edge.jgf.json", "--format", "json"});
  expect_bad_input(run);
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.error/1");
  const json::value& error = doc.at("error");
  EXPECT_EQ(error.at("type"), "validation");
  EXPECT_EQ(error.at("pointer"), "/graph/edges/0/target");
  EXPECT_EQ(error.at("id"), "org/jsp");
  EXPECT_EQ(error.at("line"), 10);
  EXPECT_TRUE(error.at("suggestion").is_null());
}

// --- show ---------------------------------------------------------------------------------

TEST(Cli, ShowPrintsNamesFiguresNeighboursAndSourcesInJapanese) {
  Outcome run = kyoso({"--model", good, "show", "program/coi-next"});
  ASSERT_EQ(run.status, 0) << run.err;
  for (const char* part :
       {"共創の場形成支援プログラム（COI-NEXT）", "Co-Creation Hub", "毎年度  公募あり",
        "予算額  134億円  令和6年度", "→ serves", "purpose/social-implementation", "社会実装",
        "← part_of", "program/coi-next/nurturing", "「令和6年度予算額 134億円」"}) {
    EXPECT_TRUE(contains(run.out, part)) << part << "\n" << run.out;
  }
}

TEST(Cli, ShowPrintsEnglishWithLangEn) {
  Outcome run = kyoso({"--model", good, "show", "program/coi-next", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  for (const char* part : {"Co-Creation Hub Formation Support Program (COI-NEXT)",
                           "JPY 13,400,000,000", "FY2024", "social implementation", "neighbours"}) {
    EXPECT_TRUE(contains(run.out, part)) << part << "\n" << run.out;
  }
}

TEST(Cli, ShowWritesQualifiedFiguresForPeople) {
  Outcome ja = kyoso({"--model", good, "show", "program/coi-next/nurturing"});
  EXPECT_TRUE(contains(ja.out, "3千万円程度/年")) << ja.out;
  EXPECT_TRUE(contains(ja.out, "2年度程度")) << ja.out;
  Outcome en = kyoso({"--model", good, "show", "program/coi-next/full-scale", "--lang", "en"});
  EXPECT_TRUE(contains(en.out, "up to JPY 400,000,000 / year")) << en.out;
  EXPECT_TRUE(contains(en.out, "up to 10 fiscal years")) << en.out;
  Outcome approx = kyoso({"--model", good, "show", "program/coi-next/nurturing", "--lang", "en"});
  EXPECT_TRUE(contains(approx.out, "≈ JPY 30,000,000 / year")) << approx.out;
}

TEST(Cli, ShowAlignsColumnsOfJapaneseText) {
  Outcome run = kyoso({"--model", good, "show", "program/coi-next/nurturing"});
  std::istringstream lines(run.out);
  std::string header, rule, row;
  for (std::string line; std::getline(lines, line);) {
    if (contains(line, "項目")) {
      header = line;
      std::getline(lines, rule);
      std::getline(lines, row);
    }
  }
  ASSERT_TRUE(contains(row, "令和6年度")) << run.out;
  // The year column starts at the same terminal column in the header and in the row.
  auto column_of = [](const std::string& line, const std::string& part) {
    return kyoso::cli::display_width(line.substr(0, line.find(part)));
  };
  EXPECT_EQ(column_of(header, "年度"), column_of(row, "令和6年度")) << run.out;
  EXPECT_EQ(column_of(header, "値"), column_of(row, "3千万円")) << run.out;
}

TEST(Cli, ShowAcceptsAnIdWithoutItsKind) {
  Outcome run = kyoso({"--model", good, "show", "hirosaki"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "university/hirosaki")) << run.out;
  EXPECT_TRUE(contains(run.out, "弘前大学")) << run.out;
}

TEST(Cli, ShowSuggestsTheNearestIdForAMisspelling) {
  Outcome run = kyoso({"--model", good, "show", "program/coi-nxt"});
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "did you mean 'program/coi-next'")) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Cli, ShowAsJson) {
  Outcome run = kyoso({"--model", good, "show", "coi-next", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.node/2");
  const json::value& node = doc.at("node");
  EXPECT_EQ(node.at("id"), "program/coi-next");
  EXPECT_EQ(node.at("kind"), "program");
  EXPECT_EQ(node.at("name").at("en"), "Co-Creation Hub Formation Support Program (COI-NEXT)");
  EXPECT_EQ(node.at("calls").at(0).at("status"), "open");
  const json::value& budget = node.at("figures").at(0);
  EXPECT_EQ(budget.at("value"), 13400000000);
  EXPECT_EQ(budget.at("unit"), "jpy");
  EXPECT_EQ(budget.at("fiscal_year"), 2024);
  EXPECT_EQ(budget.at("text"), "134億円");
  EXPECT_EQ(node.at("sources").at(0).at("document"), "000_baafbcf7ebf78061.txt");
  bool serves = false;
  for (const json::value& n : doc.at("neighbors").as_array()) {
    serves = serves || (n.at("direction") == "out" && n.at("relation") == "serves" &&
                        n.at("id") == "purpose/social-implementation");
  }
  EXPECT_TRUE(serves) << run.out;
}

TEST(Cli, ShowJsonCarriesEdgeDetails) {
  Outcome run = kyoso({"--model", good, "show", "hirosaki", "--format", "json"});
  json::value doc = parse_json(run.out);
  const json::value& awarded = doc.at("neighbors").at(0);
  EXPECT_EQ(awarded.at("relation"), "awarded");
  EXPECT_EQ(awarded.at("fiscal_year"), 2024);
  EXPECT_EQ(awarded.at("certainty"), "high");
  EXPECT_TRUE(awarded.at("what").is_null());
}

TEST(Cli, GlobalOptionsWorkBeforeAndAfterTheCommand) {
  Outcome before = kyoso({"--lang", "en", "--model", good, "show", "coi-next"});
  Outcome after = kyoso({"show", "coi-next", "--model", good, "--lang=en"});
  EXPECT_EQ(before.status, 0) << before.err;
  EXPECT_EQ(before.out, after.out);
}

TEST(Cli, ShowOfTheEmbeddedModel) {
  Outcome run = kyoso({"show", "program/coi-next"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "COI-NEXT")) << run.out;
}

// --- stats --------------------------------------------------------------------------------

TEST(Cli, StatsAsJsonCountsEveryKindAndRelation) {
  Outcome run = kyoso({"--model", good, "stats", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema"), "kyoso.stats/1");
  EXPECT_EQ(doc.at("model").at("fiscal_year"), 2024);
  EXPECT_EQ(doc.at("nodes").at("total"), 10);
  EXPECT_EQ(doc.at("nodes").at("by_kind").at("program"), 4);
  EXPECT_EQ(doc.at("nodes").at("by_kind").at("mission"), 0);  // absent kinds are listed too
  EXPECT_EQ(doc.at("edges").at("total"), 11);
  EXPECT_EQ(doc.at("edges").at("by_relation").at("part_of"), 3);
}

TEST(Cli, StatsAsATable) {
  Outcome run = kyoso({"--model", good, "stats"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::istringstream lines(run.out);
  std::string program;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("program ", 0) == 0) program = line;
  }
  EXPECT_EQ(program.substr(program.find_last_of(' ') + 1), "4") << run.out;
  EXPECT_TRUE(contains(run.out, "合計")) << run.out;
  EXPECT_FALSE(contains(run.out, "mission")) << run.out;
}

// --- export -------------------------------------------------------------------------------

TEST(Cli, ExportWritesEachFormatToAFile) {
  TempDir dir;
  for (const char* format : {"jgf", "dot", "graphml", "node-link"}) {
    fs::path file = dir.path() / (std::string("model.") + format);
    Outcome run = kyoso({"--model", good, "export", "--format", format, "-o", file.string()});
    EXPECT_EQ(run.status, 0) << format << ": " << run.err;
    EXPECT_EQ(run.out, "") << format;
    ASSERT_TRUE(fs::exists(file)) << format;
    EXPECT_GT(fs::file_size(file), 0u) << format;
  }
  EXPECT_EQ(dir.entries().size(), 4u);  // no temporary file left beside them
  EXPECT_EQ(read_file(dir.path() / "model.dot").rfind("digraph", 0), 0u);
  EXPECT_TRUE(contains(read_file(dir.path() / "model.graphml"), "<graphml"));
  json::value node_link = parse_json(read_file(dir.path() / "model.node-link"));
  EXPECT_EQ(node_link.at("nodes").as_array().size(), 10u);
  EXPECT_EQ(kyoso({"validate", (dir.path() / "model.jgf").string()}).out,
            "検証済み: ノード 10、エッジ 11\n");
}

TEST(Cli, ExportWritesJgfToStandardOutputByDefault) {
  Outcome run = kyoso({"--model", good, "export"});
  ASSERT_EQ(run.status, 0) << run.err;
  json::value doc = parse_json(run.out);
  EXPECT_EQ(doc.at("schema_version"), 1);
  EXPECT_EQ(doc.at("graph").at("id"), "cli-good");
}

TEST(Cli, ExportFocusDrawsTheNeighbourhoodOfANode) {
  Outcome run =
      kyoso({"--model", good, "export", "--format", "dot", "--focus", "hirosaki", "--depth", "1"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "\"university/hirosaki\"")) << run.out;
  EXPECT_TRUE(contains(run.out, "\"program/j-peaks\"")) << run.out;
  EXPECT_FALSE(contains(run.out, "\"stakeholder/state\"")) << run.out;
}

// A neighbourhood is a model of its own, so every format holds the same nodes and edges.
TEST(Cli, ExportFocusWorksForEveryFormat) {
  TempDir dir;
  std::vector<std::string> focus{"--model", good, "export", "--focus", "hirosaki", "--depth", "1"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> args = focus;
    args.insert(args.end(), more.begin(), more.end());
    return kyoso(args);
  };
  Outcome jgf = with({"--format", "jgf"});
  ASSERT_EQ(jgf.status, 0) << jgf.err;
  json::value doc = parse_json(jgf.out);
  const json::object& nodes = doc.at("graph").at("nodes").as_object();
  EXPECT_TRUE(nodes.contains("university/hirosaki"));
  EXPECT_TRUE(nodes.contains("program/j-peaks"));
  EXPECT_FALSE(nodes.contains("stakeholder/state"));
  std::size_t edges = doc.at("graph").at("edges").as_array().size();

  Outcome node_link = with({"--format", "node-link"});
  ASSERT_EQ(node_link.status, 0) << node_link.err;
  json::value links = parse_json(node_link.out);
  EXPECT_EQ(links.at("nodes").as_array().size(), nodes.size());
  EXPECT_EQ(links.at("links").as_array().size(), edges);

  Outcome graphml = with({"--format", "graphml"});
  ASSERT_EQ(graphml.status, 0) << graphml.err;
  EXPECT_TRUE(contains(graphml.out, "university/hirosaki"));
  EXPECT_FALSE(contains(graphml.out, "stakeholder/state"));

  fs::path file = dir.path() / "focus.json";
  ASSERT_EQ(with({"-o", file.string()}).status, 0);
  Outcome valid = kyoso({"validate", file.string()});
  EXPECT_EQ(valid.out, "検証済み: ノード " + std::to_string(nodes.size()) + "、エッジ " +
                           std::to_string(edges) + "\n");
}

TEST(Cli, ExportFocusAtDepthZeroIsTheNodeAlone) {
  Outcome run = kyoso(
      {"--model", good, "export", "--focus", "hirosaki", "--depth", "0", "--format", "node-link"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(parse_json(run.out).at("nodes").as_array().size(), 1u);
}

TEST(Cli, FailedExportLeavesNoFileBehind) {
  TempDir dir;
  fs::path file = dir.path() / "model.dot";
  Outcome run = kyoso(
      {"--model", good, "export", "--format", "dot", "--focus", "nowhere", "-o", file.string()});
  expect_bad_input(run);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(Cli, FailedExportLeavesAnExistingFileAsItWas) {
  TempDir dir;
  fs::path file = dir.path() / "model.dot";
  std::ofstream(file) << "old\n";
  Outcome failed = kyoso(
      {"--model", good, "export", "--format", "dot", "--focus", "nowhere", "-o", file.string()});
  expect_bad_input(failed);
  EXPECT_EQ(read_file(file), "old\n");
  Outcome done = kyoso({"--model", good, "export", "--format", "dot", "-o", file.string()});
  EXPECT_EQ(done.status, 0) << done.err;
  EXPECT_EQ(read_file(file).rfind("digraph", 0), 0u);
  EXPECT_EQ(dir.entries().size(), 1u);
}

TEST(Cli, ExportIntoAMissingDirectoryIsBadInput) {
  TempDir dir;
  fs::path file = dir.path() / "missing" / "model.json";
  expect_bad_input(kyoso({"--model", good, "export", "-o", file.string()}));
  expect_bad_input(kyoso({"--model", good, "export", "-o", dir.path().string()}));
  EXPECT_TRUE(dir.entries().empty());
}

// --- -o never replaces what is not a regular file ---------------------------------------

TEST(Cli, ExportToACharacterDeviceWritesThroughIt) {
  // As root, renaming over /dev/null would replace the device with a file.
  Outcome run = kyoso({"--model", good, "export", "-o", "/dev/null"});
  EXPECT_EQ(run.status, 0) << run.err;
  struct stat info;
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
  EXPECT_TRUE(run.out.empty());
}

TEST(Cli, ExportToAFifoWritesIntoIt) {
  TempDir dir;
  fs::path fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The shell reads the FIFO in the background while kyoso writes it.
  Outcome run = kyoso({"--model", good, "export", "-o", fifo.string()},
                      "& cat " + shell_quote(fifo.string()) + "; wait");
  EXPECT_EQ(run.out.rfind("{\n  \"graph\"", 0), 0u) << run.out.substr(0, 80);
  struct stat info;
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(dir.entries().size(), 1u);  // no temporary file beside it
}

TEST(Cli, ExportThroughASymlinkWritesItsTargetAndKeepsTheLink) {
  TempDir dir;
  fs::path real = dir.path() / "real.json", link = dir.path() / "link.json";
  std::ofstream(real) << "old\n";
  fs::create_symlink("real.json", link);
  Outcome run = kyoso({"--model", good, "export", "-o", link.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read_file(real).rfind("{\n  \"graph\"", 0), 0u);
  EXPECT_EQ(dir.entries().size(), 2u);
}

TEST(Cli, ExportKeepsTheFilesPermissions) {
  TempDir dir;
  fs::path file = dir.path() / "private.json";
  std::ofstream(file) << "old\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  Outcome run = kyoso({"--model", good, "export", "-o", file.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST(Cli, ExportDoesNotFollowAFileOrLinkPlantedAtATemporaryName) {
  // The old writer used FILE.tmp: a link planted there sent the write elsewhere.
  TempDir dir;
  fs::path file = dir.path() / "model.json", victim = dir.path() / "victim";
  std::ofstream(victim) << "keep\n";
  fs::create_symlink(victim, dir.path() / "model.json.tmp");
  Outcome run = kyoso({"--model", good, "export", "-o", file.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(read_file(victim), "keep\n");
  EXPECT_TRUE(fs::is_symlink(dir.path() / "model.json.tmp"));
  EXPECT_EQ(dir.entries().size(), 3u);
}

// --- what a file puts in a name is shown, not obeyed -----------------------------------------

// A model whose program's name carries an ESC sequence and a line break.
fs::path model_with_a_hostile_name(const TempDir& dir) {
  fs::path file = dir.path() / "hostile.jgf.json";
  std::ofstream(file) << R"({"schema_version": 1, "graph": {"nodes": {
    "program/x": {"metadata": {"kind": "program",
      "name": {"ja": "X\u001b[2J\u001b]0;pwned\u0007", "en": "X\u001b[31mred\nkyoso: fake line"}}},
    "purpose/y": {"metadata": {"kind": "purpose", "name": {"ja": "Y", "en": "Y"}}}},
  "edges": [{"source": "program/x", "target": "purpose/y", "relation": "serves"}]}})";
  return file;
}

TEST(Cli, ControlCharactersInNamesAreEscapedInTables) {
  TempDir dir;
  fs::path model = model_with_a_hostile_name(dir);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--lang", "en", "fit", "--goal", "purpose/y"},
        std::vector<std::string>{"--lang", "en", "show", "program/x"},
        std::vector<std::string>{"--lang", "en", "explain", "program/x", "--goal", "purpose/y"},
        std::vector<std::string>{"--lang", "ja", "neighbors", "purpose/y", "--direction", "in"}}) {
    std::vector<std::string> line = {"--model", model.string()};
    line.insert(line.end(), args.begin(), args.end());
    Outcome run = kyoso(line);
    EXPECT_EQ(run.status, 0) << args[2] << ": " << run.err;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << args[2];
    EXPECT_EQ(run.out.find('\x07'), std::string::npos) << args[2];
    EXPECT_EQ(run.out.find("\nkyoso: fake line"), std::string::npos) << args[2];
    EXPECT_TRUE(contains(run.out, "\\x1b[")) << args[2] << ":\n" << run.out;
  }
  // JSON output is data, exact: the name as the file states it.
  Outcome json_run = kyoso({"--model", model.string(), "show", "program/x", "--format", "json"});
  EXPECT_TRUE(contains(json_run.out, R"(X\u001b[31mred\nkyoso: fake line)")) << json_run.out;
}

TEST(Cli, AnErrorAboutAHostileIdStaysOnOneEscapedLine) {
  Outcome run = kyoso({"show", "program/x\x1b[2J\nkyoso: ok"});
  expect_bad_input(run);
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_TRUE(contains(run.err, "program/x\\x1b[2J\\nkyoso: ok")) << run.err;
  Outcome usage = kyoso({"--lang", "x\x1b[2J", "stats"});
  EXPECT_EQ(usage.status, 2);
  EXPECT_EQ(usage.err.find('\x1b'), std::string::npos) << usage.err;
}

// --- never a crash ------------------------------------------------------------------------

TEST(Cli, ClosedStandardOutputIsAnErrorNotACrash) {
  Outcome run = kyoso({"--model", good, "export"}, ">&-");
  expect_bad_input(run);
  EXPECT_TRUE(contains(run.err, "standard output")) << run.err;
}

// `kyoso export | head`: the reader leaving early is not worth a message on the terminal.
TEST(Cli, AReaderThatStopsEarlyGetsWhatItReadAndNoMessage) {
  // The embedded model is megabytes: far more than a pipe holds.
  Outcome run = kyoso({"export"}, "| head -c 10");
  EXPECT_EQ(run.out.size(), 10u);
  EXPECT_EQ(run.err, "");
}

TEST(Cli, OddCommandLinesEndWithAStatusAndAMessage) {
  const std::vector<std::vector<std::string>> lines = {
      {"--model", ""},
      {"--model", "", "stats"},
      {"show", ""},
      {"show", "/"},
      {"show", "program/"},
      {"--model", good, "show", "\xFF\xFE"},
      {"export", "-o", ""},
      {"--model", data_dir, "validate"},
      {"validate", "/dev/null"},
      {"--", "show", "coi-next"},
      {"--format", "json"},
      {"--lang"},
      {"-"},
      {"export", "--format", "dot", "--focus", "coi-next", "--depth", "99999999999"},
  };
  for (const auto& line : lines) {
    std::string shown;
    for (const std::string& arg : line) shown += " '" + arg + "'";
    Outcome run = kyoso(line);
    EXPECT_FALSE(run.crashed) << shown;
    EXPECT_TRUE(run.status == 0 || run.status == 1 || run.status == 2)
        << shown << ": " << run.status;
    if (run.status != 0) {
      EXPECT_EQ(run.err.rfind("kyoso: ", 0), 0u) << shown << ": " << run.err;
    }
  }
}

}  // namespace
