// How query results read in a terminal: paths, eligibility, certainty and numbered sources,
// written the same way by every command that shows them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/query.hpp"

namespace kyoso::cli {

// Appends `item` to a list written as text, after `separator` unless the list is empty.
void append_item(std::string& list, std::string_view separator, const std::string& item);

// The value with exactly `decimals` decimals: (0.7333, 2) -> "0.73".
std::string decimal(double value, int decimals);

// The value rounded half away from zero to `decimals`, e.g. for a total shown with
// decimals_adding_up() parts: (0.6105, 3) -> "0.611".
std::string rounded(double value, int decimals);

// Each value rounded to `decimals` so that the rounded values add up to rounded(total)
// (the largest remainders get the last digit): a table of parts then adds up to the total it
// shows. `total` is the values' sum, up to floating-point error; values must not be negative.
std::vector<std::string> decimals_adding_up(const std::vector<double>& values, double total,
                                            int decimals);

// "a —serves→ b ←part_of— c": an arrow points from an edge's source to its target.
std::string path_text(const Path& path);

// "eligible", "conditional", "not-eligible", "unknown"; in Japanese 応募可, 条件付き, 対象外,
// 不明.
std::string eligibility_text(Eligibility eligibility, Lang lang);

// The casebook's marks (docs/domain.md, the casebook table): C certain, H high, M medium,
// ? unknown.
// How the university takes part: 代表 / lead, 参画 / member, 自治体の申請で / through local
// government (the filer's name), 昇格 / promotion, 配分 / allocated.
std::string route_text(const Model& model, const Participation& route, Lang lang);
// The eligibility with the route it rests on: 応募可（代表）, not eligible (no route) …
std::string standing_text(const Model& model, const Recommendation& r, Lang lang);

// The year's call status: 公募あり / open, 昇格のみ / promotion only, 継続のみ / continuing
// only, 公募なし / closed, 配分 / allocated, 不明 / not known.
std::string call_status_text(const CallReading& call, Lang lang);
// The call in one line: 令和6年度: 公募あり（地域共創分野の育成型のみ、2024-04-26〜2024-06-25）.
std::string call_text(const CallReading& call, Lang lang);

// ✓ met, ◐ partly, ✗ missed, ? not known.
std::string_view outcome_mark(Outcome outcome);
// The legend of those marks and of the ranking order, for the foot of a table; wrapped to
// `width` display columns (0: not wrapped).
std::string outcome_legend(const FitWeights& weights, Lang lang, std::size_t width = 0);

std::string_view certainty_mark(Certainty certainty);

// "high", "medium" …; in Japanese 確実, 高, 中, 不明.
std::string certainty_text(Certainty certainty, Lang lang);

// Sources numbered in the order first cited, so that every citation of the same source
// points at the same [n].
class SourceList {
 public:
  SourceList() = default;
  // Numbers these first, in order: [1] is sources[0].
  explicit SourceList(const std::vector<Source>& sources);

  // "[1][3]" for these sources, numbering the new ones.
  std::string cite(const std::vector<Source>& sources);
  const std::vector<Source>& sources() const { return sources_; }
  // "[n] document, section" and, below it, 「quote」 and the url; every line starts with
  // `indent`. With a `width` (0: none) a longer heading or quote wraps (tools/table.hpp).
  // Empty when nothing was cited.
  std::string render(const std::string& indent, std::size_t width = 0) const;

 private:
  std::vector<Source> sources_;
};

}  // namespace kyoso::cli
