// Parsing, help, and the one place where errors become messages and exit statuses.
#include "cli.hpp"

#include <new>
#include <sstream>

#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/report.hpp"
#include "kyoso/version.hpp"
#include "table.hpp"

namespace kyoso::cli {

void CommandLine::add_argument(const char* name, int count) {
  arguments.add_options()(name, po::value<std::string>());
  positional.add(name, count);
}

Context::Context(const po::variables_map& options, Lang lang, std::string format, std::size_t width,
                 std::ostream& out)
    : options(options), lang(lang), format(std::move(format)), width(width), out(out) {}

void Context::use(const Model& base, const Model& model, const Scenario* scenario) {
  given_base_ = &base;
  given_model_ = &model;
  given_scenario_ = scenario;
}

const Model& Context::base_model() {
  if (given_base_) return *given_base_;
  std::vector<std::string> files = model_files();
  if (files.empty()) return default_model();
  if (!loaded_) loaded_ = load_layers({files.begin(), files.end()});
  return *loaded_;
}

std::vector<std::string> Context::model_files() const {
  if (!options.count("model")) return {};
  return options["model"].as<std::vector<std::string>>();
}

const Scenario* Context::scenario() {
  if (given_model_) return given_scenario_;
  if (!scenario_) {
    auto file = get("scenario");
    if (!file) return nullptr;
    scenario_ = load_scenario(*file);
  }
  return &*scenario_;
}

const Model& Context::model() {
  if (given_model_) return *given_model_;
  const Scenario* edits = scenario();
  if (!edits) return base_model();
  if (!applied_) applied_ = apply(base_model(), *edits);
  return *applied_;
}

std::optional<std::string> Context::get(const char* name) const {
  if (!options.count(name)) return std::nullopt;
  return options[name].as<std::string>();
}

Relation relation_option(const std::string& value) {
  if (auto relation = parse_relation(value)) return *relation;
  std::string names;
  for (Relation r : all_relations())
    names += (names.empty() ? "" : ", ") + std::string(to_string(r));
  throw UsageError("unknown relation '" + value + "' (relations: " + names + ")");
}

Kind kind_option(const std::string& value) {
  if (auto kind = parse_kind(value)) return *kind;
  std::string names;
  for (Kind k : all_kinds()) names += (names.empty() ? "" : ", ") + std::string(to_string(k));
  throw UsageError("unknown kind '" + value + "' (kinds: " + names + ")");
}

std::vector<Command> all_commands() {
  return {validate_command(),  stats_command(),     show_command(),     export_command(),
          find_command(),      list_command(),      profile_command(),  fit_command(),
          explain_command(),   portfolio_command(), diagnose_command(), neighbors_command(),
          path_command(),      simulate_command(),  compare_command(),  sweep_command(),
          synth_command(),     serve_command()};
}

namespace {

constexpr std::string_view tagline =
    "MEXT's support package for research universities as a typed graph";

po::options_description global_options() {
  po::options_description options("Global options (before or after the command)", 100);
  // clang-format off
  options.add_options()
      ("model", po::value<std::vector<std::string>>()->value_name("FILE")->composing(),
       "the model file (JGF); given again, the files are layers read as one model "
       "(docs/format.md); default: the embedded dataset (the core and the national layer)")
      ("scenario", po::value<std::string>()->value_name("FILE"),
       "lay a scenario file (kyoso.scenario/1, docs/scenarios.md) over the model")
      ("lang", po::value<std::string>()->value_name("ja|en")->default_value("ja"),
       "the language of names and labels")
      ("format", po::value<std::string>()->value_name("FORMAT"),
       "table|json (explain also dot, simulate also csv, fit --all-universities jsonl|csv, "
       "sweep csv|jsonl); "
       "for export: jgf|dot|graphml|node-link")
      ("width", po::value<std::size_t>()->value_name("N"),
       "narrow tables to N columns by wrapping their widest text (0: never); default: the "
       "terminal's width when the output goes to one, else 0")
      ("help,h", "show this help");
  // clang-format on
  return options;
}

po::options_description top_options() {
  po::options_description options = global_options();
  options.add_options()("version", "show the version");
  return options;
}

// Abbreviated options ("--dep" for "--depth") are refused: an abbreviation that works
// today would break as soon as another option shares its prefix.
constexpr int parse_style =
    po::command_line_style::default_style & ~po::command_line_style::allow_guessing;

std::string usage_hint(const Command* command) {
  std::string help = command ? "kyoso " + std::string(command->name) + " --help" : "kyoso --help";
  return "Try '" + help + "'.";
}

void print_main_help(std::ostream& out) {
  out << "kyoso " << version << " — " << tagline << "\n\n"
      << "Usage: kyoso [global options] COMMAND [options] [arguments]\n"
      << "       kyoso --version\n\nCommands:\n";
  std::size_t width = 0;
  for (const Command& c : all_commands()) width = std::max(width, c.name.size());
  for (const Command& c : all_commands()) {
    out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << "\n";
  }
  out << "\n"
      << top_options() << "\n"
      << "Run 'kyoso COMMAND --help' for a command's options.\n"
      << "Ids may leave out their kind when that is unambiguous: coi-next = program/coi-next;\n"
      << "a name one node has stands for its id: 岩手大学, 社会実装 (kyoso find lists them).\n"
      << "Exit status: 0 done, 1 bad input (model or scenario file, id, output file), 2 bad\n"
      << "command line, 3 internal error.\n";
}

void print_command_help(const Command& c, const CommandLine& line, std::ostream& out) {
  out << "Usage: kyoso " << c.name << " " << c.arguments << "\n\n" << c.summary << ".\n";
  if (!c.details.empty()) out << "\n" << c.details << "\n";
  if (!c.formats.empty()) {
    out << "\nFormats (--format):";
    for (std::size_t i = 0; i < c.formats.size(); ++i) {
      out << (i ? ", " : " ") << c.formats[i] << (i == 0 ? " (default)" : "");
    }
    out << "\n";
  }
  if (!line.options.options().empty()) out << "\n" << line.options;
  out << "\n" << global_options();
}

const Command* find_command(const std::vector<Command>& commands, std::string_view name) {
  for (const Command& c : commands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The command is the first argument that is neither an option nor the value of a global
// option, so that global options may come before it: `kyoso --lang en show coi-next`.
std::optional<std::size_t> command_position(const std::vector<std::string>& args) {
  po::options_description global = global_options();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return i + 1 < args.size() ? std::optional(i + 1) : std::nullopt;
    if (arg.size() < 2 || arg[0] != '-') return i;
    if (arg.rfind("--", 0) == 0 && arg.find('=') == std::string::npos) {
      const po::option_description* option = global.find_nothrow(arg.substr(2), false);
      if (option && option->semantic()->max_tokens() > 0) ++i;
    }
  }
  return std::nullopt;
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& all,
                        const po::positional_options_description& positional) {
  po::variables_map options;
  po::store(
      po::command_line_parser(args).options(all).positional(positional).style(parse_style).run(),
      options);
  po::notify(options);
  return options;
}

// Runs without a command: --help, --version, or a usage error.
int run_top(const std::vector<std::string>& args, std::ostream& out) {
  po::variables_map options = parse(args, top_options(), {});
  if (options.count("help")) {
    print_main_help(out);
    return exit_ok;
  }
  if (options.count("version")) {
    out << "kyoso " << version << "\n";
    return exit_ok;
  }
  throw UsageError("missing command");
}

Lang lang_option(const po::variables_map& options) {
  std::string value = options["lang"].as<std::string>();
  if (auto lang = parse_lang(value)) return *lang;
  throw UsageError("unknown --lang '" + value + "' (expected ja or en)");
}

std::string format_option(const Command& c, const po::variables_map& options) {
  if (!options.count("format")) return c.formats.empty() ? "" : std::string(c.formats.front());
  std::string value = options["format"].as<std::string>();
  for (std::string_view f : c.formats) {
    if (f == value) return value;
  }
  if (c.formats.empty()) throw UsageError(std::string(c.name) + " takes no --format");
  std::string expected;
  for (std::string_view f : c.formats) expected += (expected.empty() ? "" : "|") + std::string(f);
  throw UsageError("unknown --format '" + value + "' for " + std::string(c.name) + " (expected " +
                   expected + ")");
}

int run_command(const std::vector<std::string>& args, std::size_t at, const Command& command,
                std::size_t terminal_width, bool& json_errors, std::ostream& out) {
  CommandLine line;
  command.declare(line);
  po::options_description all;
  all.add(line.options).add(line.arguments).add(global_options());
  std::vector<std::string> rest = args;
  rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(at));
  po::variables_map options = parse(rest, all, line.positional);
  if (options.count("help")) {
    print_command_help(command, line, out);
    return exit_ok;
  }
  Lang lang = lang_option(options);
  std::string format = format_option(command, options);
  json_errors = format == "json";
  // Buffered, so that a command that fails half-way prints nothing on standard output.
  std::ostringstream buffer;
  std::size_t width = options.count("width") ? options["width"].as<std::size_t>() : terminal_width;
  Context context(options, lang, format, width, buffer);
  int status = command.run(context);
  // Text for a person goes to a terminal: what a file put in a name or note is shown, not
  // obeyed. Every other format is data, written exactly.
  if (format == "table") {
    out << terminal_text(buffer.view());
  } else {
    out << buffer.view();
  }
  return status;
}

void report(const Error& e, bool json_errors, std::ostream& out, std::ostream& err) noexcept {
  try {
    // With --format json, an error is also a document on standard output, so that a program
    // reading the output learns where the input went wrong.
    if (json_errors) out << to_json(e) << "\n";
  } catch (...) {
    // The message on standard error below still tells what went wrong.
  }
  err << "kyoso: " << e.what() << "\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        std::size_t terminal_width) noexcept {
  const Command* command = nullptr;  // once known, usage errors point at its --help
  bool json_errors = false;
  try {
    try {
      static const std::vector<Command> commands = all_commands();
      std::optional<std::size_t> at = command_position(args);
      if (!at) return run_top(args, out);
      command = find_command(commands, args[*at]);
      if (!command) {
        std::string names;
        for (const Command& c : commands) {
          names += (names.empty() ? "" : ", ") + std::string(c.name);
        }
        throw UsageError("unknown command '" + args[*at] + "' (commands: " + names + ")");
      }
      return run_command(args, *at, *command, terminal_width, json_errors, out);
    } catch (const po::error& e) {
      throw UsageError(e.what());
    }
  } catch (const UsageError& e) {
    err << "kyoso: " << escape_controls(e.what()) << "\n" << usage_hint(command) << "\n";
    return exit_usage;
  } catch (const Error& e) {
    report(e, json_errors, out, err);
    return exit_bad_input;
  } catch (const std::bad_alloc&) {
    err << "kyoso: out of memory\n";
    return exit_internal;
  } catch (const std::exception& e) {
    err << "kyoso: internal error: " << escape_controls(e.what()) << "\n";
    return exit_internal;
  } catch (...) {
    err << "kyoso: internal error\n";
    return exit_internal;
  }
}

}  // namespace kyoso::cli
