// The path of a set edit (docs/scenarios.md, "Paths"): which value of a node it writes, and
// what kind of value that takes. Parsed where a scenario is read, so a file's mistake is
// reported with its line, and again where it is applied, for scenarios built in code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kyoso/scenario.hpp"

namespace kyoso::detail {

struct EditPath {
  enum class Part : std::uint8_t { name, description, note, attribute, figure, call };
  enum class Member : std::uint8_t { whole, value, unit, qualifier, note, status, scope };
  Part part = Part::note;
  Lang lang = Lang::ja;            // name, description, note, a call's scope
  bool both_languages = false;     // a note written in both languages at once
  std::string key;                 // the attribute's key or the figure's name
  std::optional<int> fiscal_year;  // figure: "@2025"; call: the year (required)
  Member member = Member::whole;   // figure: whole, value, unit, qualifier, note; call: status,
                                   // scope
};

// The path, or nothing with `problem` saying what is wrong.
std::optional<EditPath> parse_edit_path(std::string_view path, std::string& problem);

// Empty when `value` is of the kind the path takes; else what was expected.
std::string value_problem(const EditPath&, const EditValue& value);

}  // namespace kyoso::detail
