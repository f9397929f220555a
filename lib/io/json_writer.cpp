#include "io/json_writer.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <vector>

namespace kyoso::detail {
namespace {

namespace json = boost::json;

void write(std::string& out, const json::value& v, int depth, JsonLayout layout) {
  const bool pretty = layout == JsonLayout::pretty;
  auto newline = [&](int d) {
    if (!pretty) return;
    out += '\n';
    out.append(static_cast<std::size_t>(d) * 2, ' ');
  };
  switch (v.kind()) {
    case json::kind::object: {
      const auto& obj = v.get_object();
      if (obj.empty()) {
        out += "{}";
        return;
      }
      std::vector<const json::key_value_pair*> members;
      for (const auto& kv : obj) members.push_back(&kv);
      std::sort(members.begin(), members.end(),
                [](auto* a, auto* b) { return a->key() < b->key(); });
      out += '{';
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i > 0) out += ',';
        newline(depth + 1);
        out += json_quote(std::string_view(members[i]->key().data(), members[i]->key().size()));
        out += pretty ? ": " : ":";
        write(out, members[i]->value(), depth + 1, layout);
      }
      newline(depth);
      out += '}';
      return;
    }
    case json::kind::array: {
      const auto& arr = v.get_array();
      if (arr.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (std::size_t i = 0; i < arr.size(); ++i) {
        if (i > 0) out += ',';
        newline(depth + 1);
        write(out, arr[i], depth + 1, layout);
      }
      newline(depth);
      out += ']';
      return;
    }
    case json::kind::string:
      out += json_quote(std::string_view(v.get_string().data(), v.get_string().size()));
      return;
    case json::kind::double_:
      append_number(out, v.get_double());
      return;
    default:
      out += json::serialize(v);
      return;
  }
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[(c >> 4) & 0xF];
          out += hex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

// Boost.JSON would write 1.0 as "1E0" and 0.5 as "5E-1".
void append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char text[32];
  auto end = std::to_chars(text, text + sizeof text, d).ptr;
  std::string_view written(text, static_cast<std::size_t>(end - text));
  out += written;
  if (written.find_first_of(".e") == std::string_view::npos) out += ".0";
}

std::string write_json(const json::value& v, JsonLayout layout) {
  std::string out;
  write(out, v, 0, layout);
  if (layout == JsonLayout::pretty) out += '\n';
  return out;
}

json::object text_json(const Text& t) {
  json::object o;
  if (!t.ja.empty()) o["ja"] = t.ja;
  if (!t.en.empty()) o["en"] = t.en;
  return o;
}

json::object bilingual_json(const Text& t) { return {{"ja", t.ja}, {"en", t.en}}; }

json::array sources_json(const std::vector<Source>& sources) {
  json::array out;
  for (const Source& s : sources) {
    json::object o;
    auto put = [&](const char* key, const std::string& value) {
      if (!value.empty()) o[key] = value;
    };
    put("document", s.document);
    put("section", s.section);
    put("quote", s.quote);
    put("publisher", s.publisher);
    put("title", s.title);
    put("url", s.url);
    put("page", s.page);
    out.push_back(std::move(o));
  }
  return out;
}

json::array figures_json(const std::vector<Figure>& figures) {
  json::array out;
  for (const Figure& f : figures) {
    json::object o;
    o["name"] = f.name;
    o["value"] = f.value;
    o["unit"] = std::string(to_string(f.unit));
    o["qualifier"] = std::string(to_string(f.qualifier));
    if (f.fiscal_year) o["fiscal_year"] = *f.fiscal_year;
    if (!f.note.empty()) o["note"] = text_json(f.note);
    if (!f.sources.empty()) o["sources"] = sources_json(f.sources);
    out.push_back(std::move(o));
  }
  return out;
}

json::array calls_json(const std::vector<Call>& calls) {
  json::array out;
  for (const Call& c : calls) {
    json::object o;
    o["status"] = std::string(to_string(c.status));
    if (c.fiscal_year) o["fiscal_year"] = *c.fiscal_year;
    if (c.until_fiscal_year) o["until_fiscal_year"] = *c.until_fiscal_year;
    if (!c.scope.empty()) o["scope"] = text_json(c.scope);
    if (!c.period.empty()) o["period"] = c.period;
    if (!c.note.empty()) o["note"] = text_json(c.note);
    if (!c.sources.empty()) o["sources"] = sources_json(c.sources);
    out.push_back(std::move(o));
  }
  return out;
}

json::object attributes_json(const std::map<std::string, std::string>& attributes) {
  json::object o;
  for (const auto& [key, value] : attributes) o[key] = value;
  return o;
}

}  // namespace kyoso::detail
