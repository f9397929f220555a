// Our own table instead of wcwidth(3): wcwidth answers from the C locale, which in scripts,
// CI and containers is often "C", where every kanji is "unprintable" (-1).
#include "display_width.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace kyoso::cli {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

constexpr bool contains(const auto& ranges, char32_t c) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                             [](char32_t value, const Range& r) { return value < r.first; });
  return it != ranges.begin() && c <= std::prev(it)->last;
}

// Non-spacing and enclosing marks (Mn, Me) and format characters (Cf) of the scripts a
// policy text may contain — Latin, Greek, Cyrillic, Hebrew, Arabic, the combining blocks,
// kana voicing marks — plus zero-width spaces and joiners, variation selectors and tags.
// Sorted; Indic and other complex scripts are out of scope and may be off by a column.
constexpr std::array<Range, 35> zero_width{{
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},   {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0600, 0x0605},
    {0x0610, 0x061A},   {0x061C, 0x061C},   {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DD},   {0x06DF, 0x06E4},   {0x06E7, 0x06E8},   {0x06EA, 0x06ED},
    {0x1160, 0x11FF},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
    {0x202A, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},   {0x20D0, 0x20F0},
    {0x302A, 0x302D},   {0x3099, 0x309A},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x1D167, 0x1D169}, {0x1D173, 0x1D182},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
}};

// East Asian Width W and F (Unicode 15), with the emoji blocks taken whole. Sorted.
constexpr std::array<Range, 62> wide{{
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x3247},   {0x3250, 0x4DBF},   {0x4E00, 0xA4CF},   {0xA960, 0xA97F},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1},
    {0x17000, 0x18DFF}, {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
}};

constexpr bool sorted_and_disjoint(const auto& ranges) {
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].first <= ranges[i - 1].last) return false;
  }
  return true;
}
// contains() is a binary search.
static_assert(sorted_and_disjoint(zero_width) && sorted_and_disjoint(wide));

// Decodes one UTF-8 sequence at the start of `s`; returns its length, or 0 if it is not a
// valid, shortest-form sequence of a scalar value.
std::size_t decode(std::string_view s, char32_t& out) noexcept {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(0);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
  if (length == 0 || length > s.size()) return 0;
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i) & 0x3F);
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  out = c;
  return length;
}

}  // namespace

int code_point_width(char32_t c) noexcept {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  if (contains(zero_width, c)) return 0;
  return contains(wide, c) ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  while (!utf8.empty()) {
    char32_t c = 0;
    std::size_t length = decode(utf8, c);
    if (length == 0) {
      width += 1;
      length = 1;
    } else {
      width += static_cast<std::size_t>(code_point_width(c));
    }
    utf8.remove_prefix(length);
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
