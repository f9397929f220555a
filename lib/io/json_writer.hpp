// The one JSON writer: keys sorted, UTF-8 kept as is, so the same model always gives the
// same bytes. Also the JSON shapes of kyoso's values (docs/format.md), so that every format
// that carries sources, figures or attributes as JSON writes them the same way.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/model.hpp"

namespace kyoso::detail {

enum class JsonLayout {
  // Two-space indentation, ", " and ": " separators, ends with a newline: the layout of
  // Python's json.dumps(indent=2, sort_keys=True, ensure_ascii=False).
  pretty,
  // No whitespace and no final newline, for JSON stored inside another format (GraphML):
  // json.dumps(separators=(",", ":"), sort_keys=True, ensure_ascii=False).
  compact,
};

// Keys sorted by bytes in both layouts. A double is written as Python writes a float: the
// shortest text that reads back as the same number, with ".0" when it has no fraction
// (1.0, 0.7333333333333334); a non-finite double, which JSON cannot hold, as null.
std::string write_json(const boost::json::value&, JsonLayout = JsonLayout::pretty);

// A JSON string literal, with quotes.
std::string json_quote(std::string_view);
// A double as write_json writes it (1.0, 0.7333333333333334, null), for documents written
// without a tree and for CSV, so that every number kyoso prints reads the same.
void append_number(std::string& out, double);

// kyoso's values in their docs/format.md shapes; empty optional members are left out.
boost::json::object text_json(const Text&);
// A text in a result document (report.hpp): both languages always present.
boost::json::object bilingual_json(const Text&);
boost::json::array sources_json(const std::vector<Source>&);
boost::json::array figures_json(const std::vector<Figure>&);
boost::json::array calls_json(const std::vector<Call>&);
boost::json::object attributes_json(const std::map<std::string, std::string>&);

}  // namespace kyoso::detail
