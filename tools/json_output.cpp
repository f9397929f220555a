#include "json_output.hpp"

#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"

namespace kyoso::cli {

namespace json = boost::json;

json::object text_json(const Text& text) { return detail::bilingual_json(text); }

json::array sources_json(const std::vector<Source>& sources) {
  return detail::sources_json(sources);
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
  o["text"] = to_text(figure, lang);
  return o;
}

json::object model_info_json(const ModelInfo& info) {
  json::object o;
  o["id"] = info.id;
  o["name"] = text_json(info.name);
  o["fiscal_year"] = info.fiscal_year ? json::value(*info.fiscal_year) : json::value();
  return o;
}

std::string json_text(const json::value& document) {
  return detail::write_json(document, detail::JsonLayout::compact) + "\n";
}

}  // namespace kyoso::cli
