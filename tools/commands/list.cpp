// kyoso list KIND: every node of a kind; universities with where they are, how they were
// established, their fields, framework and holdings, filtered by any of these.
#include <algorithm>

#include "cli.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

using many = std::vector<std::string>;

constexpr const char* university_filters[] = {"prefecture", "region", "establishment", "framework",
                                              "field",      "holds",  "lacks",         "current"};

void declare(CommandLine& line) {
  line.add_argument("kind");
  // clang-format off
  line.options.add_options()
      ("prefecture", po::value<std::string>()->value_name("P"),
       "universities in this prefecture (an id or a name: iwate, 岩手県)")
      ("region", po::value<std::string>()->value_name("R"),
       "universities in this region (tohoku, 東北)")
      ("establishment", po::value<std::string>()->value_name("E"), "national, public or private")
      ("framework", po::value<std::string>()->value_name("F"),
       "national universities that chose this support framework (FY2016-2021), with "
       "certainty medium or better: regional-contribution, distinctive-fields, "
       "global-excellence")
      ("field", po::value<many>()->value_name("F"),
       "universities whose faculties point to this field (repeatable: all of them)")
      ("holds", po::value<many>()->value_name("PROGRAM"),
       "universities awarded this program or one of its tracks, with fiscal year, round and "
       "role (repeatable: all of them)")
      ("lacks", po::value<many>()->value_name("PROGRAM"),
       "universities not recorded as awarded this program or any of its tracks (repeatable)")
      ("current", "leave out universities that have closed or merged (an until date)");
  // clang-format on
}

std::string list_text(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (const std::string& item : items) append_item(out, pick(lang, "、", ", "), item);
  return out;
}

std::string slug(const std::string& id) { return id.substr(id.find('/') + 1); }

std::string fields_text(const University& u, Lang lang) {
  std::vector<std::string> names;
  for (const FieldLink& f : u.fields) names.push_back(lang == Lang::ja ? f.name.ja : slug(f.field));
  return list_text(names, lang);
}

// ① ; ②?③? where the sources do not say which of the two.
std::string frameworks_text(const University& u) {
  std::string out;
  for (const FrameworkChoice& c : u.frameworks) {
    out += c.label + (c.certainty == Certainty::unknown ? "?" : "");
  }
  return out;
}

std::string holdings_text(const University& u, Lang lang) {
  std::vector<std::string> items;
  for (const Holding& h : u.holdings) {
    std::string item = slug(h.program);
    if (h.relation == Relation::partners_in) item += pick(lang, "（連携）", " (partner)");
    if (h.relation == Relation::candidate_for) item += pick(lang, "（候補）", " (candidate)");
    items.push_back(item);
  }
  return list_text(items, lang);
}

std::string attribute(const Holding& h, const char* key) {
  auto it = h.attributes.find(key);
  return it == h.attributes.end() ? std::string() : it->second;
}

// The award of the first --holds program (or one of its tracks) that the row has.
const Holding* held(const Model& model, const University& u, const std::string& program) {
  std::string id = model.node(model.resolve(program, Kind::program)).id;
  for (const Holding& h : u.holdings) {
    if (h.relation != Relation::awarded) continue;
    if (h.program == id || h.program.starts_with(id + "/")) return &h;
  }
  return nullptr;
}

void print_universities(const Model& model, const std::vector<University>& rows, const many& holds,
                        const std::vector<std::string>& partial, Lang lang, std::size_t width,
                        std::ostream& out) {
  bool award = !holds.empty();
  std::vector<std::string> header{"id", std::string(pick(lang, "名称", "name")),
                                  std::string(pick(lang, "設置", "est.")),
                                  std::string(pick(lang, "都道府県", "prefecture"))};
  if (award) {
    for (auto [ja, en] : {std::pair{"年度", "year"}, std::pair{"回", "round"},
                          std::pair{"役割", "role"}, std::pair{"日付", "date"}}) {
      header.emplace_back(pick(lang, ja, en));
    }
  } else {
    header.emplace_back(pick(lang, "分野", "fields"));
    header.emplace_back(pick(lang, "枠組み", "framework"));
    header.emplace_back(pick(lang, "採択・参加", "holds"));
  }
  Table table(header);
  for (const University& u : rows) {
    std::string establishment =
        u.establishment.empty() ? "" : model.node(u.establishment).name.in(lang);
    std::vector<std::string> cells{u.id, u.name.in(lang), establishment,
                                   u.prefecture_name.in(lang)};
    if (award) {
      const Holding* h = held(model, u, holds.front());
      cells.push_back(h && h->fiscal_year ? fiscal_year_text(*h->fiscal_year, lang) : "");
      for (const char* key : {"round", "role", "date"}) {
        cells.push_back(h ? attribute(*h, key) : "");
      }
    } else {
      cells.push_back(fields_text(u, lang));
      cells.push_back(frameworks_text(u));
      cells.push_back(holdings_text(u, lang));
    }
    table.add_row(std::move(cells));
  }
  out << table.render("", width);
  out << "\n"
      << rows.size() << pick(lang, " 校\n", rows.size() == 1 ? " university\n" : " universities\n");
  for (const std::string& program : partial) {
    out << pick(lang, "※ ", "note: ") << program
        << pick(lang,
                " の採択の一覧は部分的: "
                "記録がないことは「採択されていない」ではなく「採択は知られていない」",
                "'s list of awards is partial: not recorded means not known to hold, not "
                "'does not hold'")
        << "\n";
  }
}

int run(Context& context) {
  auto kind_name = context.get("kind");
  if (!kind_name) throw UsageError("list: missing KIND");
  Kind kind = kind_option(*kind_name);
  const Model& model = context.model();
  Lang lang = context.lang;
  if (kind != Kind::university) {
    for (const char* option : university_filters) {
      if (context.options.count(option)) {
        throw UsageError(std::string("--") + option + " filters universities only");
      }
    }
    std::vector<Match> rows = nodes_of_kind(model, kind);
    if (context.format == "json") {
      context.out << to_json(std::string(), kind, rows) << "\n";
      return exit_ok;
    }
    Table table({"id", std::string(pick(lang, "名称", "name")),
                 std::string(pick(lang, "英語名", "Japanese name")),
                 std::string(pick(lang, "所属", "in"))});
    for (const Match& m : rows) {
      table.add_row({m.id, m.name.in(lang), m.name.in(lang == Lang::ja ? Lang::en : Lang::ja),
                     m.context_name.in(lang)});
    }
    context.out << table.render("", context.width);
    return exit_ok;
  }
  UniversityFilter filter;
  auto many_of = [&](const char* option) {
    return context.options.count(option) ? context.options[option].as<many>() : many{};
  };
  filter.prefecture = context.get("prefecture").value_or("");
  filter.region = context.get("region").value_or("");
  filter.establishment = context.get("establishment").value_or("");
  filter.framework = context.get("framework").value_or("");
  filter.fields = many_of("field");
  filter.holds = many_of("holds");
  filter.lacks = many_of("lacks");
  filter.current_only = context.options.count("current") > 0;
  std::vector<University> rows = universities(model, filter);
  many asked = filter.holds;
  asked.insert(asked.end(), filter.lacks.begin(), filter.lacks.end());
  std::vector<std::string> partial = lists_partial(model, asked);
  if (context.format == "json") {
    context.out << to_json(rows, partial) << "\n";
  } else {
    print_universities(model, rows, filter.holds, partial, lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command list_command() {
  return {
      .name = "list",
      .summary = "List the nodes of a kind; universities filtered by place, framework, holdings",
      .arguments =
          "KIND\n"
          "       kyoso list university [--prefecture P] [--region R] [--establishment E]\n"
          "                  [--framework F] [--field F]... [--holds PROGRAM]...\n"
          "                  [--lacks PROGRAM]... [--current]",
      .details =
          "KIND is one of the vocabulary's: program, purpose, mission, field, university,\n"
          "prefecture, region, framework, partner, stage … Universities are listed with their\n"
          "establishment, prefecture, fields, support framework (② or ③ with ? where the\n"
          "sources do not say which) and holdings; with --holds, the fiscal year, round, role\n"
          "and date of the award instead. A program whose list of awards is partial is\n"
          "named under the table: for it, not listed means not known to hold.\n"
          "Example: kyoso list university --holds j-peaks",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
