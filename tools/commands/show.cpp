// kyoso show ID: one node with its figures, its neighbours and the sources of both.
#include <algorithm>
#include <tuple>

#include "cli.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"
#include "university_text.hpp"

namespace kyoso::cli {
namespace {

std::vector<Step> neighbours(const Model& model, NodeIndex node) {
  std::vector<Step> steps = model.neighbors(node, Direction::both);
  // Outgoing before incoming, then by relation, then by the other node's id.
  std::stable_sort(steps.begin(), steps.end(), [&](const Step& a, const Step& b) {
    return std::tuple(!a.forward, model.edge(a.edge).relation, model.node(a.node).id) <
           std::tuple(!b.forward, model.edge(b.edge).relation, model.node(b.node).id);
  });
  return steps;
}

std::string edge_detail(const Model& model, EdgeIndex i, Lang lang, SourceList& sources) {
  std::vector<std::string> parts;
  const Edge& edge = model.edge(i);
  const EdgeDetail& detail = model.detail(i);
  if (!detail.what.empty()) parts.push_back(detail.what.in(lang));
  if (auto year = edge.fiscal_year()) parts.push_back(fiscal_year_text(*year, lang));
  if (edge.certainty != Certainty::certain) {
    parts.push_back(std::string(pick(lang, "確度: ", "certainty: ")) +
                    certainty_text(edge.certainty, lang));
  }
  for (std::string& item : attribute_items(detail.attributes, lang)) {
    parts.push_back(std::move(item));
  }
  for (const Figure& f : detail.figures) {
    parts.push_back(figure_name_text(f.name, lang) + " " + to_text(f, lang));
  }
  std::string text;
  for (const std::string& part : parts) append_item(text, pick(lang, "、", ", "), part);
  std::string marks = sources.cite(detail.sources);
  if (!marks.empty()) text += (text.empty() ? "" : " ") + marks;
  return text;
}

std::string note_mark(Lang lang) { return std::string(pick(lang, "※ ", "note: ")); }

void print_table(const Model& model, NodeIndex index, Lang lang, std::size_t width,
                 std::ostream& out) {
  const Node& node = model.node(index);
  // The node's own sources come first, so that a figure citing them points at the same [n].
  SourceList sources(node.sources);

  Table header;
  header.add_row({"id", node.id});
  header.add_row({std::string(pick(lang, "種類", "kind")), std::string(to_string(node.kind))});
  header.add_row({std::string(pick(lang, "名称", "name")), node.name.in(lang)});
  const std::string& other_name = node.name.in(lang == Lang::ja ? Lang::en : Lang::ja);
  if (other_name != node.name.in(lang)) {
    header.add_row({std::string(pick(lang, "英語名", "Japanese name")), other_name});
  }
  if (!node.description.empty()) {
    header.add_row({std::string(pick(lang, "説明", "description")), node.description.in(lang)});
  }
  if (!node.note.empty()) {
    header.add_row({std::string(pick(lang, "注記", "note")), node.note.in(lang)});
  }
  out << header.render("", width);

  if (!node.attributes.empty()) {
    Table attributes;
    for (const auto& [key, value] : node.attributes) attributes.add_row({key, value});
    out << "\n" << pick(lang, "属性", "attributes") << "\n" << attributes.render("  ", width);
  }

  if (!node.figures.empty()) {
    Table figures({std::string(pick(lang, "項目", "figure")),
                   std::string(pick(lang, "値", "value")), std::string(pick(lang, "年度", "year")),
                   std::string(pick(lang, "出典", "source"))});
    for (const Figure& f : node.figures) {
      figures.add_row({figure_name_text(f.name, lang), to_text(f, lang),
                       f.fiscal_year ? fiscal_year_text(*f.fiscal_year, lang) : "",
                       sources.cite(f.sources)});
      if (!f.note.empty()) figures.add_note(1, note_mark(lang) + f.note.in(lang));
    }
    out << "\n" << pick(lang, "数値", "figures") << "\n" << figures.render("  ", width);
  }

  if (!node.calls.empty()) {
    Table calls({std::string(pick(lang, "年度", "year")), std::string(pick(lang, "公募", "call")),
                 std::string(pick(lang, "対象・期間", "scope, period")),
                 std::string(pick(lang, "出典", "source"))});
    for (const Call& c : node.calls) {
      std::string years(pick(lang, "毎年度", "every year"));
      if (c.fiscal_year) {
        years = fiscal_year_text(*c.fiscal_year, lang);
        if (c.until_fiscal_year) {
          years +=
              std::string(pick(lang, "〜", " to ")) + fiscal_year_text(*c.until_fiscal_year, lang);
        }
      }
      CallReading reading;
      reading.status = c.status;
      std::string detail = c.scope.in(lang);
      if (!c.period.empty()) append_item(detail, pick(lang, "、", ", "), c.period);
      calls.add_row({years, call_status_text(reading, lang), detail, sources.cite(c.sources)});
      if (!c.note.empty()) calls.add_note(1, note_mark(lang) + c.note.in(lang));
    }
    out << "\n"
        << pick(lang, "公募（年度別）", "calls by fiscal year") << "\n"
        << calls.render("  ", width);
  }

  std::vector<Step> steps = neighbours(model, index);
  if (!steps.empty()) {
    Table links;
    std::string previous;
    for (const Step& step : steps) {
      const Edge& edge = model.edge(step.edge);
      std::string label =
          std::string(step.forward ? "→ " : "← ") + std::string(to_string(edge.relation));
      const Node& other = model.node(step.node);
      links.add_row({label == previous ? "" : label, other.id, other.name.in(lang),
                     edge_detail(model, step.edge, lang, sources)});
      const Text& note = model.detail(step.edge).note;
      if (!note.empty()) links.add_note(1, note_mark(lang) + note.in(lang));
      previous = label;
    }
    out << "\n"
        << pick(lang, "関係", "neighbours") << " (" << steps.size() << ")\n"
        << links.render("  ", width);
  }

  if (!sources.sources().empty()) {
    out << "\n" << pick(lang, "出典", "sources") << "\n" << sources.render("  ", width);
  }
}

void declare(CommandLine& line) { line.add_argument("id"); }

int run(Context& context) {
  std::optional<std::string> id = context.get("id");
  if (!id) throw UsageError("show: missing ID");
  const Model& model = context.model();
  if (context.format == "json") {
    context.out << node_json(model, *id, context.lang) << "\n";
  } else {
    print_table(model, model.resolve(*id), context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command show_command() {
  return {
      .name = "show",
      .summary = "Show one node: names, figures, neighbours and sources",
      .arguments = "[options] ID",
      .details =
          "ID may leave out its kind when that is unambiguous: coi-next = program/coi-next.\n"
          "A misspelt ID is refused with the nearest valid one (exit status 1).",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
