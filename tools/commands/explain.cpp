// kyoso explain PROGRAM: one program's full derivation for a profile — each criterion's
// weight, strength and contribution adding up to the score, the graph paths behind them, the
// eligibility with its reasons, and the sources of every fact used, with their quotes.
#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/report.hpp"
#include "profile_options.hpp"
#include "report_text.hpp"
#include "table.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

constexpr int shown_decimals = 3;

std::string cited_path(const Model& model, const Path& path, SourceList& sources) {
  std::string marks = sources.cite(path_sources(model, path));
  return path_text(path) + (marks.empty() ? "" : " " + marks);
}

std::string cited_call(const Recommendation& r, SourceList& sources) {
  std::string marks = sources.cite(r.call.sources);
  return marks.empty() ? "" : " " + marks;
}

void print_criteria(const Model& model, const Recommendation& r, Lang lang, std::size_t width,
                    SourceList& sources, std::ostream& out) {
  std::vector<const Criterion*> criteria;
  for (const Criterion& c : r.criteria) criteria.push_back(&c);
  if (criteria.empty()) {
    out << pick(lang, "（プロフィールに条件がないため、スコアは0）",
                "(the profile states no criteria, so the score is 0)")
        << "\n";
    return;
  }
  std::vector<double> contributions;
  double total_weight = 0;
  for (const Criterion* c : criteria) {
    contributions.push_back(c->contribution);
    total_weight += c->weight;
  }
  std::vector<std::string> shown = decimals_adding_up(contributions, r.score, shown_decimals);

  Table table({std::string(pick(lang, "条件", "criterion")),
               std::string(pick(lang, "重み", "weight")),
               std::string(pick(lang, "強さ", "strength")),
               std::string(pick(lang, "寄与", "contribution"))});
  for (std::size_t column : {1, 2, 3}) table.align_right(column);
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const Criterion& c = *criteria[i];
    std::string mark = std::string(outcome_mark(c.outcome)) + " ";
    table.add_row({mark + c.description.in(lang), decimal(c.weight, shown_decimals),
                   decimal(c.strength, shown_decimals), shown[i]});
    if (!c.how.empty()) table.add_note(0, "    " + c.how.in(lang));
    if (c.outcome == Outcome::unknown) {
      table.add_note(0,
                     std::string(pick(lang, "    データに記載なし", "    the data says nothing")));
    }
    for (const Path& p : c.paths) table.add_note(0, "    " + cited_path(model, p, sources));
  }
  table.add_row({std::string(pick(lang, "合計", "total")), decimal(total_weight, shown_decimals),
                 "", rounded(r.score, shown_decimals)});
  out << table.render("", width);
  out << "\n"
      << pick(lang, "寄与 = 重み × 強さ ÷ 重みの合計 ",
              "contribution = weight × strength ÷ total weight ")
      << decimal(total_weight, shown_decimals)
      << pick(lang, "。寄与の合計がスコア。", "; the contributions add up to the score.") << "\n"
      << pick(lang, "✓ 満たす  ◐ 一部  ✗ 満たさない  ? データに記載なし（0として数える）",
              "✓ met  ◐ partly  ✗ missed  ? not known (counts as 0)")
      << "\n";
}

void print_table(const Model& model, const Recommendation& r, Lang lang, std::size_t width,
                 std::ostream& out) {
  SourceList sources(r.sources);
  out << r.id << "  " << escape_controls(r.name.in(lang)) << "\n\n";
  Table summary;
  summary.add_row({std::string(pick(lang, "スコア", "score")), rounded(r.score, shown_decimals)});
  summary.add_row({std::string(pick(lang, "利用", "standing")), standing_text(model, r, lang)});
  for (const Text& reason : r.reasons) {
    summary.add_note(1, std::string(pick(lang, "・", "- ")) + reason.in(lang));
  }
  summary.add_row(
      {std::string(pick(lang, "公募", "call")), call_text(r.call, lang) + cited_call(r, sources)});
  for (std::size_t i = 0; i < r.routes.size(); ++i) {
    const Participation& p = r.routes[i];
    std::string needs;
    for (const Need& n : p.needs) {
      append_item(needs, pick(lang, "、", ", "), std::string(n.met ? "✓" : "✗") + n.what.in(lang));
    }
    std::string line = route_text(model, p, lang);
    if (!needs.empty()) {
      line += std::string(pick(lang, "（必要: ", " (needs: ")) + needs +
              std::string(pick(lang, "）", ")"));
    }
    summary.add_row({i == 0 ? std::string(pick(lang, "参加の道", "routes")) : "", line});
  }
  out << summary.render("", width) << "\n";
  print_criteria(model, r, lang, width, sources, out);
  if (!r.paths.empty()) {
    out << "\n" << pick(lang, "適格性の根拠", "eligibility paths") << "\n";
    for (const Path& p : r.paths) out << "  " << cited_path(model, p, sources) << "\n";
  }
  if (!sources.sources().empty()) {
    out << "\n" << pick(lang, "出典", "sources") << "\n" << sources.render("  ", width);
  }
}

void declare(CommandLine& line) {
  line.add_argument("program");
  declare_profile_options(line);
}

int run(Context& context) {
  std::optional<std::string> program = context.get("program");
  if (!program) throw UsageError("explain: missing PROGRAM");
  const Model& model = context.model();
  // explain() would only say the id is unknown among programs; the user meant this node.
  if (auto found = model.find(*program); found && model.node(*found).kind != Kind::program) {
    throw Error("'" + *program + "' is a " + std::string(to_string(model.node(*found).kind)) +
                ", not a program");
  }
  Profile profile = profile_from(context);
  Recommendation r = explain(model, *program, profile);
  if (context.format == "json") {
    context.out << to_json(r, resolve_profile(model, profile)) << "\n";
  } else if (context.format == "dot") {
    std::vector<std::string> nodes = explanation_nodes(r);
    DotOptions options;
    options.lang = context.lang;
    context.out << to_dot(subgraph(model, nodes), options);
  } else {
    if (auto university = university_from(context)) {
      print_university_profile(model, *university, &profile, context.lang, context.width,
                               context.out);
      context.out << "\n";
    }
    print_table(model, r, context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command explain_command() {
  return {
      .name = "explain",
      .summary = "Show how one program's score and eligibility follow from the graph",
      .arguments = "[options] PROGRAM",
      .details =
          "Takes the profile options of 'kyoso fit' and gives the same result for one\n"
          "program, in full: every criterion with its weight, strength and contribution\n"
          "(they add up to the score), the paths through the graph that meet it, the\n"
          "eligibility with its reasons, and the sources of every fact, with quotes.\n"
          "--format dot draws the sub-graph the explanation walks.\n"
          "Example: kyoso explain coi-next/full-scale/regional --mission regional-revitalization",
      .formats = {"table", "json", "dot"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
