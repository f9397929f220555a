// How many terminal columns a text takes, so that tables mixing Japanese and ASCII line up.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kyoso::cli {

// utf8proc's answer: 2 for East Asian Wide and Fullwidth characters (kanji, kana, fullwidth
// forms, emoji), 0 for combining marks, zero-width and format characters and controls, 1
// otherwise. East Asian Ambiguous characters (①, ❶, ○, Greek) count 1, as terminals do by
// default.
int code_point_width(char32_t code_point) noexcept;

// The columns a UTF-8 text takes. A byte that does not start a valid sequence counts one
// column, as a terminal shows it as one replacement character.
std::size_t display_width(std::string_view utf8) noexcept;

// The text followed (pad_right) or preceded (pad_left) by spaces up to `width` columns;
// unchanged when it is already as wide.
std::string pad_right(std::string_view utf8, std::size_t width);
std::string pad_left(std::string_view utf8, std::size_t width);

}  // namespace kyoso::cli
