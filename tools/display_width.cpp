// Widths from utf8proc rather than wcwidth(3): wcwidth answers from the C locale, which in
// scripts, CI and containers is often "C", where every kanji is "unprintable" (-1); utf8proc
// needs no locale and follows each Unicode release (Debian 12: Unicode 15).
#include "display_width.hpp"

#include <utf8proc.h>

namespace kyoso::cli {

int code_point_width(char32_t code_point) noexcept {
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(code_point));
}

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  while (!utf8.empty()) {
    utf8proc_int32_t c = 0;
    auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                   static_cast<utf8proc_ssize_t>(utf8.size()), &c);
    if (length <= 0) {
      // Not a valid, shortest-form sequence: a terminal shows the byte as one replacement
      // character.
      width += 1;
      length = 1;
    } else {
      width += static_cast<std::size_t>(utf8proc_charwidth(c));
    }
    utf8.remove_prefix(static_cast<std::size_t>(length));
  }
  return width;
}

std::string pad_right(std::string_view utf8, std::size_t width) {
  std::string out(utf8);
  std::size_t have = display_width(utf8);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string pad_left(std::string_view utf8, std::size_t width) {
  std::size_t have = display_width(utf8);
  std::string out(have < width ? width - have : 0, ' ');
  out += utf8;
  return out;
}

}  // namespace kyoso::cli
