// kyoso serve's HTTP layer on Boost.Beast: accepting connections, reading requests within
// size and time limits, writing answers, the access log and a graceful stop. What a request
// is answered with is the Handler's (api.hpp); this file knows nothing of kyoso's queries.
#pragma once

#include <boost/beast/http.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace kyoso::serve {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
// Answers one request. Called on any worker thread, concurrently; must not throw (an
// exception is answered with 500 all the same, and the server keeps running).
using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise: nothing is exposed
  unsigned short port = 8080;      // 0: any free port (the one taken is logged)
  std::size_t threads = 0;         // 0: one per core
  // The request line and headers together; over it: 431.
  std::size_t max_header_bytes = 8 * 1024;
  // A request's body (a scenario for compare); over it: 413.
  std::size_t max_body_bytes = 1024 * 1024;
  // A request must arrive, and an answer leave, within these; otherwise the connection is
  // closed. The read timeout also ends idle keep-alive connections.
  std::chrono::milliseconds read_timeout{10'000};
  std::chrono::milliseconds write_timeout{10'000};
  // After SIGINT or SIGTERM: no new connections; requests under way get this long to finish.
  std::chrono::milliseconds stop_grace{2'000};
};

// Serves until SIGINT or SIGTERM, then returns. `log` gets the line saying where it listens
// (with the port actually bound) and one line per request:
//   127.0.0.1:53211 "GET /api/v1/fit?mission=… HTTP/1.1" 200 5123 0.8ms
// Throws boost::system::system_error when the address cannot be bound.
void run_server(const ServerOptions& options, const Handler& handler, std::ostream& log);

}  // namespace kyoso::serve
