// kyoso synth: a synthetic national-scale model (include/kyoso/synth.hpp) as a JGF file.
#include "kyoso/synth.hpp"

#include <charconv>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "output_file.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) {
  const SynthOptions defaults;
  auto count = [](std::uint64_t n) {
    return po::value<std::string>()->default_value(std::to_string(n));
  };
  // clang-format off
  line.options.add_options()
      ("universities", count(defaults.universities)->value_name("U"),
       "generated universities, each with a stored profile")
      ("programs", count(defaults.programs)->value_name("P"), "generated programs")
      ("stakeholders", count(defaults.stakeholders)->value_name("S"), "generated stakeholders")
      ("edges", count(defaults.edges)->value_name("E"),
       "edges of the whole model; joint-research links fill what the structure leaves")
      ("seed", count(defaults.seed)->value_name("N"), "the same seed gives the same file")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write to FILE instead of standard output ('-': standard output)");
  // clang-format on
}

// Counts and seeds are whole numbers; "-1" would wrap round as an unsigned option.
std::uint64_t number(const Context& context, const char* name) {
  std::string text = *context.get(name);
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw UsageError("--" + std::string(name) + " must be a whole number, not '" + text + "'");
  }
  return value;
}

int run(Context& context) {
  SynthOptions options;
  options.universities = number(context, "universities");
  options.programs = number(context, "programs");
  options.stakeholders = number(context, "stakeholders");
  options.edges = number(context, "edges");
  options.seed = number(context, "seed");
  Model model;
  try {
    model = synthesize(options);
  } catch (const Error& e) {
    // The counts are too large or do not fit together: the command line needs changing.
    throw UsageError("--" + e.problem());
  }
  std::string text = to_jgf(model);
  write_output(context, text);
  return exit_ok;
}

}  // namespace

Command synth_command() {
  return {
      .name = "synth",
      .summary =
          "Write a synthetic national-scale model (FY2024 vocabulary, generated universities)",
      .arguments =
          "[--universities U] [--programs P] [--stakeholders S] [--edges E] [--seed N]\n"
          "                   [-o FILE]",
      .details =
          "The embedded FY2024 model plus U generated universities, each with a stored profile\n"
          "(has_mission, pursues, works_in, has_partner, established_as, reached_stage,\n"
          "awarded), P generated programs (serves, targets, suits_field, applied_by, some\n"
          "tracks, closed calls, excludes and needs_partner), S stakeholders, and\n"
          "joint-research links (collaborates_with) drawn by preferential attachment until the\n"
          "model has E edges: a few hubs, many small nodes. The same options give the same\n"
          "bytes with any compiler. Generated nodes and edges carry no sources.\n"
          "Example: kyoso synth --universities 1000 --programs 200 --stakeholders 100000\n"
          "         --edges 1000000 --seed 1 -o national.jgf.json",
      .formats = {},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
