#include "io/model_json.hpp"

#include <algorithm>
#include <cmath>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "model/rules.hpp"

namespace kyoso::detail {

namespace json = boost::json;

namespace {
std::string_view view(json::string_view s) { return {s.data(), s.size()}; }
json::string_view key_of(std::string_view key) { return {key.data(), key.size()}; }
}  // namespace

ModelJsonReader::ModelJsonReader(std::string_view text, std::string origin, std::size_t max_depth)
    : text_(text), origin_(std::move(origin)), max_depth_(max_depth) {}

ModelJsonReader::ModelJsonReader(std::function<std::string()> reread, std::string origin,
                                 std::size_t max_depth)
    : reread_(std::move(reread)), origin_(std::move(origin)), max_depth_(max_depth) {}

std::string_view ModelJsonReader::document() const {
  if (!reread_) return text_;
  if (!reread_text_) reread_text_ = reread_();
  return *reread_text_;
}

Location ModelJsonReader::locate(const std::string& pointer, const std::string& id) const {
  Location where{origin_, 0, 0, pointer, id};
  if (locate_later_) return where;
  if (auto pos = find_pointer(document(), pointer, max_depth_)) {
    where.line = pos->line;
    where.column = pos->column;
  }
  return where;
}

void ModelJsonReader::fail(const std::string& problem, const std::string& pointer,
                           const std::string& id) const {
  throw ValidationError(problem, locate(pointer, id));
}

const json::object& ModelJsonReader::object(const json::value& v, const std::string& at) const {
  if (!v.is_object()) fail("expected a JSON object", at);
  return v.get_object();
}

const json::array& ModelJsonReader::array(const json::value& v, const std::string& at) const {
  if (!v.is_array()) fail("expected a JSON array", at);
  return v.get_array();
}

const json::value& ModelJsonReader::member(const json::object& o, std::string_view key,
                                           const std::string& at) const {
  const json::value* v = o.if_contains(key_of(key));
  if (!v) fail("missing \"" + std::string(key) + "\"", at);
  return *v;
}

void ModelJsonReader::only_keys(const json::object& o, std::initializer_list<std::string_view> keys,
                                const std::string& at) const {
  for (const auto& kv : o) {
    if (std::find(keys.begin(), keys.end(), view(kv.key())) == keys.end()) {
      fail("unknown key \"" + std::string(view(kv.key())) + "\"",
           at + "/" + pointer_token(view(kv.key())));
    }
  }
}

std::string ModelJsonReader::string(const json::value& v, const std::string& at) const {
  if (!v.is_string()) fail("expected a string", at);
  return std::string(view(v.get_string()));
}

std::string ModelJsonReader::optional_string(const json::object& o, std::string_view key,
                                             const std::string& at) const {
  const json::value* v = o.if_contains(key_of(key));
  return v ? string(*v, at + "/" + std::string(key)) : std::string{};
}

std::int64_t ModelJsonReader::integer(const json::value& v, const std::string& at) const {
  if (v.is_int64()) return v.get_int64();
  // Boost.JSON reads integers beyond 64 bits as doubles, so a whole double this large
  // was an integer literal too long for int64, not a fraction.
  constexpr double two_to_63 = 9223372036854775808.0;
  if (v.is_uint64() || (v.is_double() && std::abs(v.get_double()) >= two_to_63)) {
    fail("integer out of range (64 bits: -9223372036854775808 to 9223372036854775807)", at);
  }
  if (v.is_double()) {
    double d = v.get_double();
    fail(d == std::trunc(d) ? "expected an integer without a decimal point or exponent"
                            : "expected an integer (money is whole yen), not a fraction",
         at);
  }
  fail("expected an integer", at);
}

std::optional<int> ModelJsonReader::fiscal_year(const json::object& o,
                                                const std::string& at) const {
  const json::value* v = o.if_contains("fiscal_year");
  if (!v) return std::nullopt;
  std::int64_t year = integer(*v, at + "/fiscal_year");
  if (year < 1900 || year > 2200) {
    fail("fiscal_year out of range (1900-2200)", at + "/fiscal_year");
  }
  return static_cast<int>(year);
}

Text ModelJsonReader::text(const json::object& o, std::string_view key,
                           const std::string& at) const {
  const json::value* v = o.if_contains(key_of(key));
  if (!v) return {};
  std::string here = at + "/" + std::string(key);
  const json::object& t = object(*v, here);
  only_keys(t, {"ja", "en"}, here);
  return Text{optional_string(t, "ja", here), optional_string(t, "en", here)};
}

Text ModelJsonReader::note(const json::object& o, const std::string& at) const {
  const json::value* v = o.if_contains("note");
  if (!v) return {};
  if (v->is_string()) {
    std::string s = string(*v, at + "/note");
    return Text{s, s};
  }
  return text(o, "note", at);
}

Call ModelJsonReader::call(const json::value& v, const std::string& at) const {
  const json::object& o = object(v, at);
  only_keys(o, {"fiscal_year", "until_fiscal_year", "status", "scope", "period", "note", "sources"},
            at);
  Call c;
  std::string status = string(member(o, "status", at), at + "/status");
  auto parsed = parse_call_status(status);
  if (!parsed) {
    fail("unknown call status \"" + status +
             "\" (expected open, promotion-only, continuing-only, closed or allocated)",
         at + "/status");
  }
  c.status = *parsed;
  c.fiscal_year = fiscal_year(o, at);
  if (const json::value* until = o.if_contains("until_fiscal_year")) {
    std::int64_t year = integer(*until, at + "/until_fiscal_year");
    if (year < 1900 || year > 2200) {
      fail("until_fiscal_year out of range (1900-2200)", at + "/until_fiscal_year");
    }
    c.until_fiscal_year = static_cast<int>(year);
  }
  c.scope = text(o, "scope", at);
  c.period = optional_string(o, "period", at);
  c.note = note(o, at);
  c.sources = sources(o, at);
  return c;
}

std::vector<Source> ModelJsonReader::sources(const json::object& o, const std::string& at) const {
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

Figure ModelJsonReader::figure(const json::value& v, const std::string& at) const {
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
  f.note = note(o, at);
  f.sources = sources(o, at);
  return f;
}

std::map<std::string, std::string> ModelJsonReader::attributes(const json::object& o,
                                                               const std::string& at) const {
  std::map<std::string, std::string> out;
  if (const json::value* attrs = o.if_contains("attributes")) {
    for (const auto& kv : object(*attrs, at + "/attributes")) {
      std::string key(view(kv.key()));
      out[key] = string(kv.value(), at + "/attributes/" + pointer_token(key));
    }
  }
  return out;
}

std::vector<Figure> ModelJsonReader::figures(const json::object& o, const std::string& at) const {
  std::vector<Figure> out;
  if (const json::value* figs = o.if_contains("figures")) {
    const json::array& list = array(*figs, at + "/figures");
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(figure(list[i], at + "/figures/" + std::to_string(i)));
    }
  }
  return out;
}

Node ModelJsonReader::node_metadata(const std::string& id, const json::object& meta,
                                    const std::string& at,
                                    std::initializer_list<std::string_view> extra_keys) const {
  for (const auto& kv : meta) {
    static constexpr std::string_view keys[] = {"kind",    "name",  "description", "attributes",
                                                "figures", "calls", "note",        "sources"};
    std::string_view key = view(kv.key());
    if (std::find(std::begin(keys), std::end(keys), key) == std::end(keys) &&
        std::find(extra_keys.begin(), extra_keys.end(), key) == extra_keys.end()) {
      fail("unknown key \"" + std::string(key) + "\"", at + "/" + pointer_token(key));
    }
  }
  Node n;
  n.id = id;
  const json::value* kind = meta.if_contains("kind");
  if (!kind) fail("node has no kind", at, id);
  std::string kind_name = string(*kind, at + "/kind");
  auto k = parse_kind(kind_name);
  if (!k) fail("unknown kind \"" + kind_name + "\"", at + "/kind", id);
  n.kind = *k;
  if (!meta.contains("name")) fail("node has no name", at, id);
  n.name = text(meta, "name", at);
  n.description = text(meta, "description", at);
  n.attributes = attributes(meta, at);
  if (n.attributes.count("call")) {
    fail(std::string(detail::undated_call_problem), at + "/attributes/call", id);
  }
  if (const json::value* calls = meta.if_contains("calls")) {
    const json::array& list = array(*calls, at + "/calls");
    for (std::size_t i = 0; i < list.size(); ++i) {
      n.calls.push_back(call(list[i], at + "/calls/" + std::to_string(i)));
    }
  }
  n.figures = figures(meta, at);
  n.note = note(meta, at);
  n.sources = sources(meta, at);
  return n;
}

ModelBuilder::EdgeSpec ModelJsonReader::edge(const json::value& v, const std::string& at) const {
  const json::object& o = object(v, at);
  ModelBuilder::EdgeSpec e;
  e.source = string(member(o, "source", at), at + "/source");
  e.target = string(member(o, "target", at), at + "/target");
  std::string relation = string(member(o, "relation", at), at + "/relation");
  auto r = parse_relation(relation);
  if (!r) fail("unknown relation \"" + relation + "\"", at + "/relation", e.source);
  e.relation = *r;
  if (const json::value* meta_value = o.if_contains("metadata")) {
    edge_metadata(*meta_value, at + "/metadata", e);
  }
  return e;
}

void ModelJsonReader::edge_metadata(const json::value& v, const std::string& here,
                                    ModelBuilder::EdgeSpec& e) const {
  const json::object& meta = object(v, here);
  only_keys(meta, {"certainty", "fiscal_year", "what", "attributes", "figures", "note", "sources"},
            here);
  if (meta.contains("certainty")) {
    std::string c = string(meta.at("certainty"), here + "/certainty");
    auto parsed = parse_certainty(c);
    if (!parsed) fail("unknown certainty \"" + c + "\"", here + "/certainty");
    e.certainty = *parsed;
  }
  e.fiscal_year = fiscal_year(meta, here);
  e.detail.what = text(meta, "what", here);
  e.detail.attributes = attributes(meta, here);
  e.detail.figures = figures(meta, here);
  e.detail.note = note(meta, here);
  e.detail.sources = sources(meta, here);
}

namespace {
void put_common(json::object& o, const Text& note, const std::vector<Source>& sources) {
  if (!note.empty()) o["note"] = text_json(note);
  if (!sources.empty()) o["sources"] = sources_json(sources);
}
}  // namespace

json::object node_metadata_json(const Node& n) {
  json::object meta;
  meta["kind"] = std::string(to_string(n.kind));
  meta["name"] = text_json(n.name);
  if (!n.description.empty()) meta["description"] = text_json(n.description);
  if (!n.attributes.empty()) meta["attributes"] = attributes_json(n.attributes);
  if (!n.figures.empty()) meta["figures"] = figures_json(n.figures);
  if (!n.calls.empty()) meta["calls"] = calls_json(n.calls);
  put_common(meta, n.note, n.sources);
  return meta;
}

json::object edge_json(std::string_view source, std::string_view target, Relation relation,
                       Certainty certainty, std::optional<int> fiscal_year,
                       const EdgeDetail& detail) {
  json::object o;
  o["source"] = key_of(source);
  o["target"] = key_of(target);
  o["relation"] = key_of(to_string(relation));
  json::object m;
  if (certainty != Certainty::certain) m["certainty"] = key_of(to_string(certainty));
  if (fiscal_year) m["fiscal_year"] = *fiscal_year;
  if (!detail.what.empty()) m["what"] = text_json(detail.what);
  if (!detail.attributes.empty()) m["attributes"] = attributes_json(detail.attributes);
  if (!detail.figures.empty()) m["figures"] = figures_json(detail.figures);
  put_common(m, detail.note, detail.sources);
  if (!m.empty()) o["metadata"] = std::move(m);
  return o;
}

}  // namespace kyoso::detail
