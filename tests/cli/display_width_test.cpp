// tools/display_width: the columns a text takes in a terminal.
#include "display_width.hpp"

#include <gtest/gtest.h>

namespace kyoso::cli {
namespace {

TEST(DisplayWidth, AsciiTakesOneColumnPerCharacter) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("program/coi-next"), 16u);
}

TEST(DisplayWidth, KanjiKanaAndFullwidthFormsTakeTwoColumns) {
  EXPECT_EQ(display_width("共創"), 4u);
  EXPECT_EQ(display_width("ひらがなカタカナ"), 16u);
  EXPECT_EQ(display_width("（COI-NEXT）"), 12u);  // fullwidth brackets around ASCII
  EXPECT_EQ(display_width("令和6年度"), 9u);
  EXPECT_EQ(display_width("Ａ１"), 4u);              // fullwidth Latin and digits
  EXPECT_EQ(display_width("\xF0\xA0\x80\x8B"), 2u);  // U+2000B, CJK Extension B
}

TEST(DisplayWidth, HalfwidthKatakanaTakesOneColumn) { EXPECT_EQ(display_width("ｶﾀｶﾅ"), 4u); }

TEST(DisplayWidth, CombiningMarksTakeNoColumns) {
  EXPECT_EQ(display_width("e\u0301"), 1u);       // e + combining acute accent
  EXPECT_EQ(display_width("か\u3099"), 2u);      // か + combining voiced sound mark = が
  EXPECT_EQ(display_width("a\u200Bb"), 2u);      // zero-width space
  EXPECT_EQ(display_width("葛\U000E0100"), 2u);  // an ideographic variation selector
}

TEST(DisplayWidth, AmbiguousCharactersTakeOneColumnAsInMostTerminals) {
  EXPECT_EQ(display_width("①❶○"), 3u);
  EXPECT_EQ(display_width("→←"), 2u);
}

TEST(DisplayWidth, EmojiTakeTwoColumns) { EXPECT_EQ(display_width("\U0001F642"), 2u); }

TEST(DisplayWidth, ControlCharactersTakeNoColumns) {
  EXPECT_EQ(code_point_width(U'\t'), 0);
  EXPECT_EQ(code_point_width(0x7F), 0);
  EXPECT_EQ(code_point_width(0x85), 0);
}

TEST(DisplayWidth, EachByteOfInvalidUtf8TakesOneColumn) {
  EXPECT_EQ(display_width("\xFF\xFE"), 2u);
  EXPECT_EQ(display_width("\xE5\x85"), 2u);            // truncated 共
  EXPECT_EQ(display_width("\xC0\xAF"), 2u);            // overlong '/'
  EXPECT_EQ(display_width("\xED\xA0\x80"), 3u);        // a surrogate
  EXPECT_EQ(display_width("\xF4\x90\x80\x80"), 4u);    // beyond U+10FFFF
  EXPECT_EQ(display_width("ab\xE5\x85\xB1\xE5"), 5u);  // 共 then a lone lead byte
}

TEST(DisplayWidth, PaddingCountsColumnsNotBytes) {
  EXPECT_EQ(pad_right("共創", 6), "共創  ");
  EXPECT_EQ(pad_left("134億円", 9), "  134億円");
  EXPECT_EQ(pad_right("共創の場", 2), "共創の場");  // never cut
  EXPECT_EQ(pad_left("", 3), "   ");
}

}  // namespace
}  // namespace kyoso::cli
