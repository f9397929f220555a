#include "report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "display_width.hpp"
#include "kyoso/report.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

std::string source_heading(const Source& s) {
  std::string text;
  for (const std::string* part : {&s.document, &s.section, &s.publisher, &s.title, &s.page}) {
    if (!part->empty()) text += (text.empty() ? "" : ", ") + *part;
  }
  return text;
}

}  // namespace

void append_item(std::string& list, std::string_view separator, const std::string& item) {
  if (!list.empty()) list += separator;
  list += item;
}

std::string decimal(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string rounded(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return decimal(static_cast<double>(std::llround(value * scale)) / scale, decimals);
}

std::vector<std::string> decimals_adding_up(const std::vector<double>& values, double total,
                                            int decimals) {
  double scale = std::pow(10.0, decimals);
  long long target = std::llround(total * scale);
  std::vector<long long> units(values.size());
  std::vector<std::size_t> order(values.size());
  long long given = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    units[i] = static_cast<long long>(std::floor(values[i] * scale));
    given += units[i];
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] * scale - static_cast<double>(units[a]) >
           values[b] * scale - static_cast<double>(units[b]);
  });
  for (std::size_t k = 0; given < target && k < order.size(); ++k, ++given) ++units[order[k]];
  std::vector<std::string> out;
  for (long long u : units) out.push_back(decimal(static_cast<double>(u) / scale, decimals));
  return out;
}

std::string path_text(const Path& path) {
  std::string out = path.nodes.empty() ? "" : path.nodes.front();
  for (std::size_t i = 0; i < path.relations.size(); ++i) {
    std::string relation(to_string(path.relations[i]));
    out += path.forward[i] ? " —" + relation + "→ " : " ←" + relation + "— ";
    out += path.nodes[i + 1];
  }
  return out;
}

std::string eligibility_text(Eligibility eligibility, Lang lang) {
  if (lang == Lang::en) return std::string(to_string(eligibility));
  switch (eligibility) {
    case Eligibility::eligible:
      return "応募可";
    case Eligibility::conditional:
      return "条件付き";
    case Eligibility::not_eligible:
      return "対象外";
    case Eligibility::unknown:
      return "不明";
  }
  return std::string(to_string(eligibility));
}

std::string route_text(const Model& model, const Participation& route, Lang lang) {
  switch (route.route) {
    case Route::lead:
      return lang == Lang::ja ? "代表" : "lead";
    case Route::member:
      return lang == Lang::ja ? "参画" : "member";
    case Route::through: {
      const Text& filer = model.node(route.applicant).name;
      return lang == Lang::ja ? filer.ja + "の申請で" : "through " + filer.en;
    }
    case Route::promotion:
      return lang == Lang::ja ? "昇格" : "promotion";
    case Route::allocated:
      return lang == Lang::ja ? "配分" : "allocated";
  }
  return std::string(to_string(route.route));
}

std::string standing_text(const Model& model, const Recommendation& r, Lang lang) {
  // Nothing to apply for: the program is allocated, and saying 応募可 would mislead.
  if (!r.routes.empty() && r.routes.front().route == Route::allocated) {
    return lang == Lang::ja ? "配分（公募なし）" : "allocated (no call)";
  }
  std::string text = eligibility_text(r.eligibility, lang);
  if (r.eligibility == Eligibility::not_eligible || r.routes.empty()) return text;
  std::string route = route_text(model, r.routes.front(), lang);
  return lang == Lang::ja ? text + "（" + route + "）" : text + " (" + route + ")";
}

std::string call_status_text(const CallReading& call, Lang lang) {
  bool ja = lang == Lang::ja;
  if (!call.status) return ja ? "不明" : "not known";
  switch (*call.status) {
    case CallStatus::open:
      return ja ? "公募あり" : "open";
    case CallStatus::promotion_only:
      return ja ? "昇格のみ" : "promotion only";
    case CallStatus::continuing_only:
      return ja ? "継続のみ" : "continuing only";
    case CallStatus::closed:
      return ja ? "公募なし" : "closed";
    case CallStatus::allocated:
      return ja ? "配分" : "allocated";
  }
  return std::string(to_string(*call.status));
}

std::string call_text(const CallReading& call, Lang lang) {
  bool ja = lang == Lang::ja;
  std::string out = call.fiscal_year != 0 ? fiscal_year_text(call.fiscal_year, lang) : "";
  out += (out.empty() ? "" : ja ? ": " : ": ") + call_status_text(call, lang);
  std::string detail = call.scope.in(lang);
  if (!call.period.empty()) {
    std::string period = call.period;
    if (auto slash = period.find('/'); slash != std::string::npos) {
      period.replace(slash, 1, ja ? "〜" : " to ");
    }
    append_item(detail, ja ? "、" : ", ", period);
  }
  if (!call.status && call.last_known) {
    append_item(detail, ja ? "、" : ", ",
                std::string(ja ? "最後に分かっているのは" : "last known: ") +
                    fiscal_year_text(*call.last_known, lang));
  }
  if (!detail.empty()) out += ja ? "（" + detail + "）" : " (" + detail + ")";
  return out;
}

std::string_view outcome_mark(Outcome outcome) {
  switch (outcome) {
    case Outcome::met:
      return "✓";
    case Outcome::partly:
      return "◐";
    case Outcome::missed:
      return "✗";
    case Outcome::unknown:
      return "?";
  }
  return "?";
}

std::string outcome_legend(const FitWeights& weights, Lang lang, std::size_t width) {
  const Text order = ranking_order();
  std::string partly = decimal(weights.inherited, 2);
  std::vector<std::string> lines =
      lang == Lang::ja
          ? std::vector<std::string>{"✓ 満たす（重み×1）  ◐ 一部（親プログラム・区分を通じて、または分野を問わない: 重み×" +
                                         partly + "）",
                                     "✗ 満たさない  ? データに記載なし（0として数える）",
                                     "順位: " + order.ja}
          : std::vector<std::string>{
                "✓ met (weight × 1)  ◐ partly (through the parent program or a track, or open "
                "to all: weight × " +
                    partly + ")",
                "✗ missed  ? not known (counts as 0)", "order: " + order.en};
  std::string out;
  for (const std::string& line : lines) {
    for (const std::string& part : width > 0 ? wrap(line, width) : std::vector<std::string>{line}) {
      out += part + "\n";
    }
  }
  return out;
}

std::string_view certainty_mark(Certainty certainty) {
  switch (certainty) {
    case Certainty::certain:
      return "C";
    case Certainty::high:
      return "H";
    case Certainty::medium:
      return "M";
    case Certainty::unknown:
      return "?";
  }
  return "?";
}

std::string certainty_text(Certainty certainty, Lang lang) {
  if (lang == Lang::en) return std::string(to_string(certainty));
  switch (certainty) {
    case Certainty::certain:
      return "確実";
    case Certainty::high:
      return "高";
    case Certainty::medium:
      return "中";
    case Certainty::unknown:
      return "不明";
  }
  return std::string(to_string(certainty));
}

SourceList::SourceList(const std::vector<Source>& sources) { cite(sources); }

std::string SourceList::cite(const std::vector<Source>& sources) {
  std::string marks;
  for (const Source& s : sources) {
    auto it = std::find(sources_.begin(), sources_.end(), s);
    if (it == sources_.end()) it = sources_.insert(sources_.end(), s);
    marks += "[" + std::to_string(it - sources_.begin() + 1) + "]";
  }
  return marks;
}

std::string SourceList::render(const std::string& indent, std::size_t width) const {
  std::string out;
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    const Source& s = sources_[i];
    std::string mark = "[" + std::to_string(i + 1) + "] ";
    std::string under = indent + std::string(mark.size(), ' ');
    auto add = [&](const std::string& first, const std::string& text) {
      std::size_t used = display_width(under);
      if (width <= used || display_width(text) <= width - used) {
        out += first + text + "\n";
        return;
      }
      std::vector<std::string> lines = wrap(text, std::max(width - used, Table::min_wrap_width));
      for (std::size_t k = 0; k < lines.size(); ++k) out += (k ? under : first) + lines[k] + "\n";
    };
    add(indent + mark, source_heading(s));
    if (!s.quote.empty()) add(under, "「" + s.quote + "」");
    // A url is never broken: it must stay one piece to be opened.
    if (!s.url.empty()) out += under + s.url + "\n";
  }
  return out;
}

}  // namespace kyoso::cli
