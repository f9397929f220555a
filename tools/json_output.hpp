// The parts the CLI's JSON documents share. Each document is an object whose "schema"
// member names its shape and version ("kyoso.node/1"); tools/README.md describes them.
// Optional members are present as null, so that every document of a schema has the same
// keys.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso::cli {

// {"ja", "en"}, both present (empty strings where the model has none).
boost::json::object text_json(const Text& text);
// Each source with the keys the model file uses; empty ones are left out, as in the file.
boost::json::array sources_json(const std::vector<Source>& sources);
// The figure as in the model file, plus "text": the value written for people (--lang).
boost::json::object figure_json(const Figure& figure, Lang lang);
// {"id", "name", "fiscal_year"} of the whole model.
boost::json::object model_info_json(const ModelInfo& info);

// One line of compact JSON with sorted keys, as the library writes its documents
// (report.hpp), and a newline.
std::string json_text(const boost::json::value& document);

}  // namespace kyoso::cli
