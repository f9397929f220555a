// What the sweep reader and the runner share: the kind of value a parameter takes, numbers as
// the rows write them, and the place in the sweep file of an error found against a model.
#pragma once

#include <string>

#include "kyoso/error.hpp"
#include "kyoso/sweep.hpp"
#include "scenario/edit_path.hpp"

namespace kyoso::detail {

enum class ValueKind : std::uint8_t { whole, real, text };

// A figure's value is whole yen or a count; every other path takes a text.
inline ValueKind value_kind(const EditPath& path) {
  return path.part == EditPath::Part::figure && path.member == EditPath::Member::value
             ? ValueKind::whole
             : ValueKind::text;
}

inline ValueKind value_kind(SweepTarget target) {
  return target == SweepTarget::budget || target == SweepTarget::future_budget ? ValueKind::whole
                                                                               : ValueKind::real;
}

ValueKind value_kind(const SweepParameter&);

// The shortest text that reads back as the same double ("0.55", "1e-07"), so that a row's
// numbers are exact.
std::string format_number(double);

// `pointer` in the sweep's file, with line and column when the file's text is kept.
Location place(const Sweep&, const std::string& pointer, const std::string& id = {});

}  // namespace kyoso::detail
