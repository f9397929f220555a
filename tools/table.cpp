#include "table.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "display_width.hpp"
#include "kyoso/error.hpp"

namespace kyoso::cli {
namespace {

struct Glyph {
  std::size_t bytes;  // of its UTF-8 sequence (1 for a byte that starts none)
  std::size_t width;
  utf8proc_int32_t code_point;  // -1 for an invalid byte
};

std::vector<Glyph> glyphs(std::string_view utf8) {
  std::vector<Glyph> out;
  while (!utf8.empty()) {
    utf8proc_int32_t c = -1;
    auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                   static_cast<utf8proc_ssize_t>(utf8.size()), &c);
    Glyph g{1, 1, -1};
    if (length > 0) g = {static_cast<std::size_t>(length), std::size_t(code_point_width(c)), c};
    // A combining mark stays with the character before it.
    if (g.width == 0 && !out.empty() && g.code_point >= 0x20) {
      out.back().bytes += g.bytes;
    } else {
      out.push_back(g);
    }
    utf8.remove_prefix(g.bytes);
  }
  return out;
}

// Where a line may end, best first: after a space or Japanese punctuation (rank 0), after a
// '/' (an id's kind or parent: rank 1), after a '-' (rank 2); -1 nowhere.
int break_rank(utf8proc_int32_t c) {
  if (c == ' ' || c == U'、' || c == U'。' || c == U'，' || c == U'・' || c == U'）' || c == U'」')
    return 0;
  if (c == '/') return 1;
  if (c == '-') return 2;
  return -1;
}

// 禁則: a line does not start with these.
bool closes(utf8proc_int32_t c) {
  static constexpr std::u32string_view closing = U"、。，．）」』】〕〉》・ー…：；？！,.;:)]}";
  return c >= 0 && closing.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

}  // namespace

std::vector<std::string> wrap(std::string_view utf8, std::size_t width) {
  std::vector<Glyph> text = glyphs(utf8);
  std::vector<std::string> lines;
  std::size_t at = 0, byte = 0;
  while (at < text.size()) {
    // The most glyphs that fit, at least one.
    std::size_t end = at, used = 0;
    while (end < text.size() && (end == at || used + text[end].width <= width)) {
      used += text[end].width;
      ++end;
    }
    if (end < text.size()) {
      std::size_t fit = end;
      // The best break, the latest of its rank; only a space may leave a line less than
      // half full, so that a word is not cut.
      int best = 3;
      for (std::size_t k = end; k > at + 1; --k) {
        int rank = break_rank(text[k - 1].code_point);
        bool late = 2 * (k - at) >= fit - at;
        if (rank >= 0 && rank < best && (late || text[k - 1].code_point == ' ')) {
          best = rank;
          end = k;
        }
      }
      if (end == fit) {
        while (end > at + 1 && closes(text[end].code_point)) --end;
      }
    }
    std::size_t bytes = 0;
    for (std::size_t k = at; k < end; ++k) bytes += text[k].bytes;
    std::string line(utf8.substr(byte, bytes));
    line.erase(line.find_last_not_of(' ') + 1);
    lines.push_back(std::move(line));
    byte += bytes;
    at = end;
    while (at < text.size() && text[at].code_point == ' ') byte += text[at++].bytes;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

namespace {

// Escaped only when there is something to escape: most cells are plain.
void make_printable(std::string& cell) {
  bool plain = std::all_of(cell.begin(), cell.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2;
  });
  if (!plain) cell = escape_controls(cell);
}

}  // namespace

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    out += escape_controls(text.substr(start, end - start));
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {
  for (std::string& cell : header_) make_printable(cell);
}

void Table::add_row(std::vector<std::string> cells) {
  for (std::string& cell : cells) make_printable(cell);
  rows_.push_back({std::move(cells)});
}

void Table::add_note(std::size_t column, std::string text) {
  if (text.empty()) return;
  make_printable(text);
  rows_.push_back({{std::move(text)}, true, column});
}

void Table::align_right(std::size_t column) {
  if (right_.size() <= column) right_.resize(column + 1, false);
  right_[column] = true;
}

std::string Table::render(const std::string& indent, std::size_t width) const {
  std::size_t columns = header_.size();
  for (const Row& row : rows_) {
    if (!row.is_note) columns = std::max(columns, row.cells.size());
  }
  auto right = [&](std::size_t c) { return c < right_.size() && right_[c]; };
  std::vector<std::size_t> widths(columns, 0);
  std::vector<std::size_t> least(columns, 0);  // what narrowing leaves a column
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
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t heading = c < header_.size() ? display_width(header_[c]) : 0;
    least[c] = right(c) ? widths[c] : std::min(widths[c], std::max(heading, min_wrap_width));
  }

  std::size_t room = width > display_width(indent) ? width - display_width(indent) : 0;
  if (width > 0) {
    auto total = [&] {
      std::size_t sum = 0, count = 0;
      for (std::size_t c = 0; c < columns; ++c) {
        if (shown[c]) sum += widths[c], ++count;
      }
      return sum + (count > 0 ? 2 * (count - 1) : 0);
    };
    for (std::size_t over = total(); over > room;) {
      std::size_t widest = columns;
      for (std::size_t c = 0; c < columns; ++c) {
        if (shown[c] && widths[c] > least[c] && (widest == columns || widths[c] > widths[widest]))
          widest = c;
      }
      if (widest == columns) break;
      std::size_t next = 0;  // the next widest, so that wide columns narrow together
      for (std::size_t c = 0; c < columns; ++c) {
        if (shown[c] && c != widest && widths[c] > least[c]) next = std::max(next, widths[c]);
      }
      std::size_t step = std::min({over - room, widths[widest] - least[widest],
                                   std::max<std::size_t>(widths[widest] - next, 1)});
      widths[widest] -= step;
      over -= step;
    }
  }

  std::string out;
  auto finish = [&](std::string text) {
    text.erase(text.find_last_not_of(' ') + 1);
    out += text;
    out += '\n';
  };
  auto line = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> parts(columns);
    std::size_t height = 1;
    for (std::size_t c = 0; c < columns; ++c) {
      std::string cell = c < cells.size() ? cells[c] : std::string{};
      parts[c] = display_width(cell) > widths[c] ? wrap(cell, widths[c])
                                                 : std::vector<std::string>{std::move(cell)};
      height = std::max(height, parts[c].size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::string text = indent;
      bool first = true;
      for (std::size_t c = 0; c < columns; ++c) {
        if (!shown[c]) continue;
        const std::string cell = k < parts[c].size() ? parts[c][k] : std::string{};
        if (!first) text += "  ";
        first = false;
        text += right(c) ? pad_left(cell, widths[c]) : pad_right(cell, widths[c]);
      }
      finish(std::move(text));
    }
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
    const std::string& text = row.cells.front();
    std::size_t left = room > start ? room - start : 0;
    if (width == 0 || display_width(text) <= left) {
      finish(indent + std::string(start, ' ') + text);
      return;
    }
    // The note's own indent is kept on every line it takes.
    std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
    std::string margin = indent + std::string(start + lead, ' ');
    std::size_t rest = left > lead ? left - lead : 0;
    for (const std::string& part :
         wrap(std::string_view(text).substr(lead), std::max(rest, min_wrap_width)))
      finish(margin + part);
  };

  if (!header_.empty()) {
    line(header_);
    std::vector<std::string> rule;
    for (std::size_t w : widths) rule.emplace_back(w, '-');
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
