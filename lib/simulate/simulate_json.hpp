// The "kyoso.simulate/1" document as a JSON object, for documents that embed it (compare).
#pragma once

#include <boost/json/object.hpp>

#include "kyoso/simulate.hpp"

namespace kyoso::detail {

boost::json::object simulation_json(const SimulationResult&);

}  // namespace kyoso::detail
