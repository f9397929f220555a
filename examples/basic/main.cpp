// The smallest kyoso program: look up COI-NEXT in the embedded FY2024 model and print what
// it serves, with the seed text each fact comes from.
#include <iostream>
#include <kyoso/kyoso.hpp>

int main(int argc, char** argv) {
  try {
    const kyoso::Model model = argc > 1 ? kyoso::load_model(argv[1]) : kyoso::default_model();
    kyoso::NodeIndex coi_next = model.resolve("program/coi-next");
    std::cout << model.node(coi_next).name.en << "\n";
    for (const kyoso::Step& step :
         model.neighbors(coi_next, kyoso::Direction::out, kyoso::Relation::serves)) {
      std::cout << "  serves " << model.node(step.node).name.en << "\n";
      for (const kyoso::Source& source : model.detail(step.edge).sources) {
        std::cout << "    source: " << source.document << " — " << source.quote << "\n";
      }
    }
    std::cout << "kyoso " << kyoso::version << ": " << model.node_count() << " nodes, "
              << model.edge_count() << " edges\n";
  } catch (const kyoso::Error& e) {
    std::cerr << "basic: " << e.what() << "\n";
    return 1;
  }
}
