// JSON Graph Format v2 in and out (docs/format.md).
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::pointer_token;
using detail::sources_json;
using detail::text_json;

std::string_view view(json::string_view s) { return {s.data(), s.size()}; }

// Reads kyoso's data out of a parsed JGF document; every complaint names its JSON pointer.
class JgfReader {
 public:
  JgfReader(std::string_view text, std::string origin) : text_(text), origin_(std::move(origin)) {}

  Model read() {
    json::value doc = detail::read_json(text_, origin_);
    const json::object& top = object(doc, "");
    check_schema_version(top);
    const json::object& graph = object(member(top, "graph", ""), "/graph");
    ModelBuilder builder;
    builder.origin(origin_);
    builder.info(info(graph));
    if (const json::value* nodes = graph.if_contains("nodes")) {
      for (const auto& kv : object(*nodes, "/graph/nodes")) {
        std::string id(view(kv.key()));
        std::string where = "/graph/nodes/" + pointer_token(id);
        builder.add_node(node(id, kv.value(), where), where);
      }
    }
    if (const json::value* edges = graph.if_contains("edges")) {
      const json::array& list = array(*edges, "/graph/edges");
      for (std::size_t i = 0; i < list.size(); ++i) {
        std::string where = "/graph/edges/" + std::to_string(i);
        builder.add_edge(edge(list[i], where), where);
      }
    }
    try {
      return std::move(builder).build();
    } catch (const ValidationError& e) {
      fail(e.problem(), e.where().pointer, e.where().id);
    }
  }

 private:
  [[noreturn]] void fail(const std::string& problem, const std::string& pointer,
                         const std::string& id = {}) const {
    Location where{origin_, 0, 0, pointer, id};
    if (auto pos = detail::find_pointer(text_, pointer)) {
      where.line = pos->line;
      where.column = pos->column;
    }
    throw ValidationError(problem, where);
  }

  const json::object& object(const json::value& v, const std::string& at) const {
    if (!v.is_object()) fail("expected a JSON object", at);
    return v.get_object();
  }
  const json::array& array(const json::value& v, const std::string& at) const {
    if (!v.is_array()) fail("expected a JSON array", at);
    return v.get_array();
  }
  const json::value& member(const json::object& o, std::string_view key,
                            const std::string& at) const {
    const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
    if (!v) fail("missing \"" + std::string(key) + "\"", at);
    return *v;
  }
  // Metadata objects are closed: an unknown key is a typo that would otherwise be lost.
  void only_keys(const json::object& o, std::initializer_list<std::string_view> keys,
                 const std::string& at) const {
    for (const auto& kv : o) {
      if (std::find(keys.begin(), keys.end(), view(kv.key())) == keys.end()) {
        fail("unknown key \"" + std::string(view(kv.key())) + "\"",
             at + "/" + pointer_token(view(kv.key())));
      }
    }
  }
  std::string string(const json::value& v, const std::string& at) const {
    if (!v.is_string()) fail("expected a string", at);
    return std::string(view(v.get_string()));
  }
  std::string optional_string(const json::object& o, std::string_view key,
                              const std::string& at) const {
    const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
    return v ? string(*v, at + "/" + std::string(key)) : std::string{};
  }
  std::int64_t integer(const json::value& v, const std::string& at) const {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64()) fail("integer out of range", at);
    if (v.is_double()) fail("expected an integer (money is whole yen), not a fraction", at);
    fail("expected an integer", at);
  }
  std::optional<int> fiscal_year(const json::object& o, const std::string& at) const {
    const json::value* v = o.if_contains("fiscal_year");
    if (!v) return std::nullopt;
    std::int64_t year = integer(*v, at + "/fiscal_year");
    if (year < 1900 || year > 2200)
      fail("fiscal_year out of range (1900-2200)", at + "/fiscal_year");
    return static_cast<int>(year);
  }

  Text text(const json::object& o, std::string_view key, const std::string& at) const {
    const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
    if (!v) return {};
    std::string here = at + "/" + std::string(key);
    const json::object& t = object(*v, here);
    only_keys(t, {"ja", "en"}, here);
    return Text{optional_string(t, "ja", here), optional_string(t, "en", here)};
  }

  std::vector<Source> sources(const json::object& o, const std::string& at) const {
    std::vector<Source> out;
    const json::value* v = o.if_contains("sources");
    if (!v) return out;
    const json::array& list = array(*v, at + "/sources");
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string here = at + "/sources/" + std::to_string(i);
      const json::object& s = object(list[i], here);
      only_keys(s, {"document", "section", "quote", "publisher", "title", "url", "page"}, here);
      Source src{optional_string(s, "document", here), optional_string(s, "section", here),
                 optional_string(s, "quote", here),    optional_string(s, "publisher", here),
                 optional_string(s, "title", here),    optional_string(s, "url", here),
                 optional_string(s, "page", here)};
      if (src.document.empty() && src.publisher.empty()) {
        fail("a source needs a \"document\" or a \"publisher\"", here);
      }
      out.push_back(std::move(src));
    }
    return out;
  }

  Figure figure(const json::value& v, const std::string& at) const {
    const json::object& o = object(v, at);
    only_keys(o, {"name", "value", "unit", "qualifier", "fiscal_year", "note", "sources"}, at);
    Figure f;
    f.name = string(member(o, "name", at), at + "/name");
    f.value = integer(member(o, "value", at), at + "/value");
    std::string unit = string(member(o, "unit", at), at + "/unit");
    auto u = parse_unit(unit);
    if (!u) fail("unknown unit \"" + unit + "\"", at + "/unit");
    f.unit = *u;
    if (o.contains("qualifier")) {
      std::string q = string(o.at("qualifier"), at + "/qualifier");
      auto parsed = parse_qualifier(q);
      if (!parsed) fail("unknown qualifier \"" + q + "\"", at + "/qualifier");
      f.qualifier = *parsed;
    }
    f.fiscal_year = fiscal_year(o, at);
    f.note = optional_string(o, "note", at);
    f.sources = sources(o, at);
    return f;
  }

  Node node(const std::string& id, const json::value& v, const std::string& at) const {
    const json::object& o = object(v, at);
    const json::value* meta_value = o.if_contains("metadata");
    if (!meta_value) fail("node has no metadata (kind and name)", at, id);
    std::string here = at + "/metadata";
    const json::object& meta = object(*meta_value, here);
    only_keys(meta, {"kind", "name", "description", "attributes", "figures", "note", "sources"},
              here);
    Node n;
    n.id = id;
    const json::value* kind = meta.if_contains("kind");
    if (!kind) fail("node has no kind", here, id);
    std::string kind_name = string(*kind, here + "/kind");
    auto k = parse_kind(kind_name);
    if (!k) fail("unknown kind \"" + kind_name + "\"", here + "/kind", id);
    n.kind = *k;
    if (!meta.contains("name")) fail("node has no name", here, id);
    n.name = text(meta, "name", here);
    n.description = text(meta, "description", here);
    if (const json::value* attrs = meta.if_contains("attributes")) {
      for (const auto& kv : object(*attrs, here + "/attributes")) {
        std::string key(view(kv.key()));
        n.attributes[key] = string(kv.value(), here + "/attributes/" + pointer_token(key));
      }
    }
    if (const json::value* figs = meta.if_contains("figures")) {
      const json::array& list = array(*figs, here + "/figures");
      for (std::size_t i = 0; i < list.size(); ++i) {
        n.figures.push_back(figure(list[i], here + "/figures/" + std::to_string(i)));
      }
    }
    n.note = optional_string(meta, "note", here);
    n.sources = sources(meta, here);
    return n;
  }

  ModelBuilder::EdgeSpec edge(const json::value& v, const std::string& at) const {
    const json::object& o = object(v, at);
    ModelBuilder::EdgeSpec e;
    e.source = string(member(o, "source", at), at + "/source");
    e.target = string(member(o, "target", at), at + "/target");
    std::string relation = string(member(o, "relation", at), at + "/relation");
    auto r = parse_relation(relation);
    if (!r) fail("unknown relation \"" + relation + "\"", at + "/relation", e.source);
    e.relation = *r;
    if (const json::value* meta_value = o.if_contains("metadata")) {
      std::string here = at + "/metadata";
      const json::object& meta = object(*meta_value, here);
      only_keys(meta, {"certainty", "fiscal_year", "what", "note", "sources"}, here);
      if (meta.contains("certainty")) {
        std::string c = string(meta.at("certainty"), here + "/certainty");
        auto parsed = parse_certainty(c);
        if (!parsed) fail("unknown certainty \"" + c + "\"", here + "/certainty");
        e.certainty = *parsed;
      }
      e.fiscal_year = fiscal_year(meta, here);
      e.detail.what = text(meta, "what", here);
      e.detail.note = optional_string(meta, "note", here);
      e.detail.sources = sources(meta, here);
    }
    return e;
  }

  ModelInfo info(const json::object& graph) const {
    ModelInfo out;
    out.id = graph.contains("id") ? string(graph.at("id"), "/graph/id") : std::string{};
    if (const json::value* meta_value = graph.if_contains("metadata")) {
      const json::object& meta = object(*meta_value, "/graph/metadata");
      only_keys(meta, {"name", "description", "fiscal_year", "sources"}, "/graph/metadata");
      out.name = text(meta, "name", "/graph/metadata");
      out.description = text(meta, "description", "/graph/metadata");
      out.fiscal_year = fiscal_year(meta, "/graph/metadata");
      out.sources = sources(meta, "/graph/metadata");
    }
    return out;
  }

  void check_schema_version(const json::object& top) const {
    const json::value* v = top.if_contains("schema_version");
    if (!v)
      fail("missing \"schema_version\" (this build reads version " +
               std::to_string(schema_version) + ")",
           "");
    std::int64_t version = integer(*v, "/schema_version");
    if (version < 1 || version > schema_version) {
      fail("unsupported schema_version " + std::to_string(version) + " (this build reads 1 to " +
               std::to_string(schema_version) + ")",
           "/schema_version");
    }
  }

  std::string_view text_;
  std::string origin_;
};

// --- writing -----------------------------------------------------------------------------

// Empty optional members are left out, so files stay small and round trips stay exact.
void put_common(json::object& o, const std::string& note, const std::vector<Source>& sources) {
  if (!note.empty()) o["note"] = note;
  if (!sources.empty()) o["sources"] = sources_json(sources);
}

json::object node_json(const Node& n) {
  json::object meta;
  meta["kind"] = std::string(to_string(n.kind));
  meta["name"] = text_json(n.name);
  if (!n.description.empty()) meta["description"] = text_json(n.description);
  if (!n.attributes.empty()) meta["attributes"] = detail::attributes_json(n.attributes);
  if (!n.figures.empty()) meta["figures"] = detail::figures_json(n.figures);
  put_common(meta, n.note, n.sources);
  json::object o;
  o["label"] = n.name.ja;
  o["metadata"] = std::move(meta);
  return o;
}

Location file_location(const std::filesystem::path& file) {
  Location where;
  where.file = file.string();
  return where;
}

}  // namespace

Model parse_model(std::string_view json_text, std::string_view origin) {
  return JgfReader(json_text, std::string(origin)).read();
}

Model load_model(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot open file for reading", file_location(file));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError("error while reading file", file_location(file));
  return parse_model(buffer.str(), file.string());
}

std::string to_jgf(const Model& model) {
  const ModelInfo& info = model.info();
  json::object graph;
  if (!info.id.empty()) graph["id"] = info.id;
  graph["directed"] = true;
  json::object meta;
  if (!info.name.empty()) meta["name"] = text_json(info.name);
  if (!info.description.empty()) meta["description"] = text_json(info.description);
  if (info.fiscal_year) meta["fiscal_year"] = *info.fiscal_year;
  if (!info.sources.empty()) meta["sources"] = sources_json(info.sources);
  if (!meta.empty()) graph["metadata"] = std::move(meta);

  json::object nodes;
  for (NodeIndex i = 0; i < model.node_count(); ++i) {
    const Node& n = model.node(i);
    nodes[n.id] = node_json(n);
  }
  graph["nodes"] = std::move(nodes);

  json::array edges;
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    const Edge& e = model.edge(i);
    json::object o;
    o["source"] = model.node(e.source).id;
    o["target"] = model.node(e.target).id;
    o["relation"] = std::string(to_string(e.relation));
    json::object m;
    if (e.certainty != Certainty::certain) m["certainty"] = std::string(to_string(e.certainty));
    if (e.fiscal_year != 0) m["fiscal_year"] = e.fiscal_year;
    const EdgeDetail& d = model.detail(e);
    if (!d.what.empty()) m["what"] = text_json(d.what);
    put_common(m, d.note, d.sources);
    if (!m.empty()) o["metadata"] = std::move(m);
    edges.push_back(std::move(o));
  }
  graph["edges"] = std::move(edges);

  json::object top;
  top["schema_version"] = schema_version;
  top["graph"] = std::move(graph);
  return detail::write_json(top);
}

void save_model(const Model& model, const std::filesystem::path& file) {
  std::string text = to_jgf(model);
  // Write beside the target and rename, so a failed save never leaves half a file.
  std::filesystem::path temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot open file for writing", file_location(temp));
    out << text;
    out.flush();
    if (!out) throw IoError("error while writing file", file_location(temp));
  }
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) throw IoError("cannot replace file: " + ec.message(), file_location(file));
}

}  // namespace kyoso
