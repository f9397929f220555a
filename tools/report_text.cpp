#include "report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "display_width.hpp"
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
    case Eligibility::via_partner:
      return "連携先経由";
    case Eligibility::not_eligible:
      return "対象外";
  }
  return std::string(to_string(eligibility));
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
