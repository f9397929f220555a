// Figures and fiscal years written as a reader of the source expects them: 134億円,
// 3千万円程度/年, 最長10年度, 令和6年度 in Japanese; JPY 13,400,000,000, ≈ JPY 30,000,000 / year,
// up to 10 fiscal years, FY2024 in English.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kyoso/model.hpp"

namespace kyoso::cli {

// 13400000000 -> "13,400,000,000".
std::string group_thousands(std::int64_t value);

// Yen in the units the source uses: 134億円, 1.6億円, 2,000億円, 3千万円, 2.5千万円, 500万円;
// a sum that does not fit them is spelt out: 1億2,345万6,789円.
std::string yen_ja(std::int64_t value);

// The value with its unit and qualifier; the fiscal year is left to fiscal_year_text().
std::string figure_text(const Figure& figure, Lang lang);

// 2024 -> "令和6年度" / "FY2024"; 2019 -> "令和元年度".
std::string fiscal_year_text(int fiscal_year, Lang lang);

// The label of a documented figure name (docs/format.md): "budget" -> "予算額" / "budget".
// Other names are shown as they are.
std::string figure_name_text(std::string_view name, Lang lang);

}  // namespace kyoso::cli
