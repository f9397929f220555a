// Hostile and careless input: every limit of docs/format.md ("Limits") is enforced with an
// error naming the place, and each input the fuzzers (fuzz/) found to misbehave stays fixed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <string>
#include <thread>

#include "refused.hpp"

namespace kyoso {
namespace {

// One node of each of two kinds and an edge; `NAME`, `VALUE` and `EXTRA` are filled in.
const std::string templ = R"({
  "schema_version": 1,
  "graph": {
    "nodes": {
      "program/a": {"metadata": {"kind": "program", "name": {"ja": "NAME", "en": "a"},
        "figures": [{"name": "budget", "value": VALUE, "unit": "jpy"}]EXTRA}},
      "purpose/b": {"metadata": {"kind": "purpose", "name": {"ja": "目的", "en": "b"}}}
    },
    "edges": [{"source": "program/a", "target": "purpose/b", "relation": "serves"}]
  }
})";

std::string doc(const std::string& name = "共創", const std::string& value = "100",
                const std::string& extra = "") {
  std::string out = templ;
  out.replace(out.find("NAME"), 4, name);
  out.replace(out.find("VALUE"), 5, value);
  out.replace(out.find("EXTRA"), 5, extra);
  return out;
}

template <class E>
E refused(const std::string& text, const LoadLimits& limits = {}) {
  return refused_by<E>([&] { parse_model(text, "model.json", limits); });
}

bool says(const Error& e, const std::string& words) {
  return std::string(e.what()).find(words) != std::string::npos;
}

TEST(Robustness, TheTemplateIsAValidModel) {
  Model m = parse_model(doc());
  EXPECT_EQ(m.node("program/a").name.ja, "共創");
}

// --- nesting depth ---------------------------------------------------------------------

std::string nested(std::size_t levels) {
  return std::string(levels, '[') + std::string(levels, ']');
}

TEST(Robustness, NestingDeeperThanTheLimitIsRefusedWithItsPlace) {
  // 64 levels are plain JSON (not a model); the 65th is refused while parsing.
  EXPECT_TRUE(says(refused<ValidationError>(nested(64)), "expected a JSON object"));
  ParseError e = refused<ParseError>(nested(65));
  EXPECT_EQ(e.problem(), "nested deeper than the limit of 64 levels");
  EXPECT_EQ(e.where().line, 1u);
  EXPECT_EQ(e.where().column, 65u);  // the 65th bracket
  EXPECT_EQ(e.where().pointer,
            "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/"
            "0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");
}

TEST(Robustness, DeepNestingInsideAModelNamesTheMember) {
  std::string deep = doc("n", "1", R"(, "attributes": {"x": )" + nested(100) + "}");
  ParseError e = refused<ParseError>(deep);
  EXPECT_EQ(e.where().pointer.rfind("/graph/nodes/program~1a/metadata/attributes/x/0/0", 0), 0u)
      << e.where().pointer;
  EXPECT_TRUE(says(e, "model.json:6:")) << e.what();
}

TEST(Robustness, AMillionOpenBracketsAreRefusedWithoutExhaustingTheStack) {
  refused<ParseError>(std::string(1'000'000, '['));
  refused<ParseError>(std::string(1'000'000, '{'));
  std::string objects;
  for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
  refused<ParseError>(objects);
}

TEST(Robustness, TheDepthLimitCanBeLoweredOrRaisedWithinBounds) {
  LoadLimits shallow;
  shallow.max_depth = 5;  // the template needs 7
  EXPECT_TRUE(says(refused<ParseError>(doc(), shallow), "limit of 5 levels"));
  LoadLimits deep;
  deep.max_depth = 1000;
  EXPECT_TRUE(says(refused<ValidationError>(nested(1000), deep), "expected a JSON object"));
  LoadLimits absurd;
  absurd.max_depth = 1'000'000;
  EXPECT_THROW(parse_model(doc(), "model.json", absurd), Error);
  absurd.max_depth = 0;
  EXPECT_THROW(parse_model(doc(), "model.json", absurd), Error);
}

// --- file size ---------------------------------------------------------------------------

class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("kyoso_robustness_" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json")) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(Robustness, AFileOverTheSizeLimitIsRefusedBeforeReadingNamingTheFile) {
  TempFile file(doc());
  LoadLimits small;
  small.max_file_bytes = 100;
  try {
    load_model(file.path(), small);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(e.where().file, file.path().string());
    EXPECT_TRUE(says(e, "is larger than the limit of 100 bytes")) << e.what();
  }
  EXPECT_EQ(load_model(file.path()).node_count(), 2u);  // the default limit is 1 GiB
  EXPECT_EQ(LoadLimits{}.max_file_bytes, std::size_t{1} << 30);
}

TEST(Robustness, TextOverTheSizeLimitIsRefusedToo) {
  LoadLimits small;
  small.max_file_bytes = 100;
  EXPECT_TRUE(says(refused<ParseError>(doc(), small), "larger than the limit of 100 bytes"));
}

TEST(Robustness, AnEndlessDeviceStopsAtItsFirstBadByte) {
  if (!std::filesystem::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  // Endless, and not JSON from its first byte: refused there, after one piece of it.
  ParseError e = refused_by<ParseError>([] { load_model("/dev/zero"); });
  EXPECT_EQ(e.where().file, "/dev/zero");
  EXPECT_EQ(e.where().line, 1u);
  EXPECT_EQ(e.where().column, 1u);
}

// Writes `piece` into a FIFO until the reader goes away; returns how many bytes went in.
std::size_t feed_until_closed(const std::filesystem::path& fifo, const std::string& first,
                              const std::string& piece) {
  int fd = ::open(fifo.c_str(), O_WRONLY);
  if (fd < 0) return 0;
  std::size_t total = 0;
  bool first_done = false;
  for (;;) {
    const std::string& text = first_done ? piece : first;
    first_done = true;
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n <= 0) break;  // EPIPE: the reader closed its end
    total += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return total;
}

class FifoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::signal(SIGPIPE, SIG_IGN);
    dir_ = std::filesystem::temp_directory_path() /
           ("kyoso-fifo-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    fifo_ = dir_ / "model.json";
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_, fifo_;
};

TEST_F(FifoTest, AStreamWithoutASizeIsReadToTheLimitAndNoFurther) {
  // Whitespace after "[" is valid JSON that never ends: only the size limit stops it.
  LoadLimits small;
  small.max_file_bytes = 4 << 20;
  std::size_t written = 0;
  std::thread writer([&] { written = feed_until_closed(fifo_, "[", std::string(1 << 16, ' ')); });
  IoError e = refused_by<IoError>([&] { load_model(fifo_, small); });
  writer.join();
  EXPECT_TRUE(says(e, "larger than the limit of 4194304 bytes")) << e.what();
  // The reader took the limit and one byte more; the pipe may hold what the writer got in
  // before the reader closed (64 KiB on Linux), never the next mebibyte.
  EXPECT_GT(written, small.max_file_bytes);
  EXPECT_LE(written, small.max_file_bytes + 1 + (std::size_t{1} << 18));
}

TEST_F(FifoTest, AStreamIsReadOnlyUpToItsFirstSyntaxError) {
  std::size_t written = 0;
  std::thread writer(
      [&] { written = feed_until_closed(fifo_, "{\n  x", std::string(1 << 16, ' ')); });
  ParseError e = refused_by<ParseError>([&] { load_model(fifo_); });
  writer.join();
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().column, 3u);
  EXPECT_LT(written, std::size_t{4} << 20);  // not the gibibyte the size limit allows
}

TEST_F(FifoTest, AValidationErrorInAStreamHasItsLineAndColumn) {
  const std::string text = doc("共創", "100", R"(, "bogus": 1)");
  std::thread writer([&] { feed_until_closed(fifo_, text, ""); });
  ValidationError e = refused_by<ValidationError>([&] { load_model(fifo_); });
  writer.join();
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1a/metadata/bogus");
  ValidationError same = refused<ValidationError>(text);
  EXPECT_EQ(e.where().line, same.where().line);
  EXPECT_EQ(e.where().column, same.where().column);
  EXPECT_EQ(e.where().line, 6u);
}

// --- string length -----------------------------------------------------------------------

TEST(Robustness, AStringOverTheLimitIsRefusedNamingItsPointer) {
  LoadLimits limits;
  limits.max_string_bytes = 16;
  EXPECT_NO_THROW(parse_model(doc("0123456789abcdef"), "model.json", limits));
  ParseError e = refused<ParseError>(doc("0123456789abcdefg"), limits);
  EXPECT_EQ(e.problem(), "string longer than the limit of 16 bytes");
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1a/metadata/name/ja");
  EXPECT_EQ(e.where().line, 5u);
}

TEST(Robustness, TheStringLimitCountsBytesNotCharacters) {
  LoadLimits limits;
  limits.max_string_bytes = 16;
  refused<ParseError>(doc("共創の場形成支援"), limits);  // 8 characters, 24 bytes
}

TEST(Robustness, AKeyOverTheLimitIsRefused) {
  LoadLimits limits;
  limits.max_string_bytes = 16;
  std::string long_id = doc("n", "1", R"(, "attributes": {"a-very-long-attribute-name": "x"})");
  ParseError e = refused<ParseError>(long_id, limits);
  EXPECT_EQ(e.problem(), "key longer than the limit of 16 bytes");
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1a/metadata/attributes");
}

TEST(Robustness, TheDefaultStringLimitIsOneMebibyte) {
  std::string mebibyte(std::size_t{1} << 20, 'x');
  EXPECT_NO_THROW(parse_model(doc(mebibyte)));
  EXPECT_TRUE(says(refused<ParseError>(doc(mebibyte + "x")), "limit of 1048576 bytes"));
}

// --- node and edge counts ----------------------------------------------------------------

TEST(Robustness, MoreNodesOrEdgesThanTheLimitAreRefused) {
  LoadLimits limits;
  limits.max_nodes = 1;
  ValidationError nodes = refused<ValidationError>(doc(), limits);
  EXPECT_EQ(nodes.problem(), "more nodes than the limit of 1");
  EXPECT_EQ(nodes.where().pointer, "/graph/nodes");
  EXPECT_EQ(nodes.where().line, 4u);
  limits = {};
  limits.max_edges = 0;
  ValidationError edges = refused<ValidationError>(doc(), limits);
  EXPECT_EQ(edges.problem(), "more edges than the limit of 0");
  EXPECT_EQ(edges.where().pointer, "/graph/edges");
  EXPECT_EQ(LoadLimits{}.max_nodes, 10'000'000u);
  EXPECT_EQ(LoadLimits{}.max_edges, 10'000'000u);
}

// --- numbers -----------------------------------------------------------------------------

TEST(Robustness, IntegersBeyondInt64AreOutOfRange) {
  EXPECT_EQ(parse_model(doc("n", "9223372036854775807")).node("program/a").figures[0].value,
            9223372036854775807);
  for (const char* big : {"9223372036854775808", "18446744073709551615", "18446744073709551616",
                          "99999999999999999999999", "-9223372036854775809"}) {
    ValidationError e = refused<ValidationError>(doc("n", big));
    EXPECT_TRUE(says(e, "integer out of range")) << big << ": " << e.what();
    EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1a/metadata/figures/0/value");
  }
}

TEST(Robustness, WholeNumbersWithAnExponentOrFractionAreNotIntegers) {
  EXPECT_TRUE(says(refused<ValidationError>(doc("n", "1e3")), "without a decimal point"));
  EXPECT_TRUE(says(refused<ValidationError>(doc("n", "100.0")), "without a decimal point"));
  EXPECT_TRUE(says(refused<ValidationError>(doc("n", "0.5")), "not a fraction"));
}

TEST(Robustness, FiscalYearsOutOfRangeAreRefused) {
  for (const char* year : {"1899", "2201", "-2024", "32768", "4294967296", "1e999"}) {
    std::string text = doc("n", std::string("1, \"fiscal_year\": ") + year);
    try {
      parse_model(text, "model.json");
      ADD_FAILURE() << year << " accepted";
    } catch (const Error& e) {
      EXPECT_TRUE(says(e, "fiscal_year") || says(e, "out of range")) << e.what();
    }
  }
  EXPECT_EQ(
      parse_model(doc("n", "1, \"fiscal_year\": 2200")).node("program/a").figures[0].fiscal_year,
      2200);
}

TEST(Robustness, NumbersThatOverflowADoubleAreRefusedNotMadeInfinite) {
  for (const char* huge : {"1e999", "-1e999", "1.5e308000", "1e99999999999999999999"}) {
    ParseError e = refused<ParseError>(doc("n", huge));
    EXPECT_TRUE(says(e, "number out of range")) << huge << ": " << e.what();
    EXPECT_EQ(e.where().line, 6u) << huge;
  }
  // Even where kyoso ignores the value (a JGF label), since JSON cannot spell infinity.
  std::string label = doc();
  label.replace(label.find(R"("purpose/b": {)"), 14, R"("purpose/b": {"label": 1e400, )");
  EXPECT_EQ(refused<ParseError>(label).where().pointer, "/graph/nodes/purpose~1b/label");
}

// --- UTF-8 -------------------------------------------------------------------------------

TEST(Robustness, InvalidUtf8IsRefusedWithItsLineAndColumn) {
  for (const char* bad : {"\xff", "ab\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "\xe5\x85", "\x80", "共\xe5\x85"}) {
    ParseError e = refused<ParseError>(doc(bad));
    EXPECT_EQ(e.problem(), "invalid UTF-8") << e.what();
    EXPECT_EQ(e.where().line, 5u);
  }
  EXPECT_EQ(refused<ParseError>(doc("ab\xff")).where().column, 71u);  // the bad byte
}

TEST(Robustness, UnpairedSurrogateEscapesAreRefused) {
  for (const char* bad : {"\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041"}) {
    ParseError e = refused<ParseError>(doc(bad));
    EXPECT_TRUE(says(e, "unpaired UTF-16 surrogate")) << bad << ": " << e.what();
  }
  EXPECT_EQ(parse_model(doc("\\ud83c\\udf38")).node("program/a").name.ja, "🌸");
}

TEST(Robustness, InvalidUtf8InAFileNamesTheFile) {
  TempFile file(doc("\xff"));
  try {
    load_model(file.path());
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, file.path().string());
    EXPECT_TRUE(says(e, ":5:")) << e.what();
  }
}

// --- duplicate keys ----------------------------------------------------------------------

TEST(Robustness, DuplicateKeysAreRefusedAtAnyDepth) {
  struct Case {
    std::string text;
    std::string pointer;
  };
  std::string top = doc();
  top.replace(top.find(R"("graph")"), 7, R"("graph": {}, "graph")");
  std::string edge = doc();
  edge.replace(edge.find(R"("relation": "serves")"), 20,
               R"("relation": "serves", "relation": "targets")");
  const Case cases[] = {
      {top, "/graph"},
      {doc("n", "1", R"(, "kind": "purpose")"), "/graph/nodes/program~1a/metadata/kind"},
      {doc(R"(n", "ja": "m)"), "/graph/nodes/program~1a/metadata/name/ja"},
      {doc("n", R"(1, "value": 2)"), "/graph/nodes/program~1a/metadata/figures/0/value"},
      {doc("n", "1", R"(, "attributes": {"fields": "any", "fields": "other"})"),
       "/graph/nodes/program~1a/metadata/attributes/fields"},
      {doc("n", "1", R"(, "attributes": {"x~/": "1", "x~/": "2"})"),
       "/graph/nodes/program~1a/metadata/attributes/x~0~1"},
      {edge, "/graph/edges/0/relation"},
  };
  for (const Case& c : cases) {
    ParseError e = refused<ParseError>(c.text);
    EXPECT_EQ(e.where().pointer, c.pointer);
    EXPECT_TRUE(says(e, "duplicate key")) << e.what();
    EXPECT_GT(e.where().line, 0u);
  }
}

TEST(Robustness, AKeyEscapedDifferentlyIsStillADuplicate) {
  // "kind" and "\u006bind" are the same key once decoded.
  ParseError e = refused<ParseError>(doc("n", "1", R"(, "\u006bind": "purpose")"));
  EXPECT_EQ(e.where().pointer, "/graph/nodes/program~1a/metadata/kind");
}

// --- model rules checked on loading --------------------------------------------------------

TEST(Robustness, APartOfCycleOfThreeInAFileIsRefused) {
  TempFile file(R"({"schema_version": 1, "graph": {
    "nodes": {
      "program/a": {"metadata": {"kind": "program", "name": {"ja": "あ", "en": "a"}}},
      "program/b": {"metadata": {"kind": "program", "name": {"ja": "い", "en": "b"}}},
      "program/c": {"metadata": {"kind": "program", "name": {"ja": "う", "en": "c"}}}
    },
    "edges": [
      {"source": "program/a", "target": "program/b", "relation": "part_of"},
      {"source": "program/b", "target": "program/c", "relation": "part_of"},
      {"source": "program/c", "target": "program/a", "relation": "part_of"}
    ]}})");
  try {
    load_model(file.path());
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_TRUE(says(e, "part_of forms a cycle")) << e.what();
    EXPECT_EQ(e.where().file, file.path().string());
    EXPECT_EQ(e.where().pointer.rfind("/graph/edges/", 0), 0u);
    EXPECT_GE(e.where().line, 8u);
  }
}

TEST(Robustness, ANodeWithoutAKindIsRefusedNamingIt) {
  std::string text = doc();
  text.replace(text.find(R"("kind": "purpose", )"), 19, "");
  ValidationError e = refused<ValidationError>(text);
  EXPECT_EQ(e.problem(), "node has no kind");
  EXPECT_EQ(e.where().pointer, "/graph/nodes/purpose~1b/metadata");
  EXPECT_EQ(e.where().id, "purpose/b");
  EXPECT_EQ(e.where().line, 7u);
}

// --- scenario files ------------------------------------------------------------------------
// parse_scenario and load_scenario take a model file's limits (docs/scenarios.md, "Limits").

// A scenario of one edit whose value is the fourth level of nesting; `DESCRIPTION` and
// `MORE` (further edits, each starting with a comma) are filled in.
const std::string scenario_templ = R"({
  "schema": "kyoso.scenario/1",
  "name": "cut",
  "description": "DESCRIPTION",
  "edits": [
    {"op": "set", "node": "program/coi-next", "path": "figures/budget@2025",
     "value": {"value": 12000000000, "unit": "jpy"}}MORE
  ]
})";

std::string scenario_doc(const std::string& description = "budget", const std::string& more = "") {
  std::string out = scenario_templ;
  out.replace(out.find("DESCRIPTION"), 11, description);
  out.replace(out.find("MORE"), 4, more);
  return out;
}

template <class E>
E scenario_refused(const std::string& text, const LoadLimits& limits = {}) {
  E e = refused_by<E>([&] { parse_scenario(text, "cut.json", limits); });
  EXPECT_EQ(e.where().file, "cut.json");
  return e;
}

TEST(Robustness, AnErrorPastTheFirstPieceOfAFileHasItsLineAndColumn) {
  // Three mebibytes of whitespace first: the error is in the fourth piece read.
  const std::string pad(std::size_t{3} << 20, ' ');
  {
    TempFile syntax("{\n" + pad + "\n x");
    ParseError p = refused_by<ParseError>([&] { load_model(syntax.path()); });
    EXPECT_EQ(p.where().line, 3u);
    EXPECT_EQ(p.where().column, 2u);
  }
  const std::string text = doc("共創", "100", ",\n" + pad + R"("bogus": 1)");
  TempFile rules(text);
  ValidationError v = refused_by<ValidationError>([&] { load_model(rules.path()); });
  ValidationError same = refused<ValidationError>(text);
  EXPECT_EQ(v.where().pointer, "/graph/nodes/program~1a/metadata/bogus");
  EXPECT_EQ(v.where().line, same.where().line);
  EXPECT_EQ(v.where().column, same.where().column);
  EXPECT_EQ(v.where().line, 7u);
}

// --- ids and control characters -----------------------------------------------------------

// `text` with its first `from` replaced by `to`.
std::string swapped(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

TEST(Robustness, IdsOutsideTheGrammarAreRefused) {
  for (const char* bad : {"program/../x", "program//x", "program/x/", "program/a_b", "program/a.b",
                          "program/A", "program/a b", "program/a\\u001b[31m", "program"}) {
    std::string id = bad;
    std::string text = swapped(doc(), R"("program/a": {)", "\"" + id + "\": {");
    text = swapped(text, R"("source": "program/a")", R"("source": ")" + id + "\"");
    ValidationError e = refused<ValidationError>(text);
    EXPECT_TRUE(says(e, "node id must be 'kind/slug'")) << bad << ": " << e.what();
  }
  std::string longest = "program/" + std::string(248, 'a');  // 256 bytes
  std::string text = swapped(doc(), R"("program/a": {)", "\"" + longest + "a\": {");
  EXPECT_TRUE(says(refused<ValidationError>(text), "longer than the limit of 256 bytes"));
}

TEST(Robustness, AnUndirectedGraphIsRefused) {
  ValidationError e =
      refused<ValidationError>(swapped(doc(), R"("graph": {)", R"("graph": {"directed": false,)"));
  EXPECT_EQ(e.where().pointer, "/graph/directed");
  EXPECT_TRUE(says(e, "\"directed\" must be true")) << e.what();
  EXPECT_TRUE(says(
      refused<ValidationError>(swapped(doc(), R"("graph": {)", R"("graph": {"directed": "yes",)")),
      "\"directed\" must be true"));
  EXPECT_EQ(
      parse_model(swapped(doc(), R"("graph": {)", R"("graph": {"directed": true,)")).node_count(),
      2u);
}

TEST(Robustness, ControlCharactersInAnErrorAreEscapedOnItsOneLine) {
  // An edge naming an id with ESC and a newline in it: the message shows them, escaped.
  ValidationError e = refused<ValidationError>(
      swapped(doc(), R"("target": "purpose/b")", R"("target": "purpose/b\u001b[2J\nkyoso: ok")"));
  std::string message = e.what();
  EXPECT_EQ(message.find('\x1b'), std::string::npos);
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_TRUE(says(e, "purpose/b\\x1b[2J\\nkyoso: ok")) << message;
  EXPECT_NE(e.where().id.find('\x1b'), std::string::npos);  // kept as it was
  // A NUL does not cut the message short.
  Error nul(std::string("problem with \0 inside", 21), Location{"f", 0, 0, {}, {}});
  EXPECT_STREQ(nul.what(), "f: problem with \\x00 inside");
}

TEST(Robustness, EscapeControlsKeepsJapaneseAndEscapesC1AndBidiControls) {
  EXPECT_EQ(escape_controls("共創\tCOI\r\n"), "共創\\tCOI\\r\\n");
  EXPECT_EQ(escape_controls("a\x7f\x01"), "a\\x7f\\x01");
  EXPECT_EQ(escape_controls("\xc2\x9b"
                            "31m"),
            "\\u{9b}31m");                                      // C1 CSI
  EXPECT_EQ(escape_controls("x\xe2\x80\xaey"), "x\\u{202e}y");  // right-to-left override
  EXPECT_EQ(escape_controls("\xc2\xa9 \xe2\x80\x94"), "\xc2\xa9 \xe2\x80\x94");  // © —
}

TEST(RobustnessScenario, IdsOutsideTheGrammarAreRefusedWhereTheyAreRead) {
  for (const char* bad : {"program/../x", "program//x", "program/a\\u001b", "coi-next"}) {
    std::string text = R"({"schema": "kyoso.scenario/1", "name": "s", "edits": [
      {"op": "remove_edge", "source": "program/a", "target": "ID", "relation": "serves"}]})";
    text = swapped(text, "ID", bad);
    ValidationError e = refused_by<ValidationError>([&] { parse_scenario(text, "cut.json"); });
    EXPECT_EQ(e.where().pointer, "/edits/0/target") << bad;
    EXPECT_TRUE(says(e, "node id must be 'kind/slug'")) << e.what();
  }
}

TEST(RobustnessScenario, TheTemplateIsAValidScenario) {
  Scenario s = parse_scenario(scenario_doc(), "cut.json");
  ASSERT_EQ(s.edits.size(), 1u);
  EXPECT_EQ(parse_scenario(scenario_doc(), "cut.json", LoadLimits{}), s);
  EXPECT_EQ(apply(default_model(), s).node("program/coi-next").figure("budget", 2025)->value,
            12'000'000'000);
}

TEST(RobustnessScenario, NestingDeeperThanTheLimitIsRefusedWithItsPlace) {
  LoadLimits shallow;
  shallow.max_depth = 3;  // the template needs 4
  ParseError e = scenario_refused<ParseError>(scenario_doc(), shallow);
  EXPECT_EQ(e.problem(), "nested deeper than the limit of 3 levels");
  EXPECT_EQ(e.where().pointer, "/edits/0/value");
  EXPECT_EQ(e.where().line, 7u);
  EXPECT_EQ(e.where().column, 15u);  // the value's opening brace
  shallow.max_depth = 4;
  EXPECT_NO_THROW(parse_scenario(scenario_doc(), "cut.json", shallow));
}

TEST(RobustnessScenario, ARaisedDepthLimitIsHonouredAndLaterErrorsKeepTheirPlace) {
  // 82 levels in all, then a name that is not a string, after the deep part of the text.
  std::string text =
      R"({"edits": [)" + nested(80) + R"(], "schema": "kyoso.scenario/1", "name": 5})";
  EXPECT_TRUE(says(scenario_refused<ParseError>(text), "limit of 64 levels"));  // the default
  LoadLimits deep;
  deep.max_depth = 100;
  ValidationError e = scenario_refused<ValidationError>(text, deep);
  EXPECT_EQ(e.where().pointer, "/name");
  // Found by scanning past the 82 levels, which the default depth would have stopped.
  EXPECT_EQ(e.where().line, 1u);
  EXPECT_EQ(e.where().column, text.rfind('5') + 1);
  LoadLimits absurd;
  absurd.max_depth = 0;
  EXPECT_THROW(parse_scenario(scenario_doc(), "cut.json", absurd), Error);
}

TEST(RobustnessScenario, AFileOverTheSizeLimitIsRefusedBeforeReadingNamingTheFile) {
  TempFile file(scenario_doc());
  LoadLimits small;
  small.max_file_bytes = 100;
  try {
    load_scenario(file.path(), small);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(e.where().file, file.path().string());
    EXPECT_TRUE(says(e, "is larger than the limit of 100 bytes")) << e.what();
  }
  EXPECT_EQ(load_scenario(file.path()).edits.size(), 1u);
  ParseError text = scenario_refused<ParseError>(scenario_doc(), small);
  EXPECT_TRUE(says(text, "larger than the limit of 100 bytes")) << text.what();
}

TEST(RobustnessScenario, AFileIsReadUnderTheOtherLimitsToo) {
  TempFile file(scenario_doc());
  LoadLimits shallow;
  shallow.max_depth = 3;
  try {
    load_scenario(file.path(), shallow);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, file.path().string());
    EXPECT_EQ(e.where().pointer, "/edits/0/value");
    EXPECT_EQ(e.where().line, 7u);
  }
}

TEST(RobustnessScenario, AStringOverTheLimitIsRefusedNamingItsPointer) {
  LoadLimits limits;
  limits.max_string_bytes = 20;  // the template's longest string is 19 bytes
  EXPECT_NO_THROW(parse_scenario(scenario_doc("0123456789abcdefghij"), "cut.json", limits));
  ParseError e = scenario_refused<ParseError>(scenario_doc("0123456789abcdefghijk"), limits);
  EXPECT_EQ(e.problem(), "string longer than the limit of 20 bytes");
  EXPECT_EQ(e.where().pointer, "/description");
  EXPECT_EQ(e.where().line, 4u);
}

TEST(RobustnessScenario, MoreEditsThanTheEdgeLimitAreRefusedBeforeAnyIsRead) {
  const std::string one = R"(, {"op": "remove_node", "node": "program/j-peaks"})";
  LoadLimits limits;
  limits.max_edges = 2;
  EXPECT_EQ(parse_scenario(scenario_doc("b", one), "cut.json", limits).edits.size(), 2u);
  // The third edit is not even an edit: the count is checked first.
  ValidationError e =
      scenario_refused<ValidationError>(scenario_doc("b", one + ", {\"op\": \"bogus\"}"), limits);
  EXPECT_EQ(e.problem(), "3 edits, more than the limit of 2");
  EXPECT_EQ(e.where().pointer, "/edits");
  EXPECT_EQ(e.where().line, 5u);
}

TEST(RobustnessScenario, MoreAddedNodesThanTheNodeLimitAreRefusedAtTheFirstOver) {
  auto add = [](const std::string& id) {
    return R"(, {"op": "add_node", "node": ")" + id +
           R"(", "kind": "program", "name": {"ja": "新", "en": "new"}})";
  };
  std::string text = scenario_doc("b", add("program/x") + add("program/y"));
  LoadLimits limits;
  limits.max_nodes = 2;
  EXPECT_EQ(parse_scenario(text, "cut.json", limits).edits.size(), 3u);
  limits.max_nodes = 1;
  ValidationError e = scenario_refused<ValidationError>(text, limits);
  EXPECT_EQ(e.problem(), "more nodes added than the limit of 1");
  EXPECT_EQ(e.where().pointer, "/edits/2");
  EXPECT_EQ(e.where().id, "program/y");
  EXPECT_EQ(e.where().line, 7u);
}

// --- found by the fuzzers ------------------------------------------------------------------

// fuzz_model, first minute: text after a complete document passed the syntax scan, and the
// second parse threw Boost's system_error, which no caller expects (std::terminate).
TEST(Robustness, FuzzTextAfterTheDocumentIsAParseError) {
  ParseError e = refused<ParseError>(doc() + "\n]");
  EXPECT_TRUE(says(e, "more text after the end of the document")) << e.what();
  EXPECT_EQ(e.where().line, 12u);
  refused<ParseError>("{} {}");
  refused<ParseError>("1 2");
  EXPECT_NO_THROW(parse_model(doc() + " \n\t\r\n"));  // whitespace is no text
}

}  // namespace
}  // namespace kyoso
