#include "kyoso/error.hpp"

#include <cstdint>

#include "kyoso/limits.hpp"

namespace kyoso {

namespace {

void append_hex(std::string& out, const char* prefix, unsigned value, const char* suffix) {
  static const char digits[] = "0123456789abcdef";
  out += prefix;
  std::string hex;
  do {
    hex.insert(hex.begin(), digits[value & 0xF]);
    value >>= 4;
  } while (value != 0);
  if (hex.size() < 2) hex.insert(hex.begin(), '0');
  out += hex;
  out += suffix;
}

// U+0080-U+009F (C1 controls: U+009B starts a sequence as ESC [ does) and the bidirectional
// overrides and isolates, which make a line read differently from its bytes.
bool hidden_code_point(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          append_hex(out, "\\x", c, "");
      }
      continue;
    }
    // Two- and three-byte sequences that decode to a hidden code point.
    if (c == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        append_hex(out, "\\u{", next, "}");
        ++i;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < text.size()) {
      auto b1 = static_cast<unsigned char>(text[i + 1]);
      auto b2 = static_cast<unsigned char>(text[i + 2]);
      std::uint32_t cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && hidden_code_point(cp)) {
        append_hex(out, "\\u{", cp, "}");
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string Location::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += (out.empty() ? "" : ":") + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!pointer.empty()) out += (out.empty() ? "" : ": ") + pointer;
  if (!id.empty() && pointer.find(id) == std::string::npos) {
    out += (out.empty() ? "'" : ": '") + id + "'";
  }
  return out;
}

static std::string compose(const std::string& problem, Location where) {
  // The place names the id unless the problem already does.
  if (!where.id.empty() && problem.find("'" + where.id + "'") != std::string::npos) {
    where.id.clear();
  }
  std::string place = where.to_string();
  return escape_controls(place.empty() ? problem : place + ": " + problem);
}

Error::Error(std::string problem, Location where)
    : std::runtime_error(compose(problem, where)),
      problem_(std::move(problem)),
      where_(std::move(where)) {}

static std::string unknown_id_problem(const std::string& id, const std::string& suggestion) {
  std::string out = "unknown id '" + id + "'";
  if (!suggestion.empty()) out += " (did you mean '" + suggestion + "'?)";
  return out;
}

UnknownIdError::UnknownIdError(std::string id, std::string suggestion, Location where)
    : UnknownIdError(std::move(id), std::move(suggestion), std::move(where), {}) {}

UnknownIdError::UnknownIdError(std::string id, std::string suggestion, Location where,
                               std::string_view context)
    : Error(
          (context.empty() ? "" : std::string(context) + ": ") + unknown_id_problem(id, suggestion),
          [&] {
            where.id = id;
            return std::move(where);
          }()),
      suggestion_(std::move(suggestion)) {}

UnknownIdError::UnknownIdError(std::string problem, Location where, std::string suggestion)
    : Error(std::move(problem), std::move(where)), suggestion_(std::move(suggestion)) {}

UnknownIdError::UnknownIdError(const UnknownIdError& error, Location where)
    : UnknownIdError(
          error.problem(),
          [&] {
            where.id = error.where().id;
            return std::move(where);
          }(),
          error.suggestion()) {}

UnknownIdError UnknownIdError::worded(std::string text, std::string problem, std::string suggestion,
                                      Location where) {
  where.id = std::move(text);
  return UnknownIdError(std::move(problem), std::move(where), std::move(suggestion));
}

AmbiguousNameError::AmbiguousNameError(std::string text, std::vector<std::string> candidates,
                                       std::string listing, Location where)
    : UnknownIdError("'" + text + "' fits " + std::to_string(candidates.size()) +
                         " nodes: " + listing + "; give one of their ids",
                     [&] {
                       where.id = text;
                       return std::move(where);
                     }(),
                     {}),
      candidates_(std::move(candidates)) {}

AmbiguousNameError::AmbiguousNameError(const AmbiguousNameError& error, Location where)
    : UnknownIdError(error, std::move(where)), candidates_(error.candidates_) {}

UnknownIdError UnknownIdError::of_other_kind(std::string id, std::string_view kind,
                                             std::string_view expected, std::string suggestion,
                                             Location where) {
  std::string problem =
      "'" + id + "' is a " + std::string(kind) + ", not a " + std::string(expected);
  if (!suggestion.empty()) problem += " (did you mean '" + suggestion + "'?)";
  where.id = std::move(id);
  return UnknownIdError(std::move(problem), std::move(where), std::move(suggestion));
}

Interrupted::Interrupted() : Error("interrupted") {}

namespace {
thread_local const std::atomic<bool>* interrupt_flag = nullptr;
}  // namespace

InterruptScope::InterruptScope(const std::atomic<bool>& stop) noexcept : previous_(interrupt_flag) {
  interrupt_flag = &stop;
}

InterruptScope::~InterruptScope() { interrupt_flag = previous_; }

const std::atomic<bool>* InterruptScope::current() noexcept { return interrupt_flag; }

void InterruptScope::check() {
  if (interrupt_flag && interrupt_flag->load(std::memory_order_relaxed)) throw Interrupted();
}

}  // namespace kyoso
