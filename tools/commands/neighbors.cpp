// kyoso neighbors ID: the nodes within a few steps of one node, each with the path that
// reaches it.
#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

// The steps between the start and the neighbour: "—awarded→ program/j-peaks —serves→".
std::string via_text(const Path& path) {
  std::string text = path_text(path);
  std::size_t first = text.find(' ');
  std::size_t last = text.rfind(' ');
  return first == std::string::npos ? "" : text.substr(first + 1, last - first - 1);
}

void print_table(const Node& start, const std::vector<Neighbor>& found, Lang lang,
                 std::size_t width, std::ostream& out) {
  out << start.id << "  " << escape_controls(start.name.in(lang)) << "\n\n";
  if (found.empty()) {
    out << pick(lang, "該当するノードはありません。\n", "No neighbours.\n");
    return;
  }
  Table table({std::string(pick(lang, "距離", "depth")), std::string(pick(lang, "経路", "via")),
               "id", std::string(pick(lang, "種類", "kind")),
               std::string(pick(lang, "名称", "name"))});
  table.align_right(0);
  for (const Neighbor& n : found) {
    table.add_row({std::to_string(n.depth), via_text(n.path), n.id, std::string(to_string(n.kind)),
                   n.name.in(lang)});
  }
  out << table.render("", width);
}

Direction direction_option(const std::string& value) {
  if (auto direction = parse_direction(value)) return *direction;
  throw UsageError("unknown --direction '" + value + "' (expected out, in or both)");
}

void declare(CommandLine& line) {
  line.add_argument("id");
  // clang-format off
  line.options.add_options()
      ("relation", po::value<std::string>()->value_name("R"),
       "follow only edges of this relation, e.g. serves")
      ("direction", po::value<std::string>()->value_name("out|in|both")->default_value("out"),
       "follow edges from the node (out), to it (in), or both")
      ("depth", po::value<int>()->value_name("N")->default_value(1),
       "how many steps away, 1 or more");
  // clang-format on
}

int run(Context& context) {
  std::optional<std::string> id = context.get("id");
  if (!id) throw UsageError("neighbors: missing ID");
  std::optional<Relation> relation;
  if (auto name = context.get("relation")) relation = relation_option(*name);
  Direction direction = direction_option(context.options["direction"].as<std::string>());
  int depth = context.options["depth"].as<int>();
  if (depth < 1) throw UsageError("--depth must be 1 or more");
  const Model& model = context.model();
  const Node& start = model.node(model.resolve(*id));
  std::vector<Neighbor> found = neighbors(model, start.id, relation, direction, depth);
  if (context.format == "json") {
    context.out << to_json(start.id, found) << "\n";
  } else {
    print_table(start, found, context.lang, context.width, context.out);
  }
  return exit_ok;
}

}  // namespace

Command neighbors_command() {
  return {
      .name = "neighbors",
      .summary = "List the nodes within a few steps of one node",
      .arguments = "[options] ID",
      .details =
          "Nearest first, then by id; each with the path it was first reached by.\n"
          "Example: kyoso neighbors university/hirosaki --direction both --depth 2",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
