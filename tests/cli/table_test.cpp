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

}  // namespace
}  // namespace kyoso::cli
