// The options that `simulate` and `compare … simulate` share, checked before the library sees
// them, and the money and count cells of their tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "kyoso/simulate.hpp"

namespace kyoso::cli {

// --years, --start-fy, --budget, --policy, --promotion-rate, --initial-sites, --new-sites,
// --runs, --seed.
void declare_simulation_options(CommandLine& line);

// The options as given. Every value is checked here, so that a bad one is a usage error
// (status 2) before anything is simulated: --years outside 1–100, a --start-fy that is not a
// fiscal year, a negative or malformed --budget, a --promotion-rate outside 0–1, a policy that
// does not exist, --runs outside 1–100000 or without --seed (and --seed without --runs), a
// malformed TRACK=N. The track ids of --initial-sites and --new-sites are resolved against
// the context's model (the kind may be left out), so an unknown one is bad input (status 1).
SimulationOptions simulation_options_from(Context& context);

// A fiscal year as people write it: "FY2024", "fy2024", "2024", "R6", "令和6", "令和6年度",
// "令和元年度" (令和 n = 2018 + n). Nothing else, and only years 1989–2200.
std::optional<int> parse_fiscal_year(std::string_view text);

// An amount of yen: digits, optionally grouped with ',' or '_' ("12,000,000,000"), or a
// number of 億 (10^8 yen) with up to 8 decimals: "120億", "120億円", "131.6億". A leading '-'
// is read (and refused by the caller). Nothing else.
std::optional<std::int64_t> parse_jpy(std::string_view text);

// Money in a table column whose header names the unit: 億円 with one decimal in Japanese
// ("131.6"), JPY billions with two in English ("13.16"); the same precision, 10^7 yen.
std::string money_cell(std::int64_t jpy, Lang lang);
// "支出（億円）" / "spend (JPY bn)" for `ja` "支出" and `en` "spend".
std::string money_header(Lang lang, std::string_view ja, std::string_view en);
// A count over Monte Carlo runs, "32 [30–34]" (p50 [p10–p90]), or "32" when all three agree.
std::string quantiles_cell(const Quantiles& q);
// The same for money.
std::string money_quantiles_cell(const Quantiles& q, Lang lang);
// The policy's name and what it does, for the line above a table.
std::string policy_text(BudgetPolicy policy, Lang lang);

}  // namespace kyoso::cli
