#include "scenario/edit_path.hpp"

#include <charconv>

namespace kyoso::detail {

namespace {

constexpr std::string_view grammar =
    "name/ja|en, description/ja|en, note[/ja|en], attributes/<key>, "
    "figures/<name>[@<fiscal year>][/value|unit|qualifier|note] or "
    "calls@<fiscal year>/status|scope/ja|scope/en";

std::optional<Lang> language(std::string_view rest) {
  if (rest == "ja") return Lang::ja;
  if (rest == "en") return Lang::en;
  return std::nullopt;
}

std::optional<int> year_of(std::string_view year, std::string& problem) {
  int fy = 0;
  auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), fy);
  if (ec != std::errc{} || end != year.data() + year.size() || fy < 1900 || fy > 2200) {
    problem = "'@" + std::string(year) + "' is not a fiscal year (1900-2200)";
    return std::nullopt;
  }
  return fy;
}

// "calls@2025/status" -> the fiscal year and the member.
std::optional<EditPath> call_path(std::string_view rest, std::string& problem) {
  EditPath p;
  p.part = EditPath::Part::call;
  auto slash = rest.find('/');
  if (rest.substr(0, 1) != "@" || slash == std::string_view::npos) {
    problem = "a call's path is calls@<fiscal year>/status or calls@<fiscal year>/scope/ja|en";
    return std::nullopt;
  }
  p.fiscal_year = year_of(rest.substr(1, slash - 1), problem);
  if (!p.fiscal_year) return std::nullopt;
  std::string_view member = rest.substr(slash + 1);
  if (member == "status") {
    p.member = EditPath::Member::status;
  } else if (member == "scope/ja" || member == "scope/en") {
    p.member = EditPath::Member::scope;
    p.lang = member == "scope/ja" ? Lang::ja : Lang::en;
  } else {
    problem =
        "unknown call member '" + std::string(member) + "' (expected status, scope/ja or scope/en)";
    return std::nullopt;
  }
  return p;
}

// "budget@2025/value" -> name, fiscal year and member.
std::optional<EditPath> figure_path(std::string_view rest, std::string& problem) {
  EditPath p;
  p.part = EditPath::Part::figure;
  std::string_view head = rest;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    head = rest.substr(0, slash);
    std::string_view member = rest.substr(slash + 1);
    if (member == "value") {
      p.member = EditPath::Member::value;
    } else if (member == "unit") {
      p.member = EditPath::Member::unit;
    } else if (member == "qualifier") {
      p.member = EditPath::Member::qualifier;
    } else if (member == "note") {
      p.member = EditPath::Member::note;
    } else {
      problem = "unknown figure member '" + std::string(member) +
                "' (expected value, unit, qualifier or note)";
      return std::nullopt;
    }
  }
  if (auto at = head.find('@'); at != std::string_view::npos) {
    p.fiscal_year = year_of(head.substr(at + 1), problem);
    if (!p.fiscal_year) return std::nullopt;
    head = head.substr(0, at);
  }
  if (head.empty()) {
    problem = "the path names no figure";
    return std::nullopt;
  }
  p.key = std::string(head);
  return p;
}

}  // namespace

std::optional<EditPath> parse_edit_path(std::string_view path, std::string& problem) {
  auto after = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
    return path.substr(prefix.size());
  };
  EditPath p;
  if (path == "note") {
    p.part = EditPath::Part::note;
    p.both_languages = true;
    return p;
  }
  for (auto [prefix, part] :
       {std::pair{std::string_view("name/"), EditPath::Part::name},
        std::pair{std::string_view("description/"), EditPath::Part::description},
        std::pair{std::string_view("note/"), EditPath::Part::note}}) {
    if (auto rest = after(prefix)) {
      auto lang = language(*rest);
      if (!lang) {
        problem = "'" + std::string(path) + "': a text is ja or en";
        return std::nullopt;
      }
      p.part = part;
      p.lang = *lang;
      return p;
    }
  }
  if (auto rest = after("attributes/")) {
    if (rest->empty()) {
      problem = "the path names no attribute";
      return std::nullopt;
    }
    p.part = EditPath::Part::attribute;
    p.key = std::string(*rest);
    return p;
  }
  if (auto rest = after("figures/")) return figure_path(*rest, problem);
  if (auto rest = after("calls")) return call_path(*rest, problem);
  problem = "unknown path '" + std::string(path) + "' (expected " + std::string(grammar) + ")";
  return std::nullopt;
}

std::string value_problem(const EditPath& p, const EditValue& value) {
  bool null = std::holds_alternative<std::monostate>(value);
  const std::string* text = std::get_if<std::string>(&value);
  switch (p.part) {
    case EditPath::Part::name:
      if (!text || text->empty()) return "expected a non-empty string (a node keeps its names)";
      return {};
    case EditPath::Part::description:
    case EditPath::Part::note:
    case EditPath::Part::attribute:
      if (!text && !null) return "expected a string, or null to remove it";
      return {};
    case EditPath::Part::call:
      if (p.member == EditPath::Member::status && !null && (!text || !parse_call_status(*text))) {
        return "expected a call status (open, promotion-only, continuing-only, closed, "
               "allocated), or null to remove that year's call";
      }
      if (p.member == EditPath::Member::scope && !text && !null) {
        return "expected a string, or null to remove it";
      }
      return {};
    case EditPath::Part::figure:
      break;
  }
  switch (p.member) {
    case EditPath::Member::whole:
      if (!null && !std::holds_alternative<Figure>(value)) {
        return "expected a figure object ({\"value\", \"unit\", …}), or null to remove it";
      }
      return {};
    case EditPath::Member::value: {
      const std::int64_t* n = std::get_if<std::int64_t>(&value);
      if (!n) return "expected an integer (money is whole yen)";
      if (*n < 0) return "a figure may not be negative";
      return {};
    }
    case EditPath::Member::unit:
      if (!text || !parse_unit(*text)) {
        return "expected a unit (jpy, jpy_per_year, years, fiscal_years, sites, count, "
               "basis_points)";
      }
      return {};
    case EditPath::Member::qualifier:
      if (!text || !parse_qualifier(*text)) {
        return "expected a qualifier (exact, approx, up_to, at_least)";
      }
      return {};
    case EditPath::Member::note:
      if (!text && !null) return "expected a string, or null to remove it";
      return {};
    case EditPath::Member::status:
    case EditPath::Member::scope:
      break;
  }
  return {};
}

}  // namespace kyoso::detail
