// The comparisons as documents: "kyoso.compare.fit/2" and "kyoso.compare.simulate/1", each
// embedding both sides' answers ("kyoso.fit/2", "kyoso.simulate/1" documents).
#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {

namespace {

namespace json = boost::json;

json::value standing_json(const std::optional<FitStanding>& s) {
  if (!s) return nullptr;
  return json::object{{"rank", s->rank},
                      {"score", s->score},
                      {"eligibility", std::string(to_string(s->eligibility))}};
}

}  // namespace

std::string to_json(const FitComparison& c) {
  json::array programs;
  for (const FitChange& p : c.programs) {
    programs.push_back(json::object{{"id", p.id},
                                    {"name", detail::bilingual_json(p.name)},
                                    {"base", standing_json(p.base)},
                                    {"scenario", standing_json(p.scenario)},
                                    {"entered", p.entered()},
                                    {"left", p.left()},
                                    {"rank_move", p.rank_move()},
                                    {"score_change", p.score_change()},
                                    {"eligibility_changed", p.eligibility_changed()},
                                    {"changed", p.changed()}});
  }
  return detail::document({{"base", detail::fit_json(c.base)},
                           {"scenario", detail::fit_json(c.scenario)},
                           {"entered", detail::strings_json(c.entered())},
                           {"left", detail::strings_json(c.left())},
                           {"programs", std::move(programs)}},
                          "kyoso.compare.fit/2");
}

std::string to_json(const SimulationComparison& c) {
  json::array years;
  for (const YearChange& y : c.years) {
    json::object active;
    for (const auto& [track, delta] : y.active) active[track] = delta;
    years.push_back(json::object{{"fiscal_year", y.fiscal_year},
                                 {"active", std::move(active)},
                                 {"new", y.new_sites},
                                 {"promoted", y.promoted},
                                 {"ended", y.ended},
                                 {"turned_away", y.turned_away},
                                 {"spend_jpy", y.spend_jpy},
                                 {"budget_jpy", y.budget_jpy},
                                 {"over_budget", y.over_budget},
                                 {"budget_bound", y.budget_bound}});
  }
  auto texts = [](const std::vector<Text>& list) {
    json::array out;
    for (const Text& t : list) out.push_back(detail::bilingual_json(t));
    return out;
  };
  return detail::document(
      {{"base", detail::simulation_json(c.base)},
       {"scenario", detail::simulation_json(c.scenario)},
       {"years", std::move(years)},
       {"assumptions_changed", json::object{{"base", texts(c.base_only_assumptions)},
                                            {"scenario", texts(c.scenario_only_assumptions)}}}},
      "kyoso.compare.simulate/1");
}

}  // namespace kyoso
