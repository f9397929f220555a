// kyoso find TEXT: the nodes whose id or Japanese or English name contains the text, best
// matches first, so that a name can be turned into the id the other commands take.
#include "cli.hpp"
#include "kyoso/report.hpp"
#include "table.hpp"

namespace kyoso::cli {
namespace {

std::string quality_text(MatchQuality q, Lang lang) {
  switch (q) {
    case MatchQuality::exact:
      return std::string(pick(lang, "完全", "exact"));
    case MatchQuality::prefix:
      return std::string(pick(lang, "前方", "prefix"));
    case MatchQuality::substring:
      return std::string(pick(lang, "部分", "part"));
  }
  return {};
}

void declare(CommandLine& line) {
  line.add_argument("text");
  // clang-format off
  line.options.add_options()
      ("kind", po::value<std::string>()->value_name("KIND"),
       "only nodes of this kind, e.g. university, purpose, program")
      ("top", po::value<int>()->value_name("K"), "show only the first K matches");
  // clang-format on
}

int run(Context& context) {
  if (!context.options.count("text")) throw UsageError("find: missing TEXT");
  std::string text = *context.get("text");
  if (text.find_first_not_of(" \t") == std::string::npos) throw UsageError("find: TEXT is empty");
  std::optional<Kind> kind;
  if (auto value = context.get("kind")) kind = kind_option(*value);
  std::vector<Match> found = find_nodes(context.model(), text, kind);
  if (context.options.count("top")) {
    int top = context.options["top"].as<int>();
    if (top < 0) throw UsageError("--top must not be negative");
    if (found.size() > static_cast<std::size_t>(top)) found.resize(static_cast<std::size_t>(top));
  }
  Lang lang = context.lang;
  if (context.format == "json") {
    context.out << to_json(text, kind, found) << "\n";
    return exit_ok;
  }
  if (found.empty()) {
    context.out << pick(lang, "該当なし: ", "nothing matches: ") << text << "\n";
    return exit_ok;
  }
  Table table({std::string(pick(lang, "一致", "match")), std::string(pick(lang, "種類", "kind")),
               "id", std::string(pick(lang, "名称", "name")),
               std::string(pick(lang, "所在・所属", "in"))});
  for (const Match& m : found) {
    table.add_row({quality_text(m.quality, lang), std::string(to_string(m.kind)), m.id,
                   m.name.in(lang), m.context_name.in(lang)});
  }
  context.out << table.render("", context.width);
  return exit_ok;
}

}  // namespace

Command find_command() {
  return {
      .name = "find",
      .summary = "Find nodes by a part of their id or Japanese or English name",
      .arguments = "[--kind KIND] [--top K] TEXT",
      .details =
          "Lists every node whose id, name (either language) or bracketed short form\n"
          "(COI-NEXT) contains TEXT, ignoring ASCII case and full-width forms: exact matches\n"
          "first, then those the text starts, then the rest; within each by kind, then by\n"
          "the shorter name. A university is shown with its prefecture, a prefecture with its\n"
          "region, a track with its program. Every command that takes an id also takes a\n"
          "name that only one node has.\n"
          "Example: kyoso find 岩手",
      .formats = {"table", "json"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
