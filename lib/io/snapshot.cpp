#include "io/snapshot.hpp"

#include <cstring>
#include <limits>
#include <unordered_map>

#include "kyoso/error.hpp"
#include "model/builder_detail.hpp"

namespace kyoso::detail {
namespace {

constexpr std::string_view magic = "KYOSOSNP";
constexpr std::int32_t no_year = std::numeric_limits<std::int32_t>::min();
// The enums' value counts, for checking what is read back.
constexpr std::size_t unit_count = static_cast<std::size_t>(Unit::basis_points) + 1;
constexpr std::size_t qualifier_count = static_cast<std::size_t>(Qualifier::at_least) + 1;
constexpr std::size_t certainty_count = static_cast<std::size_t>(Certainty::unknown) + 1;
constexpr std::size_t call_status_count = static_cast<std::size_t>(CallStatus::allocated) + 1;

class Writer {
 public:
  std::string out;

  void u8(std::uint8_t v) { out += static_cast<char>(v); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void bytes(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out += s;
  }
};

// Gives each distinct value an index in the order first met.
template <class Key>
class Table {
 public:
  std::uint32_t add(const Key& key) {
    auto [it, added] = index_.emplace(key, static_cast<std::uint32_t>(items_.size()));
    if (added) items_.push_back(key);
    return it->second;
  }
  const std::vector<Key>& items() const { return items_; }

 private:
  std::unordered_map<Key, std::uint32_t> index_;
  std::vector<Key> items_;
};

// Records are written into their own buffers, their strings and sources as table indices;
// then the tables, then the records.
class Encoder {
 public:
  std::string run(const Model& model, std::uint64_t digest) {
    Writer info;
    text(info, model.info().name);
    text(info, model.info().description);
    string(info, model.info().id);
    year(info, model.info().fiscal_year);
    sources(info, model.info().sources);

    Writer nodes;
    nodes.u32(static_cast<std::uint32_t>(model.node_count()));
    for (NodeIndex i = 0; i < model.node_count(); ++i) node(nodes, model.node(i));

    // A detail is stored once however many edges share it (the same sources and note).
    Table<std::string> details;
    Writer edges;
    edges.u32(static_cast<std::uint32_t>(model.edge_count()));
    for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
      const Edge& e = model.edge(i);
      edges.u32(e.source);
      edges.u32(e.target);
      edges.u8(static_cast<std::uint8_t>(e.relation));
      edges.u8(static_cast<std::uint8_t>(e.certainty));
      edges.u32(static_cast<std::uint32_t>(static_cast<std::int32_t>(e.fiscal_year().value_or(0))));
      const EdgeDetail& d = model.detail(i);
      if (d.empty()) {
        edges.u32(0);
      } else {
        Writer w;
        detail(w, d);
        edges.u32(details.add(w.out) + 1);
      }
    }

    Writer all;
    all.out += magic;
    all.u32(snapshot_version);
    all.u64(digest);
    all.u32(static_cast<std::uint32_t>(strings_.items().size()));
    for (const std::string& s : strings_.items()) all.bytes(s);
    all.u32(static_cast<std::uint32_t>(sources_.items().size()));
    for (const std::string& s : sources_.items()) all.out += s;
    all.out += info.out;
    all.out += nodes.out;
    all.u32(static_cast<std::uint32_t>(details.items().size()));
    for (const std::string& d : details.items()) all.out += d;
    all.out += edges.out;
    return std::move(all.out);
  }

 private:
  void string(Writer& w, const std::string& s) { w.u32(strings_.add(s)); }
  void text(Writer& w, const Text& t) {
    string(w, t.ja);
    string(w, t.en);
  }
  void year(Writer& w, std::optional<int> y) {
    w.u32(static_cast<std::uint32_t>(y ? static_cast<std::int32_t>(*y) : no_year));
  }
  void sources(Writer& w, const std::vector<Source>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (const Source& s : list) {
      Writer one;
      for (const std::string* part :
           {&s.document, &s.section, &s.quote, &s.publisher, &s.title, &s.url, &s.page}) {
        string(one, *part);
      }
      w.u32(sources_.add(one.out));
    }
  }
  void attributes(Writer& w, const std::map<std::string, std::string>& map) {
    w.u32(static_cast<std::uint32_t>(map.size()));
    for (const auto& [key, value] : map) {
      string(w, key);
      string(w, value);
    }
  }
  void figures(Writer& w, const std::vector<Figure>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (const Figure& f : list) {
      string(w, f.name);
      w.u64(static_cast<std::uint64_t>(f.value));
      w.u8(static_cast<std::uint8_t>(f.unit));
      w.u8(static_cast<std::uint8_t>(f.qualifier));
      year(w, f.fiscal_year);
      text(w, f.note);
      sources(w, f.sources);
    }
  }
  void node(Writer& w, const Node& n) {
    string(w, n.id);
    w.u8(static_cast<std::uint8_t>(n.kind));
    text(w, n.name);
    text(w, n.description);
    attributes(w, n.attributes);
    figures(w, n.figures);
    calls(w, n.calls);
    text(w, n.note);
    sources(w, n.sources);
  }
  void calls(Writer& w, const std::vector<Call>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (const Call& c : list) {
      year(w, c.fiscal_year);
      year(w, c.until_fiscal_year);
      w.u8(static_cast<std::uint8_t>(c.status));
      text(w, c.scope);
      string(w, c.period);
      text(w, c.note);
      sources(w, c.sources);
    }
  }
  void detail(Writer& w, const EdgeDetail& d) {
    text(w, d.what);
    attributes(w, d.attributes);
    figures(w, d.figures);
    text(w, d.note);
    sources(w, d.sources);
  }

  Table<std::string> strings_;
  Table<std::string> sources_;  // each as its seven string indices
};

class Decoder {
 public:
  Decoder(std::string_view bytes, std::string_view origin) : bytes_(bytes), origin_(origin) {}

  Snapshot run() {
    if (take(magic.size()) != magic) fail("not a kyoso snapshot");
    std::uint32_t version = u32();
    if (version != snapshot_version) {
      fail("snapshot format " + std::to_string(version) + ", this build reads " +
           std::to_string(snapshot_version));
    }
    Snapshot out;
    out.digest = u64();
    strings_.resize(count(4));
    for (std::string_view& s : strings_) s = take(u32());
    sources_.resize(count(7 * 4));
    for (Source& s : sources_) {
      for (std::string* part :
           {&s.document, &s.section, &s.quote, &s.publisher, &s.title, &s.url, &s.page}) {
        *part = string();
      }
    }
    ModelInfo info;
    info.name = text();
    info.description = text();
    info.id = string();
    info.fiscal_year = year();
    info.sources = sources();

    ModelBuilder builder;
    builder.origin(std::string(origin_));
    builder.info(std::move(info));
    std::uint32_t nodes = count(1);
    ids_.reserve(nodes);
    for (std::uint32_t i = 0; i < nodes; ++i) {
      Node n = node();
      ids_.push_back(n.id);
      builder.add_node(std::move(n));
    }
    std::vector<std::shared_ptr<const EdgeDetail>> details(count(1));
    for (auto& d : details) d = std::make_shared<const EdgeDetail>(detail());
    std::uint32_t edges = count(4 * 4);
    for (std::uint32_t i = 0; i < edges; ++i) {
      std::string_view source = node_id(u32());
      std::string_view target = node_id(u32());
      auto relation = static_cast<Relation>(enumerated(relation_count));
      auto certainty = static_cast<Certainty>(enumerated(certainty_count));
      auto fiscal_year = static_cast<std::int32_t>(u32());
      std::uint32_t d = u32();
      if (d > details.size()) fail("edge detail " + std::to_string(d) + " out of range");
      std::optional<int> year;
      if (fiscal_year != 0) year = fiscal_year;
      add_shared_edge(builder, source, target, relation, certainty, year,
                      d == 0 ? nullptr : details[d - 1]);
    }
    if (at_ != bytes_.size()) fail("bytes after the last edge");
    out.model = std::move(builder).build();
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    throw ParseError("at byte " + std::to_string(at_) + ": " + problem,
                     Location{std::string(origin_), 0, 0, {}, {}});
  }

  std::string_view take(std::size_t n) {
    if (n > bytes_.size() - at_) fail("cut short");
    std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() {
    std::string_view b = take(4);
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(b[i]);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t low = u32();
    return low | (static_cast<std::uint64_t>(u32()) << 32);
  }
  // A count of records of at least `size` bytes each: one the rest cannot hold is refused
  // before anything is allocated for it.
  std::uint32_t count(std::size_t size) {
    std::uint32_t n = u32();
    if (n > (bytes_.size() - at_) / size) fail("a count of " + std::to_string(n) + " overruns");
    return n;
  }
  std::uint8_t enumerated(std::size_t values) {
    std::uint8_t v = u8();
    if (v >= values) fail("value " + std::to_string(v) + " out of range");
    return v;
  }
  std::string string() {
    std::uint32_t i = u32();
    if (i >= strings_.size()) fail("string " + std::to_string(i) + " out of range");
    return std::string(strings_[i]);
  }
  std::string_view node_id(std::uint32_t i) {
    if (i >= ids_.size()) fail("node " + std::to_string(i) + " out of range");
    return ids_[i];
  }
  Text text() {
    Text t;
    t.ja = string();
    t.en = string();
    return t;
  }
  std::optional<int> year() {
    auto y = static_cast<std::int32_t>(u32());
    return y == no_year ? std::nullopt : std::optional<int>(y);
  }
  std::vector<Source> sources() {
    std::vector<Source> out(count(4));
    for (Source& s : out) {
      std::uint32_t i = u32();
      if (i >= sources_.size()) fail("source " + std::to_string(i) + " out of range");
      s = sources_[i];
    }
    return out;
  }
  std::map<std::string, std::string> attributes() {
    std::map<std::string, std::string> out;
    for (std::uint32_t n = count(8); n > 0; --n) {
      std::string key = string();
      out[std::move(key)] = string();
    }
    return out;
  }
  std::vector<Figure> figures() {
    std::vector<Figure> out(count(4 + 8 + 2 + 4 + 2 * 4 + 4));
    for (Figure& f : out) {
      f.name = string();
      f.value = static_cast<std::int64_t>(u64());
      f.unit = static_cast<Unit>(enumerated(unit_count));
      f.qualifier = static_cast<Qualifier>(enumerated(qualifier_count));
      f.fiscal_year = year();
      f.note = text();
      f.sources = sources();
    }
    return out;
  }
  std::vector<Call> calls() {
    std::vector<Call> out(count(2 * 4 + 1 + 2 * 4 + 4 + 2 * 4 + 4));
    for (Call& c : out) {
      c.fiscal_year = year();
      c.until_fiscal_year = year();
      c.status = static_cast<CallStatus>(enumerated(call_status_count));
      c.scope = text();
      c.period = string();
      c.note = text();
      c.sources = sources();
    }
    return out;
  }
  Node node() {
    Node n;
    n.id = string();
    n.kind = static_cast<Kind>(enumerated(kind_count));
    n.name = text();
    n.description = text();
    n.attributes = attributes();
    n.figures = figures();
    n.calls = calls();
    n.note = text();
    n.sources = sources();
    return n;
  }
  EdgeDetail detail() {
    EdgeDetail d;
    d.what = text();
    d.attributes = attributes();
    d.figures = figures();
    d.note = text();
    d.sources = sources();
    return d;
  }

  std::string_view bytes_;
  std::string_view origin_;
  std::size_t at_ = 0;
  std::vector<std::string_view> strings_;
  std::vector<Source> sources_;
  std::vector<std::string> ids_;
};

}  // namespace

std::uint64_t source_digest(std::span<const std::string_view> files) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto add = [&](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (std::string_view file : files) {
    std::uint64_t size = file.size();
    for (int i = 0; i < 8; ++i) add(static_cast<unsigned char>(size >> (8 * i)));
    for (char c : file) add(static_cast<unsigned char>(c));
  }
  return hash;
}

std::string write_snapshot(const Model& model, std::uint64_t digest) {
  return Encoder().run(model, digest);
}

Snapshot read_snapshot(std::string_view bytes, std::string_view origin) {
  return Decoder(bytes, origin).run();
}

}  // namespace kyoso::detail
