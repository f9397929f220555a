// Figures and fiscal years written as a reader of the source expects them (report.hpp).
#include <array>
#include <cstdint>
#include <utility>

#include "kyoso/report.hpp"

namespace kyoso {
namespace {

// The magnitude as unsigned, so that INT64_MIN has one too.
std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

std::string group(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// 13400000000 -> "13,400,000,000".
std::string group_thousands(std::int64_t value) {
  return (value < 0 ? "-" : "") + group(magnitude(value));
}

// `value` in units of `unit`, with at most `decimals` decimals (the caller has checked that
// no more are needed) and no trailing zeros: (160000000, 1e8, 2) -> "1.6".
std::string in_units(std::uint64_t value, std::uint64_t unit, int decimals) {
  std::string out = group(value / unit);
  if (decimals <= 0) return out;
  std::uint64_t step = unit;
  for (int i = 0; i < decimals; ++i) step /= 10;
  std::string fraction = std::to_string((value % unit) / step);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

constexpr std::uint64_t man = 10'000;
constexpr std::uint64_t sen_man = 10'000'000;
constexpr std::uint64_t oku = 100'000'000;
constexpr std::uint64_t cho = 1'000'000'000'000;

// Yen in the units the source uses: 134億円, 1.6億円, 2,000億円, 3千万円, 2.5千万円, 500万円;
// a sum that does not fit them is spelt out: 1億2,345万6,789円.
std::string yen_ja_magnitude(std::uint64_t v) {
  if (v >= cho && v % (cho / 100) == 0) return in_units(v, cho, 2) + "兆円";
  if (v >= oku && v % (oku / 100) == 0) return in_units(v, oku, 2) + "億円";
  if (v >= sen_man && v % (sen_man / 10) == 0) return in_units(v, sen_man, 1) + "千万円";
  if (v >= man && v % man == 0) return group(v / man) + "万円";
  if (v < man) return group(v) + "円";
  std::string out;
  for (auto [unit, name] : {std::pair{cho, "兆"}, std::pair{oku, "億"}, std::pair{man, "万"}}) {
    if (v >= unit) out += group(v / unit) + name;
    v %= unit;
  }
  if (v > 0) out += group(v);
  return out + "円";
}

std::string percent(std::int64_t basis_points) {
  std::string sign = basis_points < 0 ? "-" : "";
  return sign + in_units(magnitude(basis_points), 100, 2) + "%";
}

// The number with its unit word, without the qualifier.
std::string amount_ja(const Figure& f) {
  std::string sign = f.value < 0 ? "-" : "";
  switch (f.unit) {
    case Unit::jpy:
    case Unit::jpy_per_year:
      return sign + yen_ja_magnitude(magnitude(f.value));
    case Unit::years:
      return group_thousands(f.value) + "年";
    case Unit::fiscal_years:
      return group_thousands(f.value) + "年度";
    case Unit::sites:
      return group_thousands(f.value) + "拠点";
    case Unit::count:
      return group_thousands(f.value);
    case Unit::basis_points:
      return percent(f.value);
  }
  return group_thousands(f.value);
}

std::string plural(std::int64_t value, const char* one, const char* many) {
  return group_thousands(value) + " " + (value == 1 ? one : many);
}

std::string amount_en(const Figure& f) {
  switch (f.unit) {
    case Unit::jpy:
    case Unit::jpy_per_year:
      return (f.value < 0 ? "-JPY " : "JPY ") + group(magnitude(f.value));
    case Unit::years:
      return plural(f.value, "year", "years");
    case Unit::fiscal_years:
      return plural(f.value, "fiscal year", "fiscal years");
    case Unit::sites:
      return plural(f.value, "site", "sites");
    case Unit::count:
      return group_thousands(f.value);
    case Unit::basis_points:
      return percent(f.value);
  }
  return group_thousands(f.value);
}

bool is_duration(Unit unit) { return unit == Unit::years || unit == Unit::fiscal_years; }

// The seed's own wording: 3千万円程度, ~4億円 (最大), 最長10年度, 1,000万円以上.
std::string figure_ja(const Figure& f) {
  std::string amount = amount_ja(f);
  // A bare count has no counter word for 程度 to follow, so it takes 約 instead.
  bool bare = f.unit == Unit::count;
  switch (f.qualifier) {
    case Qualifier::exact:
      break;
    case Qualifier::approx:
      amount = bare ? "約" + amount : amount + "程度";
      break;
    case Qualifier::up_to:
      amount = (is_duration(f.unit) ? "最長" : "最大") + amount;
      break;
    case Qualifier::at_least:
      amount += "以上";
      break;
  }
  if (f.unit == Unit::jpy_per_year) amount += "/年";
  return amount;
}

std::string figure_en(const Figure& f) {
  std::string amount = amount_en(f);
  switch (f.qualifier) {
    case Qualifier::exact:
      break;
    case Qualifier::approx:
      amount = "≈ " + amount;
      break;
    case Qualifier::up_to:
      amount = "up to " + amount;
      break;
    case Qualifier::at_least:
      amount = "at least " + amount;
      break;
  }
  if (f.unit == Unit::jpy_per_year) amount += " / year";
  return amount;
}

struct Era {
  int first_year;  // the fiscal year called 元年度
  const char* name;
};
// Newest first. FY2019 began in April under 平成, but the government calls it 令和元年度;
// years before 平成 are written in the Western calendar, as the dataset has none.
constexpr std::array<Era, 2> eras{{{2019, "令和"}, {1989, "平成"}}};

}  // namespace

std::string to_text(const Figure& figure, Lang lang) {
  return lang == Lang::ja ? figure_ja(figure) : figure_en(figure);
}

std::string fiscal_year_text(int fiscal_year, Lang lang) {
  if (lang == Lang::en) return "FY" + std::to_string(fiscal_year);
  for (const Era& era : eras) {
    if (fiscal_year >= era.first_year) {
      int n = fiscal_year - era.first_year + 1;
      return std::string(era.name) + (n == 1 ? "元" : std::to_string(n)) + "年度";
    }
  }
  return std::to_string(fiscal_year) + "年度";
}

std::string figure_name_text(std::string_view name, Lang lang) {
  struct Label {
    std::string_view name;
    std::string_view ja;
  };
  static constexpr Label labels[] = {
      {"budget", "予算額"},
      {"funding_per_site", "支援規模"},
      {"duration", "支援期間"},
      {"sites", "支援件数"},
      {"new_sites", "新規採択件数"},
      {"fund_size", "基金規模"},
      {"funding_total", "支援総額"},
      {"universities_selected", "採択大学数"},
      {"share", "割合"},
      {"cases", "事例数"},
      {"universities", "大学数"},
      {"allocation", "配分額"},
  };
  std::string out(name);
  if (lang == Lang::ja) {
    for (const Label& label : labels) {
      if (label.name == name) return std::string(label.ja);
    }
    return out;
  }
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

}  // namespace kyoso
