#include "simulate_options.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>
#include <vector>

#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"

namespace kyoso::cli {
namespace {

constexpr int most_years = 100;
constexpr std::uint64_t most_runs = 100'000;
constexpr std::int64_t most_sites = 100'000;
constexpr int first_fiscal_year = 1900;
constexpr int last_fiscal_year = 2200;
constexpr int reiwa_zero = 2018;  // 令和元年度 = FY2019

// The whole text as a non-negative whole number; nothing before or after it.
template <typename T>
std::optional<T> whole(std::string_view text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return {};
  return value;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool only_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// TRACK=N, repeatable: --initial-sites opera=6.
std::map<std::string, std::int64_t> site_counts(Context& context, const char* name) {
  std::map<std::string, std::int64_t> counts;
  if (!context.options.count(name)) return counts;
  for (const std::string& item : context.options[name].as<std::vector<std::string>>()) {
    std::size_t equals = item.rfind('=');
    std::optional<std::int64_t> n;
    if (equals != std::string::npos && equals > 0) {
      n = whole<std::int64_t>(std::string_view(item).substr(equals + 1));
    }
    if (!n || *n < 0 || *n > most_sites) {
      throw UsageError("--" + std::string(name) + " takes TRACK=N with N from 0 to " +
                       std::to_string(most_sites) + ", not '" + item + "'");
    }
    counts[item.substr(0, equals)] = *n;
  }
  return counts;
}

// Track ids as the model spells them, so that "opera" names program/opera.
std::map<std::string, std::int64_t> resolved(const Model& model, const char* option,
                                             const std::map<std::string, std::int64_t>& counts) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [track, n] : counts) {
    try {
      out[model.node(track).id] = n;
    } catch (const UnknownIdError& e) {
      throw UnknownIdError(track, e.suggestion(), {}, "--" + std::string(option));
    }
  }
  return out;
}

std::string trimmed_decimal(std::int64_t tenths_or_hundredths, int decimals) {
  bool negative = tenths_or_hundredths < 0;
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(tenths_or_hundredths)
                                     : static_cast<std::uint64_t>(tenths_or_hundredths);
  std::uint64_t scale = decimals == 1 ? 10 : 100;
  std::string fraction = std::to_string(magnitude % scale);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / scale) + "." + fraction;
}

}  // namespace

void declare_simulation_options(CommandLine& line) {
  using many = std::vector<std::string>;
  // clang-format off
  line.options.add_options()
      ("years", po::value<int>()->value_name("N")->default_value(10),
       "how many fiscal years to simulate, 1 to 100")
      ("start-fy", po::value<std::string>()->value_name("FY"),
       "the first fiscal year: FY2024, 2024, R6 or 令和6年度; default: the model's (FY2024)")
      ("budget", po::value<std::string>()->value_name("JPY"),
       "every year's budget in yen (12000000000, 12,000,000,000 or 120億), in place of the "
       "program's budget figures")
      ("policy", po::value<std::string>()->value_name("P")->default_value("admit-fewer"),
       "when the sites cost more than the budget: admit-fewer (turn new and promoted sites "
       "away), scale-funding (pay every site less) or report-only (only mark the year)")
      ("promotion-rate", po::value<double>()->value_name("R"),
       "the share of a finishing cohort promoted, 0 to 1; default: the rate that keeps the "
       "promoted-to track at its stated sites")
      ("initial-sites", po::value<many>()->value_name("TRACK=N"),
       "sites of a track running in the year before the start (repeatable), e.g. opera=6")
      ("new-sites", po::value<many>()->value_name("TRACK=N"),
       "new sites a track admits each year (repeatable), e.g. coi-next/nurturing=4")
      ("runs", po::value<std::string>()->value_name("N"),
       "Monte Carlo over the promotion outcomes and the per-site amounts: N runs, 1 to "
       "100000, reported as p50 [p10-p90]; needs --seed")
      ("seed", po::value<std::string>()->value_name("S"),
       "the Monte Carlo's seed, a whole number: the same seed gives the same result");
  // clang-format on
}

SimulationOptions simulation_options_from(Context& context) {
  SimulationOptions o;
  o.years = context.options["years"].as<int>();
  if (o.years < 1 || o.years > most_years) {
    throw UsageError("--years must be 1 to " + std::to_string(most_years) + ", not " +
                     std::to_string(o.years));
  }
  if (auto text = context.get("start-fy")) {
    o.start_fy = parse_fiscal_year(*text);
    if (!o.start_fy) {
      throw UsageError("--start-fy must be a fiscal year (FY2024, 2024, R6 or 令和6年度), not '" +
                       *text + "'");
    }
  }
  if (auto text = context.get("budget")) {
    o.budget_jpy = parse_jpy(*text);
    if (!o.budget_jpy) {
      throw UsageError(
          "--budget must be an amount of yen (12000000000, 12,000,000,000 or 120億), "
          "not '" +
          *text + "'");
    }
    if (*o.budget_jpy < 0) throw UsageError("--budget may not be negative, not '" + *text + "'");
  }
  std::string policy = *context.get("policy");
  if (auto parsed = parse_budget_policy(policy)) {
    o.policy = *parsed;
  } else {
    throw UsageError("unknown --policy '" + policy +
                     "' (expected admit-fewer, scale-funding or report-only)");
  }
  if (context.options.count("promotion-rate")) {
    double rate = context.options["promotion-rate"].as<double>();
    if (!(rate >= 0 && rate <= 1)) {
      std::ostringstream given;
      given << rate;
      throw UsageError("--promotion-rate must be between 0 and 1, not " + given.str());
    }
    o.promotion_rate = rate;
  }
  std::optional<std::string> runs = context.get("runs");
  std::optional<std::string> seed = context.get("seed");
  if (runs && !seed) {
    throw UsageError("--runs needs --seed, so that the result can be reproduced");
  }
  if (seed && !runs) throw UsageError("--seed is for a Monte Carlo: give --runs too");
  if (runs) {
    auto n = whole<std::uint64_t>(*runs);
    if (!n || *n < 1 || *n > most_runs) {
      throw UsageError("--runs must be 1 to " + std::to_string(most_runs) + ", not '" + *runs +
                       "'");
    }
    auto s = whole<std::uint64_t>(*seed);
    if (!s) throw UsageError("--seed must be a whole number, not '" + *seed + "'");
    o.runs = static_cast<std::size_t>(*n);
    o.seed = *s;
  }
  std::map<std::string, std::int64_t> initial = site_counts(context, "initial-sites");
  std::map<std::string, std::int64_t> fresh = site_counts(context, "new-sites");
  if (!initial.empty() || !fresh.empty()) {
    const Model& model = context.model();
    o.initial_sites = resolved(model, "initial-sites", initial);
    o.new_sites = resolved(model, "new-sites", fresh);
  }
  return o;
}

std::optional<int> parse_fiscal_year(std::string_view text) {
  std::optional<int> year;
  if (only_digits(text) && text.size() == 4) {
    year = whole<int>(text);
  } else if ((starts_with(text, "FY") || starts_with(text, "fy")) && only_digits(text.substr(2)) &&
             text.size() == 6) {
    year = whole<int>(text.substr(2));
  } else {
    std::string_view era = text;
    if (starts_with(era, "R") || starts_with(era, "r")) {
      era.remove_prefix(1);
    } else if (starts_with(era, "令和")) {
      era.remove_prefix(std::string_view("令和").size());
      if (ends_with(era, "年度")) era.remove_suffix(std::string_view("年度").size());
      if (era == "元") era = "1";
    } else {
      return {};
    }
    if (!only_digits(era) || era.size() > 3) return {};
    auto n = whole<int>(era);
    if (!n || *n < 1) return {};
    year = reiwa_zero + *n;
  }
  if (!year || *year < first_fiscal_year || *year > last_fiscal_year) return {};
  return year;
}

std::optional<std::int64_t> parse_jpy(std::string_view text) {
  bool negative = starts_with(text, "-");
  if (negative) text.remove_prefix(1);
  std::int64_t value = 0;
  if (ends_with(text, "億円") || ends_with(text, "億")) {
    text.remove_suffix(ends_with(text, "億円") ? std::string_view("億円").size()
                                               : std::string_view("億").size());
    std::size_t point = text.find('.');
    std::string_view units = text.substr(0, point);
    std::string_view fraction =
        point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    if (!only_digits(units) || units.size() > 10) return {};
    if (point != std::string_view::npos && (!only_digits(fraction) || fraction.size() > 8)) {
      return {};
    }
    constexpr std::int64_t oku = 100'000'000;
    value = *whole<std::int64_t>(units) * oku;
    std::int64_t scale = oku;
    for (char digit : fraction) {
      scale /= 10;
      value += (digit - '0') * scale;
    }
  } else {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c != ',' && c != '_') {
        digits += c;
        continue;
      }
      // A separator only between two digits: "1,000", not ",1000" or "1,,000".
      if (i == 0 || i + 1 == text.size() || !is_digit(text[i - 1]) || !is_digit(text[i + 1])) {
        return {};
      }
    }
    if (!only_digits(digits)) return {};
    auto parsed = whole<std::int64_t>(digits);
    if (!parsed) return {};
    value = *parsed;
  }
  return negative ? -value : value;
}

std::string money_cell(std::int64_t jpy, Lang lang) {
  // In units of 10^7 yen (0.1億円 = 0.01 billion), rounded half away from zero.
  constexpr std::int64_t unit = 10'000'000;
  std::int64_t units = jpy / unit;
  std::int64_t rest = jpy % unit;
  if (rest >= unit / 2) ++units;
  if (rest <= -unit / 2) --units;
  return trimmed_decimal(units, lang == Lang::ja ? 1 : 2);
}

std::string money_header(Lang lang, std::string_view ja, std::string_view en) {
  return lang == Lang::ja ? std::string(ja) + "（億円）" : std::string(en) + " (JPY bn)";
}

std::string quantiles_cell(const Quantiles& q) {
  if (q.p10 == q.p50 && q.p50 == q.p90) return std::to_string(q.p50);
  return std::to_string(q.p50) + " [" + std::to_string(q.p10) + "–" + std::to_string(q.p90) + "]";
}

std::string money_quantiles_cell(const Quantiles& q, Lang lang) {
  std::string p50 = money_cell(q.p50, lang);
  std::string p10 = money_cell(q.p10, lang);
  std::string p90 = money_cell(q.p90, lang);
  if (p10 == p50 && p50 == p90) return p50;
  return p50 + " [" + p10 + "–" + p90 + "]";
}

std::string policy_text(BudgetPolicy policy, Lang lang) {
  std::string name(to_string(policy));
  switch (policy) {
    case BudgetPolicy::admit_fewer:
      return name + std::string(pick(lang, "（予算の範囲で新規・昇格を採る）",
                                     " (new and promoted sites only while the budget lasts)"));
    case BudgetPolicy::scale_funding:
      return name + std::string(pick(lang, "（全拠点の支給額を予算に合わせて縮小）",
                                     " (every site's funding scaled down to the budget)"));
    case BudgetPolicy::report_only:
      return name + std::string(pick(lang, "（予算で制限せず、超過を示すのみ）",
                                     " (the budget limits nothing; a year over it is marked)"));
  }
  return name;
}

}  // namespace kyoso::cli
