#include "report/documents.hpp"

#include <boost/json.hpp>

#include "io/json_writer.hpp"

namespace kyoso::detail {

namespace json = boost::json;

std::string document(json::object doc, std::string_view schema) {
  doc["schema"] = schema;
  return write_json(doc, JsonLayout::compact);
}

json::value optional_id(const std::string& id) {
  return id.empty() ? json::value() : json::value(id);
}

json::array strings_json(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& s : items) out.emplace_back(s);
  return out;
}

json::array texts_json(const std::vector<Text>& texts) {
  json::array out;
  for (const Text& t : texts) out.push_back(bilingual_json(t));
  return out;
}

json::object path_json(const Path& path) {
  json::array relations;
  for (Relation r : path.relations) relations.emplace_back(to_string(r));
  json::array forward;
  for (bool f : path.forward) forward.emplace_back(f);
  return {{"nodes", strings_json(path.nodes)},
          {"relations", std::move(relations)},
          {"forward", std::move(forward)}};
}

json::array paths_json(const std::vector<Path>& paths) {
  json::array out;
  for (const Path& p : paths) out.push_back(path_json(p));
  return out;
}

json::object profile_json(const Profile& p) {
  return {{"mission", optional_id(p.mission)},
          {"goals", strings_json(p.goals)},
          {"fields", strings_json(p.fields)},
          {"stage", optional_id(p.stage)},
          {"partners", strings_json(p.partners)},
          {"holds", strings_json(p.holds)},
          {"establishment", optional_id(p.establishment)},
          {"applicant", optional_id(p.applicant)},
          {"fiscal_year", p.fiscal_year ? json::value(*p.fiscal_year) : json::value()}};
}

json::object weights_json(const FitWeights& w) {
  return {{"mission", w.mission},
          {"goals", w.goals},
          {"fields", w.fields},
          {"stage", w.stage},
          {"inherited", w.inherited}};
}

json::object model_info_json(const ModelInfo& info) {
  return {{"id", info.id},
          {"name", bilingual_json(info.name)},
          {"fiscal_year", info.fiscal_year ? json::value(*info.fiscal_year) : json::value()}};
}

}  // namespace kyoso::detail
