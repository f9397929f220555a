// kyoso sweep FILE: a kyoso.sweep/1 file's points — a base scenario with parameters varied over
// a grid or a sampled design, one simulation each — run on every core, one row per point
// (docs/sweeps.md).
#include "kyoso/sweep.hpp"

#include <unistd.h>

#include <charconv>
#include <iostream>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "output_file.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) {
  line.add_argument("file");
  // clang-format off
  line.options.add_options()
      ("runs", po::value<std::string>()->value_name("N"),
       "Monte Carlo runs per point, 0–100000, in place of the file's")
      ("seed", po::value<std::string>()->value_name("S"), "the sweep's seed, in place of the file's")
      ("threads", po::value<std::string>()->value_name("T"),
       "threads to run points on; default: one per core")
      ("stop-on-error", "stop at the first failed point (exit status 1) instead of recording it")
      ("progress", "report progress on standard error (the default when it is a terminal)")
      ("one-at-a-time", po::value<std::string>()->value_name("QUANTITY"),
       "instead of the points: each parameter moved alone from the middle of its values to "
       "its ends, the others held, and what QUANTITY (a column name) does, largest swing first")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write to FILE instead of standard output ('-': standard output)");
  // clang-format on
}

std::uint64_t number(const Context& context, const char* name, std::uint64_t max) {
  std::string text = *context.get(name);
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > max) {
    throw UsageError("--" + std::string(name) + " must be a whole number from 0 to " +
                     std::to_string(max) + ", not '" + text + "'");
  }
  return value;
}

std::string cell(const SweepValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    std::string text = std::to_string(*d);
    while (text.ends_with('0') && !text.ends_with(".0")) text.pop_back();
    return text;
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

std::string one_at_a_time_csv(const SweepRunner& runner, const std::string& quantity) {
  std::string out = "parameter,low,high,at_low,at_base,at_high,swing\n";
  for (const Sensitivity& s : one_at_a_time(runner, quantity)) {
    out += s.parameter + "," + cell(s.low_value) + "," + cell(s.high_value) + "," + cell(s.at_low) +
           "," + cell(s.at_base) + "," + cell(s.at_high) + "," + cell(SweepValue{s.swing}) + "\n";
  }
  return out;
}

int run(Context& context) {
  std::optional<std::string> file = context.get("file");
  if (!file) throw UsageError("sweep: missing FILE");
  SweepOptions options;
  if (context.get("threads")) {
    options.threads = static_cast<unsigned>(number(context, "threads", 4096));
    if (options.threads == 0) throw UsageError("--threads must be at least 1");
  }
  options.stop_on_error = context.options.count("stop-on-error") > 0;
  Sweep sweep = load_sweep(*file);
  if (context.get("runs")) sweep.options.runs = number(context, "runs", 100'000);
  if (context.get("seed")) sweep.seed = number(context, "seed", UINT64_MAX);
  SweepRunner runner(context.model(), std::move(sweep));
  if (auto quantity = context.get("one-at-a-time")) {
    if (context.format != "csv") throw UsageError("--one-at-a-time writes csv");
    write_output(context, one_at_a_time_csv(runner, *quantity));
    return exit_ok;
  }
  if (context.options.count("progress") || isatty(STDERR_FILENO)) {
    options.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rkyoso sweep: " << done << "/" << total << " points"
                << (done == total ? "\n" : "") << std::flush;
    };
  }
  bool csv = context.format == "csv";
  std::string text = csv ? sweep_csv_header(runner) : std::string();
  runner.run(options, [&](const SweepRow& row) {
    text += csv ? to_csv(runner, row) : to_jsonl(runner, row);
  });
  write_output(context, text);
  return exit_ok;
}

}  // namespace

Command sweep_command() {
  return {
      .name = "sweep",
      .summary = "Run a sweep file: one simulation per point of a design, on every core",
      .arguments =
          "FILE [--runs N] [--seed S] [--threads T] [--stop-on-error] [--progress]\n"
          "                   [--one-at-a-time QUANTITY] [-o FILE]",
      .details =
          "A kyoso.sweep/1 file (docs/sweeps.md) names a base scenario, the parameters to vary\n"
          "(a figure a scenario can set, or the promotion rate or budget of the simulation),\n"
          "a design (grid, random or latin-hypercube) and what each point's simulation records.\n"
          "One row per point, in point order: its parameter values, its Monte Carlo seed, ok or\n"
          "failed with the reason, and the recorded quantities. The rows are the same whatever\n"
          "--threads is. Example: kyoso sweep examples/sweeps/coi_next_budget.json -o out.csv",
      .formats = {"csv", "jsonl"},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
