// kyoso validate [FILE]: loads a model, checking every rule of docs/format.md.
#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/report.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) { line.add_argument("file"); }

int run(Context& context) {
  std::vector<std::string> files = context.model_files();
  if (auto file = context.get("file")) files = {*file};
  Model loaded = files.empty() ? default_model() : load_layers({files.begin(), files.end()});
  // With --scenario, the scenario is checked too: every edit against the model.
  const Scenario* scenario = context.scenario();
  if (scenario) loaded = apply(loaded, *scenario);
  if (context.format == "json") {
    std::optional<std::string> origin;
    if (scenario) origin = scenario->origin;
    context.out << validation_json(loaded, files, origin) << "\n";
  } else {
    std::size_t edits = scenario ? scenario->edits.size() : 0;
    if (context.lang == Lang::ja) {
      context.out << "検証済み: ノード " << loaded.node_count() << "、エッジ "
                  << loaded.edge_count();
      if (scenario)
        context.out << "（シナリオ " << escape_controls(scenario->name) << " の編集 " << edits
                    << " 件を適用）";
    } else {
      context.out << "ok: " << loaded.node_count() << " nodes, " << loaded.edge_count() << " edges";
      if (scenario) {
        context.out << " with scenario " << escape_controls(scenario->name) << " (" << edits
                    << (edits == 1 ? " edit)" : " edits)");
      }
    }
    context.out << "\n";
  }
  return exit_ok;
}

}  // namespace

Command validate_command() {
  return {
      .name = "validate",
      .summary = "Check a model file against every rule of the format",
      .arguments = "[options] [FILE]",
      .details =
          "FILE defaults to --model (several: the layers read as one model), then to the\n"
          "embedded dataset (the core and the national layer). A file that breaks a\n"
          "rule is refused whole: the message names the line and column, or the JSON\n"
          "pointer and the id, and the exit status is 1. With --scenario the scenario's\n"
          "edits are checked against the model too, and the counts are the scenario's.",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
