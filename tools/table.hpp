// Plain-text tables whose columns line up in a terminal, Japanese text included.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kyoso::cli {

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
  // row is left out, and no line ends in spaces.
  std::string render(const std::string& indent = "") const;

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

}  // namespace kyoso::cli
