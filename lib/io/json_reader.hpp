// The one JSON reader: Boost.JSON, plus what it lacks for our error messages — line and
// column of a syntax error, refusal of duplicate keys, and the position of a JSON pointer.
#pragma once

#include <boost/json/value.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kyoso/io.hpp"

namespace kyoso::detail {

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;  // in characters (UTF-8 code points), 1-based
};
TextPosition position_of(std::string_view text, std::size_t offset);

// RFC 6901 escaping of one reference token ("program/x" -> "program~1x").
std::string pointer_token(std::string_view key);

// A whole file's bytes; throws IoError naming the file if it cannot be read or holds more
// than `max_bytes` (checked before reading, and again while reading from a pipe).
std::string read_text_file(const std::filesystem::path& file,
                           std::size_t max_bytes = LoadLimits{}.max_file_bytes);

// Parses `text`; throws ParseError naming origin, line and column (and the JSON pointer of
// a duplicate key or of a value over a limit). Enforces the size, depth and string limits,
// and refuses numbers that overflow a double (1e999), which Boost.JSON reads as infinity.
boost::json::value read_json(std::string_view text, const std::string& origin,
                             const LoadLimits& limits = {});

// Where the value at `pointer` starts in `text`, for messages about valid JSON that breaks
// the model's rules. Runs only on the error path.
std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer,
                                         std::size_t max_depth = LoadLimits{}.max_depth);

}  // namespace kyoso::detail
