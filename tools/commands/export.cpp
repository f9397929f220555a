// kyoso export: the model, or the neighbourhood of one node, in another format.
#include "cli.hpp"
#include "kyoso/io.hpp"
#include "kyoso/query.hpp"
#include "output_file.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) {
  // clang-format off
  line.options.add_options()
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write to FILE instead of standard output ('-': standard output)")
      ("focus", po::value<std::string>()->value_name("ID"),
       "export only the nodes near this one, and the edges among them")
      ("depth", po::value<int>()->value_name("N"),
       "with --focus, how many steps away in either direction (default 1)");
  // clang-format on
}

// Usage errors are found before the model is loaded, so a bad command line is reported as
// one even when the model file is bad too.
void check_options(const Context& context) {
  bool depth = context.options.count("depth") > 0;
  if (depth && !context.options.count("focus")) throw UsageError("--depth needs --focus");
  if (depth && context.options["depth"].as<int>() < 0) {
    throw UsageError("--depth must not be negative");
  }
}

std::string render(const Context& context, const Model& model) {
  if (context.format == "dot") {
    DotOptions options;
    options.lang = context.lang;
    return to_dot(model, options);
  }
  if (context.format == "graphml") return to_graphml(model);
  if (context.format == "node-link") return to_node_link(model);
  return to_jgf(model);
}

int run(Context& context) {
  check_options(context);
  const Model& model = context.model();
  // A neighbourhood is a model of its own, so every format draws the same picture of it.
  std::string text;
  if (auto focus = context.get("focus")) {
    int depth = context.options.count("depth") ? context.options["depth"].as<int>() : 1;
    text = render(context, neighbourhood(model, *focus, depth));
  } else {
    text = render(context, model);
  }
  write_output(context, text);
  return exit_ok;
}

}  // namespace

Command export_command() {
  return {
      .name = "export",
      .summary = "Write the model as JGF, GraphViz DOT, GraphML or NetworkX node-link JSON",
      .arguments = "[options]",
      .details =
          "A regular file is written whole or not at all: through a temporary file that is\n"
          "renamed into place once complete, keeping the file's permissions. A symbolic link\n"
          "is followed; a device or FIFO (-o /dev/stdout) is written through, never replaced.\n"
          "Example: kyoso export --format dot --focus coi-next --depth 2 -o coi-next.dot",
      .formats = {"jgf", "dot", "graphml", "node-link"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
