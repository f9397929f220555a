// The kyoso command-line tool: what a command declares, and what it is given to run.
//
// A command is one file in tools/commands/ that defines a `Command` (name, one-line help,
// its options, a run function) and one line in all_commands(). Parsing, --help, loading
// the model and turning every error into a message and an exit status happen in cli.cpp,
// once for all commands.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"
#include "kyoso/scenario.hpp"

namespace kyoso::cli {

namespace po = boost::program_options;

// Exit statuses; `kyoso --help` lists them.
enum ExitStatus : int {
  exit_ok = 0,
  exit_bad_input = 1,  // a model file, an id or an output file: kyoso::Error
  exit_usage = 2,      // the command line itself
  exit_internal = 3,   // a bug in kyoso
};

// A mistake in the command line: reported with a hint to --help, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The options and positional arguments a command accepts.
struct CommandLine {
  po::options_description options{"Options"};  // listed by --help
  po::options_description arguments;           // positional, described in the usage line
  po::positional_options_description positional;

  // Declares the next positional argument; `count` -1 takes all that remain.
  void add_argument(const char* name, int count = 1);
};

// What a command runs with.
class Context {
 public:
  Context(const po::variables_map& options, Lang lang, std::string format, std::size_t width,
          std::ostream& out);

  const po::variables_map& options;
  const Lang lang;
  const std::string format;  // one of the command's formats
  const std::size_t width;   // the columns tables may take (Table::render); 0: any
  std::ostream& out;         // standard output, written only if the command succeeds

  // The model named by --model (one file, or several read as layers), or the embedded one, with the
  // --scenario file's edits laid over it when one is given; loaded (and the scenario applied) on
  // first use.
  const Model& model();
  // The model without the --scenario's edits: what `compare` compares the scenario with.
  const Model& base_model();
  // The --scenario file, read on first use; null without --scenario.
  const Scenario* scenario();
  // A string option or positional argument, if given.
  std::optional<std::string> get(const char* name) const;
  // The --model files in the order given (layers, docs/format.md); empty: the embedded one.
  std::vector<std::string> model_files() const;
  // Models loaded before the command runs, for kyoso serve, which loads them once and answers
  // every request from them: model(), base_model() and scenario() return these, and --model
  // and --scenario are not read. `scenario` may be null, `model` is then `base`.
  void use(const Model& base, const Model& model, const Scenario* scenario);

 private:
  const Model* given_base_ = nullptr;
  const Model* given_model_ = nullptr;
  const Scenario* given_scenario_ = nullptr;
  std::optional<Model> loaded_;
  std::optional<Scenario> scenario_;
  std::optional<Model> applied_;
};

struct Command {
  std::string_view name;
  std::string_view summary;    // one line, for `kyoso --help`
  std::string_view arguments;  // the usage line after the name, e.g. "[options] ID"
  std::string_view details;    // more text for `kyoso NAME --help`; may be empty
  // What --format accepts; the first is the default. Empty: the command takes no --format.
  std::vector<std::string_view> formats;
  void (*declare)(CommandLine&);
  int (*run)(Context&);
};

Command validate_command();
Command stats_command();
Command show_command();
Command export_command();
Command fit_command();
Command explain_command();
Command portfolio_command();
Command diagnose_command();
Command neighbors_command();
Command path_command();
Command simulate_command();
Command compare_command();
Command sweep_command();
Command synth_command();
Command find_command();
Command list_command();
Command profile_command();
Command serve_command();

// Every command, in the order `kyoso --help` lists them.
std::vector<Command> all_commands();

// Runs the tool on a command line (argv[0] excluded) and returns the exit status. Writes
// results to `out` and messages to `err`; never throws. `terminal_width` is the width tables
// take without --width: the terminal's when `out` goes to one, else 0 (no limit).
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        std::size_t terminal_width = 0) noexcept;

// The relation an option names (--relation serves); a UsageError listing every relation
// otherwise.
Relation relation_option(const std::string& value);
// The kind an option or argument names (--kind university); a UsageError listing every kind
// otherwise.
Kind kind_option(const std::string& value);

// A pair of texts, chosen by --lang, for the labels of tables.
inline std::string_view pick(Lang lang, std::string_view ja, std::string_view en) {
  return lang == Lang::ja ? ja : en;
}

}  // namespace kyoso::cli
