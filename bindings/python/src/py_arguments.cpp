#include "py_arguments.hpp"

#include <map>
#include <optional>
#include <span>

namespace kyoso::python {
namespace {

// The words of a vocabulary, for error messages: "a, b, c".
template <typename Enum>
std::string listing(std::span<const Enum> all) {
  std::string out;
  for (Enum value : all) out += (out.empty() ? "" : ", ") + std::string(to_string(value));
  return out;
}

template <typename Enum>
Enum parse_word(std::string_view what, std::string_view text,
                std::optional<Enum> (*parse)(std::string_view) noexcept,
                std::span<const Enum> all) {
  if (auto value = parse(text)) return *value;
  throw Error("unknown " + std::string(what) + " '" + std::string(text) +
              "'; expected one of: " + listing(all));
}

// A query argument as T; a value of another type is a TypeError naming the argument.
template <typename T>
T argument(const std::string& name, py::handle value, const char* expected) {
  try {
    return py::cast<T>(value);
  } catch (const py::cast_error&) {
    throw py::type_error(name + " must be " + expected + ", not " +
                         py::cast<std::string>(py::repr(value)));
  }
}

}  // namespace

SimulationOptions simulation_options_from(const py::dict& arguments) {
  SimulationOptions o;
  auto counts = [](const std::string& name, py::handle value) {
    return argument<std::map<std::string, std::int64_t>>(name, value,
                                                         "a dict of track ids to counts");
  };
  for (const auto& [key, value] : arguments) {
    std::string name = py::cast<std::string>(key);
    if (value.is_none()) continue;
    if (name == "years") {
      o.years = argument<int>(name, value, "an int");
    } else if (name == "start_fy") {
      o.start_fy = argument<int>(name, value, "a fiscal year (int)");
    } else if (name == "budget_jpy") {
      o.budget_jpy = argument<std::int64_t>(name, value, "an amount of yen (int)");
    } else if (name == "future_budget_jpy") {
      o.future_budget_jpy = argument<std::int64_t>(name, value, "an amount of yen (int)");
    } else if (name == "policy") {
      std::string policy = argument<std::string>(name, value, "a policy (str)");
      auto parsed = parse_budget_policy(policy);
      if (!parsed) {
        throw Error("unknown policy '" + policy +
                    "'; expected one of: admit-fewer, scale-funding, report-only");
      }
      o.policy = *parsed;
    } else if (name == "promotion_rate") {
      o.promotion_rate = argument<double>(name, value, "a number");
    } else if (name == "initial_sites") {
      o.initial_sites = counts(name, value);
    } else if (name == "new_sites") {
      o.new_sites = counts(name, value);
    } else if (name == "runs") {
      o.runs = argument<std::size_t>(name, value, "a count (int, 0 or more)");
    } else if (name == "seed") {
      o.seed = argument<std::uint64_t>(name, value, "a seed (int, 0 or more)");
    } else if (name == "approx_spread") {
      o.approx_spread = argument<double>(name, value, "a number");
    } else if (name == "up_to_floor") {
      o.up_to_floor = argument<double>(name, value, "a number");
    } else {
      throw Error("unknown simulation option '" + name + "'");
    }
  }
  return o;
}

SynthOptions synth_options_from(const py::dict& arguments) {
  SynthOptions o;
  // synthesize() checks the sizes; here only that each is a count.
  auto count = [](const std::string& name, py::handle value) {
    return argument<std::size_t>(name, value, "a count (int, 0 or more)");
  };
  for (const auto& [key, value] : arguments) {
    std::string name = py::cast<std::string>(key);
    if (name == "universities") {
      o.universities = count(name, value);
    } else if (name == "programs") {
      o.programs = count(name, value);
    } else if (name == "stakeholders") {
      o.stakeholders = count(name, value);
    } else if (name == "edges") {
      o.edges = count(name, value);
    } else if (name == "seed") {
      o.seed = argument<std::uint64_t>(name, value, "a seed (int, 0 or more)");
    } else {
      throw Error("unknown synthesis option '" + name +
                  "'; expected one of: universities, programs, stakeholders, edges, seed");
    }
  }
  return o;
}

FitWeights weights_from(const py::dict& weights) {
  FitWeights w;
  for (const auto& [key, value] : weights) {
    std::string name = py::cast<std::string>(key);
    double v = argument<double>("weight '" + name + "'", value, "a number");
    if (name == "mission") {
      w.mission = v;
    } else if (name == "goals") {
      w.goals = v;
    } else if (name == "fields") {
      w.fields = v;
    } else if (name == "stage") {
      w.stage = v;
    } else if (name == "inherited") {
      w.inherited = v;
    } else {
      throw Error("unknown fit weight '" + name +
                  "'; expected one of: mission, goals, fields, stage, inherited");
    }
  }
  return w;
}

Kind kind_from(std::string_view text) { return parse_word("kind", text, &parse_kind, all_kinds()); }

Relation relation_from(std::string_view text) {
  return parse_word("relation", text, &parse_relation, all_relations());
}

Direction direction_from(std::string_view text) {
  static constexpr Direction all[] = {Direction::out, Direction::in, Direction::both};
  return parse_word("direction", text, &parse_direction, std::span<const Direction>(all));
}

Lang lang_from(std::string_view text) {
  static constexpr Lang all[] = {Lang::ja, Lang::en};
  return parse_word("language", text, &parse_lang, std::span<const Lang>(all));
}

}  // namespace kyoso::python
