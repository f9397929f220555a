#include "university_text.hpp"

#include <algorithm>
#include <span>

#include "cli.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

struct PartName {
  std::string_view part;
  std::string_view ja;
  std::string_view en;
  std::string_view flag;  // the option that replaces or extends it; empty: none
};

constexpr PartName part_names[] = {
    {"mission", "ミッション", "mission", "--mission"},
    {"goals", "目的", "goals", "--goal"},
    {"fields", "分野", "fields", "--field"},
    {"stage", "発展段階", "stage", "--stage"},
    {"partners", "連携先", "partners", "--partner"},
    {"establishment", "設置区分", "establishment", "--establishment"},
    {"holds", "採択", "holds", "--holds"},
    {"partner_in", "連携参加", "partner in", ""},
    {"candidate_for", "候補", "candidate for", ""},
    {"prefecture", "都道府県", "prefecture", ""},
    {"region", "地方", "region", ""},
};

const PartName* part_name(std::string_view part) {
  for (const PartName& p : part_names) {
    if (p.part == part) return &p;
  }
  return nullptr;
}

std::string part_label(std::string_view part, Lang lang) {
  const PartName* p = part_name(part);
  return p ? std::string(pick(lang, p->ja, p->en)) : std::string(part);
}

// The values of one part in a profile.
std::vector<std::string> values_of(const Profile& p, std::string_view part) {
  auto one = [](const std::string& id) {
    return id.empty() ? std::vector<std::string>{} : std::vector<std::string>{id};
  };
  if (part == "mission") return one(p.mission);
  if (part == "goals") return p.goals;
  if (part == "fields") return p.fields;
  if (part == "stage") return one(p.stage);
  if (part == "partners") return p.partners;
  if (part == "establishment") return one(p.establishment);
  if (part == "holds") return p.holds;
  return {};
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

std::string heading(const UniversityProfile& derived, Lang lang) {
  std::string place;
  for (std::string_view part : {"prefecture", "region", "establishment"}) {
    for (const ProfileFact& f : derived.facts) {
      if (f.part == part && !f.value.empty()) {
        append_item(place, pick(lang, "、", ", "), f.name.in(lang));
        break;
      }
    }
  }
  std::string out = derived.university + "  " + derived.name.in(lang);
  if (!place.empty())
    out += std::string(pick(lang, "（", " (")) + place + std::string(pick(lang, "）", ")"));
  return out;
}

}  // namespace

namespace {

// The national layer's holding attributes (docs/national.md) in the reader's language; a key
// or value not listed is shown as it is.
struct Word {
  std::string_view key, ja, en;
};

constexpr Word attribute_names[] = {
    {"role", "役割", "role"},
    {"date", "発表日", "announced"},
    {"lead", "代表校", "lead"},
    {"centre", "拠点", "centre"},
    {"cohort", "採択年度", "cohort"},
    {"local_government", "自治体", "local government"},
    {"status", "状況", "status"},
    {"fiscal_years", "年度", "fiscal years"},
    {"applied_date", "申請日", "applied"},
    {"candidate_date", "候補決定日", "candidate since"},
    {"field", "分野", "field"},
    {"track", "類型", "track"},
    {"from_fiscal_year", "開始年度", "from fiscal year"},
};

constexpr Word attribute_values[] = {
    {"lead", "代表", "lead"},
    {"partner", "連携", "partner"},
    {"host", "ホスト機関", "host"},
    {"participant", "参加", "participant"},
    {"applied", "申請", "applied"},
    {"certified", "認定", "certified"},
    {"conditional_candidate", "条件付き候補", "conditional candidate"},
    {"review_continued", "審査継続", "review continued"},
    {"regional", "地域共創分野", "regional co-creation field"},
    {"full-scale", "本格型", "full-scale"},
};

std::string_view word(std::span<const Word> words, std::string_view key, Lang lang) {
  for (const Word& w : words) {
    if (w.key == key) return lang == Lang::ja ? w.ja : w.en;
  }
  return key;
}

}  // namespace

std::vector<std::string> attribute_items(const std::map<std::string, std::string>& attributes,
                                         Lang lang) {
  std::vector<std::string> out;
  for (const auto& [key, value] : attributes) {
    // The local government's name is kept in both languages: each reader sees one.
    if (key == (lang == Lang::ja ? "local_government_en" : "local_government")) continue;
    std::string_view name =
        key == "local_government_en" ? std::string_view("local_government") : std::string_view(key);
    if (key == "round") {
      out.push_back(lang == Lang::ja ? "第" + value + "回" : "round " + value);
    } else {
      out.push_back(std::string(word(attribute_names, name, lang)) + ": " +
                    std::string(word(attribute_values, value, lang)));
    }
  }
  return out;
}

std::string holding_detail(const std::optional<int>& fiscal_year,
                           const std::map<std::string, std::string>& attributes, Lang lang) {
  std::string out;
  if (fiscal_year) out = fiscal_year_text(*fiscal_year, lang);
  for (const std::string& item : attribute_items(attributes, lang)) {
    append_item(out, pick(lang, "、", ", "), item);
  }
  return out;
}

void print_university_profile(const Model& model, const UniversityProfile& derived,
                              const Profile* effective, Lang lang, std::size_t width,
                              std::ostream& out) {
  std::optional<Profile> now;
  if (effective) now = resolve_profile(model, *effective);
  out << heading(derived, lang) << "\n"
      << pick(lang,
              "モデルから導いたプロファイル（✓ は fit の条件に入る部分。--mission、--goal "
              "などで上書き・追加できる）",
              "profile derived from the model (✓: used by fit; --mission, --goal … override or "
              "extend it)")
      << "\n\n";
  Table table({"", std::string(pick(lang, "項目", "part")), std::string(pick(lang, "値", "value")),
               std::string(pick(lang, "確度", "certainty")),
               std::string(pick(lang, "根拠", "derived from"))});
  SourceList sources;
  auto add_fact = [&](const ProfileFact& f) {
    bool used = f.used && (!now || contains(values_of(*now, f.part), f.value));
    std::string from = f.text.in(lang);
    std::string detail = holding_detail(f.fiscal_year, f.attributes, lang);
    if ((f.part == "holds" || f.part == "partner_in" || f.part == "candidate_for") &&
        !detail.empty()) {
      from += std::string(pick(lang, "（", " (")) + detail + std::string(pick(lang, "）", ")"));
    }
    if (f.partial_list) from += pick(lang, "〔一覧は部分的〕", " [partial list]");
    if (f.used && !used) from += pick(lang, "〔フラグで置き換え〕", " [replaced by a flag]");
    std::string marks = sources.cite(f.sources);
    if (!marks.empty()) from += " " + marks;
    table.add_row({used ? "✓" : "", part_label(f.part, lang), f.value.empty() ? "—" : f.value,
                   f.path.length() > 0 ? certainty_text(f.certainty, lang) : "", from});
    if (f.path.length() > 1) table.add_note(2, path_text(f.path));
  };
  // Part by part: what the model gives, then what a flag added.
  for (const PartName& p : part_names) {
    for (const ProfileFact& f : derived.facts) {
      if (f.part == p.part) add_fact(f);
    }
    if (!now) continue;
    for (const std::string& id : values_of(*now, p.part)) {
      bool derived_used = std::any_of(
          derived.facts.begin(), derived.facts.end(),
          [&](const ProfileFact& f) { return f.part == p.part && f.used && f.value == id; });
      if (!derived_used)
        table.add_row({"✓", part_label(p.part, lang), id, "", std::string(p.flag)});
    }
  }
  out << table.render("", width);
  if (!sources.sources().empty()) {
    out << "\n" << pick(lang, "出典", "sources") << "\n" << sources.render("  ", width);
  }
}

}  // namespace kyoso::cli
