// Several model files read as one (docs/format.md, "Layers").
#include <vector>

#include "kyoso/io.hpp"

namespace kyoso {

Model load_layers(const std::vector<std::filesystem::path>& files) {
  return load_layers(files, LoadLimits{});
}

Model load_layers(const std::vector<std::filesystem::path>& files, const LoadLimits& limits) {
  if (files.size() == 1) return load_model(files[0], limits);
  std::vector<Model> layers;
  std::vector<std::string> origins;
  layers.reserve(files.size());
  for (const auto& file : files) {
    layers.push_back(load_model(file, limits));
    origins.push_back(file.string());
  }
  return merge_layers(layers, origins);
}

}  // namespace kyoso
