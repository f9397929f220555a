// tools/table: terminal tables whose columns line up with Japanese text in them.
#include "table.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "display_width.hpp"

namespace kyoso::cli {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Table, ColumnsLineUpByDisplayWidth) {
  Table table({"項目", "値"});
  table.add_row({"予算額", "134億円"});
  table.add_row({"budget", "JPY 13,400,000,000"});
  EXPECT_EQ(table.render(),
            "項目    値\n"
            "------  ------------------\n"
            "予算額  134億円\n"
            "budget  JPY 13,400,000,000\n");
}

TEST(Table, RightAlignedColumnsEndTogether) {
  Table table({"種類", "ノード数"});
  table.align_right(1);
  table.add_row({"program", "19"});
  table.add_row({"合計", "115"});
  for (const std::string& line : lines(table.render())) {
    EXPECT_EQ(display_width(line), display_width("program  ノード数")) << line;
  }
}

TEST(Table, ColumnEmptyInEveryRowIsLeftOut) {
  Table table({"項目", "注記", "値"});
  table.add_row({"予算額", "", "134億円"});
  EXPECT_EQ(table.render(),
            "項目    値\n"
            "------  -------\n"
            "予算額  134億円\n");
}

TEST(Table, NoteStartsUnderItsColumnAndDoesNotWidenIt) {
  Table table;
  table.add_row({"→ serves", "purpose/x", "社会実装"});
  table.add_note(1, "※ a long note that is wider than any cell of the table");
  table.add_row({"", "purpose/yy", "人材育成"});
  EXPECT_EQ(table.render("  "),
            "  → serves  purpose/x   社会実装\n"
            "            ※ a long note that is wider than any cell of the table\n"
            "            purpose/yy  人材育成\n");
}

TEST(Table, NoLineEndsInSpaces) {
  Table table;
  table.add_row({"a", ""});
  table.add_row({"bbb", "c"});
  EXPECT_EQ(table.render(), "a\nbbb  c\n");
}

TEST(Table, NarrowedTableWrapsItsWidestTextColumn) {
  Table table({"id", "名称", "値"});
  table.align_right(2);
  table.add_row({"program/coi-next", "共創の場形成支援プログラム（COI-NEXT）", "1.00"});
  table.add_row({"program/sparc", "地域活性化人材育成事業", "0.46"});
  EXPECT_EQ(table.render("", 50),
            "id                名称                          値\n"
            "----------------  --------------------------  ----\n"
            "program/coi-next  共創の場形成支援プログラム  1.00\n"
            "                  （COI-NEXT）\n"
            "program/sparc     地域活性化人材育成事業      0.46\n");
  for (const std::string& line : lines(table.render("", 50))) EXPECT_LE(display_width(line), 50u);
  // Without a width, or with room enough, nothing changes.
  EXPECT_EQ(table.render(), table.render("", 80));
  EXPECT_EQ(lines(table.render()).size(), 4u);
}

TEST(Table, WideColumnsNarrowTogetherAndNeverBelowTheirHeading) {
  Table table({"a heading wider than min", "b"});
  table.add_row({std::string(40, 'x'), std::string(40, 'y')});
  std::vector<std::string> out = lines(table.render("", 60));
  // 60 = 29 + 2 + 29: both columns give up the same.
  EXPECT_EQ(out[1], std::string(29, '-') + "  " + std::string(29, '-'));
  Table narrow({"a heading wider than min", "b"});
  narrow.add_row({std::string(40, 'x'), std::string(40, 'y')});
  // Too narrow to honour: the first column keeps its heading's width, the second stops at
  // min_wrap_width, and the table stays wider than asked.
  EXPECT_EQ(lines(narrow.render("", 10))[1],
            std::string(24, '-') + "  " + std::string(Table::min_wrap_width, '-'));
}

TEST(Table, NotesWrapUnderTheirColumnKeepingTheirIndent) {
  Table table;
  table.add_row({"1", "program/coi-next"});
  table.add_note(1, "  ・条件: 連携先として企業が必要、連携先として自治体が必要");
  EXPECT_EQ(table.render("", 40),
            "1  program/coi-next\n"
            "     ・条件: 連携先として企業が必要、\n"
            "     連携先として自治体が必要\n");
}

TEST(Wrap, BreaksAfterSpacesOrSlashesInTheSecondHalfOfALine) {
  EXPECT_EQ(wrap("the contributions add up to the score", 16),
            (std::vector<std::string>{"the", "contributions", "add up to the", "score"}));
  EXPECT_EQ(wrap("program/coi-next/full-scale/regional", 20),
            (std::vector<std::string>{"program/coi-next/", "full-scale/regional"}));
}

TEST(Wrap, JapaneseBreaksBetweenCharactersButNotBeforeClosingMarks) {
  EXPECT_EQ(wrap("地域共創分野", 6), (std::vector<std::string>{"地域共", "創分野"}));
  // 「分野」 then 「。」 would start a line with 。: 野 goes down with it.
  EXPECT_EQ(wrap("共創分野。", 8), (std::vector<std::string>{"共創分", "野。"}));
}

TEST(Wrap, ACharacterWiderThanTheLineStandsAlone) {
  EXPECT_EQ(wrap("共x", 1), (std::vector<std::string>{"共", "x"}));
  EXPECT_EQ(wrap("", 10), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace kyoso::cli
