#include "table.hpp"

#include <algorithm>

#include "display_width.hpp"

namespace kyoso::cli {

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {}

void Table::add_row(std::vector<std::string> cells) { rows_.push_back({std::move(cells)}); }

void Table::add_note(std::size_t column, std::string text) {
  if (text.empty()) return;
  rows_.push_back({{std::move(text)}, true, column});
}

void Table::align_right(std::size_t column) {
  if (right_.size() <= column) right_.resize(column + 1, false);
  right_[column] = true;
}

std::string Table::render(const std::string& indent) const {
  std::size_t columns = header_.size();
  for (const Row& row : rows_) {
    if (!row.is_note) columns = std::max(columns, row.cells.size());
  }
  std::vector<std::size_t> widths(columns, 0);
  // A column with nothing under its heading (a year no figure has) is left out.
  std::vector<bool> shown(columns, rows_.empty());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
  for (const Row& row : rows_) {
    if (row.is_note) continue;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row.cells[c]));
      shown[c] = shown[c] || !row.cells[c].empty();
    }
  }

  std::string out;
  auto finish = [&](std::string text) {
    text.erase(text.find_last_not_of(' ') + 1);
    out += text;
    out += '\n';
  };
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text = indent;
    bool first = true;
    for (std::size_t c = 0; c < columns; ++c) {
      if (!shown[c]) continue;
      const std::string cell = c < cells.size() ? cells[c] : std::string{};
      if (!first) text += "  ";
      first = false;
      bool right = c < right_.size() && right_[c];
      text += right ? pad_left(cell, widths[c]) : pad_right(cell, widths[c]);
    }
    finish(std::move(text));
  };
  auto note = [&](const Row& row) {
    std::size_t start = 0;
    bool first = true;
    for (std::size_t c = 0; c < std::min(row.note_column, columns); ++c) {
      if (!shown[c]) continue;
      start += widths[c] + (first ? 0 : 2);
      first = false;
    }
    if (!first) start += 2;
    finish(indent + std::string(start, ' ') + row.cells.front());
  };

  if (!header_.empty()) {
    line(header_);
    std::vector<std::string> rule;
    for (std::size_t width : widths) rule.emplace_back(width, '-');
    line(rule);
  }
  for (const Row& row : rows_) {
    if (row.is_note) {
      note(row);
    } else {
      line(row.cells);
    }
  }
  return out;
}

}  // namespace kyoso::cli
