// The snapshot default_model() reads (lib/io/snapshot.hpp): made at build time from the JGF
// files, which stay the reference, it must be their model exactly and say which files it was
// made from; any model reads back as itself; and bytes that are not a whole snapshot of this
// version are refused naming the byte, never half-read.
#include "io/snapshot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <kyoso/synth.hpp>
#include <set>
#include <sstream>

#include "refused.hpp"
#include "test_model.hpp"

namespace kyoso {
namespace {

const std::filesystem::path data_dir = KYOSO_DATA_DIR;

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Snapshot, TheEmbeddedOneIsTheModelOfItsJgfFiles) {
  const std::filesystem::path core = data_dir / "fy2024.jgf.json";
  const std::filesystem::path national = data_dir / "national.jgf.json";
  detail::Snapshot embedded = detail::read_snapshot(detail::default_snapshot);
  EXPECT_EQ(embedded.model, load_layers({core, national}));
  const std::string texts[] = {read_file(core), read_file(national)};
  const std::string_view views[] = {texts[0], texts[1]};
  EXPECT_EQ(embedded.digest, detail::source_digest(views))
      << "the embedded snapshot was made from other files than data/: rebuild";
  EXPECT_EQ(default_model(), embedded.model);
}

// Written as JGF, the embedded model read from its JSON files and from its snapshot are the
// same text: a field the snapshot does not carry shows as a difference in the file.
TEST(Snapshot, TheEmbeddedModelWritesTheSameJgfAsItsJsonFiles) {
  const Model from_json =
      load_layers({data_dir / "fy2024.jgf.json", data_dir / "national.jgf.json"});
  const Model from_snapshot = detail::read_snapshot(detail::default_snapshot).model;
  EXPECT_EQ(to_jgf(from_snapshot), to_jgf(from_json));

  // What the comparison covers: the parts of a model a snapshot could drop.
  std::size_t calls = 0, call_sources = 0, scoped = 0, english_notes = 0, quotes = 0, years = 0;
  std::set<Kind> kinds;
  std::set<Relation> relations;
  std::set<CallStatus> statuses;
  for (NodeIndex i = 0; i < from_json.node_count(); ++i) {
    const Node& n = from_json.node(i);
    kinds.insert(n.kind);
    for (const Call& c : n.calls) {
      ++calls;
      statuses.insert(c.status);
      scoped += !c.scope.empty();
      call_sources += c.sources.size();
    }
    english_notes += !n.note.en.empty();
    for (const Source& s : n.sources) quotes += !s.quote.empty();
  }
  for (EdgeIndex i = 0; i < from_json.edge_count(); ++i) {
    relations.insert(from_json.edge(i).relation);
    years += from_json.edge(i).fiscal_year().has_value();
    english_notes += !from_json.detail(i).note.en.empty();
  }
  EXPECT_GT(calls, 0u);
  EXPECT_GT(call_sources, 0u);
  EXPECT_GT(scoped, 0u);
  EXPECT_GE(statuses.size(), 3u);
  EXPECT_GT(english_notes, 0u);
  EXPECT_GT(quotes, 0u);
  EXPECT_GT(years, 0u);
  EXPECT_TRUE(kinds.contains(Kind::university));
  EXPECT_TRUE(relations.contains(Relation::awarded));
}

// Every call status, the notes of every record in both languages, an edge's fiscal year and a
// quote, written and read back: the same JGF.
TEST(Snapshot, EveryFieldOfAModelReadsBack) {
  Node program;
  program.id = "program/p";
  program.kind = Kind::program;
  program.name = {"事業", "Program"};
  program.note = {"注", "note"};
  Source seed;
  seed.document = "seed";
  seed.section = "1";
  seed.quote = "引用";
  program.sources = {seed};
  Figure budget;
  budget.name = "budget";
  budget.value = 100;
  budget.unit = Unit::jpy;
  budget.fiscal_year = 2024;
  budget.note = {"予算", "budget"};
  program.figures = {budget};
  int year = 2020;
  for (CallStatus status :
       {CallStatus::open, CallStatus::promotion_only, CallStatus::continuing_only,
        CallStatus::closed, CallStatus::allocated}) {
    Call c;
    c.fiscal_year = year;
    c.until_fiscal_year = year == 2024 ? std::optional<int>(2026) : std::nullopt;
    c.status = status;
    c.scope = {"育成型のみ", "starting track only"};
    c.period = "2024-04-26/2024-06-25";
    c.note = {"注", "note"};
    Source call_source;
    call_source.publisher = "JST";
    call_source.title = "公募";
    call_source.url = "https://example.org";
    call_source.page = "2";
    c.sources = {call_source};
    program.calls.push_back(std::move(c));
    ++year;
  }
  Node purpose;
  purpose.id = "purpose/q";
  purpose.kind = Kind::purpose;
  purpose.name = {"目的", "Purpose"};
  ModelBuilder::EdgeSpec edge;
  edge.source = "program/p";
  edge.target = "purpose/q";
  edge.relation = Relation::serves;
  edge.certainty = Certainty::medium;
  edge.fiscal_year = 2025;
  edge.detail.what = {"資金", "funds"};
  edge.detail.attributes = {{"round", "2"}};
  edge.detail.note = {"注", "note"};
  ModelBuilder builder;
  builder.add_node(program).add_node(purpose).add_edge(edge);
  const Model model = std::move(builder).build();
  const Model back = detail::read_snapshot(detail::write_snapshot(model, 0)).model;
  EXPECT_EQ(to_jgf(back), to_jgf(model));
  EXPECT_EQ(back.node("program/p").calls.size(), 5u);
  EXPECT_EQ(back.node("program/p").calls[4].status, CallStatus::allocated);
  EXPECT_EQ(back.detail(0).note.en, "note");
}

TEST(Snapshot, AModelReadsBackAsItself) {
  // The core has figures, texts, attributes and quotes; a synthetic model has many edges that
  // share one detail.
  for (const Model& model : {core_model(), synthesize(SynthOptions{})}) {
    std::string bytes = detail::write_snapshot(model, 42);
    detail::Snapshot back = detail::read_snapshot(bytes);
    EXPECT_EQ(back.model, model);
    EXPECT_EQ(back.digest, 42u);
  }
}

TEST(Snapshot, EachSharedSourceIsStoredOnce) {
  const Model& model = default_model();
  std::string bytes = detail::write_snapshot(model, 0);
  std::string quote = "学校コード F103110100731 (2023-04-20)";  // 岩手大学's, on its node and edges
  std::size_t first = bytes.find(quote);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(bytes.find(quote, first + 1), std::string::npos);
}

Model small() {
  return test::Graph()
      .node("program/p")
      .node("purpose/q")
      .edge("program/p", Relation::serves, "purpose/q")
      .build();
}

TEST(Snapshot, BytesThatAreNoSnapshotAreRefused) {
  auto e = refused_by<ParseError>([] { detail::read_snapshot("{\"graph\": {}}", "x.snap"); });
  EXPECT_EQ(std::string(e.what()), "x.snap: at byte 8: not a kyoso snapshot");
}

TEST(Snapshot, AnotherVersionIsRefused) {
  std::string bytes = detail::write_snapshot(small(), 0);
  bytes[8] = static_cast<char>(detail::snapshot_version + 1);
  auto e = refused_by<ParseError>([&] { detail::read_snapshot(bytes); });
  EXPECT_NE(e.problem().find("snapshot format " + std::to_string(detail::snapshot_version + 1) +
                             ", this build reads " + std::to_string(detail::snapshot_version)),
            std::string::npos);
}

TEST(Snapshot, EveryCutIsRefusedNamingTheByte) {
  std::string bytes = detail::write_snapshot(small(), 0);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_THROW(detail::read_snapshot(std::string_view(bytes).substr(0, size)), ParseError)
        << size;
  }
  auto extra = refused_by<ParseError>([&] { detail::read_snapshot(bytes + "x"); });
  EXPECT_NE(extra.problem().find("bytes after the last edge"), std::string::npos);
}

TEST(Snapshot, EveryChangedByteIsReadOrRefusedNeverHalfRead) {
  std::string bytes = detail::write_snapshot(small(), 0);
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0x5A);
    try {
      Model m = detail::read_snapshot(changed).model;
      EXPECT_LE(m.node_count(), 2u);  // a changed text or year: still a whole model
    } catch (const ParseError&) {
    } catch (const ValidationError&) {
    }
  }
}

}  // namespace
}  // namespace kyoso
