// Plain-text tables whose columns line up in a terminal, Japanese text included.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kyoso::cli {

// `text` for a terminal: every control character escaped as kyoso::escape_controls does
// (an ESC sequence in a name cannot move the cursor or change colours), except the line
// breaks, which are the output's own.
std::string terminal_text(std::string_view text);

// Cells and notes are shown with their control characters escaped, line breaks included, so
// that a name from a file stays on its row.
class Table {
 public:
  // With a header, render() underlines it; without one, the table is just aligned rows.
  explicit Table(std::vector<std::string> header = {});

  void add_row(std::vector<std::string> cells);
  // A line of free text under the last row, starting where `column` starts. It does not
  // widen the columns, so a long note leaves the table as narrow as its cells.
  void add_note(std::size_t column, std::string text);
  // Numbers read best right-aligned.
  void align_right(std::size_t column);
  bool empty() const noexcept { return rows_.empty(); }

  // Every line starts with `indent`; columns are two spaces apart, a column empty in every
  // row is left out, and no line ends in spaces. With a `width` (0: none), a table wider
  // than that is narrowed: the widest left-aligned column gives up a column at a time (never
  // below its heading or min_wrap_width), and a cell or note longer than its room wraps onto
  // the lines below. A table that cannot be narrowed enough stays wider.
  std::string render(const std::string& indent = "", std::size_t width = 0) const;

  static constexpr std::size_t min_wrap_width = 12;

 private:
  struct Row {
    std::vector<std::string> cells;
    bool is_note = false;
    std::size_t note_column = 0;
  };
  std::vector<std::string> header_;
  std::vector<Row> rows_;
  std::vector<bool> right_;
};

// The text in lines of at most `width` display columns: broken after a space, or after '/',
// '-' or Japanese punctuation in the second half of a line, else between two
// characters (never before a closing bracket or punctuation mark). A line holds at least one
// character, so a character wider than `width` stands alone. Empty text gives one empty line.
std::vector<std::string> wrap(std::string_view utf8, std::size_t width);

}  // namespace kyoso::cli
