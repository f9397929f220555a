// kyoso_snapshot OUTPUT LAYER...: the layers (JGF files, the reference) read as one model and
// written as the snapshot the library embeds for default_model() (snapshot.hpp). Run by the
// build; it checks that the snapshot reads back as the same model before writing it.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "io/snapshot.hpp"
#include "kyoso/io.hpp"

// The tool is linked from the library's parts without the data it is making: nothing here
// asks for the embedded models.
namespace kyoso::detail {
extern const std::string_view fy2024_dataset;
const std::string_view fy2024_dataset{};
const std::string_view default_snapshot{};
}  // namespace kyoso::detail

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: kyoso_snapshot OUTPUT LAYER.jgf.json...\n";
    return 2;
  }
  try {
    std::vector<std::string> files(argv + 2, argv + argc);
    std::vector<std::string> texts;
    for (const std::string& f : files) texts.push_back(read(f));
    std::vector<std::string_view> views(texts.begin(), texts.end());
    kyoso::Model model = kyoso::load_layers({files.begin(), files.end()});
    std::string bytes = kyoso::detail::write_snapshot(model, kyoso::detail::source_digest(views));
    if (!(kyoso::detail::read_snapshot(bytes).model == model)) {
      std::cerr << "kyoso_snapshot: the snapshot does not read back as the model\n";
      return 1;
    }
    std::string output = argv[1];
    std::string partial = output + ".tmp";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) throw std::runtime_error("cannot write " + partial);
    }
    std::filesystem::rename(partial, output);
    std::cout << "kyoso_snapshot: " << model.node_count() << " nodes, " << model.edge_count()
              << " edges, " << bytes.size() << " bytes\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "kyoso_snapshot: " << e.what() << "\n";
    return 1;
  }
}
