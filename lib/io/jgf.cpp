// JSON Graph Format v2 in and out (docs/format.md).
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <fstream>
#include <sstream>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/model_json.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/limits.hpp"
#include "model/builder_detail.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::pointer_token;
using detail::sources_json;
using detail::text_json;

// Reads a JGF document in one SAX pass, without a document tree: the nodes' and edges'
// hot fields go straight to the builder, and only each metadata object is built as a small
// JSON value (in an arena reused from one to the next) for the shared ModelJsonReader, so a
// value is checked exactly as in a scenario file. A 1M-edge file loads in a fraction of the
// time and memory a whole tree took (bench/README.md).
//
// Errors keep the order a reader of the file expects: a syntax error or a limit anywhere
// wins (the parse goes on to the end after the first problem with the model's rules), then
// a missing or unsupported schema_version (it may come last: keys are sorted), then the
// first problem found.
class JgfHandler : public detail::TrackedHandler<JgfHandler> {
 public:
  JgfHandler(const detail::ModelJsonReader& reader, const LoadLimits& limits, ModelBuilder& builder)
      : TrackedHandler(limits.max_depth, limits.max_string_bytes),
        reader_(reader),
        limits_(limits),
        builder_(builder),
        buffer_(new unsigned char[arena_bytes]),
        arena_(buffer_.get(), arena_bytes) {}

  // After the parse: the checks that need the whole document, in the order above.
  void finish() {
    if (fatal_) throw *fatal_;
    if (problem_ && !top_is_object_) throw *problem_;  // no schema_version to look for
    check_schema_version();
    if (problem_) throw *problem_;
    if (!graph_seen_) reader_.fail("missing \"graph\"", "");
    builder_.info(std::move(info_));
  }
  // A limit the handler stopped the parse for, if any (thrown in preference to the syntax
  // error the stop looks like to Boost).
  const std::optional<ValidationError>& fatal() const noexcept { return fatal_; }

 private:
  friend class detail::TrackedHandler<JgfHandler>;

  // The hooks (TrackedHandler), each after the tracker has taken the event.
  bool array_begin(json::error_code& ec) { return begin_container(false, ec); }
  bool object_begin(json::error_code& ec) { return begin_container(true, ec); }
  bool array_end(std::size_t n, json::error_code&) {
    end_container(n, false);
    return true;
  }
  bool object_end(std::size_t n, json::error_code&) {
    end_container(n, true);
    return true;
  }
  bool string_part(json::string_view s, json::error_code& ec) {
    if (!in_scalar_) begin_scalar(true, ec);
    in_scalar_ = true;
    if (sink_ == Sink::capture) stack_.push_chars(s);
    if (sink_ == Sink::field) field_->text.append(s.data(), s.size());
    return !ec;
  }
  bool string(json::string_view s, json::error_code& ec) {
    return end_scalar(
        true, ec, [&] { stack_.push_string(s); }, [&] { field_->text.append(s.data(), s.size()); });
  }
  bool key_part(json::string_view s, json::error_code&) {
    if (capture_depth_ != 0) stack_.push_chars(s);
    return true;
  }
  bool key(json::string_view s, json::error_code&) {
    if (capture_depth_ != 0) stack_.push_key(s);
    return true;
  }
  bool number_part(json::error_code& ec) {
    if (!in_scalar_) begin_scalar(false, ec);
    in_scalar_ = true;
    return !ec;
  }
  bool int64(std::int64_t i, json::error_code& ec) {
    return end_scalar(false, ec, [&] { stack_.push_int64(i); });
  }
  bool uint64(std::uint64_t u, json::error_code& ec) {
    return end_scalar(false, ec, [&] { stack_.push_uint64(u); });
  }
  bool real(double d, json::error_code& ec) {
    return end_scalar(false, ec, [&] { stack_.push_double(d); });
  }
  bool boolean(bool b, json::error_code& ec) {
    return end_scalar(false, ec, [&] { stack_.push_bool(b); });
  }
  bool null(json::error_code& ec) {
    return end_scalar(false, ec, [&] { stack_.push_null(); });
  }

  static constexpr std::size_t arena_bytes = std::size_t{1} << 16;

  // What an open array or object is, by its place in the document.
  enum class Role : std::uint8_t { top, graph, nodes, node, edges, edge, skip, captured };
  // What a JSON value is built for, when one is.
  enum class Wanted : std::uint8_t {
    schema_version,
    graph_id,
    graph_directed,
    graph_metadata,
    node,
    edge
  };
  // Where the current scalar's events go.
  enum class Sink : std::uint8_t { none, capture, field };

  // One of an edge's source, target and relation.
  struct Field {
    enum class State : std::uint8_t { missing, string, other } state = State::missing;
    std::string text;
    void reset() {
      state = State::missing;
      text.clear();
    }
  };

  // Decides, at the first event of a value, what it is for; for an array or object, returns
  // its role (Role::captured when it is built as a JSON value). For a container the tracker
  // has already opened its frame, so its parent is one level further up.
  Role begin_value(bool container, bool object, bool string, json::error_code& ec) {
    sink_ = Sink::none;
    if (!top_seen_) {  // the document itself
      top_seen_ = true;
      top_is_object_ = object;
      return object ? Role::top : failed("expected a JSON object", "");
    }
    std::size_t parent_level = tracker.depth() - (container ? 2 : 1);
    auto capture = [&](Wanted wanted) { return start_capture(wanted, container); };
    Role parent = roles_.back();
    if (problem_) return after_problem(parent, container, object, parent_level, ec);
    switch (parent) {
      case Role::top: {
        const std::string& key = tracker.key_at(parent_level);
        if (key == "graph") {
          graph_seen_ = true;
          return object ? Role::graph : failed("expected a JSON object", "/graph");
        }
        if (key == "schema_version") return capture(Wanted::schema_version);
        return Role::skip;
      }
      case Role::graph: {
        const std::string& key = tracker.key_at(parent_level);
        if (key == "nodes") {
          return object ? Role::nodes : failed("expected a JSON object", "/graph/nodes");
        }
        if (key == "edges") {
          return container && !object ? Role::edges
                                      : failed("expected a JSON array", "/graph/edges");
        }
        if (key == "metadata") return capture(Wanted::graph_metadata);
        if (key == "id") return capture(Wanted::graph_id);
        if (key == "directed") return capture(Wanted::graph_directed);
        return Role::skip;
      }
      case Role::nodes:
        if (!count_node(ec)) return Role::skip;
        node_id_ = tracker.key_at(parent_level);
        node_at_ = "/graph/nodes/" + pointer_token(node_id_);
        node_.reset();
        return object ? Role::node : failed("expected a JSON object", node_at_);
      case Role::node:
        if (tracker.key_at(parent_level) == "metadata") return capture(Wanted::node);
        return Role::skip;
      case Role::edges:
        if (!count_edge(ec)) return Role::skip;
        source_.reset();
        target_.reset();
        relation_.reset();
        edge_metadata_.reset();
        return object ? Role::edge : failed("expected a JSON object", edge_at());
      case Role::edge: {
        const std::string& key = tracker.key_at(parent_level);
        Field* field = key == "source"     ? &source_
                       : key == "target"   ? &target_
                       : key == "relation" ? &relation_
                                           : nullptr;
        if (field) {
          field->state = string ? Field::State::string : Field::State::other;
          if (string) {
            field_ = field;
            sink_ = Sink::field;
          }
          return Role::skip;
        }
        if (key == "metadata") return capture(Wanted::edge);
        return Role::skip;
      }
      case Role::skip:
      case Role::captured:
        break;
    }
    return Role::skip;
  }

  // The value now beginning is built as a JSON value, for captured() to read.
  Role start_capture(Wanted wanted, bool container) {
    wanted_ = wanted;
    if (!edge_metadata_) arena_.release();  // an edge's metadata is kept until the edge ends
    stack_.reset(json::storage_ptr(&arena_));
    if (container) {
      capture_depth_ = tracker.depth();
    } else {
      sink_ = Sink::capture;
    }
    return Role::captured;
  }

  // After a problem the rest is only scanned: the schema_version is still read, to be
  // reported first if unsupported, and nodes and edges still counted against their limits.
  Role after_problem(Role parent, bool container, bool object, std::size_t parent_level,
                     json::error_code& ec) {
    switch (parent) {
      case Role::top: {
        const std::string& key = tracker.key_at(parent_level);
        if (key == "schema_version") return start_capture(Wanted::schema_version, container);
        return key == "graph" && object ? Role::graph : Role::skip;
      }
      case Role::graph: {
        const std::string& key = tracker.key_at(parent_level);
        if (key == "nodes" && object) return Role::nodes;
        if (key == "edges" && container && !object) return Role::edges;
        return Role::skip;
      }
      case Role::nodes:
        count_node(ec);
        return Role::skip;
      case Role::edges:
        count_edge(ec);
        return Role::skip;
      default:
        return Role::skip;
    }
  }

  bool begin_container(bool object, json::error_code& ec) {
    if (capture_depth_ != 0) return true;  // the value_stack needs no begin events
    Role role = begin_value(true, object, false, ec);
    if (role != Role::captured) roles_.push_back(role);
    return !ec;
  }

  void end_container(std::size_t n, bool object) {
    if (capture_depth_ != 0) {
      if (object) {
        stack_.push_object(n);
      } else {
        stack_.push_array(n);
      }
      if (tracker.depth() + 1 == capture_depth_) {
        capture_depth_ = 0;
        captured();
      }
      return;
    }
    Role role = roles_.back();
    roles_.pop_back();
    if (problem_) return;
    if (role == Role::node) end_node();
    if (role == Role::edge) end_edge();
  }

  void begin_scalar(bool string, json::error_code& ec) {
    if (capture_depth_ != 0) {
      sink_ = Sink::capture;
      return;
    }
    begin_value(false, false, string, ec);
  }

  template <class Push>
  bool end_scalar(bool string, json::error_code& ec, Push push) {
    return end_scalar(string, ec, push, [] {});
  }
  template <class Push, class Append>
  bool end_scalar(bool string, json::error_code& ec, Push push, Append append) {
    if (!in_scalar_) begin_scalar(string, ec);
    in_scalar_ = false;
    if (ec) return false;
    if (sink_ == Sink::capture) {
      push();
      if (capture_depth_ == 0) captured();
    } else if (sink_ == Sink::field) {
      append();
    }
    sink_ = Sink::none;
    return true;
  }

  // A wanted value is complete on the value_stack.
  void captured() {
    json::value v = stack_.release();
    guard([&] {
      switch (wanted_) {
        case Wanted::schema_version:
          version_ = json::value(v, json::storage_ptr());
          break;
        case Wanted::graph_id:
          info_.id = reader_.string(v, "/graph/id");
          break;
        case Wanted::graph_directed:
          // Every relation has a direction; read as undirected, the model would mean another.
          if (!v.is_bool() || !v.get_bool()) {
            reader_.fail("a kyoso model is a directed graph: \"directed\" must be true",
                         "/graph/directed");
          }
          break;
        case Wanted::graph_metadata:
          read_info(v);
          break;
        case Wanted::node: {
          std::string here = node_at_ + "/metadata";
          node_ = reader_.node_metadata(node_id_, reader_.object(v, here), here);
          break;
        }
        case Wanted::edge:
          // Checked when the edge ends, after its ends and relation, as the file reads.
          edge_metadata_ = std::move(v);
          break;
      }
    });
  }

  void end_node() {
    guard([&] {
      if (!node_) reader_.fail("node has no metadata (kind and name)", node_at_, node_id_);
      builder_.add_node(std::move(*node_), node_at_);
      node_.reset();
    });
  }

  void end_edge() {
    guard([&] {
      std::string_view source = field(source_, "source");
      std::string_view target = field(target_, "target");
      std::string_view relation = field(relation_, "relation");
      auto r = parse_relation(relation);
      if (!r) {
        reader_.fail("unknown relation \"" + std::string(relation) + "\"", edge_at() + "/relation",
                     std::string(source));
      }
      if (!edge_metadata_) {
        detail::add_edge(builder_, source, target, *r, Certainty::certain, std::nullopt, {});
        return;
      }
      ModelBuilder::EdgeSpec e;
      reader_.edge_metadata(*edge_metadata_, edge_at() + "/metadata", e);
      edge_metadata_.reset();
      detail::add_edge(builder_, source, target, *r, e.certainty, e.fiscal_year,
                       std::move(e.detail));
    });
  }

  std::string_view field(const Field& f, const char* name) const {
    if (f.state == Field::State::missing) {
      reader_.fail("missing \"" + std::string(name) + "\"", edge_at());
    }
    if (f.state == Field::State::other) {
      reader_.fail("expected a string", edge_at() + "/" + name);
    }
    return f.text;
  }

  std::string edge_at() const { return "/graph/edges/" + std::to_string(edges_ - 1); }

  void read_info(const json::value& v) {
    const json::object& meta = reader_.object(v, "/graph/metadata");
    reader_.only_keys(meta, {"name", "description", "fiscal_year", "sources"}, "/graph/metadata");
    info_.name = reader_.text(meta, "name", "/graph/metadata");
    info_.description = reader_.text(meta, "description", "/graph/metadata");
    info_.fiscal_year = reader_.fiscal_year(meta, "/graph/metadata");
    info_.sources = reader_.sources(meta, "/graph/metadata");
  }

  void check_schema_version() const {
    if (!version_) {
      reader_.fail("missing \"schema_version\" (this build reads version " +
                       std::to_string(schema_version) + ")",
                   "");
    }
    std::int64_t version = reader_.integer(*version_, "/schema_version");
    if (version < 1 || version > schema_version) {
      reader_.fail("unsupported schema_version " + std::to_string(version) +
                       " (this build reads 1 to " + std::to_string(schema_version) + ")",
                   "/schema_version");
    }
  }

  // The model's rules: the first problem is kept and the rest of the file only scanned.
  template <class F>
  void guard(F f) {
    try {
      f();
    } catch (const ValidationError& e) {
      problem_ = e;
    }
  }
  Role failed(const std::string& problem, const std::string& pointer) {
    guard([&] { reader_.fail(problem, pointer); });
    return Role::skip;
  }
  // The node and edge limits, counted whether or not the file broke a rule before: over
  // one, the parse stops here.
  bool count_node(json::error_code& ec) {
    return ++nodes_ <= limits_.max_nodes || stop("nodes", limits_.max_nodes, "/graph/nodes", ec);
  }
  bool count_edge(json::error_code& ec) {
    return ++edges_ <= limits_.max_edges || stop("edges", limits_.max_edges, "/graph/edges", ec);
  }
  bool stop(const char* what, std::size_t limit, const char* pointer, json::error_code& ec) {
    try {
      reader_.fail("more " + std::string(what) + " than the limit of " + std::to_string(limit),
                   pointer);
    } catch (const ValidationError& e) {
      fatal_ = e;
    }
    ec = json::error::syntax;
    return false;
  }

  const detail::ModelJsonReader& reader_;
  const LoadLimits& limits_;
  ModelBuilder& builder_;

  std::vector<Role> roles_;  // one per open container outside a captured value
  bool top_seen_ = false;
  bool top_is_object_ = false;
  bool graph_seen_ = false;
  bool in_scalar_ = false;
  Sink sink_ = Sink::none;
  Field* field_ = nullptr;

  std::unique_ptr<unsigned char[]> buffer_;
  json::monotonic_resource arena_;  // the value being captured
  json::value_stack stack_;
  std::size_t capture_depth_ = 0;  // the tracker's depth inside a captured container; 0: none
  Wanted wanted_ = Wanted::schema_version;

  std::size_t nodes_ = 0;
  std::size_t edges_ = 0;
  std::string node_id_;
  std::string node_at_;
  std::optional<Node> node_;
  Field source_, target_, relation_;
  std::optional<json::value> edge_metadata_;

  ModelInfo info_;
  std::optional<json::value> version_;
  std::optional<ValidationError> problem_;
  std::optional<ValidationError> fatal_;
};

class JgfReader : private detail::ModelJsonReader {
 public:
  JgfReader(std::string_view text, std::string origin, const LoadLimits& limits)
      : ModelJsonReader(text, std::move(origin), limits.max_depth), limits_(limits) {}
  // The file is parsed as it is read, a mebibyte at a time, so its text is never held whole
  // (bench/README.md: a 163 MB file loads in 1.9× its size), and reading stops at the first
  // syntax error or limit. An error's line and column come from reading the file again only
  // as far as the error. A pipe or device cannot be read again: its text is kept as it comes,
  // up to the size limit, for that.
  JgfReader(const std::filesystem::path& file, const LoadLimits& limits, bool regular)
      : ModelJsonReader(std::string_view(), file.string(), limits.max_depth),
        limits_(limits),
        file_(file),
        keep_(!regular) {}

  Model read() {
    detail::check_limits(limits_, origin());
    ModelBuilder builder;
    builder.origin(origin());
    detail::place_edges_by_position(builder, "/graph/edges/");
    const detail::ModelJsonReader& reader = *this;
    json::basic_parser<JgfHandler> parser(detail::parse_options_for(limits_.max_depth), reader,
                                          limits_, builder);
    // Problems found while the file streams are located once the parse is over.
    locate_later(true);
    try {
      if (file_) {
        std::size_t offset = 0;
        detail::read_file_in_chunks(*file_, limits_.max_file_bytes,
                                    [&](std::string_view piece, bool last) {
                                      InterruptScope::check();
                                      if (keep_) kept_.append(piece);
                                      write(parser, piece, !last, offset);
                                      offset += piece.size();
                                      return true;
                                    });
      } else {
        std::string_view text = document();
        detail::check_size(text.size(), limits_, origin());
        write(parser, text, false, 0);
      }
      parser.handler().finish();
    } catch (const ValidationError& e) {
      throw located(e);
    }
    try {
      return std::move(builder).build();
    } catch (const ValidationError& e) {
      throw located(e);
    }
  }

 private:
  // Feeds one piece of the document at `offset` to the parser; throws on the first problem
  // that stops the parse.
  void write(json::basic_parser<JgfHandler>& parser, std::string_view piece, bool more,
             std::size_t offset) const {
    json::error_code ec;
    std::size_t used = parser.write_some(more, piece.data(), piece.size(), ec);
    JgfHandler& handler = parser.handler();
    if (handler.fatal()) throw *handler.fatal();
    if (ec || used < piece.size()) {
      detail::throw_syntax_error_in_piece(piece, position_of(offset), used, ec, handler.tracker,
                                          origin());
    }
  }

  // Where byte `offset` of the document is: counted in the text, or in the file read again
  // up to there.
  detail::TextPosition position_of(std::size_t offset) const {
    if (!file_) return detail::position_of(document(), offset);
    if (keep_) return detail::position_of(kept_, offset);
    detail::TextPosition at;
    std::size_t counted = 0;
    try {
      detail::read_file_in_chunks(*file_, limits_.max_file_bytes,
                                  [&](std::string_view piece, bool) {
                                    std::size_t n = std::min(piece.size(), offset - counted);
                                    at = at.after(piece.substr(0, n));
                                    counted += n;
                                    return counted < offset;
                                  });
    } catch (const IoError&) {
      // The file changed since: the position counted so far is the best there is.
    }
    return at;
  }

  // The error with the line and column of its pointer.
  ValidationError located(const ValidationError& e) const {
    Location where = e.where();
    where.file = origin();
    const std::string& pointer = where.pointer;
    std::optional<detail::TextPosition> at;
    if (!pointer.empty()) {
      if (!file_) {
        at = detail::find_pointer(document(), pointer, limits_.max_depth);
      } else if (keep_) {
        at = detail::find_pointer(kept_, pointer, limits_.max_depth);
      } else {
        at = detail::find_pointer_in_file(*file_, pointer, limits_);
      }
    }
    if (at) {
      where.line = at->line;
      where.column = at->column;
    }
    return ValidationError(e.problem(), where);
  }

  const LoadLimits& limits_;
  std::optional<std::filesystem::path> file_;
  bool keep_ = false;
  std::string kept_;
};

// --- writing -----------------------------------------------------------------------------

json::object node_json(const Node& n) {
  json::object o;
  o["label"] = n.name.ja;
  o["metadata"] = detail::node_metadata_json(n);
  return o;
}

}  // namespace

Model parse_model(std::string_view json_text, std::string_view origin) {
  return parse_model(json_text, origin, LoadLimits{});
}

Model parse_model(std::string_view json_text, std::string_view origin, const LoadLimits& limits) {
  return JgfReader(json_text, std::string(origin), limits).read();
}

Model load_model(const std::filesystem::path& file) { return load_model(file, LoadLimits{}); }

Model load_model(const std::filesystem::path& file, const LoadLimits& limits) {
  std::error_code ec;
  return JgfReader(file, limits, std::filesystem::is_regular_file(file, ec)).read();
}

std::string to_jgf(const Model& model) {
  const ModelInfo& info = model.info();
  json::object graph;
  if (!info.id.empty()) graph["id"] = info.id;
  graph["directed"] = true;
  json::object meta;
  if (!info.name.empty()) meta["name"] = text_json(info.name);
  if (!info.description.empty()) meta["description"] = text_json(info.description);
  if (info.fiscal_year) meta["fiscal_year"] = *info.fiscal_year;
  if (!info.sources.empty()) meta["sources"] = sources_json(info.sources);
  if (!meta.empty()) graph["metadata"] = std::move(meta);

  json::object nodes;
  for (NodeIndex i = 0; i < model.node_count(); ++i) {
    const Node& n = model.node(i);
    nodes[n.id] = node_json(n);
  }
  graph["nodes"] = std::move(nodes);

  json::array edges;
  for (EdgeIndex i = 0; i < model.edge_count(); ++i) {
    const Edge& e = model.edge(i);
    edges.push_back(detail::edge_json(model.node(e.source).id, model.node(e.target).id, e.relation,
                                      e.certainty, e.fiscal_year(), model.detail(i)));
  }
  graph["edges"] = std::move(edges);

  json::object top;
  top["schema_version"] = schema_version;
  top["graph"] = std::move(graph);
  return detail::write_json(top);
}

void save_model(const Model& model, const std::filesystem::path& file) {
  write_file(file, to_jgf(model));
}

}  // namespace kyoso
