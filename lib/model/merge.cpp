// Layers read as one model (docs/format.md, "Layers").
#include <algorithm>
#include <map>
#include <stdexcept>

#include "kyoso/error.hpp"
#include "kyoso/model.hpp"
#include "model/builder_detail.hpp"
#include "model/model_impl.hpp"

namespace kyoso {
namespace {

template <class T>
void unite(std::vector<T>& into, const std::vector<T>& more) {
  for (const T& item : more) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// One layer laid over the model of the layers before it.
class Overlay {
 public:
  Overlay(const Model& base, const Model& layer, const std::string& base_origin,
          const std::string& layer_origin)
      : base_(base), layer_(layer), base_origin_(base_origin), layer_origin_(layer_origin) {}

  Model merged() {
    ModelBuilder builder = ModelBuilder::from(base_);
    builder.origin(layer_origin_);
    ModelInfo info = base_.info();
    unite(info.sources, layer_.info().sources);
    builder.info(std::move(info));
    const Model::Impl& layer = impl_of(layer_);
    for (NodeIndex i = 0; i < layer_.node_count(); ++i) {
      const Node& node = layer_.node(i);
      if (auto same = base_.find(node.id)) {
        const Node& before = base_.node(*same);
        Node after = merge(before, node);
        if (after != before) builder.replace_node(std::move(after), pointer(node.id));
      } else {
        detail::add_shared_node(builder, layer.nodes[i]);
      }
    }
    for (EdgeIndex i = 0; i < layer_.edge_count(); ++i) {
      const Edge& e = layer_.edge(i);
      const std::string& source = layer_.node(e.source).id;
      const std::string& target = layer_.node(e.target).id;
      if (auto same = find_edge(source, e.relation, target)) {
        ModelBuilder::EdgeSpec before = spec(base_, *same);
        ModelBuilder::EdgeSpec after = merge(before, spec(layer_, i));
        if (after != before) {
          builder.remove_edge(before.source, before.target, before.relation);
          builder.add_edge(std::move(after), "/graph/edges");
        }
      } else {
        detail::add_shared_edge(builder, source, target, e.relation, e.certainty, e.fiscal_year(),
                                detail_record(layer_, i));
      }
    }
    return std::move(builder).build();
  }

 private:
  static ModelBuilder::EdgeSpec spec(const Model& model, EdgeIndex i) {
    const Edge& e = model.edge(i);
    ModelBuilder::EdgeSpec out;
    out.source = model.node(e.source).id;
    out.target = model.node(e.target).id;
    out.relation = e.relation;
    out.certainty = e.certainty;
    out.fiscal_year = e.fiscal_year();
    out.detail = model.detail(i);
    return out;
  }

  std::optional<EdgeIndex> find_edge(const std::string& source_id, Relation relation,
                                     const std::string& target_id) const {
    auto source = base_.find(source_id);
    if (!source) return std::nullopt;
    for (EdgeIndex i : base_.out_edges(*source)) {
      const Edge& e = base_.edge(i);
      if (e.relation == relation && base_.node(e.target).id == target_id) return i;
    }
    return std::nullopt;
  }

  // A key as one JSON pointer token (RFC 6901).
  static std::string token(std::string_view key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }
  static std::string pointer(std::string_view id) { return "/graph/nodes/" + token(id); }

  // A value present in both layers that differs: both files and the key are named.
  [[noreturn]] void conflict(const std::string& what, std::string_view before,
                             std::string_view after, std::string where, std::string id) const {
    throw ValidationError(what + " is " + quoted(before) + " in " + base_origin_ + " but " +
                              quoted(after) + " in " + layer_origin_,
                          Location{layer_origin_, 0, 0, std::move(where), std::move(id)});
  }

  void agree(const std::string& what, const std::string& before, const std::string& after,
             const std::string& where, const std::string& id) const {
    if (before != after) conflict(what, before, after, where, id);
  }

  // "2023-2024: open, 2025: closed" — enough to see where two histories differ.
  static std::string calls_text(const std::vector<Call>& calls) {
    std::string out;
    for (const Call& c : calls) {
      std::string years = "every year";
      if (c.fiscal_year) {
        years = std::to_string(*c.fiscal_year);
        if (c.until_fiscal_year) years += "-" + std::to_string(*c.until_fiscal_year);
      }
      out += (out.empty() ? "" : ", ") + years + ": " + std::string(to_string(c.status));
    }
    return out;
  }

  // A value one layer may leave out: the other's, or both when equal.
  std::string either(const std::string& what, const std::string& before, const std::string& after,
                     const std::string& where, const std::string& id) const {
    if (before.empty()) return after;
    if (!after.empty()) agree(what, before, after, where, id);
    return before;
  }

  Text either(const std::string& what, const Text& before, const Text& after,
              const std::string& where, const std::string& id) const {
    return Text{either(what + ".ja", before.ja, after.ja, where + "/ja", id),
                either(what + ".en", before.en, after.en, where + "/en", id)};
  }

  std::map<std::string, std::string> unite_attributes(
      std::map<std::string, std::string> into, const std::map<std::string, std::string>& more,
      const std::string& where, const std::string& id) const {
    for (const auto& [key, value] : more) {
      auto [it, added] = into.emplace(key, value);
      if (!added) {
        agree("attribute " + quoted(key), it->second, value, where + "/attributes/" + token(key),
              id);
      }
    }
    return into;
  }

  Node merge(const Node& before, const Node& after) const {
    const std::string where = pointer(after.id) + "/metadata";
    const std::string& id = after.id;
    agree("kind", std::string(to_string(before.kind)), std::string(to_string(after.kind)),
          where + "/kind", id);
    agree("name.ja", before.name.ja, after.name.ja, where + "/name/ja", id);
    agree("name.en", before.name.en, after.name.en, where + "/name/en", id);
    Node out = before;
    out.description =
        either("description", before.description, after.description, where + "/description", id);
    out.attributes = unite_attributes(before.attributes, after.attributes, where, id);
    unite(out.figures, after.figures);
    out.note = either("note", before.note, after.note, where + "/note", id);
    // A program's calls are a history: one layer states it, or both state the same.
    if (out.calls.empty()) {
      out.calls = after.calls;
    } else if (!after.calls.empty() && out.calls != after.calls) {
      conflict("calls", calls_text(out.calls), calls_text(after.calls), where + "/calls", id);
    }
    unite(out.sources, after.sources);
    return out;
  }

  ModelBuilder::EdgeSpec merge(const ModelBuilder::EdgeSpec& before,
                               const ModelBuilder::EdgeSpec& after) const {
    const std::string id =
        after.source + " -" + std::string(to_string(after.relation)) + "-> " + after.target;
    const std::string where = "/graph/edges";
    ModelBuilder::EdgeSpec out = before;
    // Certainty speaks of the evidence, and the evidence is united: the stronger stands.
    out.certainty = std::min(before.certainty, after.certainty);
    if (before.fiscal_year && after.fiscal_year && *before.fiscal_year != *after.fiscal_year) {
      conflict("fiscal_year", std::to_string(*before.fiscal_year),
               std::to_string(*after.fiscal_year), where, id);
    }
    if (!out.fiscal_year) out.fiscal_year = after.fiscal_year;
    EdgeDetail& d = out.detail;
    d.what = either("what", before.detail.what, after.detail.what, where, id);
    d.attributes = unite_attributes(before.detail.attributes, after.detail.attributes, where, id);
    unite(d.figures, after.detail.figures);
    d.note = either("note", before.detail.note, after.detail.note, where, id);
    unite(d.sources, after.detail.sources);
    return out;
  }

  const Model& base_;
  const Model& layer_;
  const std::string& base_origin_;
  const std::string& layer_origin_;
};

}  // namespace

Model merge_layers(std::span<const Model> layers, std::span<const std::string> origins) {
  if (layers.size() != origins.size()) {
    throw std::invalid_argument("kyoso::merge_layers: one origin per layer");
  }
  if (layers.empty()) return Model();
  Model merged = layers[0];
  std::string merged_origin = origins[0];
  for (std::size_t i = 1; i < layers.size(); ++i) {
    merged = Overlay(merged, layers[i], merged_origin, origins[i]).merged();
    merged_origin += " + " + origins[i];
  }
  return merged;
}

}  // namespace kyoso
