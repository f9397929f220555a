#include "io/json_reader.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <set>
#include <vector>

#include "kyoso/error.hpp"

namespace kyoso::detail {

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
constexpr std::size_t max_depth = 64;

// A SAX handler that only tracks where it is: the JSON pointer of the current value, the
// keys seen in each open object, and (optionally) when a given pointer's value begins.
class Tracker {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  std::string duplicate_key;      // set when a duplicate key stopped the parse
  std::string duplicate_pointer;  // its JSON pointer
  std::string_view wanted;        // find_pointer(): stop when this value begins
  bool found = false;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code& ec) {
    if (!begin_value(ec)) return false;
    frames_.push_back({false, {}, -1, {}});
    return true;
  }
  bool on_array_end(std::size_t, json::error_code&) { return end_container(); }
  bool on_object_begin(json::error_code& ec) {
    if (!begin_value(ec)) return false;
    frames_.push_back({true, {}, -1, {}});
    return true;
  }
  bool on_object_end(std::size_t, json::error_code&) { return end_container(); }
  bool on_string_part(json::string_view, std::size_t, json::error_code& ec) {
    return begin_scalar(ec);
  }
  // A string or number delivered in parts is counted once, at its first part.
  bool on_string(json::string_view, std::size_t, json::error_code& ec) { return scalar(ec); }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    key_.append(s.data(), s.size());
    Frame& f = frames_.back();
    if (!f.keys.insert(key_).second) {
      duplicate_key = key_;
      frames_.back().key = key_;
      duplicate_pointer = pointer();
      ec = json::error::syntax;
      return false;
    }
    f.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_number_part(json::string_view, json::error_code& ec) { return begin_scalar(ec); }
  bool on_int64(std::int64_t, json::string_view, json::error_code& ec) { return scalar(ec); }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code& ec) { return scalar(ec); }
  bool on_double(double, json::string_view, json::error_code& ec) { return scalar(ec); }
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

  std::string pointer() const {
    std::string out;
    for (const Frame& f : frames_) {
      out += '/';
      out += f.object ? pointer_token(f.key) : std::to_string(f.index);
    }
    return out;
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
  bool end_container() {
    frames_.pop_back();
    return true;
  }

  std::vector<Frame> frames_;
  std::string key_;
  bool string_started_ = false;
};

json::parse_options options() {
  json::parse_options opts;
  opts.max_depth = max_depth;
  return opts;
}

}  // namespace

json::value read_json(std::string_view text, const std::string& origin) {
  json::basic_parser<Tracker> scanner(options());
  json::error_code ec;
  std::size_t used = scanner.write_some(false, text.data(), text.size(), ec);
  if (ec) {
    const Tracker& t = scanner.handler();
    TextPosition at = position_of(text, used);
    std::string problem = t.duplicate_key.empty() ? "invalid JSON: " + ec.message()
                                                  : "duplicate key '" + t.duplicate_key + "'";
    throw ParseError(problem, Location{origin, at.line, at.column, t.duplicate_pointer, {}});
  }
  return json::parse(json::string_view(text.data(), text.size()), {}, options());
}

std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer) {
  json::basic_parser<Tracker> scanner(options());
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
