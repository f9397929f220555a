// kyoso path A B: every shortest path between two nodes — how a university, a program and a
// policy purpose are connected.
#include "cli.hpp"
#include "kyoso/report.hpp"
#include "report_text.hpp"

namespace kyoso::cli {
namespace {

void print_table(const PathResult& result, const PathQuery& query, Lang lang, std::ostream& out) {
  out << result.from << " → " << result.to << "\n";
  if (!result.length) {
    out << pick(lang, "経路なし（", "no path of at most ") << query.max_length
        << pick(lang, "ステップ以内）\n", " steps\n");
    return;
  }
  out << pick(lang, "最短 ", "shortest: ") << *result.length
      << pick(lang, " ステップ、", " steps, ") << result.paths.size()
      << (result.truncated ? "+" : "")
      << pick(lang, " 経路\n\n", result.paths.size() == 1 ? " path\n\n" : " paths\n\n");
  for (std::size_t i = 0; i < result.paths.size(); ++i) {
    out << "  " << i + 1 << ". " << path_text(result.paths[i]) << "\n";
  }
  if (result.truncated) {
    out << "\n" << pick(lang, "（--max-paths で打ち切り）\n", "(cut off at --max-paths)\n");
  }
}

void declare(CommandLine& line) {
  line.add_argument("from");
  line.add_argument("to");
  // clang-format off
  line.options.add_options()
      ("max-length", po::value<int>()->value_name("N")->default_value(6),
       "look no further than N steps")
      ("relation", po::value<std::vector<std::string>>()->value_name("R"),
       "follow only edges of this relation (repeatable)")
      ("directed", "follow edges only from their source to their target")
      ("max-paths", po::value<int>()->value_name("N")->default_value(100),
       "list at most N shortest paths");
  // clang-format on
}

int run(Context& context) {
  std::optional<std::string> from = context.get("from");
  std::optional<std::string> to = context.get("to");
  if (!from || !to) throw UsageError("path: needs two ids, A and B");
  PathQuery query;
  query.from = *from;
  query.to = *to;
  query.max_length = context.options["max-length"].as<int>();
  if (query.max_length < 0) throw UsageError("--max-length must not be negative");
  int max_paths = context.options["max-paths"].as<int>();
  if (max_paths < 1) throw UsageError("--max-paths must be 1 or more");
  query.max_paths = static_cast<std::size_t>(max_paths);
  if (context.options.count("relation")) {
    for (const std::string& name : context.options["relation"].as<std::vector<std::string>>()) {
      query.relations.push_back(relation_option(name));
    }
  }
  query.directed = context.options.count("directed") > 0;
  PathResult result = shortest_paths(context.model(), query);
  if (context.format == "json") {
    context.out << to_json(result) << "\n";
  } else {
    print_table(result, query, context.lang, context.out);
  }
  return exit_ok;
}

}  // namespace

Command path_command() {
  return {
      .name = "path",
      .summary = "Find every shortest path between two nodes",
      .arguments = "[options] A B",
      .details =
          "Edges are followed in either direction unless --directed; an arrow in the output\n"
          "points from an edge's source to its target.\n"
          "Example: kyoso path university/hirosaki program/coi-next",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
