// The parts that several report documents share, so that a profile, a path or a model's
// info is written in one place whichever document holds it.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/query.hpp"
#include "kyoso/simulate.hpp"

namespace kyoso::detail {

// The object with its "schema" member, as one line of compact JSON (report.hpp).
std::string document(boost::json::object doc, std::string_view schema);

// An id, or null when it is empty (an unstated mission, stage …).
boost::json::value optional_id(const std::string& id);
boost::json::array strings_json(const std::vector<std::string>& items);
boost::json::array texts_json(const std::vector<Text>& texts);
boost::json::object path_json(const Path& path);
boost::json::array paths_json(const std::vector<Path>& paths);
// The profile file's shape, every member present (report.hpp).
boost::json::object profile_json(const Profile& profile);
boost::json::object weights_json(const FitWeights& weights);
// {"id", "name", "fiscal_year"} of the whole model.
boost::json::object model_info_json(const ModelInfo& info);
// The "kyoso.fit/2" document as an object, for the documents that embed it (compare).
boost::json::object fit_json(const FitResult& result);
// The "kyoso.simulate/1" document as an object, for the documents that embed it (compare).
boost::json::object simulation_json(const SimulationResult& result);

}  // namespace kyoso::detail
