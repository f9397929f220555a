// The kyoso side of the path comparison (compare.py): loads a model once, then answers
// "from to" pairs read from standard input with kyoso::shortest_paths, edges followed either
// way, as networkx.shortest_path_length does on the undirected view. Writes one line per pair,
// "from to length seconds" ("none" when unconnected), after a first line "load seconds".
#include <chrono>
#include <iostream>
#include <kyoso/kyoso.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kyoso_path_lengths MODEL.jgf.json < pairs\n";
    return 2;
  }
  using clock = std::chrono::steady_clock;
  auto seconds = [](clock::time_point a, clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  try {
    auto start = clock::now();
    kyoso::Model model = kyoso::load_model(argv[1]);
    std::cout << "load " << seconds(start, clock::now()) << "\n";
    kyoso::PathQuery query;
    // The library's cap, far above any path length in these models: as good as none, which
    // is what networkx has.
    query.max_length = kyoso::limits::max_path_length;
    query.max_paths = 0;  // the length alone, as networkx
    while (std::cin >> query.from >> query.to) {
      auto begin = clock::now();
      kyoso::PathResult r = kyoso::shortest_paths(model, query);
      double took = seconds(begin, clock::now());
      std::cout << query.from << " " << query.to << " "
                << (r.length ? std::to_string(*r.length) : "none") << " " << took << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "kyoso_path_lengths: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
