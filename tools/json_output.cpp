#include "json_output.hpp"

#include <boost/json.hpp>

#include "figure_text.hpp"

namespace kyoso::cli {

namespace json = boost::json;

json::object text_json(const Text& text) { return {{"ja", text.ja}, {"en", text.en}}; }

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

json::object figure_json(const Figure& figure, Lang lang) {
  json::object o;
  o["name"] = figure.name;
  o["value"] = figure.value;
  o["unit"] = to_string(figure.unit);
  o["qualifier"] = to_string(figure.qualifier);
  o["fiscal_year"] = figure.fiscal_year ? json::value(*figure.fiscal_year) : json::value();
  o["note"] = figure.note;
  o["sources"] = sources_json(figure.sources);
  o["text"] = figure_text(figure, lang);
  return o;
}

json::object model_info_json(const ModelInfo& info) {
  json::object o;
  o["id"] = info.id;
  o["name"] = text_json(info.name);
  o["fiscal_year"] = info.fiscal_year ? json::value(*info.fiscal_year) : json::value();
  return o;
}

std::string json_text(const json::value& document) { return json::serialize(document) + "\n"; }

}  // namespace kyoso::cli
