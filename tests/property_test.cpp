// Properties of saving and loading over many random valid models (fixed seeds, so a failure
// is reproducible): what is saved loads back equal, and saving it again gives the same bytes.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <kyoso/kyoso.hpp>
#include <kyoso/scenario.hpp>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace kyoso {
namespace {

// Texts the way the dataset has them (Japanese, full-width punctuation, ①, emoji) and the
// way careless input has them (quotes, backslashes, control characters, U+2028, NUL).
const std::vector<std::string> fragments = {"共創の場",
                                            "形成支援",
                                            "プログラム",
                                            "（COI-NEXT）",
                                            "地域中核",
                                            "研究大学",
                                            "令和6年度",
                                            "3千万円程度/年",
                                            "①",
                                            "【人材育成】",
                                            "❶",
                                            "STEP 0",
                                            "産学官連携",
                                            "〜",
                                            "以上",
                                            "🌸",
                                            "ｶﾀｶﾅ",
                                            "Research",
                                            " ",
                                            "hub",
                                            "\"quoted\"",
                                            "back\\slash",
                                            "tab\there",
                                            "line\nbreak",
                                            "\r",
                                            "\x01",
                                            "\x7f",
                                            "\u2028",
                                            std::string(1, '\0'),
                                            "é",
                                            "/",
                                            "~",
                                            "<&>",
                                            "0",
                                            "-1",
                                            "null"};

class RandomModel {
 public:
  explicit RandomModel(std::uint64_t seed) : rng_(seed) {}

  Model make() {
    ModelBuilder builder;
    builder.info(info());
    std::size_t count = pick(0, 40);
    for (std::size_t i = 0; i < count; ++i) {
      Node n = node();
      if (!ids_.insert(n.id).second) continue;
      by_kind_[static_cast<std::size_t>(n.kind)].push_back(order_.size());
      order_.push_back(n.id);
      builder.add_node(std::move(n));
    }
    std::set<std::tuple<std::string, std::string, Relation>> edges;
    std::size_t tries = pick(0, 3 * order_.size());
    for (std::size_t i = 0; i < tries; ++i) {
      Relation r = all_relations()[pick(0, relation_count - 1)];
      std::span<const KindPair> pairs = signature(r);
      const KindPair& p = pairs[pick(0, pairs.size() - 1)];
      const auto& from = by_kind_[static_cast<std::size_t>(p.source)];
      const auto& to = by_kind_[static_cast<std::size_t>(p.target)];
      if (from.empty() || to.empty()) continue;
      std::size_t s = from[pick(0, from.size() - 1)];
      std::size_t t = to[pick(0, to.size() - 1)];
      if (s == t) continue;
      // part_of only from a later-made node to an earlier one, so it never forms a cycle.
      if (r == Relation::part_of && s < t) std::swap(s, t);
      if (r == Relation::part_of && !allows(r, kind_of(s), kind_of(t))) continue;
      if (!edges.emplace(order_[s], order_[t], r).second) continue;
      builder.add_edge(edge(order_[s], order_[t], r));
    }
    return std::move(builder).build();
  }

 private:
  std::size_t pick(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(rng_);
  }
  bool coin(int percent = 50) { return pick(1, 100) <= static_cast<std::size_t>(percent); }
  Kind kind_of(std::size_t i) const { return *kind_of_id(order_[i]); }

  std::string text(std::size_t max_parts = 4) {
    std::string out;
    for (std::size_t n = pick(1, max_parts); n > 0; --n)
      out += fragments[pick(0, fragments.size() - 1)];
    return out;
  }
  Text maybe_note() { return coin(30) ? either() : Text{}; }
  Text both() { return {text(), text()}; }
  Text either() {
    Text t;
    if (coin()) t.ja = text();
    if (coin()) t.en = text();
    return t;
  }

  // docs/format.md's grammar: parts of a-z, 0-9 and '-' joined by single '/'s.
  std::string slug() {
    static const std::string chars = "abcdefghijklmnopqrstuvwxyz0123456789-/";
    std::string out(1, chars[pick(0, 25)]);
    for (std::size_t n = pick(0, 12); n > 0; --n) {
      char c = chars[pick(0, chars.size() - 1)];
      if (c != '/' || out.back() != '/') out += c;
    }
    while (out.back() == '/') out.pop_back();
    return out;
  }

  Source source() {
    Source s;
    if (coin()) {
      s.document = "000_baafbcf7ebf78061.txt";
      if (coin(70)) s.section = text(2);
      if (coin(70)) s.quote = text();
    } else {
      s.publisher = coin() ? "JST" : text(1);
      if (coin()) s.title = text();
      if (coin()) s.url = "https://example.org/" + slug();
      if (coin(30)) s.page = std::to_string(pick(1, 400));
    }
    return s;
  }
  std::vector<Source> sources() {
    std::vector<Source> out;
    for (std::size_t n = pick(0, 2); n > 0; --n) out.push_back(source());
    return out;
  }

  std::optional<int> year() {
    if (coin()) return std::nullopt;
    return static_cast<int>(pick(0, 9) == 0 ? pick(1900, 2200) : pick(2015, 2030));
  }

  Figure figure() {
    Figure f;
    f.name = coin() ? "budget" : text(2);
    std::size_t scale = pick(0, 3);
    f.value = scale == 0   ? static_cast<std::int64_t>(pick(0, 10))
              : scale == 1 ? static_cast<std::int64_t>(pick(0, 20'000'000'000))
              : scale == 2 ? std::numeric_limits<std::int64_t>::max()
                           : static_cast<std::int64_t>(rng_() >> 1);
    f.unit = static_cast<Unit>(pick(0, 6));
    f.qualifier = static_cast<Qualifier>(pick(0, 3));
    f.fiscal_year = year();
    f.note = maybe_note();
    f.sources = sources();
    return f;
  }

  // Calls over consecutive spans of years, so that no two cover the same year.
  std::vector<Call> calls() {
    std::vector<Call> out;
    if (coin(20)) {
      Call every;
      every.status = static_cast<CallStatus>(pick(0, 4));
      out.push_back(every);
      return out;
    }
    int year = static_cast<int>(pick(2000, 2030));
    for (std::size_t k = pick(1, 4); k > 0; --k) {
      Call c;
      c.status = static_cast<CallStatus>(pick(0, 4));
      c.fiscal_year = year;
      if (coin(40)) c.until_fiscal_year = year + static_cast<int>(pick(1, 3));
      year = c.until_fiscal_year.value_or(year) + static_cast<int>(pick(1, 2));
      c.scope = maybe_note();
      if (coin(30)) c.period = text(1);
      c.note = maybe_note();
      c.sources = sources();
      out.push_back(std::move(c));
    }
    return out;
  }

  Node node() {
    Node n;
    n.kind = all_kinds()[pick(0, kind_count - 1)];
    n.id = std::string(to_string(n.kind)) + "/" + slug();
    n.name = both();
    n.description = either();
    for (std::size_t k = pick(0, 3); k > 0; --k)
      n.attributes[coin() ? "fields" : text(1)] = text(2);
    for (std::size_t k = pick(0, 3); k > 0; --k) n.figures.push_back(figure());
    if (n.kind == Kind::program && coin(50)) n.calls = calls();
    n.note = maybe_note();
    n.sources = sources();
    return n;
  }

  ModelBuilder::EdgeSpec edge(const std::string& source, const std::string& target, Relation r) {
    ModelBuilder::EdgeSpec e;
    e.source = source;
    e.target = target;
    e.relation = r;
    e.certainty = static_cast<Certainty>(pick(0, 3));
    e.fiscal_year = year();
    if (coin(30)) e.detail.what = either();
    e.detail.note = maybe_note();
    e.detail.sources = sources();
    return e;
  }

  ModelInfo info() {
    ModelInfo out;
    if (coin(80)) out.id = "kyoso-" + slug();
    out.name = either();
    out.description = either();
    out.fiscal_year = year();
    out.sources = sources();
    return out;
  }

  std::mt19937_64 rng_;
  std::set<std::string> ids_;
  std::vector<std::string> order_;  // node ids in the order they were made
  std::array<std::vector<std::size_t>, kind_count> by_kind_;
};

constexpr std::uint64_t seeds = 300;

TEST(Property, RandomModelsAreValidAndVaried) {
  std::size_t nodes = 0, edges = 0, part_of = 0;
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    Model m = RandomModel(seed).make();
    nodes += m.node_count();
    edges += m.edge_count();
    for (EdgeIndex e = 0; e < m.edge_count(); ++e)
      part_of += m.edge(e).relation == Relation::part_of;
  }
  // The generator must exercise what the properties are about, not produce empty graphs.
  EXPECT_GT(nodes, seeds * 15);
  EXPECT_GT(edges, seeds * 5);
  EXPECT_GT(part_of, seeds / 10);
}

TEST(Property, SavedModelsLoadBackEqual) {
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Model m = RandomModel(seed).make();
    std::string saved = to_jgf(m);
    Model loaded = parse_model(saved, "seed-" + std::to_string(seed) + ".json");
    ASSERT_EQ(loaded, m);
    ASSERT_EQ(to_jgf(loaded), saved);
  }
}

TEST(Property, SaveLoadSaveGivesTheSameBytesOnDisk) {
  auto dir =
      std::filesystem::temp_directory_path() /
      ("kyoso_property_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  for (std::uint64_t seed = 0; seed < seeds; seed += 7) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Model m = RandomModel(seed).make();
    save_model(m, dir / "first.json");
    Model loaded = load_model(dir / "first.json");
    save_model(loaded, dir / "second.json");
    ASSERT_EQ(loaded, m);
    ASSERT_EQ(read(dir / "first.json"), read(dir / "second.json"));
  }
  std::filesystem::remove_all(dir);
}

TEST(Property, ABuilderStartedFromAModelRebuildsIt) {
  for (std::uint64_t seed = 0; seed < seeds; seed += 3) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Model m = RandomModel(seed).make();
    EXPECT_EQ(ModelBuilder::from(m).build(), m);
  }
}

// Random what-ifs on the embedded model: mostly sensible edits, some naming nothing.
class RandomScenario {
 public:
  RandomScenario(std::uint64_t seed, const Model& base) : rng_(seed), base_(base) {}

  Scenario make() {
    Scenario s("random-" + std::to_string(pick(0, 999)), coin() ? "ランダム" : "");
    std::vector<std::string> added;
    for (std::size_t n = pick(1, 8); n > 0; --n) {
      switch (pick(0, 7)) {
        case 0:
          s.set_budget(some(Kind::program), static_cast<int>(pick(2020, 2030)),
                       static_cast<std::int64_t>(pick(0, 50'000'000'000)));
          break;
        case 1:
          s.set_attribute(some(), coin() ? "fields" : "note", coin() ? "closed" : "未定");
          break;
        case 2:
          s.set(some(), coin() ? "note" : "name/en", std::string(coin() ? "仮定" : "what if"));
          break;
        case 3: {
          Node n;
          n.kind = all_kinds()[pick(0, kind_count - 1)];
          n.id = std::string(to_string(n.kind)) + "/random-" + std::to_string(pick(0, 30));
          n.name = {"新規", "new"};
          added.push_back(n.id);
          s.add_node(std::move(n));
          break;
        }
        case 4: {
          Relation r = all_relations()[pick(0, relation_count - 1)];
          const KindPair& p = signature(r)[pick(0, signature(r).size() - 1)];
          s.add_edge(some(p.source), some(p.target), r);
          break;
        }
        case 5:
          if (base_.edge_count() > 0) {
            const Edge& e = base_.edge(static_cast<EdgeIndex>(pick(0, base_.edge_count() - 1)));
            s.remove_edge(base_.node(e.source).id, base_.node(e.target).id, e.relation);
          }
          break;
        case 6:
          s.remove_node(added.empty() || coin() ? some() : added[pick(0, added.size() - 1)]);
          break;
        default:
          s.remove_node(std::string(coin() ? "program/" : "purpose/") + "no-such-node");
          break;
      }
    }
    return s;
  }

 private:
  std::size_t pick(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(rng_);
  }
  bool coin() { return pick(0, 1) == 1; }
  std::string some(std::optional<Kind> kind = std::nullopt) {
    if (kind) {
      std::span<const NodeIndex> of = base_.nodes_of_kind(*kind);
      if (!of.empty()) return base_.node(of[pick(0, of.size() - 1)]).id;
    }
    return base_.node(static_cast<NodeIndex>(pick(0, base_.node_count() - 1))).id;
  }

  std::mt19937_64 rng_;
  const Model& base_;
};

TEST(Property, RandomScenariosLeaveTheBaseUnchangedAndApplyAllOrNothing) {
  const Model& base = default_model();
  const std::string before = to_jgf(base);
  const Model pristine = parse_model(before);  // shares nothing with the base
  std::size_t applied = 0, refused = 0;
  // Each applies to the whole embedded model, so fewer seeds than for the small models.
  const std::uint64_t scenario_seeds = 120;
  for (std::uint64_t seed = 0; seed < scenario_seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Scenario s = RandomScenario(seed, base).make();
    Scenario read = parse_scenario(to_json(s), "random.json");
    read.origin = s.origin;
    ASSERT_EQ(read, s);
    try {
      Model derived = apply(base, s);
      ++applied;
      ASSERT_EQ(apply(base, s), derived);  // the same edits give the same model
      ASSERT_EQ(parse_model(to_jgf(derived)), derived);
    } catch (const Error&) {
      ++refused;  // refused whole: the base below shows nothing was half-applied
    }
    ASSERT_EQ(base, pristine);
  }
  EXPECT_EQ(to_jgf(base), before);
  // Both outcomes must be exercised for the property to mean anything.
  EXPECT_GT(applied, scenario_seeds / 10);
  EXPECT_GT(refused, scenario_seeds / 10);
}

}  // namespace
}  // namespace kyoso
