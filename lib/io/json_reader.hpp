// The one JSON reader: Boost.JSON's SAX parser, plus what it lacks for our error messages —
// line and column of a syntax error, refusal of duplicate keys, the limits, and the JSON
// pointer of the value being read.
#pragma once

#include <boost/json/basic_parser.hpp>
#include <boost/json/value.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/io.hpp"

namespace kyoso::detail {

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;  // in characters (UTF-8 code points), 1-based

  // The position after `text`, which follows this one.
  TextPosition after(std::string_view text) const;
};
TextPosition position_of(std::string_view text, std::size_t offset);

// RFC 6901 escaping of one reference token ("program/x" -> "program~1x").
std::string pointer_token(std::string_view key);

// A file's bytes in pieces of a mebibyte, each handed to `take` with whether it is the last;
// throws IoError naming the file if it cannot be read or holds more than `max_bytes`
// (checked before reading, and again while reading from a pipe or device, of which no more
// than max_bytes + 1 bytes are read). `take` may return false to stop reading early.
void read_file_in_chunks(const std::filesystem::path& file, std::size_t max_bytes,
                         const std::function<bool(std::string_view, bool)>& take);

// A whole file's bytes; throws IoError naming the file if it cannot be read or holds more
// than `max_bytes` (checked before reading, and again while reading from a pipe).
std::string read_text_file(const std::filesystem::path& file,
                           std::size_t max_bytes = LoadLimits{}.max_file_bytes);

// Parses `text`; throws ParseError naming origin, line and column (and the JSON pointer of
// a duplicate key or of a value over a limit). Enforces the size, depth and string limits,
// and refuses numbers that overflow a double (1e999), which Boost.JSON reads as infinity.
boost::json::value read_json(std::string_view text, const std::string& origin,
                             const LoadLimits& limits = {});

// Where the value at `pointer` starts in `text`, for messages about valid JSON that breaks
// the model's rules. Runs only on the error path.
std::optional<TextPosition> find_pointer(std::string_view text, std::string_view pointer,
                                         std::size_t max_depth = LoadLimits{}.max_depth);
// The same in a file read again in pieces, only as far as the value.
std::optional<TextPosition> find_pointer_in_file(const std::filesystem::path& file,
                                                 std::string_view pointer,
                                                 const LoadLimits& limits);

// The bookkeeping every SAX handler here shares: where the parse is (the JSON pointer of the
// current value, made only when asked), the keys seen in each open object, and the limits.
// A handler calls the matching member first from each callback; false means the parse must
// stop, with problem() and problem_pointer() saying why and where.
class JsonTracker {
 public:
  JsonTracker(std::size_t max_depth, std::size_t max_string_bytes)
      : max_depth_(max_depth), max_string_bytes_(max_string_bytes) {}

  bool array_begin(boost::json::error_code& ec) { return begin_container(false, ec); }
  bool object_begin(boost::json::error_code& ec) { return begin_container(true, ec); }
  void container_end() { --depth_; }
  // A string or number delivered in parts is one value, counted at its first part.
  bool string_part(std::size_t size, boost::json::error_code& ec) {
    return begin_scalar(ec) && fits(size, false, ec);
  }
  bool string(std::size_t size, boost::json::error_code& ec) {
    return end_scalar(ec) && fits(size, false, ec);
  }
  bool key_part(std::string_view part, std::size_t size, boost::json::error_code& ec);
  bool key(std::string_view last_part, std::size_t size, boost::json::error_code& ec);
  bool number_part(boost::json::error_code& ec) { return begin_scalar(ec); }
  bool number(boost::json::error_code& ec) { return end_scalar(ec); }
  bool real(double, boost::json::error_code& ec);
  bool literal(boost::json::error_code& ec) { return begin_value(ec); }

  // Open arrays and objects.
  std::size_t depth() const noexcept { return depth_; }
  // The current key of the innermost object (valid after key() until the next key).
  const std::string& current_key() const noexcept { return frames_[depth_ - 1].key; }
  // The current key of the object `level` frames from the top (0: the document's).
  const std::string& key_at(std::size_t level) const noexcept { return frames_[level].key; }
  // The current element of the innermost array.
  std::size_t current_index() const noexcept {
    return static_cast<std::size_t>(frames_[depth_ - 1].index);
  }
  // The current value's pointer; of its container's, with `up` = 1.
  std::string pointer(std::size_t up = 0) const;

  const std::string& problem() const noexcept { return problem_; }
  const std::string& problem_pointer() const noexcept { return problem_pointer_; }

  // find_pointer(): stop the parse when the value at this pointer begins.
  std::string_view wanted;
  bool found = false;

 private:
  struct Frame {
    bool object = false;
    long index = -1;  // arrays: the current element
    std::string key;  // objects: the current key
    // The keys seen so far: length-prefixed in `seen` while few, then in `many`.
    std::string seen;
    std::size_t keys = 0;
    boost::unordered_flat_set<std::string, std::hash<std::string>> many;
  };

  bool stop(std::string what, boost::json::error_code& ec, std::size_t up = 0);
  bool begin_value(boost::json::error_code& ec);
  bool begin_container(bool object, boost::json::error_code& ec);
  bool begin_scalar(boost::json::error_code& ec);
  bool end_scalar(boost::json::error_code& ec);
  bool fits(std::size_t size, bool key, boost::json::error_code& ec);
  // Records the current key in its frame; false if the object already has it.
  bool remember_key(Frame& f);

  std::size_t max_depth_;
  std::size_t max_string_bytes_;
  std::vector<Frame> frames_;  // [0, depth_) are open; the rest kept for their buffers
  std::size_t depth_ = 0;
  std::string key_;
  bool in_scalar_ = false;
  std::string problem_;
  std::string problem_pointer_;
};

// The SAX handler every reader here is: Boost's basic_parser calls its on_* members, each
// event goes to the JsonTracker first (the place, the limits, duplicate keys) and, when the
// tracker lets it pass, to the reader's own hook of the same name without "on_"
// (Derived::array_begin, Derived::string …), which does the reading. A hook the reader does
// not define accepts the event and does nothing; a hook returns false, with `ec` set, to stop
// the parse. A reader derives from TrackedHandler<itself> and befriends it if its hooks are
// private.
template <class Derived>
class TrackedHandler {
 public:
  // What Boost's basic_parser asks of a handler about sizes: nothing here, since the tracker
  // enforces kyoso's own limits with messages that name the place.
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  TrackedHandler(std::size_t max_depth, std::size_t max_string_bytes)
      : tracker(max_depth, max_string_bytes) {}

  using error_code = boost::json::error_code;
  using string_view = boost::json::string_view;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code& ec) { return tracker.array_begin(ec) && self().array_begin(ec); }
  bool on_array_end(std::size_t n, error_code& ec) {
    tracker.container_end();
    return self().array_end(n, ec);
  }
  bool on_object_begin(error_code& ec) {
    return tracker.object_begin(ec) && self().object_begin(ec);
  }
  bool on_object_end(std::size_t n, error_code& ec) {
    tracker.container_end();
    return self().object_end(n, ec);
  }
  bool on_string_part(string_view s, std::size_t n, error_code& ec) {
    return tracker.string_part(n, ec) && self().string_part(s, ec);
  }
  bool on_string(string_view s, std::size_t n, error_code& ec) {
    return tracker.string(n, ec) && self().string(s, ec);
  }
  bool on_key_part(string_view s, std::size_t n, error_code& ec) {
    return tracker.key_part({s.data(), s.size()}, n, ec) && self().key_part(s, ec);
  }
  bool on_key(string_view s, std::size_t n, error_code& ec) {
    return tracker.key({s.data(), s.size()}, n, ec) && self().key(s, ec);
  }
  bool on_number_part(string_view, error_code& ec) {
    return tracker.number_part(ec) && self().number_part(ec);
  }
  bool on_int64(std::int64_t i, string_view, error_code& ec) {
    return tracker.number(ec) && self().int64(i, ec);
  }
  bool on_uint64(std::uint64_t u, string_view, error_code& ec) {
    return tracker.number(ec) && self().uint64(u, ec);
  }
  bool on_double(double d, string_view, error_code& ec) {
    return tracker.real(d, ec) && self().real(d, ec);
  }
  bool on_bool(bool b, error_code& ec) { return tracker.literal(ec) && self().boolean(b, ec); }
  bool on_null(error_code& ec) { return tracker.literal(ec) && self().null(ec); }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }

  JsonTracker tracker;

 protected:
  bool array_begin(error_code&) { return true; }
  bool array_end(std::size_t, error_code&) { return true; }
  bool object_begin(error_code&) { return true; }
  bool object_end(std::size_t, error_code&) { return true; }
  bool string_part(string_view, error_code&) { return true; }
  bool string(string_view, error_code&) { return true; }
  bool key_part(string_view, error_code&) { return true; }
  bool key(string_view, error_code&) { return true; }
  bool number_part(error_code&) { return true; }
  bool int64(std::int64_t, error_code&) { return true; }
  bool uint64(std::uint64_t, error_code&) { return true; }
  bool real(double, error_code&) { return true; }
  bool boolean(bool, error_code&) { return true; }
  bool null(error_code&) { return true; }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

// Options for Boost's parser under `max_depth`: one level more than ours, so that the
// tracker, which names the place, refuses first.
boost::json::parse_options parse_options_for(std::size_t max_depth);

// Refuses limits that cannot be honoured (a depth over what Boost's recursion allows).
void check_limits(const LoadLimits& limits, const std::string& origin);
// Refuses a text of `bytes` over the size limit, with a ParseError naming `origin`.
void check_size(std::size_t bytes, const LoadLimits& limits, const std::string& origin);

// On a syntax error, a tracker's refusal or trailing text: throws ParseError naming origin,
// line, column and (for the tracker's refusals) the pointer. `at` is where the parse stopped.
[[noreturn]] void throw_syntax_error(std::string_view text, std::size_t at,
                                     boost::json::error_code ec, const JsonTracker& tracker,
                                     const std::string& origin);
// The same for a document read in pieces and not kept: `piece` is the one the parse stopped
// in, `start` where it begins in the document.
[[noreturn]] void throw_syntax_error_in_piece(std::string_view piece, TextPosition start,
                                              std::size_t at, boost::json::error_code ec,
                                              const JsonTracker& tracker,
                                              const std::string& origin);

}  // namespace kyoso::detail
