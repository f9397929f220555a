// kyoso's values in JSON — nodes, edges, figures, sources, texts in their docs/format.md
// shapes — read and written for every document that holds them: the model file (jgf.cpp) and
// scenario files (scenario/scenario_json.cpp). One reader, so a figure in a scenario is
// checked exactly as a figure in the model file.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/model.hpp"

namespace kyoso::detail {

// Reads values out of a parsed document. Every complaint throws ValidationError naming the
// origin, the JSON pointer, the id when there is one, and — searched for in the text only on
// this error path — the line and column.
class ModelJsonReader {
 public:
  ModelJsonReader(std::string_view text, std::string origin,
                  std::size_t max_depth = LoadLimits{}.max_depth);
  // For a document read in pieces and not kept: `reread` gives its whole text again when an
  // error needs a line and column.
  ModelJsonReader(std::function<std::string()> reread, std::string origin,
                  std::size_t max_depth = LoadLimits{}.max_depth);

  std::string_view document() const;
  // While on, errors name the pointer and id but not the line and column, which a caller
  // streaming the document adds once the parse is over (a re-read mid-stream would be wasted).
  void locate_later(bool on) noexcept { locate_later_ = on; }
  const std::string& origin() const noexcept { return origin_; }
  // The place of `pointer` in the text, for errors raised by callers.
  Location locate(const std::string& pointer, const std::string& id = {}) const;
  [[noreturn]] void fail(const std::string& problem, const std::string& pointer,
                         const std::string& id = {}) const;

  const boost::json::object& object(const boost::json::value&, const std::string& at) const;
  const boost::json::array& array(const boost::json::value&, const std::string& at) const;
  const boost::json::value& member(const boost::json::object&, std::string_view key,
                                   const std::string& at) const;
  // Objects are closed: an unknown key is a typo that would otherwise be lost.
  void only_keys(const boost::json::object&, std::initializer_list<std::string_view> keys,
                 const std::string& at) const;
  std::string string(const boost::json::value&, const std::string& at) const;
  std::string optional_string(const boost::json::object&, std::string_view key,
                              const std::string& at) const;
  std::int64_t integer(const boost::json::value&, const std::string& at) const;
  // The object's "fiscal_year", if any, checked for range.
  std::optional<int> fiscal_year(const boost::json::object&, const std::string& at) const;

  Text text(const boost::json::object&, std::string_view key, const std::string& at) const;
  // A note: {"ja", "en"}, or a plain string (read as the same text in both languages).
  Text note(const boost::json::object&, const std::string& at) const;
  Call call(const boost::json::value&, const std::string& at) const;
  std::vector<Source> sources(const boost::json::object&, const std::string& at) const;
  Figure figure(const boost::json::value&, const std::string& at) const;
  // The object's "attributes" (string values) and "figures", if any.
  std::map<std::string, std::string> attributes(const boost::json::object&,
                                                const std::string& at) const;
  std::vector<Figure> figures(const boost::json::object&, const std::string& at) const;
  // A node's metadata object: kind, name, description, attributes, figures, note, sources.
  // `extra_keys` may also appear (a scenario's add_node edit holds "op" and "node" beside them).
  Node node_metadata(const std::string& id, const boost::json::object& meta, const std::string& at,
                     std::initializer_list<std::string_view> extra_keys = {}) const;
  // An edge object: source, target, relation and optional metadata. Other keys are the
  // caller's to check.
  ModelBuilder::EdgeSpec edge(const boost::json::value&, const std::string& at) const;
  // An edge's metadata object (at `at`): certainty, fiscal year and detail (what, attributes,
  // figures, note, sources), into `edge`.
  void edge_metadata(const boost::json::value&, const std::string& at,
                     ModelBuilder::EdgeSpec& edge) const;

 private:
  std::string_view text_;
  std::function<std::string()> reread_;
  mutable std::optional<std::string> reread_text_;
  bool locate_later_ = false;
  std::string origin_;
  std::size_t max_depth_;
};

// The same shapes written; empty optional members are left out, so files stay small and
// round trips exact.
boost::json::object node_metadata_json(const Node&);
boost::json::object edge_json(std::string_view source, std::string_view target, Relation, Certainty,
                              std::optional<int> fiscal_year, const EdgeDetail&);

}  // namespace kyoso::detail
