// Errors raised by kyoso. Every error names the place it comes from.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kyoso {

// Where a problem was found. Any part may be empty; what() prints the parts that are set,
// e.g. "model.json:12:5: /graph/edges/3/target: unknown node 'program/coi-nxt'".
struct Location {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 = unknown
  std::size_t column = 0;  // 1-based; 0 = unknown
  std::string pointer;     // JSON pointer (RFC 6901) inside the file
  std::string id;          // the offending node id, when there is one

  std::string to_string() const;
};

// `text` with its control characters written as escapes — \n, \t, \r, \x1b, \u{9b} (C1) —
// and the rest kept as it is, Japanese included: for a terminal and for one-line messages, so
// that a name or id read from a file cannot move the cursor, change colours or forge a line.
std::string escape_controls(std::string_view text);

// what() is one line: the place and the problem, with control characters escaped
// (escape_controls); problem() and where() keep the text as it was.
class Error : public std::runtime_error {
 public:
  Error(std::string problem, Location where = {});

  const std::string& problem() const noexcept { return problem_; }
  const Location& where() const noexcept { return where_; }

 private:
  std::string problem_;
  Location where_;
};

// The input is not well-formed JSON (or not JSON at all).
class ParseError : public Error {
 public:
  using Error::Error;
};

// The input is well-formed but breaks the model's rules (kinds, relations, amounts, ids).
class ValidationError : public Error {
 public:
  using Error::Error;
};

// An id that names nothing in the model; the message suggests the nearest valid id.
class UnknownIdError : public Error {
 public:
  UnknownIdError(std::string id, std::string suggestion, Location where = {});
  // `context` says what asked for the id, e.g. a scenario edit's op: "remove_node: unknown id
  // 'program/x' (did you mean 'program/y'?)".
  UnknownIdError(std::string id, std::string suggestion, Location where, std::string_view context);
  // An id that names a node, but one of another kind than asked for: unknown as that kind,
  // and said so ("'program/coi-next' is a program, not a purpose"), since "unknown id" would
  // send the user looking for a typo.
  static UnknownIdError of_other_kind(std::string id, std::string_view kind,
                                      std::string_view expected, std::string suggestion,
                                      Location where = {});
  // The same error at another place: where a reader found the id in its input.
  UnknownIdError(const UnknownIdError& error, Location where);
  // A name that names no node of the kind asked for, with the problem worded whole: the
  // nodes of other kinds it names ("'岩手県' is prefecture/iwate 岩手県, not a university"),
  // or the nearest ids and names ("unknown id or name '岩手大' (did you mean …?)").
  static UnknownIdError worded(std::string text, std::string problem, std::string suggestion,
                               Location where = {});
  const std::string& suggestion() const noexcept { return suggestion_; }

 protected:
  UnknownIdError(std::string problem, Location where, std::string suggestion);

 private:
  std::string suggestion_;
};

// A name, or an id without its kind, that fits several nodes: refused with the candidates
// listed, never settled silently ("'iwate' fits 2 nodes: prefecture/iwate 岩手県, …").
class AmbiguousNameError : public UnknownIdError {
 public:
  AmbiguousNameError(std::string text, std::vector<std::string> candidates, std::string listing,
                     Location where = {});
  // The same error at another place, candidates and all (UnknownIdError's would drop them).
  AmbiguousNameError(const AmbiguousNameError& error, Location where);
  // The ids that fit, in id order.
  const std::vector<std::string>& candidates() const noexcept { return candidates_; }

 private:
  std::vector<std::string> candidates_;
};

// A file could not be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace kyoso
