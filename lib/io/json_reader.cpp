#include "io/json_reader.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_stack.hpp>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <vector>

#include "kyoso/error.hpp"

namespace kyoso::detail {

void read_file_in_chunks(const std::filesystem::path& file, std::size_t max_bytes,
                         const std::function<bool(std::string_view, bool)>& take) {
  Location where;
  where.file = file.string();
  auto too_large = [&](std::uintmax_t size, bool exact) {
    return IoError((exact ? "file of " : "file of more than ") + std::to_string(size) +
                       " bytes is larger than the limit of " + std::to_string(max_bytes) + " bytes",
                   where);
  };
  // A huge regular file is refused before a byte of it is read; a pipe or device has no
  // size, so the loop below reads it up to one byte past the limit and no further.
  std::error_code ec;
  if (std::filesystem::is_regular_file(file, ec)) {
    std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec && size > max_bytes) throw too_large(size, true);
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot open file for reading", where);
  constexpr std::size_t piece = std::size_t{1} << 20;
  std::vector<char> chunk(piece);
  std::size_t total = 0;
  for (;;) {
    std::size_t room = max_bytes - std::min(total, max_bytes) + 1;
    in.read(chunk.data(), static_cast<std::streamsize>(std::min(piece, room)));
    auto n = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw IoError("error while reading file", where);
    total += n;
    if (total > max_bytes) throw too_large(max_bytes, false);
    bool last = !in;  // the read stopped short: end of file
    if (!take({chunk.data(), n}, last) || last) return;
  }
}

std::string read_text_file(const std::filesystem::path& file, std::size_t max_bytes) {
  std::string text;
  // Grown once rather than doubling: a 150 MB model would be copied ~12 times.
  std::error_code ec;
  if (std::filesystem::is_regular_file(file, ec)) {
    std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec && size <= max_bytes) text.reserve(static_cast<std::size_t>(size));
  }
  read_file_in_chunks(file, max_bytes, [&](std::string_view chunk, bool) {
    text += chunk;
    return true;
  });
  return text;
}

TextPosition TextPosition::after(std::string_view text) const {
  TextPosition pos = *this;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++pos.column;
    }
  }
  return pos;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  return TextPosition{}.after(text.substr(0, std::min(offset, text.size())));
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

namespace json = boost::json;

// Beyond this Boost.JSON's recursive descent could exhaust a thread's stack, so no limits
// object may ask for more.
constexpr std::size_t deepest_allowed = 1000;

// Past this many keys an object's keys are checked through a hash set rather than a scan.
constexpr std::size_t few_keys = 16;

// The length of the valid UTF-8 sequence at the start of `s`, or 0 if it is not one
// (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_sequence(std::string_view s) {
  if (s.empty()) return 0;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(0);
  std::size_t n = c < 0x80             ? 1
                  : (c & 0xE0) == 0xC0 ? 2
                  : (c & 0xF0) == 0xE0 ? 3
                  : (c & 0xF8) == 0xF0 ? 4
                                       : 0;
  if (n == 0 || s.size() < n) return 0;
  std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Boost.JSON's messages are terse ("syntax error"); say what a person editing the file
// needs to look for at the line and column given.
std::string syntax_problem(std::string_view text, std::size_t at, json::error_code ec) {
  if (ec == json::error::incomplete) return "invalid JSON: the document ends too early";
  if (ec == json::error::exponent_overflow) return "number out of range (exponent too large)";
  if (ec == json::error::illegal_leading_surrogate ||
      ec == json::error::illegal_trailing_surrogate || ec == json::error::expected_utf16_escape) {
    return "invalid JSON: \\u escape with an unpaired UTF-16 surrogate";
  }
  if (ec == json::error::syntax && at < text.size()) {
    if (utf8_sequence(text.substr(at)) == 0) return "invalid UTF-8";
    // A \uD800-\uDBFF escape not followed by a second \u escape stops the parse just after it.
    if (at >= 6 && text[at - 6] == '\\' && text[at - 5] == 'u' &&
        (text[at - 4] == 'd' || text[at - 4] == 'D') &&
        std::string_view("89abAB").find(text[at - 3]) != std::string_view::npos) {
      return "invalid JSON: \\u escape with an unpaired UTF-16 surrogate";
    }
  }
  return "invalid JSON: " + ec.message();
}

}  // namespace

// --- JsonTracker ---------------------------------------------------------------------------

std::string JsonTracker::pointer(std::size_t up) const {
  std::string out;
  for (std::size_t i = 0; i + up < depth_; ++i) {
    const Frame& f = frames_[i];
    out += '/';
    out += f.object ? pointer_token(f.key) : std::to_string(f.index);
  }
  return out;
}

bool JsonTracker::stop(std::string what, json::error_code& ec, std::size_t up) {
  problem_ = std::move(what);
  problem_pointer_ = pointer(up);
  ec = json::error::syntax;
  return false;
}

bool JsonTracker::begin_value(json::error_code& ec) {
  if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].index;
  if (!wanted.empty() && pointer() == wanted) {
    found = true;
    ec = json::error::syntax;  // stop here: the caller reads the position
    return false;
  }
  return true;
}

bool JsonTracker::begin_container(bool object, json::error_code& ec) {
  if (!begin_value(ec)) return false;
  if (depth_ >= max_depth_) {
    return stop("nested deeper than the limit of " + std::to_string(max_depth_) + " levels", ec);
  }
  if (frames_.size() == depth_) frames_.emplace_back();
  Frame& f = frames_[depth_++];
  f.object = object;
  f.index = -1;
  if (f.keys > few_keys) f.many.clear();
  f.seen.clear();
  f.keys = 0;
  return true;
}

bool JsonTracker::begin_scalar(json::error_code& ec) {
  if (in_scalar_) return true;
  in_scalar_ = true;
  return begin_value(ec);
}

bool JsonTracker::end_scalar(json::error_code& ec) {
  if (in_scalar_) {
    in_scalar_ = false;
    return true;
  }
  return begin_value(ec);
}

bool JsonTracker::fits(std::size_t size, bool key, json::error_code& ec) {
  if (size <= max_string_bytes_) return true;
  // A key too long has no pointer of its own yet: name the object it is in.
  return stop(std::string(key ? "key" : "string") + " longer than the limit of " +
                  std::to_string(max_string_bytes_) + " bytes",
              ec, key ? 1 : 0);
}

bool JsonTracker::key_part(std::string_view part, std::size_t size, json::error_code& ec) {
  if (!fits(size, true, ec)) return false;
  key_.append(part);
  return true;
}

bool JsonTracker::key(std::string_view last_part, std::size_t size, json::error_code& ec) {
  if (!fits(size, true, ec)) return false;
  key_.append(last_part);
  Frame& f = frames_[depth_ - 1];
  f.key.swap(key_);
  key_.clear();
  if (!remember_key(f)) return stop("duplicate key '" + f.key + "'", ec);
  return true;
}

bool JsonTracker::remember_key(Frame& f) {
  const std::string& k = f.key;
  if (f.keys < few_keys) {
    // Model files are mostly small objects: a scan of a few keys beats hashing them.
    for (std::size_t at = 0; at < f.seen.size();) {
      std::uint32_t n;
      std::memcpy(&n, f.seen.data() + at, sizeof n);
      at += sizeof n;
      if (std::string_view(f.seen.data() + at, n) == k) return false;
      at += n;
    }
    auto n = static_cast<std::uint32_t>(k.size());
    f.seen.append(reinterpret_cast<const char*>(&n), sizeof n);
    f.seen += k;
  } else {
    if (f.keys == few_keys) {
      for (std::size_t at = 0; at < f.seen.size();) {
        std::uint32_t n;
        std::memcpy(&n, f.seen.data() + at, sizeof n);
        at += sizeof n;
        f.many.emplace(f.seen.data() + at, n);
        at += n;
      }
    }
    if (!f.many.insert(k).second) return false;
  }
  ++f.keys;
  return true;
}

bool JsonTracker::real(double d, json::error_code& ec) {
  if (!end_scalar(ec)) return false;
  // JSON has no infinity; Boost.JSON turns a too-large literal (1e999) into one.
  if (!std::isfinite(d)) return stop("number out of range (too large for a double)", ec);
  return true;
}

json::parse_options parse_options_for(std::size_t max_depth) {
  json::parse_options opts;
  opts.max_depth = max_depth + 1;
  return opts;
}

void check_limits(const LoadLimits& limits, const std::string& origin) {
  if (limits.max_depth < 1 || limits.max_depth > deepest_allowed) {
    throw Error("load limits: max_depth must be 1 to " + std::to_string(deepest_allowed) +
                    ", not " + std::to_string(limits.max_depth),
                Location{origin, 0, 0, {}, {}});
  }
}

void throw_syntax_error(std::string_view text, std::size_t used, json::error_code ec,
                        const JsonTracker& tracker, const std::string& origin) {
  throw_syntax_error_in_piece(text, TextPosition{}, used, ec, tracker, origin);
}

void throw_syntax_error_in_piece(std::string_view text, TextPosition start, std::size_t used,
                                 json::error_code ec, const JsonTracker& tracker,
                                 const std::string& origin) {
  TextPosition at = start.after(text.substr(0, std::min(used, text.size())));
  if (!ec) {
    throw ParseError("invalid JSON: more text after the end of the document",
                     Location{origin, at.line, at.column, {}, {}});
  }
  std::string problem =
      tracker.problem().empty() ? syntax_problem(text, used, ec) : tracker.problem();
  throw ParseError(problem, Location{origin, at.line, at.column, tracker.problem_pointer(), {}});
}

namespace {

// Builds the document with Boost's value_stack, as Boost's own parser does, in the same pass.
class DomHandler : public TrackedHandler<DomHandler> {
 public:
  DomHandler(const LoadLimits& limits, json::storage_ptr storage)
      : TrackedHandler(limits.max_depth, limits.max_string_bytes) {
    stack.reset(std::move(storage));
  }

  json::value_stack stack;

 private:
  friend class TrackedHandler<DomHandler>;

  bool array_end(std::size_t n, json::error_code&) {
    stack.push_array(n);
    return true;
  }
  bool object_end(std::size_t n, json::error_code&) {
    stack.push_object(n);
    return true;
  }
  bool string_part(json::string_view s, json::error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool string(json::string_view s, json::error_code&) {
    stack.push_string(s);
    return true;
  }
  bool key_part(json::string_view s, json::error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool key(json::string_view s, json::error_code&) {
    stack.push_key(s);
    return true;
  }
  bool int64(std::int64_t i, json::error_code&) {
    stack.push_int64(i);
    return true;
  }
  bool uint64(std::uint64_t u, json::error_code&) {
    stack.push_uint64(u);
    return true;
  }
  bool real(double d, json::error_code&) {
    stack.push_double(d);
    return true;
  }
  bool boolean(bool b, json::error_code&) {
    stack.push_bool(b);
    return true;
  }
  bool null(json::error_code&) {
    stack.push_null();
    return true;
  }
};

// Only the place, for find_pointer(): every hook is the tracker's alone.
class PlaceHandler : public TrackedHandler<PlaceHandler> {
 public:
  explicit PlaceHandler(std::size_t max_depth)
      : TrackedHandler(max_depth, static_cast<std::size_t>(-1)) {}
};

}  // namespace

void check_size(std::size_t bytes, const LoadLimits& limits, const std::string& origin) {
  if (bytes <= limits.max_file_bytes) return;
  throw ParseError("input of " + std::to_string(bytes) + " bytes is larger than the limit of " +
                       std::to_string(limits.max_file_bytes) + " bytes",
                   Location{origin, 0, 0, {}, {}});
}

json::value read_json(std::string_view text, const std::string& origin, const LoadLimits& limits) {
  check_limits(limits, origin);
  check_size(text.size(), limits, origin);
  // One arena for the whole tree: a document is read once and dropped whole, so per-value
  // allocations (and frees) would be wasted work.
  json::basic_parser<DomHandler> parser(parse_options_for(limits.max_depth), limits,
                                        json::make_shared_resource<json::monotonic_resource>());
  json::error_code ec;
  std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || used < text.size()) {
    throw_syntax_error(text, used, ec, parser.handler().tracker, origin);
  }
  return parser.handler().stack.release();
}

namespace {

// Feeds a document to a PlaceHandler piece by piece until the value at a pointer begins.
class PointerSearch {
 public:
  PointerSearch(std::string_view pointer, std::size_t max_depth)
      : parser_(parse_options_for(max_depth), max_depth) {
    parser_.handler().tracker.wanted = pointer;
  }

  // False once the search is over: found, or stopped by an error.
  bool feed(std::string_view piece, bool more) {
    json::error_code ec;
    std::size_t used = parser_.write_some(more, piece.data(), piece.size(), ec);
    if (parser_.handler().tracker.found) {
      found_ = start_of_value(piece, used);
      return false;
    }
    if (ec || used < piece.size()) return false;
    start_ = start_.after(piece);
    return true;
  }

  std::optional<TextPosition> found() const { return found_; }

 private:
  // `used` stops just after the token that began the value; step back to its start. Only
  // whitespace lies between the value and the ':' ',' or '[' before it.
  TextPosition start_of_value(std::string_view piece, std::size_t used) const {
    std::size_t start = std::min(used, piece.size());
    while (start > 0) {
      char c = piece[start - 1];
      if (c == ':' || c == ',' || c == '[') break;
      --start;
    }
    while (start < piece.size() && (piece[start] == ' ' || piece[start] == '\n' ||
                                    piece[start] == '\r' || piece[start] == '\t')) {
      ++start;
    }
    return start_.after(piece.substr(0, start));
  }

  json::basic_parser<PlaceHandler> parser_;
  TextPosition start_;  // where the current piece begins
  std::optional<TextPosition> found_;
};

}  // namespace

std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer,
                                         std::size_t max_depth) {
  PointerSearch search(pointer, max_depth);
  search.feed(text, false);
  return search.found();
}

std::optional<TextPosition> find_pointer_in_file(const std::filesystem::path& file,
                                                 std::string_view pointer,
                                                 const LoadLimits& limits) {
  PointerSearch search(pointer, limits.max_depth);
  try {
    read_file_in_chunks(file, limits.max_file_bytes, [&](std::string_view piece, bool last) {
      return search.feed(piece, !last);
    });
  } catch (const IoError&) {
    // The file changed since it was read: the message goes without a line and column.
  }
  return search.found();
}

}  // namespace kyoso::detail
