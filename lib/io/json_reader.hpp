// The one JSON reader: Boost.JSON, plus what it lacks for our error messages — line and
// column of a syntax error, refusal of duplicate keys, and the position of a JSON pointer.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kyoso::detail {

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;  // in characters (UTF-8 code points), 1-based
};
TextPosition position_of(std::string_view text, std::size_t offset);

// RFC 6901 escaping of one reference token ("program/x" -> "program~1x").
std::string pointer_token(std::string_view key);

// Parses `text`; throws ParseError naming origin, line and column (and the JSON pointer of
// a duplicate key). The nesting limit is generous but finite.
boost::json::value read_json(std::string_view text, const std::string& origin);

// Where the value at `pointer` starts in `text`, for messages about valid JSON that breaks
// the model's rules. Runs only on the error path.
std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer);

}  // namespace kyoso::detail
