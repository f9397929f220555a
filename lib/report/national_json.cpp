// The documents of finding nodes and of the universities (report.hpp): kyoso.find/1,
// kyoso.universities/1 and kyoso.university_profile/1.
#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::attributes_json;
using detail::bilingual_json;
using detail::document;
using detail::optional_id;
using detail::path_json;
using detail::profile_json;
using detail::sources_json;
using detail::strings_json;

json::value optional_year(const std::optional<int>& year) {
  return year ? json::value(*year) : json::value();
}

json::object holding_json(const Holding& h) {
  return {{"program", h.program},
          {"name", bilingual_json(h.name)},
          {"relation", to_string(h.relation)},
          {"certainty", to_string(h.certainty)},
          {"fiscal_year", optional_year(h.fiscal_year)},
          {"attributes", attributes_json(h.attributes)},
          {"partial_list", h.partial_list},
          {"sources", sources_json(h.sources)}};
}

json::object university_json(const University& u) {
  json::array fields;
  for (const FieldLink& f : u.fields) {
    fields.push_back({{"field", f.field},
                      {"name", bilingual_json(f.name)},
                      {"certainty", to_string(f.certainty)},
                      {"note", bilingual_json(f.note)}});
  }
  json::array frameworks;
  for (const FrameworkChoice& c : u.frameworks) {
    frameworks.push_back({{"framework", c.framework},
                          {"name", bilingual_json(c.name)},
                          {"label", c.label},
                          {"certainty", to_string(c.certainty)},
                          {"sources", sources_json(c.sources)}});
  }
  json::array holdings;
  for (const Holding& h : u.holdings) holdings.push_back(holding_json(h));
  return {{"id", u.id},
          {"name", bilingual_json(u.name)},
          {"mext_code", optional_id(u.mext_code)},
          {"establishment", optional_id(u.establishment)},
          {"prefecture", optional_id(u.prefecture)},
          {"prefecture_name", bilingual_json(u.prefecture_name)},
          {"region", optional_id(u.region)},
          {"region_name", bilingual_json(u.region_name)},
          {"since", optional_id(u.since)},
          {"until", optional_id(u.until)},
          {"fields", std::move(fields)},
          {"frameworks", std::move(frameworks)},
          {"holdings", std::move(holdings)}};
}

json::object fact_json(const ProfileFact& f) {
  return {{"part", f.part},
          {"value", optional_id(f.value)},
          {"name", bilingual_json(f.name)},
          {"used", f.used},
          {"certainty", f.path.length() > 0 ? json::value(to_string(f.certainty)) : json::value()},
          {"path", path_json(f.path)},
          {"fiscal_year", optional_year(f.fiscal_year)},
          {"attributes", attributes_json(f.attributes)},
          {"partial_list", f.partial_list},
          {"text", bilingual_json(f.text)},
          {"sources", sources_json(f.sources)}};
}

}  // namespace

std::string to_json(std::string_view text, std::optional<Kind> kind,
                    const std::vector<Match>& matches) {
  json::array out;
  for (const Match& m : matches) {
    out.push_back({{"id", m.id},
                   {"kind", to_string(m.kind)},
                   {"name", bilingual_json(m.name)},
                   {"quality", to_string(m.quality)},
                   {"matched", m.matched},
                   {"context", optional_id(m.context)},
                   {"context_name", bilingual_json(m.context_name)}});
  }
  return document({{"text", text},
                   {"kind", kind ? json::value(to_string(*kind)) : json::value()},
                   {"matches", std::move(out)}},
                  "kyoso.find/1");
}

std::string to_json(const std::vector<University>& rows,
                    const std::vector<std::string>& partial_lists) {
  json::array out;
  for (const University& u : rows) out.push_back(university_json(u));
  return document(
      {{"universities", std::move(out)}, {"partial_lists", strings_json(partial_lists)}},
      "kyoso.universities/1");
}

std::string to_json(const UniversityProfile& p) {
  json::array facts;
  for (const ProfileFact& f : p.facts) facts.push_back(fact_json(f));
  return document({{"university", p.university},
                   {"name", bilingual_json(p.name)},
                   {"profile", profile_json(p.profile)},
                   {"facts", std::move(facts)}},
                  "kyoso.university_profile/1");
}

std::string to_json(const FitResult& result, const UniversityProfile& university) {
  // Built, not read back from to_json(result): Boost.JSON's parse may land a score one unit
  // in the last place off, and this document must give the scores fit gives.
  json::object doc = detail::fit_json(result);
  doc["university"] = json::parse(to_json(university));
  return detail::write_json(doc, detail::JsonLayout::compact);
}

}  // namespace kyoso
