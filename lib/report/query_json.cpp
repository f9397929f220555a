// The JSON documents of query results (report.hpp). Written by the one JSON writer in its
// compact layout, so that a document is one line with sorted keys, the same bytes each time.
#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::bilingual_json;
using detail::document;
using detail::optional_id;
using detail::path_json;
using detail::paths_json;
using detail::profile_json;
using detail::sources_json;
using detail::strings_json;
using detail::texts_json;
using detail::weights_json;

json::array criteria_json(const std::vector<Criterion>& criteria) {
  json::array out;
  for (const Criterion& c : criteria) {
    out.push_back(json::object{{"id", c.id},
                               {"description", bilingual_json(c.description)},
                               {"outcome", to_string(c.outcome)},
                               {"weight", c.weight},
                               {"strength", c.strength},
                               {"contribution", c.contribution},
                               {"how", bilingual_json(c.how)},
                               {"paths", paths_json(c.paths)}});
  }
  return out;
}

json::value optional_year(std::optional<int> year) {
  return year ? json::value(*year) : json::value();
}

json::object call_json(const CallReading& c) {
  return {{"fiscal_year", c.fiscal_year != 0 ? json::value(c.fiscal_year) : json::value()},
          {"status", c.status ? json::value(to_string(*c.status)) : json::value()},
          {"from", optional_id(c.from)},
          {"scope", bilingual_json(c.scope)},
          {"period", c.period.empty() ? json::value() : json::value(c.period)},
          {"last_known", optional_year(c.last_known)},
          {"sources", sources_json(c.sources)}};
}

json::array routes_json(const std::vector<Participation>& routes) {
  json::array out;
  for (const Participation& p : routes) {
    json::array needs;
    for (const Need& n : p.needs) {
      needs.push_back(json::object{{"id", n.id}, {"what", bilingual_json(n.what)}, {"met", n.met}});
    }
    out.push_back(json::object{{"route", to_string(p.route)},
                               {"applicant", optional_id(p.applicant)},
                               {"ready", p.ready()},
                               {"needs", std::move(needs)}});
  }
  return out;
}

json::object recommendation_json(const Recommendation& r) {
  return {{"id", r.id},
          {"name", bilingual_json(r.name)},
          {"score", r.score},
          {"specificity", r.specificity},
          {"eligibility", to_string(r.eligibility)},
          {"call", call_json(r.call)},
          {"routes", routes_json(r.routes)},
          {"reasons", texts_json(r.reasons)},
          {"criteria", criteria_json(r.criteria)},
          {"paths", paths_json(r.paths)},
          {"sources", sources_json(r.sources)},
          {"nodes", strings_json(explanation_nodes(r))}};
}

json::object diagnosis_json(const Diagnosis& d) {
  json::array factors;
  for (const FactorLink& f : d.factors) {
    factors.push_back(json::object{{"id", f.id},
                                   {"name", bilingual_json(f.name)},
                                   {"description", bilingual_json(f.description)},
                                   {"label", f.label},
                                   {"certainty", to_string(f.certainty)},
                                   {"sources", sources_json(f.sources)}});
  }
  json::array references;
  for (const CaseLink& c : d.references) {
    references.push_back(json::object{{"id", c.id},
                                      {"name", bilingual_json(c.name)},
                                      {"certainty", to_string(c.certainty)},
                                      {"sources", sources_json(c.sources)}});
  }
  json::array unresolved;
  for (const std::vector<std::string>& reading : d.candidates) {
    unresolved.push_back(strings_json(reading));
  }
  return {{"id", d.id},
          {"name", bilingual_json(d.name)},
          {"block", d.block},
          {"stage", optional_id(d.stage)},
          {"stage_name", bilingual_json(d.stage_name)},
          {"factors", std::move(factors)},
          {"references", std::move(references)},
          {"unresolved", std::move(unresolved)},
          {"note", bilingual_json(d.note)},
          {"match", d.match},
          {"sources", sources_json(d.sources)}};
}

json::object plan_item_json(const PlanItem& item) {
  // A duration the source does not state is null, not 0 years.
  bool stated = item.years > 0;
  return {
      {"id", item.id},
      {"name", bilingual_json(item.name)},
      {"score", item.score},
      {"covers", strings_json(item.covers)},
      {"start_year", item.start_year},
      {"years", stated ? json::value(item.years) : json::value()},
      {"years_qualifier", stated ? json::value(to_string(item.years_qualifier)) : json::value()},
      {"years_unit", stated ? json::value(to_string(item.years_unit)) : json::value()},
      {"reasons", texts_json(item.reasons)}};
}

}  // namespace

json::object detail::fit_json(const FitResult& result) {
  json::array results;
  for (const Recommendation& r : result.results) results.push_back(recommendation_json(r));
  return {{"schema", "kyoso.fit/2"},
          {"profile", profile_json(result.profile)},
          {"weights", weights_json(result.weights)},
          {"order", bilingual_json(ranking_order())},
          {"results", std::move(results)},
          // fit --university's derived profile (national_json.cpp); null otherwise.
          {"university", nullptr}};
}

std::string to_json(const FitResult& result) {
  return detail::write_json(detail::fit_json(result), detail::JsonLayout::compact);
}

std::string to_json(const Recommendation& recommendation, const Profile& profile) {
  return document(
      {{"profile", profile_json(profile)}, {"result", recommendation_json(recommendation)}},
      "kyoso.explain/2");
}

std::string to_json(const std::vector<RankedProgram>& ranking, const Profile& profile,
                    const FitWeights& weights) {
  json::array results;
  for (const RankedProgram& r : ranking) {
    results.push_back(json::object{
        {"id", r.program}, {"score", r.score}, {"eligibility", to_string(r.eligibility)}});
  }
  return document({{"profile", profile_json(profile)},
                   {"weights", weights_json(weights)},
                   {"results", std::move(results)}},
                  "kyoso.rank/2");
}

std::string to_json(const std::vector<Diagnosis>& diagnoses) {
  json::array results;
  for (const Diagnosis& d : diagnoses) results.push_back(diagnosis_json(d));
  return document({{"results", std::move(results)}}, "kyoso.diagnose/2");
}

std::string to_json(std::string_view start, const std::vector<Neighbor>& neighbors) {
  json::array out;
  for (const Neighbor& n : neighbors) {
    out.push_back(json::object{{"id", n.id},
                               {"name", bilingual_json(n.name)},
                               {"kind", to_string(n.kind)},
                               {"depth", n.depth},
                               {"path", path_json(n.path)}});
  }
  return document({{"id", start}, {"neighbors", std::move(out)}}, "kyoso.neighbors/1");
}

std::string to_json(const PathResult& result) {
  return document({{"from", result.from},
                   {"to", result.to},
                   {"length", result.length ? json::value(*result.length) : json::value()},
                   {"paths", paths_json(result.paths)},
                   {"truncated", result.truncated}},
                  "kyoso.path/1");
}

std::string to_json(const Portfolio& portfolio) {
  json::array plan;
  for (const PlanItem& item : portfolio.plan) plan.push_back(plan_item_json(item));
  return document({{"profile", profile_json(portfolio.profile)},
                   {"plan", std::move(plan)},
                   {"uncovered", strings_json(portfolio.uncovered)},
                   {"excluded", texts_json(portfolio.excluded)}},
                  "kyoso.portfolio/1");
}

}  // namespace kyoso
