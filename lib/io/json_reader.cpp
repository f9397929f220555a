#include "io/json_reader.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <cmath>
#include <fstream>
#include <set>
#include <vector>

#include "kyoso/error.hpp"

namespace kyoso::detail {

std::string read_text_file(const std::filesystem::path& file, std::size_t max_bytes) {
  Location where;
  where.file = file.string();
  auto too_large = [&](std::uintmax_t size) {
    return IoError("file of " + std::to_string(size) + " bytes is larger than the limit of " +
                       std::to_string(max_bytes) + " bytes",
                   where);
  };
  // A huge regular file is refused before a byte of it is read; a pipe or device has no
  // size, so the loop below stops at the limit too.
  std::error_code ec;
  std::uintmax_t expected = 0;
  if (std::filesystem::is_regular_file(file, ec)) {
    std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec && size > max_bytes) throw too_large(size);
    if (!ec) expected = size;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot open file for reading", where);
  std::string text;
  // Grown once rather than doubling from 64 KiB: a 150 MB model would be copied ~12 times.
  text.reserve(static_cast<std::size_t>(expected));
  std::vector<char> chunk(std::size_t{1} << 16);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) throw too_large(text.size());
  }
  if (in.bad()) throw IoError("error while reading file", where);
  return text;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++pos.column;
    }
  }
  return pos;
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

// A SAX handler that only tracks where it is: the JSON pointer of the current value, the
// keys seen in each open object, and (optionally) when a given pointer's value begins. It
// stops the parse at the first duplicate key or value over a limit, leaving `problem` set.
class Tracker {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  std::size_t max_depth = LoadLimits{}.max_depth;
  std::size_t max_string_bytes = static_cast<std::size_t>(-1);
  std::string problem;          // set when the handler stopped the parse
  std::string problem_pointer;  // its JSON pointer
  std::string_view wanted;      // find_pointer(): stop when this value begins
  bool found = false;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code& ec) { return begin_container(false, ec); }
  bool on_array_end(std::size_t, json::error_code&) { return end_container(); }
  bool on_object_begin(json::error_code& ec) { return begin_container(true, ec); }
  bool on_object_end(std::size_t, json::error_code&) { return end_container(); }
  bool on_string_part(json::string_view, std::size_t n, json::error_code& ec) {
    return begin_scalar(ec) && string_fits(n, "string", ec);
  }
  // A string or number delivered in parts is counted once, at its first part.
  bool on_string(json::string_view, std::size_t n, json::error_code& ec) {
    if (!string_started_ && !begin_value(ec)) return false;
    string_started_ = false;
    return string_fits(n, "string", ec);
  }
  bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec) {
    if (!string_fits(n, "key", ec)) return false;
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t n, json::error_code& ec) {
    if (!string_fits(n, "key", ec)) return false;
    key_.append(s.data(), s.size());
    Frame& f = frames_.back();
    if (!f.keys.insert(key_).second) {
      f.key = key_;
      return stop("duplicate key '" + key_ + "'", ec);
    }
    f.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_number_part(json::string_view, json::error_code& ec) { return begin_scalar(ec); }
  bool on_int64(std::int64_t, json::string_view, json::error_code& ec) { return scalar(ec); }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code& ec) { return scalar(ec); }
  bool on_double(double d, json::string_view, json::error_code& ec) {
    if (!scalar(ec)) return false;
    // JSON has no infinity; Boost.JSON turns a too-large literal (1e999) into one.
    if (!std::isfinite(d)) return stop("number out of range (too large for a double)", ec);
    return true;
  }
  bool on_bool(bool, json::error_code& ec) { return begin_value(ec); }
  bool on_null(json::error_code& ec) { return begin_value(ec); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  struct Frame {
    bool object;
    std::set<std::string, std::less<>> keys;
    long index;  // arrays: the current element
    std::string key;
  };

  // The current value's pointer; of its container's, with `up` = 1.
  std::string pointer(std::size_t up = 0) const {
    std::string out;
    for (std::size_t i = 0; i + up < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      out += '/';
      out += f.object ? pointer_token(f.key) : std::to_string(f.index);
    }
    return out;
  }

  bool stop(std::string what, json::error_code& ec, std::size_t up = 0) {
    problem = std::move(what);
    problem_pointer = pointer(up);
    ec = json::error::syntax;
    return false;
  }

  bool begin_value(json::error_code& ec) {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    if (!wanted.empty() && pointer() == wanted) {
      found = true;
      ec = json::error::syntax;  // stop here: the caller reads the position
      return false;
    }
    return true;
  }
  bool begin_container(bool object, json::error_code& ec) {
    if (!begin_value(ec)) return false;
    if (frames_.size() >= max_depth) {
      return stop("nested deeper than the limit of " + std::to_string(max_depth) + " levels", ec);
    }
    frames_.push_back({object, {}, -1, {}});
    return true;
  }
  bool begin_scalar(json::error_code& ec) {
    if (string_started_) return true;
    string_started_ = true;
    return begin_value(ec);
  }
  bool scalar(json::error_code& ec) {
    if (string_started_) {
      string_started_ = false;
      return true;
    }
    return begin_value(ec);
  }
  bool string_fits(std::size_t size, const char* what, json::error_code& ec) {
    if (size <= max_string_bytes) return true;
    // A key too long has no pointer of its own yet: name the object it is in.
    bool key = what == std::string_view("key");
    return stop(std::string(what) + " longer than the limit of " +
                    std::to_string(max_string_bytes) + " bytes",
                ec, key ? 1 : 0);
  }
  bool end_container() {
    frames_.pop_back();
    return true;
  }

  std::vector<Frame> frames_;
  std::string key_;
  bool string_started_ = false;
};

json::parse_options options(std::size_t max_depth) {
  json::parse_options opts;
  // One more than ours, so that the Tracker, which names the place, refuses first.
  opts.max_depth = max_depth + 1;
  return opts;
}

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

json::value read_json(std::string_view text, const std::string& origin, const LoadLimits& limits) {
  if (limits.max_depth < 1 || limits.max_depth > deepest_allowed) {
    throw Error("load limits: max_depth must be 1 to " + std::to_string(deepest_allowed) +
                    ", not " + std::to_string(limits.max_depth),
                Location{origin, 0, 0, {}, {}});
  }
  if (text.size() > limits.max_file_bytes) {
    throw ParseError("input of " + std::to_string(text.size()) +
                         " bytes is larger than the limit of " +
                         std::to_string(limits.max_file_bytes) + " bytes",
                     Location{origin, 0, 0, {}, {}});
  }
  json::basic_parser<Tracker> scanner(options(limits.max_depth));
  scanner.handler().max_depth = limits.max_depth;
  scanner.handler().max_string_bytes = limits.max_string_bytes;
  json::error_code ec;
  std::size_t used = scanner.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) {
    TextPosition at = position_of(text, used);
    throw ParseError("invalid JSON: more text after the end of the document",
                     Location{origin, at.line, at.column, {}, {}});
  }
  if (ec) {
    const Tracker& t = scanner.handler();
    TextPosition at = position_of(text, used);
    std::string problem = t.problem.empty() ? syntax_problem(text, used, ec) : t.problem;
    throw ParseError(problem, Location{origin, at.line, at.column, t.problem_pointer, {}});
  }
  // The scan above accepted the text, so this parse should too; should the two ever
  // disagree, the caller still gets a ParseError rather than Boost's exception.
  // One arena for the whole tree: a model file is read once and dropped whole, so per-value
  // allocations (and frees) would be wasted work.
  json::value doc = json::parse(json::string_view(text.data(), text.size()), ec,
                                json::make_shared_resource<json::monotonic_resource>(),
                                options(limits.max_depth));
  if (ec) throw ParseError("invalid JSON: " + ec.message(), Location{origin, 0, 0, {}, {}});
  return doc;
}

std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer,
                                         std::size_t max_depth) {
  json::basic_parser<Tracker> scanner(options(max_depth));
  scanner.handler().max_depth = max_depth;
  scanner.handler().wanted = pointer;
  json::error_code ec;
  std::size_t used = scanner.write_some(false, text.data(), text.size(), ec);
  if (!scanner.handler().found) return std::nullopt;
  // `used` stops just after the token that began the value; step back to its start.
  std::size_t start = used;
  while (start > 0) {
    char c = text[start - 1];
    if (c == ':' || c == ',' || c == '[') break;
    --start;
  }
  while (start < text.size() && (text[start] == ' ' || text[start] == '\n' || text[start] == '\r' ||
                                 text[start] == '\t')) {
    ++start;
  }
  return position_of(text, start);
}

}  // namespace kyoso::detail
