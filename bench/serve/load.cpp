// A bounded HTTP load on loopback: C connections, each sending R requests one after another on
// a keep-alive connection, cycling through the targets given (so the mix is the same for any
// server), and the latencies by endpoint. Written for bench/serve/compare.py, which runs it
// against kyoso serve and against Flask:
//
//   kyoso_serve_load PORT CONNECTIONS REQUESTS_PER_CONNECTION TARGET...
//
// Prints one JSON object: {"requests", "failed", "seconds", "per_second", "endpoints":
// {PATH: {"count", "p50_ms", "p99_ms"}}}. A failed request (not 200, or a broken connection)
// is counted, and its connection opened again.
#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Sample {
  std::size_t target;
  double ms;
  bool ok;
};

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: kyoso_serve_load PORT CONNECTIONS REQUESTS_PER_CONNECTION TARGET...\n";
    return 2;
  }
  std::string port = argv[1];
  int connections = std::atoi(argv[2]);
  int per_connection = std::atoi(argv[3]);
  std::vector<std::string> targets(argv + 4, argv + argc);
  std::vector<std::vector<Sample>> samples(static_cast<std::size_t>(connections));

  auto client = [&](int index) {
    net::io_context io;
    tcp::resolver resolver(io);
    auto endpoints = resolver.resolve("127.0.0.1", port);
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    auto& mine = samples[static_cast<std::size_t>(index)];
    for (int i = 0; i < per_connection; ++i) {
      std::size_t t = static_cast<std::size_t>(index + i) % targets.size();
      auto started = Clock::now();
      bool ok = false;
      try {
        if (!stream) {
          stream.emplace(io);
          stream->connect(endpoints);
          buffer.clear();
        }
        http::request<http::empty_body> request{http::verb::get, targets[t], 11};
        request.set(http::field::host, "127.0.0.1");
        http::write(*stream, request);
        http::response<http::string_body> response;
        http::read(*stream, buffer, response);
        ok = response.result() == http::status::ok;
        if (!response.keep_alive()) stream.reset();
      } catch (const std::exception&) {
        stream.reset();
      }
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      mine.push_back({t, ms, ok});
    }
  };

  auto started = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < connections; ++i) threads.emplace_back(client, i);
  for (std::thread& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();

  std::map<std::string, std::vector<double>> by_endpoint;
  std::size_t total = 0, failed = 0;
  for (const auto& mine : samples) {
    for (const Sample& s : mine) {
      ++total;
      if (!s.ok) ++failed;
      std::string path = targets[s.target].substr(0, targets[s.target].find('?'));
      by_endpoint[path].push_back(s.ms);
    }
  }
  auto percentile = [](std::vector<double>& v, double p) {
    std::size_t rank = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(rank), v.end());
    return v[rank];
  };
  boost::json::object endpoints;
  for (auto& [path, ms] : by_endpoint) {
    endpoints[path] = {
        {"count", ms.size()}, {"p50_ms", percentile(ms, 0.50)}, {"p99_ms", percentile(ms, 0.99)}};
  }
  boost::json::object result{{"requests", total},
                             {"failed", failed},
                             {"seconds", seconds},
                             {"per_second", static_cast<double>(total) / seconds},
                             {"endpoints", endpoints}};
  std::cout << boost::json::serialize(result) << "\n";
  return failed == 0 ? 0 : 1;
}
