// kyoso stats: how many nodes of each kind and edges of each relation a model holds.
#include <array>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

struct Counts {
  std::array<std::size_t, kind_count> kinds{};
  std::array<std::size_t, relation_count> relations{};
};

Counts count(const Model& model) {
  Counts counts;
  for (Kind kind : all_kinds()) {
    counts.kinds[static_cast<std::size_t>(kind)] = model.nodes_of_kind(kind).size();
  }
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    ++counts.relations[static_cast<std::size_t>(model.edge(i).relation)];
  }
  return counts;
}

std::string model_title(const ModelInfo& info, Lang lang) {
  std::string title = info.id;
  const std::string& name = info.name.in(lang);
  if (!name.empty()) title += (title.empty() ? "" : " — ") + name;
  if (info.fiscal_year) title += " (" + fiscal_year_text(*info.fiscal_year, lang) + ")";
  return title;
}

std::string megabytes(std::size_t bytes) {
  return decimal(static_cast<double>(bytes) / 1e6, 1) + " MB";
}

// What the loaded model costs in memory; the graph's share per edge is the figure to watch
// as models grow (bench/README.md).
std::string memory_text(const Model& model, Lang lang) {
  Model::Memory m = model.memory();
  std::string per_edge =
      model.edge_count() == 0
          ? "-"
          : decimal(static_cast<double>(m.graph) / static_cast<double>(model.edge_count()), 1);
  std::string out(pick(lang, "メモリ: ", "memory: "));
  out += megabytes(m.total());
  out += pick(lang, "（グラフ ", " (graph ");
  out += megabytes(m.graph) + std::string(pick(lang, "、", ", ")) + per_edge;
  out += pick(lang, " バイト/エッジ、ノード ", " bytes/edge; nodes ");
  out += megabytes(m.nodes);
  out += pick(lang, "、エッジ詳細 ", "; edge details ");
  out += megabytes(m.details);
  out += pick(lang, "）", ")");
  return out;
}

// The table leaves out what the model does not have; the JSON lists everything.
void print_table(const Model& model, const Counts& counts, Lang lang, std::ostream& out) {
  std::string title = model_title(model.info(), lang);
  if (!title.empty()) out << escape_controls(title) << "\n\n";
  Table nodes(
      {std::string(pick(lang, "種類", "kind")), std::string(pick(lang, "ノード数", "nodes"))});
  nodes.align_right(1);
  for (Kind kind : all_kinds()) {
    std::size_t n = counts.kinds[static_cast<std::size_t>(kind)];
    if (n > 0) nodes.add_row({std::string(to_string(kind)), std::to_string(n)});
  }
  nodes.add_row({std::string(pick(lang, "合計", "total")), std::to_string(model.node_count())});
  out << nodes.render() << "\n";
  Table edges(
      {std::string(pick(lang, "関係", "relation")), std::string(pick(lang, "エッジ数", "edges"))});
  edges.align_right(1);
  for (Relation r : all_relations()) {
    std::size_t n = counts.relations[static_cast<std::size_t>(r)];
    if (n > 0) edges.add_row({std::string(to_string(r)), std::to_string(n)});
  }
  edges.add_row({std::string(pick(lang, "合計", "total")), std::to_string(model.edge_count())});
  out << edges.render() << "\n" << memory_text(model, lang) << "\n";
}

void declare(CommandLine&) {}

int run(Context& context) {
  const Model& model = context.model();
  if (context.format == "json") {
    context.out << stats_json(model) << "\n";
  } else {
    print_table(model, count(model), context.lang, context.out);
  }
  return exit_ok;
}

}  // namespace

Command stats_command() {
  return {
      .name = "stats",
      .summary = "Count the nodes of each kind and the edges of each relation",
      .arguments = "[options]",
      .details = "",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
