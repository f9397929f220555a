// Writes the default model's GraphML and node-link JSON to the given files and prints its
// node and edge counts, for tests/networkx_check.py to compare with what networkx reads.
// Stands in for `kyoso export` until the CLI has it.
#include <fstream>
#include <iostream>
#include <kyoso/kyoso.hpp>

namespace {

bool write(const char* file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.flush();
  if (!out) std::cerr << "export_dump: cannot write " << file << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: export_dump GRAPHML_FILE NODE_LINK_FILE\n";
    return 2;
  }
  const kyoso::Model& model = kyoso::default_model();
  if (!write(argv[1], kyoso::to_graphml(model)) || !write(argv[2], kyoso::to_node_link(model))) {
    return 1;
  }
  std::cout << model.node_count() << " " << model.edge_count() << "\n";
  return 0;
}
