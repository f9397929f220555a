// The simulation as documents: "kyoso.simulate/1" JSON, written by the one JSON writer, and
// CSV for spreadsheets and pandas, its numbers written as the JSON's are.
#include <boost/json.hpp>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"
#include "report/documents.hpp"

namespace kyoso {

namespace {

namespace json = boost::json;

json::string_view js(std::string_view s) { return {s.data(), s.size()}; }

template <typename T>
json::value optional_json(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object counts_json(const std::map<std::string, std::int64_t>& counts) {
  json::object o;
  for (const auto& [id, n] : counts) o[id] = n;
  return o;
}

json::object parameters_json(const SimulationOptions& o) {
  json::object p;
  p["years"] = o.years;
  p["start_fy"] = optional_json(o.start_fy);
  p["policy"] = js(to_string(o.policy));
  p["budget_jpy"] = optional_json(o.budget_jpy);
  p["future_budget_jpy"] = optional_json(o.future_budget_jpy);
  p["promotion_rate"] = optional_json(o.promotion_rate);
  p["initial_sites"] = counts_json(o.initial_sites);
  p["new_sites"] = counts_json(o.new_sites);
  p["runs"] = o.runs;
  p["seed"] = o.runs > 0 ? json::value(o.seed) : json::value(nullptr);
  p["approx_spread"] = o.approx_spread;
  p["up_to_floor"] = o.up_to_floor;
  return p;
}

json::object track_json(const SimulatedTrack& t) {
  json::object o;
  o["id"] = js(t.id);
  o["name"] = detail::bilingual_json(t.name);
  o["funding_per_site_jpy"] = t.funding_per_site;
  o["funding_qualifier"] = js(to_string(t.funding_qualifier));
  o["duration"] = t.duration;
  o["new_sites"] = t.new_sites;
  o["initial_sites"] = t.initial_sites;
  o["promotes_to"] = t.promotes_to.empty() ? json::value(nullptr) : json::value(js(t.promotes_to));
  o["promotion_rate"] =
      t.promotes_to.empty() ? json::value(nullptr) : json::value(t.promotion_rate);
  o["open"] = t.open;
  return o;
}

json::value count_json(const Quantiles& q, bool monte_carlo) {
  if (!monte_carlo) return q.p50;
  return json::object{{"p10", q.p10}, {"p50", q.p50}, {"p90", q.p90}};
}

json::value share_json(double share, bool monte_carlo) {
  return monte_carlo ? json::value(share) : json::value(share > 0);
}

json::object year_json(const SimulatedYear& y, bool mc) {
  json::object o;
  o["fiscal_year"] = y.fiscal_year;
  json::object active;
  for (const auto& [track, q] : y.active) active[track] = count_json(q, mc);
  o["active"] = std::move(active);
  o["new"] = count_json(y.new_sites, mc);
  o["promoted"] = count_json(y.promoted, mc);
  o["ended"] = count_json(y.ended, mc);
  o["turned_away"] = count_json(y.turned_away, mc);
  o["spend_jpy"] = count_json(y.spend_jpy, mc);
  o["budget_jpy"] = y.budget_jpy;
  o["over_budget"] = share_json(y.over_budget, mc);
  o["budget_bound"] = share_json(y.budget_bound, mc);
  o["funding_scale"] = y.funding_scale;
  return o;
}

std::string number(double value) {
  std::string out;
  detail::append_number(out, value);
  return out;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

json::object detail::simulation_json(const SimulationResult& r) {
  const bool mc = r.monte_carlo();
  json::object doc;
  doc["schema"] = "kyoso.simulate/1";
  doc["program"] = js(r.program);
  doc["name"] = detail::bilingual_json(r.name);
  doc["parameters"] = parameters_json(r.options);
  json::array tracks;
  for (const SimulatedTrack& t : r.tracks) tracks.push_back(track_json(t));
  doc["tracks"] = std::move(tracks);
  json::array years;
  for (const SimulatedYear& y : r.years) years.push_back(year_json(y, mc));
  doc["years"] = std::move(years);
  json::array assumptions;
  for (const Text& t : r.assumptions) assumptions.push_back(detail::bilingual_json(t));
  doc["assumptions"] = std::move(assumptions);
  return doc;
}

std::string to_json(const SimulationResult& r) {
  return detail::write_json(detail::simulation_json(r), detail::JsonLayout::compact);
}

std::string to_csv(const SimulationResult& r) {
  const bool mc = r.monte_carlo();
  std::vector<std::string> header{"fiscal_year"};
  auto count_columns = [&](const std::string& name) {
    if (!mc) {
      header.push_back(name);
      return;
    }
    for (const char* p : {"_p10", "_p50", "_p90"}) header.push_back(name + p);
  };
  for (const SimulatedTrack& t : r.tracks) count_columns("active:" + t.id);
  for (const char* name : {"new", "promoted", "ended", "turned_away", "spend_jpy"}) {
    count_columns(name);
  }
  for (const char* name : {"budget_jpy", "over_budget", "budget_bound", "funding_scale"}) {
    header.push_back(name);
  }
  std::string out;
  for (std::size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + csv_field(header[i]);
  out += "\n";
  for (const SimulatedYear& y : r.years) {
    std::vector<std::string> row{std::to_string(y.fiscal_year)};
    auto counts = [&](const Quantiles& q) {
      if (!mc) {
        row.push_back(std::to_string(q.p50));
        return;
      }
      for (std::int64_t v : {q.p10, q.p50, q.p90}) row.push_back(std::to_string(v));
    };
    for (const SimulatedTrack& t : r.tracks) counts(y.active.at(t.id));
    for (const Quantiles* q : {&y.new_sites, &y.promoted, &y.ended, &y.turned_away, &y.spend_jpy}) {
      counts(*q);
    }
    row.push_back(std::to_string(y.budget_jpy));
    auto share = [&](double s) {
      row.push_back(mc ? number(s) : std::string(s > 0 ? "true" : "false"));
    };
    share(y.over_budget);
    share(y.budget_bound);
    row.push_back(number(y.funding_scale));
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + row[i];
    out += "\n";
  }
  return out;
}

}  // namespace kyoso
