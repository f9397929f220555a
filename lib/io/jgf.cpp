// JSON Graph Format v2 in and out (docs/format.md).
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/model_json.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

namespace json = boost::json;
using detail::pointer_token;
using detail::sources_json;
using detail::text_json;

std::string_view view(json::string_view s) { return {s.data(), s.size()}; }

// Reads kyoso's data out of a parsed JGF document; every complaint names its JSON pointer.
// The values inside (nodes, edges, figures, sources) are read by the shared ModelJsonReader.
class JgfReader : private detail::ModelJsonReader {
 public:
  JgfReader(std::string_view text, std::string origin, const LoadLimits& limits)
      : ModelJsonReader(text, std::move(origin), limits.max_depth), limits_(limits) {}

  Model read() {
    ModelBuilder builder;
    builder.origin(origin());
    fill(builder);
    // The parsed tree is freed by now: the freeze allocates the model while the builder still
    // holds its copy, and holding the tree as well would raise a large file's peak memory
    // (bench/README.md).
    try {
      return std::move(builder).build();
    } catch (const ValidationError& e) {
      fail(e.problem(), e.where().pointer, e.where().id);
    }
  }

 private:
  void fill(ModelBuilder& builder) const {
    json::value doc = detail::read_json(document(), origin(), limits_);
    const json::object& top = object(doc, "");
    check_schema_version(top);
    const json::object& graph = object(member(top, "graph", ""), "/graph");
    builder.info(info(graph));
    if (const json::value* nodes = graph.if_contains("nodes")) {
      const json::object& map = object(*nodes, "/graph/nodes");
      if (map.size() > limits_.max_nodes) {
        fail(std::to_string(map.size()) + " nodes, more than the limit of " +
                 std::to_string(limits_.max_nodes),
             "/graph/nodes");
      }
      for (const auto& kv : map) {
        std::string id(view(kv.key()));
        std::string where = "/graph/nodes/" + pointer_token(id);
        builder.add_node(node(id, kv.value(), where), where);
      }
    }
    if (const json::value* edges = graph.if_contains("edges")) {
      const json::array& list = array(*edges, "/graph/edges");
      if (list.size() > limits_.max_edges) {
        fail(std::to_string(list.size()) + " edges, more than the limit of " +
                 std::to_string(limits_.max_edges),
             "/graph/edges");
      }
      for (std::size_t i = 0; i < list.size(); ++i) {
        std::string where = "/graph/edges/" + std::to_string(i);
        builder.add_edge(edge(list[i], where), where);
      }
    }
  }

  Node node(const std::string& id, const json::value& v, const std::string& at) const {
    const json::object& o = object(v, at);
    const json::value* meta_value = o.if_contains("metadata");
    if (!meta_value) fail("node has no metadata (kind and name)", at, id);
    std::string here = at + "/metadata";
    return node_metadata(id, object(*meta_value, here), here);
  }

  ModelInfo info(const json::object& graph) const {
    ModelInfo out;
    out.id = graph.contains("id") ? string(graph.at("id"), "/graph/id") : std::string{};
    if (const json::value* meta_value = graph.if_contains("metadata")) {
      const json::object& meta = object(*meta_value, "/graph/metadata");
      only_keys(meta, {"name", "description", "fiscal_year", "sources"}, "/graph/metadata");
      out.name = text(meta, "name", "/graph/metadata");
      out.description = text(meta, "description", "/graph/metadata");
      out.fiscal_year = fiscal_year(meta, "/graph/metadata");
      out.sources = sources(meta, "/graph/metadata");
    }
    return out;
  }

  void check_schema_version(const json::object& top) const {
    const json::value* v = top.if_contains("schema_version");
    if (!v)
      fail("missing \"schema_version\" (this build reads version " +
               std::to_string(schema_version) + ")",
           "");
    std::int64_t version = integer(*v, "/schema_version");
    if (version < 1 || version > schema_version) {
      fail("unsupported schema_version " + std::to_string(version) + " (this build reads 1 to " +
               std::to_string(schema_version) + ")",
           "/schema_version");
    }
  }

  const LoadLimits& limits_;
};

// --- writing -----------------------------------------------------------------------------

json::object node_json(const Node& n) {
  json::object o;
  o["label"] = n.name.ja;
  o["metadata"] = detail::node_metadata_json(n);
  return o;
}

Location file_location(const std::filesystem::path& file) {
  Location where;
  where.file = file.string();
  return where;
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
  return parse_model(detail::read_text_file(file, limits.max_file_bytes), file.string(), limits);
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
    std::optional<int> fiscal_year;
    if (e.fiscal_year != 0) fiscal_year = e.fiscal_year;
    edges.push_back(detail::edge_json(model.node(e.source).id, model.node(e.target).id, e.relation,
                                      e.certainty, fiscal_year, model.detail(e)));
  }
  graph["edges"] = std::move(edges);

  json::object top;
  top["schema_version"] = schema_version;
  top["graph"] = std::move(graph);
  return detail::write_json(top);
}

void save_model(const Model& model, const std::filesystem::path& file) {
  std::string text = to_jgf(model);
  // Write beside the target and rename, so a failed save never leaves half a file.
  std::filesystem::path temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot open file for writing", file_location(temp));
    out << text;
    out.flush();
    if (!out) throw IoError("error while writing file", file_location(temp));
  }
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) throw IoError("cannot replace file: " + ec.message(), file_location(file));
}

}  // namespace kyoso
