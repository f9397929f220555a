// diagnose: the casebook read backwards (docs/domain.md, the casebook table). From a challenge a
// university faces, to the success factors that overcome it and the universities whose cases to
// read, with the certainty of each link, since much of the table is an alignment we inferred.
//
// Text matching. The query is split into terms at whitespace (ASCII or the ideographic space
// U+3000, which Japanese input methods type); ASCII letters compare case-insensitively. A term
// scores 1 when it occurs as a substring of the challenge's Japanese or English name or
// description. Japanese is written without spaces, so a user's phrasing seldom equals the
// seed's: a term with any non-ASCII character otherwise scores the share of its distinct
// character bigrams (pairs of adjacent code points) that occur in one of those texts, its best
// text counting. A challenge matches when every term scores at least bigram_threshold; its
// `match` is the mean of its term scores. ASCII terms get no bigram score, because English
// bigrams such as "en" or "on" occur in almost any text.
#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "kyoso/error.hpp"
#include "query/facts.hpp"

namespace kyoso {
namespace {

// At 0.6, 「トップマネジメント」 would also find 「プロジェクトマネジメント力」 and 「マネジメント
// 層」 (5 of its 8 bigrams: only マネジメント in common); at 0.7 it does not, while a rephrasing
// such as 「コネクションを構築できない」 for 「コネクションが構築できない」 still matches.
constexpr double bigram_threshold = 0.7;

std::string fold_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::size_t code_point_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;  // a stray continuation byte stands for itself
}

// The UTF-8 code points of a text, each as its bytes.
std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n =
        std::min(code_point_length(static_cast<unsigned char>(text[i])), text.size() - i);
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

bool is_space(std::string_view code_point) {
  static constexpr std::string_view ideographic_space = "\xE3\x80\x80";
  return code_point == " " || code_point == "\t" || code_point == "\n" || code_point == "\r" ||
         code_point == "\f" || code_point == "\v" || code_point == ideographic_space;
}

std::vector<std::string> terms_of(std::string_view query) {
  std::string folded = fold_ascii(query);
  std::vector<std::string> terms(1);
  for (std::string_view cp : code_points(folded)) {
    if (is_space(cp)) {
      if (!terms.back().empty()) terms.emplace_back();
    } else {
      terms.back() += cp;
    }
  }
  if (terms.back().empty()) terms.pop_back();
  return terms;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

double term_score(const std::string& term, const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    if (text.find(term) != std::string::npos) return 1.0;
  }
  if (is_ascii(term)) return 0.0;
  std::vector<std::string_view> cps = code_points(term);
  std::set<std::string_view> bigrams;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    // Adjacent code points are adjacent bytes, so a bigram is one view into the term.
    bigrams.insert(std::string_view(cps[i].data(), cps[i].size() + cps[i + 1].size()));
  }
  if (bigrams.empty()) return 0.0;
  double best = 0.0;
  for (const std::string& text : texts) {
    // UTF-8 is self-synchronising: a byte search finds a bigram only at code point starts.
    auto found = std::count_if(bigrams.begin(), bigrams.end(), [&](std::string_view b) {
      return text.find(b) != std::string::npos;
    });
    best = std::max(best, static_cast<double>(found) / static_cast<double>(bigrams.size()));
  }
  return best;
}

// The challenge's score against the query's terms, or 0 when some term is not matched.
double text_match(const Node& challenge, const std::vector<std::string>& terms) {
  std::vector<std::string> texts;
  for (const std::string* t : {&challenge.name.ja, &challenge.name.en, &challenge.description.ja,
                               &challenge.description.en}) {
    if (!t->empty()) texts.push_back(fold_ascii(*t));
  }
  double sum = 0.0;
  for (const std::string& term : terms) {
    double score = term_score(term, texts);
    if (score < bigram_threshold) return 0.0;
    sum += score;
  }
  return sum / static_cast<double>(terms.size());
}

// The `candidates` attribute (data/NOTES.md): alternative readings separated by " | ", the
// universities of one reading by ", ".
std::vector<std::vector<std::string>> readings(std::string_view candidates) {
  std::vector<std::vector<std::string>> out;
  auto split = [](std::string_view text, std::string_view separator) {
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
      std::size_t end = text.find(separator, at);
      parts.push_back(text.substr(at, end == std::string_view::npos ? end : end - at));
      if (end == std::string_view::npos) return parts;
      at = end + separator.size();
    }
  };
  if (candidates.empty()) return out;
  for (std::string_view reading : split(candidates, " | ")) {
    std::vector<std::string> ids;
    for (std::string_view id : split(reading, ", ")) {
      if (!id.empty()) ids.emplace_back(id);
    }
    out.push_back(std::move(ids));
  }
  return out;
}

Diagnosis diagnosis_of(const Model& model, NodeIndex challenge, double match) {
  const Node& node = model.node(challenge);
  Diagnosis d;
  d.id = node.id;
  d.name = node.name;
  d.block = std::string(node.attribute("block"));
  d.unresolved = std::string(node.attribute("candidates"));
  d.candidates = readings(d.unresolved);
  d.note = node.note;
  d.match = match;
  d.sources = node.sources;
  for (const Step& s : model.neighbors(challenge, Direction::out, Relation::at_stage)) {
    d.stage = model.node(s.node).id;
    d.stage_name = model.node(s.node).name;
    break;  // a challenge is overcome at one stage; the builder does not enforce it
  }
  for (const Step& s : model.neighbors(challenge, Direction::in, Relation::addresses)) {
    const Node& factor = model.node(s.node);
    d.factors.push_back(FactorLink{factor.id, factor.name, factor.description,
                                   std::string(factor.attribute("label")),
                                   model.edge(s.edge).certainty, model.detail(s.edge).sources});
  }
  for (const Step& s : model.neighbors(challenge, Direction::out, Relation::reference_case)) {
    const Node& university = model.node(s.node);
    d.references.push_back(CaseLink{university.id, university.name, model.edge(s.edge).certainty,
                                    model.detail(s.edge).sources});
  }
  return d;
}

// The challenges named or staged by the query, in id order.
std::vector<NodeIndex> chosen_challenges(const Model& model, const DiagnoseQuery& query) {
  std::vector<NodeIndex> out;
  for (const std::string& id : query.challenges) out.push_back(model.resolve(id, Kind::challenge));
  if (!query.stage.empty()) {
    NodeIndex stage = model.resolve(query.stage, Kind::stage);
    for (const Step& s : model.neighbors(stage, Direction::in, Relation::at_stage)) {
      out.push_back(s.node);
    }
  }
  std::sort(out.begin(), out.end(),
            [&](NodeIndex a, NodeIndex b) { return model.node(a).id < model.node(b).id; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<Diagnosis> diagnose(const Model& model, const DiagnoseQuery& query) {
  std::vector<std::string> terms = terms_of(query.text);
  if (query.challenges.empty() && query.stage.empty() && terms.empty()) {
    throw Error("diagnose needs a challenge, a stage or a text");
  }
  std::vector<NodeIndex> chosen = chosen_challenges(model, query);
  std::vector<Diagnosis> out;
  for (NodeIndex c : chosen) out.push_back(diagnosis_of(model, c, 1.0));
  if (terms.empty()) return out;

  std::vector<Diagnosis> found;
  for (NodeIndex c : model.nodes_of_kind(Kind::challenge)) {
    if (std::find(chosen.begin(), chosen.end(), c) != chosen.end()) continue;
    double match = text_match(model.node(c), terms);
    if (match > 0) found.push_back(diagnosis_of(model, c, match));
  }
  std::stable_sort(found.begin(), found.end(), [](const Diagnosis& a, const Diagnosis& b) {
    // Means of the same shares can differ in the last bit; within rounding they tie.
    if (std::abs(a.match - b.match) > 1e-9) return a.match > b.match;
    return a.id < b.id;
  });
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
  return out;
}

}  // namespace kyoso
