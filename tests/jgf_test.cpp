// Reading and writing the JSON Graph Format: every kind of bad input is refused whole with a
// message that names the place; what is saved loads back equal, byte for byte.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <thread>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

// A small but complete document: two nodes, one edge, a figure and sources.
const std::string good = R"({
  "schema_version": 1,
  "graph": {
    "id": "tiny",
    "metadata": {"name": {"ja": "小さなモデル", "en": "tiny model"}, "fiscal_year": 2024},
    "nodes": {
      "program/coi-next": {
        "label": "共創の場形成支援プログラム",
        "metadata": {
          "kind": "program",
          "name": {"ja": "共創の場形成支援プログラム（COI-NEXT）", "en": "COI-NEXT"},
          "attributes": {"fields": "any"},
          "calls": [{"status": "open", "fiscal_year": 2024, "scope": {"ja": "育成型のみ", "en": "nurturing only"},
                     "sources": [{"document": "seed.txt", "quote": "育成型"}]}],
          "figures": [{"name": "budget", "value": 13400000000, "unit": "jpy",
                       "qualifier": "exact", "fiscal_year": 2024,
                       "sources": [{"document": "seed.txt", "quote": "令和6年度予算額 134億円"}]}],
          "sources": [{"document": "seed.txt", "section": "slide 6", "quote": "共創の場形成支援"}]
        }
      },
      "purpose/social-implementation": {
        "metadata": {"kind": "purpose", "name": {"ja": "社会実装", "en": "social implementation"}}
      }
    },
    "edges": [
      {"source": "program/coi-next", "target": "purpose/social-implementation",
       "relation": "serves", "metadata": {"certainty": "high",
       "sources": [{"publisher": "JST", "title": "call page"}]}}
    ]
  }
})";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test input lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Parses `text` (or loads `file`) expecting an error of type E; returns it.
template <class E>
E refused(const std::string& text) {
  return refused_by<E>([&] { parse_model(text, "model.json"); });
}

template <class E>
E refused_file(const std::filesystem::path& file) {
  return refused_by<E>([&] { load_model(file); });
}

TEST(Jgf, ParsesEveryPartOfTheFormat) {
  Model m = parse_model(good);
  EXPECT_EQ(m.info().id, "tiny");
  EXPECT_EQ(m.info().fiscal_year, 2024);
  const Node& coi = m.node("program/coi-next");
  EXPECT_EQ(coi.kind, Kind::program);
  EXPECT_EQ(coi.name.en, "COI-NEXT");
  EXPECT_EQ(coi.attribute("fields"), "any");
  ASSERT_EQ(coi.calls.size(), 1u);
  EXPECT_EQ(coi.calls[0].status, CallStatus::open);
  EXPECT_EQ(coi.calls[0].fiscal_year, 2024);
  EXPECT_EQ(coi.calls[0].scope.ja, "育成型のみ");
  EXPECT_EQ(coi.call(2024), &coi.calls[0]);
  EXPECT_EQ(coi.call(2025), nullptr);
  ASSERT_EQ(coi.figures.size(), 1u);
  EXPECT_EQ(coi.figures[0].value, 13'400'000'000);
  EXPECT_EQ(coi.figures[0].unit, Unit::jpy);
  EXPECT_EQ(coi.figures[0].fiscal_year, 2024);
  EXPECT_EQ(coi.figures[0].sources[0].quote, "令和6年度予算額 134億円");
  EXPECT_EQ(coi.sources[0].section, "slide 6");
  ASSERT_EQ(m.edge_count(), 1u);
  EXPECT_EQ(m.edge(0).certainty, Certainty::high);
  EXPECT_EQ(m.detail(0).sources[0].publisher, "JST");
}

TEST(Jgf, NotJsonIsRefusedWithLineAndColumn) {
  ParseError e = refused<ParseError>("{\n  \"graph\": nope\n}");
  EXPECT_EQ(e.where().file, "model.json");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_GT(e.where().column, 1u);
  EXPECT_NE(std::string(e.what()).find("model.json:2:"), std::string::npos) << e.what();
}

TEST(Jgf, TruncatedFileIsRefusedAtItsEnd) {
  std::string cut = good.substr(0, good.size() / 2);
  ParseError e = refused<ParseError>(cut);
  EXPECT_GT(e.where().line, 10u);
  EXPECT_NE(e.problem().find("invalid JSON"), std::string::npos);
}

TEST(Jgf, EmptyInputIsRefused) { refused<ParseError>(""); }

TEST(Jgf, DuplicateNodeIdIsRefusedAsADuplicateKey) {
  std::string twice =
      replace(good, R"("purpose/social-implementation": {)",
              R"("program/coi-next": {"metadata": {}}, "purpose/social-implementation": {)");
  ParseError e = refused<ParseError>(twice);
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1coi-next");
  EXPECT_NE(e.problem().find("duplicate key 'program/coi-next'"), std::string::npos);
  EXPECT_GT(e.where().line, 1u);
}

TEST(Jgf, DanglingEdgeNamesThePointerTheIdAndTheLine) {
  ValidationError e = refused<ValidationError>(replace(
      good, R"("target": "purpose/social-implementation")", R"("target": "purpose/social")"));
  EXPECT_EQ(e.where().pointer, "/graph/edges/0/target");
  EXPECT_EQ(e.where().id, "purpose/social");
  EXPECT_EQ(e.where().line, 26u);
  EXPECT_NE(std::string(e.what()).find("did you mean 'purpose/social-implementation'"),
            std::string::npos)
      << e.what();
}

TEST(Jgf, EdgeBetweenWrongKindsIsRefused) {
  ValidationError e = refused<ValidationError>(
      replace(good, R"("relation": "serves")", R"("relation": "targets")"));
  EXPECT_EQ(e.where().pointer, "/graph/edges/0");
  EXPECT_NE(e.problem().find("'targets' cannot connect program -> purpose"), std::string::npos);
}

TEST(Jgf, UnknownRelationIsRefused) {
  ValidationError e =
      refused<ValidationError>(replace(good, R"("relation": "serves")", R"("relation": "serve")"));
  EXPECT_EQ(e.where().pointer, "/graph/edges/0/relation");
  EXPECT_NE(e.problem().find("unknown relation \"serve\""), std::string::npos);
}

TEST(Jgf, UnknownKindIsRefused) {
  ValidationError e =
      refused<ValidationError>(replace(good, R"("kind": "purpose")", R"("kind": "goal")"));
  EXPECT_EQ(e.where().pointer, "/graph/nodes/purpose~1social-implementation/metadata/kind");
  EXPECT_EQ(e.where().id, "purpose/social-implementation");
}

TEST(Jgf, NodeWithoutKindIsRefused) {
  ValidationError e = refused<ValidationError>(replace(good, R"("kind": "purpose", )", ""));
  EXPECT_NE(e.problem().find("no kind"), std::string::npos);
}

TEST(Jgf, FractionalMoneyIsRefused) {
  ValidationError e = refused<ValidationError>(replace(good, "13400000000", "134.5e8"));
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1coi-next/metadata/figures/0/value");
  EXPECT_NE(e.problem().find("integer"), std::string::npos);
}

TEST(Jgf, MoneyAsAStringIsRefused) {
  refused<ValidationError>(replace(good, "13400000000", "\"134億円\""));
}

TEST(Jgf, UnknownUnitOrQualifierIsRefused) {
  refused<ValidationError>(replace(good, R"("unit": "jpy")", R"("unit": "yen")"));
  refused<ValidationError>(replace(good, R"("qualifier": "exact")", R"("qualifier": "roughly")"));
}

TEST(Jgf, MisspeltMetadataKeyIsRefusedRatherThanLost) {
  ValidationError e = refused<ValidationError>(replace(good, R"("attributes")", R"("atributes")"));
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1coi-next/metadata/atributes");
}

TEST(Jgf, MissingOrNewerSchemaVersionIsRefused) {
  refused<ValidationError>(replace(good, R"("schema_version": 1,)", ""));
  ValidationError e =
      refused<ValidationError>(replace(good, R"("schema_version": 1)", R"("schema_version": 99)"));
  EXPECT_NE(e.problem().find("unsupported schema_version 99"), std::string::npos);
}

TEST(Jgf, SourceWithoutDocumentOrPublisherIsRefused) {
  refused<ValidationError>(
      replace(good, R"({"publisher": "JST", "title": "call page"})", R"({"title": "call page"})"));
}

// --- the one-pass reader: keys in any order, errors in the order a reader expects ---------

TEST(Jgf, KeysInAnyOrderLoadTheSameModel) {
  // Edges before nodes (as saved files have them: keys are sorted), the version last, and
  // keys kyoso does not read at every level.
  std::string reordered = R"({"graph": {"type": "policy", "edges": [
      {"metadata": {"certainty": "high", "sources": [{"publisher": "JST", "title": "call page"}]},
       "relation": "serves", "label": {"nested": [1, {"x": null}]},
       "target": "purpose/social-implementation", "source": "program/coi-next"}],
    "nodes": {
      "purpose/social-implementation": {"metadata": {"name": {"en": "social implementation", "ja": "社会実装"}, "kind": "purpose"}},
      "program/coi-next": {"metadata": {"kind": "program", "name": {"ja": "共創の場形成支援プログラム（COI-NEXT）", "en": "COI-NEXT"},
          "attributes": {"fields": "any"},
          "calls": [{"status": "open", "fiscal_year": 2024, "scope": {"ja": "育成型のみ", "en": "nurturing only"},
                     "sources": [{"document": "seed.txt", "quote": "育成型"}]}],
          "figures": [{"name": "budget", "value": 13400000000, "unit": "jpy", "qualifier": "exact", "fiscal_year": 2024,
                       "sources": [{"document": "seed.txt", "quote": "令和6年度予算額 134億円"}]}],
          "sources": [{"document": "seed.txt", "section": "slide 6", "quote": "共創の場形成支援"}]},
        "label": "ignored", "extra": [[], {}]}},
    "metadata": {"fiscal_year": 2024, "name": {"ja": "小さなモデル", "en": "tiny model"}},
    "id": "tiny", "directed": true},
  "schema_version": 1})";
  EXPECT_EQ(parse_model(reordered), parse_model(good));
}

TEST(Jgf, EscapedIdsAreReadAsTheirCharacters) {
  // Escapes make Boost deliver a string in parts.
  Model m = parse_model(
      replace(good, R"("source": "program/coi-next")", R"("source": "program\/coi\u002dnext")"));
  EXPECT_EQ(m.node(m.edge(0).source).id, "program/coi-next");
}

TEST(Jgf, EdgeFieldsThatAreNotStringsOrMissingAreNamed) {
  ValidationError number = refused<ValidationError>(
      replace(good, R"("source": "program/coi-next")", R"("source": {"id": 1})"));
  EXPECT_EQ(number.where().pointer, "/graph/edges/0/source");
  EXPECT_EQ(number.problem(), "expected a string");
  ValidationError missing =
      refused<ValidationError>(replace(good, R"("target": "purpose/social-implementation",)", ""));
  EXPECT_EQ(missing.where().pointer, "/graph/edges/0");
  EXPECT_EQ(missing.problem(), "missing \"target\"");
  EXPECT_EQ(missing.where().line, 26u);  // where the edge begins
}

TEST(Jgf, ANodeThatIsNotAnObjectIsNamed) {
  ValidationError e =
      refused<ValidationError>(replace(good, R"("purpose/social-implementation": {)",
                                       R"("purpose/x": 5, "purpose/social-implementation": {)"));
  EXPECT_EQ(e.where().pointer, "/graph/nodes/purpose~1x");
  EXPECT_EQ(e.problem(), "expected a JSON object");
}

TEST(Jgf, ASyntaxErrorAfterAModelErrorIsReportedFirst) {
  // The unknown relation comes first in the file, the syntax error at its end.
  std::string text = replace(good, R"("relation": "serves")", R"("relation": "serve")");
  text += " x";
  ParseError e = refused<ParseError>(text);
  EXPECT_NE(e.problem().find("invalid JSON"), std::string::npos) << e.what();
}

TEST(Jgf, AnUnsupportedVersionAfterTheGraphIsReportedFirst) {
  // A newer file's new relation would otherwise be the complaint.
  std::string text = replace(good, R"("schema_version": 1,)", "");
  text = replace(text, R"("relation": "serves")", R"("relation": "inspires")");
  text = text.substr(0, text.rfind('}')) + ", \"schema_version\": 7}";
  ValidationError e = refused<ValidationError>(text);
  EXPECT_NE(e.problem().find("unsupported schema_version 7"), std::string::npos) << e.what();
}

TEST(Jgf, ALimitAfterAModelErrorIsReportedFirst) {
  // Saved files list edges before nodes: the bad relation comes first, the second node later.
  std::string saved = to_jgf(parse_model(good));
  std::string text = replace(saved, R"("relation": "serves")", R"("relation": "serve")");
  ASSERT_LT(text.find("\"edges\""), text.find("\"nodes\""));
  LoadLimits one_node;
  one_node.max_nodes = 1;
  ValidationError e = refused_by<ValidationError>([&] { parse_model(text, "m.json", one_node); });
  EXPECT_EQ(e.problem(), "more nodes than the limit of 1");
  EXPECT_EQ(e.where().pointer, "/graph/nodes");
  EXPECT_GT(e.where().line, 1u);
}

TEST(Jgf, DuplicateKeysAreFoundInSmallAndLargeObjects) {
  ParseError edge = refused<ParseError>(
      replace(good, R"("relation": "serves")", R"("relation": "serves", "relation": "serves")"));
  EXPECT_EQ(edge.where().pointer, "/graph/edges/0/relation");
  // Past sixteen keys an object's keys are kept in a hash set: the 20th repeats the 3rd.
  std::string attributes;
  for (int i = 0; i < 19; ++i) attributes += "\"k" + std::to_string(i) + "\": \"v\", ";
  attributes += "\"k2\": \"again\"";
  ParseError large = refused<ParseError>(
      replace(good, R"("attributes": {"fields": "any"})", "\"attributes\": {" + attributes + "}"));
  EXPECT_EQ(large.problem(), "duplicate key 'k2'");
  EXPECT_EQ(large.where().pointer, "/graph/nodes/program~1coi-next/metadata/attributes/k2");
}

// An edge's typed detail (docs/format.md, Edges): attributes and figures, read and written.
const std::string with_edge_detail =
    replace(good, R"("relation": "serves", "metadata": {"certainty": "high",)",
            R"("relation": "serves", "metadata": {"certainty": "high",
       "attributes": {"round": "2", "role": "lead"},
       "figures": [{"name": "allocation", "value": 150000000, "unit": "jpy", "fiscal_year": 2022}],)");

TEST(Jgf, EdgesCarryAttributesAndFigures) {
  Model m = parse_model(with_edge_detail);
  const EdgeDetail& d = m.detail(0);
  EXPECT_EQ(d.attribute("round"), "2");
  EXPECT_EQ(d.attribute("role"), "lead");
  EXPECT_EQ(d.attribute("missing"), "");
  ASSERT_EQ(d.figures.size(), 1u);
  EXPECT_EQ(d.figures[0].name, "allocation");
  EXPECT_EQ(d.figures[0].value, 150'000'000);
  EXPECT_EQ(d.figures[0].fiscal_year, 2022);
  std::string saved = to_jgf(m);
  EXPECT_NE(saved.find("\"round\": \"2\""), std::string::npos);
  EXPECT_EQ(parse_model(saved), m);
  EXPECT_EQ(to_jgf(parse_model(saved)), saved);
}

TEST(Jgf, AnEdgeAttributeThatIsNotAStringIsNamed) {
  auto e = refused<ValidationError>(replace(with_edge_detail, R"("round": "2")", R"("round": 2)"));
  EXPECT_EQ(e.problem(), "expected a string");
  EXPECT_EQ(e.where().pointer, "/graph/edges/0/metadata/attributes/round");
}

TEST(Jgf, AnEdgeFigureIsCheckedAsANodesIs) {
  auto e =
      refused<ValidationError>(replace(with_edge_detail, R"("unit": "jpy", "fiscal_year": 2022)",
                                       R"("unit": "yen", "fiscal_year": 2022)"));
  EXPECT_EQ(e.problem(), "unknown unit \"yen\"");
  EXPECT_EQ(e.where().pointer, "/graph/edges/0/metadata/figures/0/unit");
}

TEST(Jgf, SaveThenLoadGivesTheSameModelAndTheSameBytes) {
  Model first = parse_model(good);
  std::string saved = to_jgf(first);
  Model second = parse_model(saved);
  EXPECT_EQ(first, second);
  EXPECT_EQ(to_jgf(second), saved);
}

TEST(Jgf, OutputIsSortedIndentedUtf8) {
  std::string saved = to_jgf(parse_model(good));
  EXPECT_EQ(saved.rfind("{\n  \"graph\": {", 0), 0u) << saved.substr(0, 40);
  EXPECT_NE(saved.find("\"schema_version\": 1\n}"), std::string::npos);
  EXPECT_NE(saved.find("共創の場形成支援プログラム（COI-NEXT）"), std::string::npos);
  EXPECT_EQ(saved.back(), '\n');
}

TEST(Jgf, EmbeddedDatasetRoundTripsByteForByte) {
  const Model& model = default_model();
  std::string once = to_jgf(model);
  Model again = parse_model(once);
  EXPECT_EQ(again, model);
  EXPECT_EQ(to_jgf(again), once);
}

TEST(Jgf, LoadAndSaveFiles) {
  auto dir = test::scratch("kyoso_jgf_test");
  std::filesystem::create_directories(dir);
  auto file = dir / "model.json";
  Model m = parse_model(good);
  save_model(m, file);
  EXPECT_EQ(load_model(file), m);
  EXPECT_FALSE(std::filesystem::exists(dir / "model.json.tmp"));
  std::filesystem::remove_all(dir);
}

// load_model() parses a file as it reads it, a mebibyte at a time: strings and numbers cut
// by a piece's end, and errors past the first piece, must come out as from the whole text.
TEST(Jgf, AFileLoadsAsItsTextParses) {
  SynthOptions options;
  options.universities = 40;
  options.programs = 10;
  options.stakeholders = 2'000;
  options.edges = 12'000;
  std::string text = to_jgf(synthesize(options));
  ASSERT_GT(text.size(), std::size_t{2} << 20);  // three pieces or more
  auto file = test::scratch("kyoso_jgf_pieces");
  std::ofstream(file, std::ios::binary) << text;
  EXPECT_EQ(load_model(file), parse_model(text));

  // A model error near the end: the same line and column as from the text.
  std::string bad = text;
  std::size_t at = bad.rfind("\"kind\": \"university\"");
  ASSERT_NE(at, std::string::npos);
  bad.replace(at, 20, "\"kind\": \"universit\"");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
  ValidationError from_file = refused_file<ValidationError>(file);
  ValidationError from_text = refused<ValidationError>(bad);
  EXPECT_EQ(from_file.where().pointer, from_text.where().pointer);
  EXPECT_EQ(from_file.where().line, from_text.where().line);
  EXPECT_GT(from_file.where().line, 10'000u);
  EXPECT_EQ(from_file.where().column, from_text.where().column);

  // A syntax error in a later piece, and text after the document.
  bad = text.substr(0, text.size() - 200) + "]";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
  EXPECT_EQ(refused_file<ParseError>(file).where().line, refused<ParseError>(bad).where().line);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text << " \n x";
  EXPECT_NE(refused_file<ParseError>(file).problem().find("more text after the end"),
            std::string::npos);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text << " \n\n ";
  EXPECT_EQ(load_model(file), parse_model(text));
  std::filesystem::remove(file);
}

TEST(Jgf, APipeIsReadWholeSoErrorsKeepTheirLine) {
  // A pipe cannot be read twice: its errors still name the line, and a good model loads.
  auto fifo = test::scratch("kyoso_jgf_fifo");
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto through_pipe = [&](const std::string& text, auto load) {
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
    load();
    writer.join();
  };
  std::string bad = replace(good, R"("relation": "serves")", R"("relation": serves)");
  through_pipe(bad, [&] {
    ParseError e = refused_file<ParseError>(fifo);
    EXPECT_EQ(e.where().line, refused<ParseError>(bad).where().line);
    EXPECT_EQ(e.where().line, 27u);
  });
  through_pipe(good, [&] { EXPECT_EQ(load_model(fifo), parse_model(good)); });
  std::filesystem::remove(fifo);
}

TEST(Jgf, MissingFileIsAnIoErrorNamingIt) {
  try {
    load_model("/nonexistent/kyoso.json");
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(e.where().file, "/nonexistent/kyoso.json");
  }
}

TEST(Jgf, ErrorInsideTheFileNamesTheFile) {
  auto file = test::scratch("kyoso_bad");
  std::ofstream(file) << "{\"schema_version\": 1, \"graph\": [}";
  try {
    load_model(file);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, file.string());
    EXPECT_EQ(e.where().line, 1u);
  }
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace kyoso
