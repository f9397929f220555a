#include "http_server.hpp"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/version.hpp>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "kyoso/error.hpp"

namespace kyoso::serve {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// What every connection shares: the handler, the limits, the log and whether the server is
// stopping (then each connection closes after its answer).
struct Shared {
  Shared(const ServerOptions& options, const Handler& handler, std::ostream& log)
      : options(options), handler(handler), log(log) {}

  const ServerOptions& options;
  const Handler& handler;
  std::ostream& log;
  net::io_context* io = nullptr;
  std::mutex log_mutex;
  std::atomic<bool> stopping{false};
  // Set once the loop has returned: the connections the io_context still holds are then
  // destroyed with it, and must not call on it.
  std::atomic<bool> finished{false};
  std::atomic<std::size_t> connections{0};
  bool loopback = false;  // listening on a loopback address: see names_this_machine

  // Once stopping, the last connection to close ends the loop.
  void closed() {
    if (--connections == 0 && stopping && !finished) io->stop();
  }

  void write_log(const std::string& line) {
    std::lock_guard lock(log_mutex);
    log << line << '\n' << std::flush;
  }
};

// Whether a request's Host names this machine: "localhost", "127.0.0.1", "[::1]", with or
// without a port. A server on loopback answers only those, so that a web page elsewhere cannot
// reach it through a name of its own that resolves to 127.0.0.1 (DNS rebinding).
bool names_this_machine(std::string_view host) {
  if (host.starts_with("[::1]")) {
    host.remove_prefix(5);
  } else {
    std::string_view name = host.substr(0, host.find(':'));
    if (name != "localhost" && name != "127.0.0.1") return false;
    host.remove_prefix(name.size());
  }
  return host.empty() || (host[0] == ':' && host.size() > 1 &&
                          host.find_first_not_of("0123456789", 1) == std::string_view::npos);
}

Response plain_error(http::status status, unsigned version, std::string_view message) {
  Response response{status, version};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body() = std::string(message) + "\n";
  response.keep_alive(false);
  response.prepare_payload();
  return response;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.connections;
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = remote.address().to_string() + ":" + std::to_string(remote.port());
  }

  ~Session() { shared_.closed(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.max_header_bytes));
    parser_->body_limit(shared_.options.max_body_bytes);
    stream_.expires_after(shared_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return close();
    }
    started_ = Clock::now();
    if (ec == http::error::header_limit) {
      return answer("-",
                    plain_error(http::status::request_header_fields_too_large, 11,
                                "request line and headers over " +
                                    std::to_string(shared_.options.max_header_bytes) + " bytes"));
    }
    if (ec == http::error::body_limit) {
      return answer(request_line(),
                    plain_error(http::status::payload_too_large, 11,
                                "request body over " +
                                    std::to_string(shared_.options.max_body_bytes) + " bytes"));
    }
    if (ec) return answer("-", plain_error(http::status::bad_request, 11, "malformed request"));
    Request request = parser_->release();
    std::string line = request_line(request);
    Response response;
    try {
      auto host = request.find(http::field::host);
      if (shared_.loopback && host != request.end() && !names_this_machine(host->value())) {
        response = plain_error(http::status::forbidden, request.version(),
                               "this server answers requests for localhost only");
      } else {
        response = shared_.handler(request);
      }
    } catch (...) {
      response =
          plain_error(http::status::internal_server_error, request.version(), "internal error");
    }
    response.version(request.version());
    response.keep_alive(response.keep_alive() && request.keep_alive() && !shared_.stopping);
    response.set(http::field::server, "kyoso");
    response.prepare_payload();
    answer(std::move(line), std::move(response));
  }

  std::string request_line() const {
    if (!parser_ || !parser_->is_header_done()) return "-";
    return request_line(parser_->get());
  }

  static std::string request_line(const Request& r) {
    std::string line = std::string(r.method_string()) + " " + std::string(r.target()) + " HTTP/" +
                       std::to_string(r.version() / 10) + "." + std::to_string(r.version() % 10);
    // What the client sent goes to a terminal: escaped, and not too long.
    constexpr std::size_t shown = 300;
    if (line.size() > shown) line = line.substr(0, shown) + "…";
    return escape_controls(line);
  }

  void answer(std::string line, Response response) {
    request_line_ = std::move(line);
    response_ = std::make_shared<Response>(std::move(response));
    stream_.expires_after(shared_.options.write_timeout);
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t bytes) {
    auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    std::ostringstream entry;
    entry << peer_ << " \"" << request_line_ << "\" " << response_->result_int() << " " << bytes
          << " " << micros / 1000 << "." << (micros % 1000) / 100 << "ms";
    if (ec) entry << " (" << ec.message() << ")";
    shared_.write_log(entry.str());
    bool keep = !ec && response_->keep_alive();
    response_.reset();
    if (!keep) return close();
    read();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  std::string request_line_;
  std::string peer_ = "-";
  Clock::time_point started_ = Clock::now();
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& io, tcp::endpoint endpoint, Shared& shared)
      : io_(io), acceptor_(net::make_strand(io)), shared_(shared) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

  void accept() {
    acceptor_.async_accept(net::make_strand(io_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
    });
  }

 private:
  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    // A failed accept (out of descriptors, a reset) loses that connection, not the server.
    if (!ec) std::make_shared<Session>(std::move(socket), shared_)->start();
    accept();
  }

  net::io_context& io_;
  tcp::acceptor acceptor_;
  Shared& shared_;
};

}  // namespace

void run_server(const ServerOptions& options, const Handler& handler, std::ostream& log) {
  std::size_t threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  // Declared before the io_context, so that it outlives the connections the io_context
  // destroys with itself.
  Shared shared{options, handler, log};
  net::io_context io(static_cast<int>(threads));
  shared.io = &io;
  auto address = net::ip::make_address(options.host);
  shared.loopback = address.is_loopback();
  auto listener = std::make_shared<Listener>(io, tcp::endpoint(address, options.port), shared);
  listener->accept();

  net::steady_timer grace(io);
  net::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code ec, int signal) {
    if (ec) return;
    shared.write_log(std::string("stopping (") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    shared.stopping = true;
    listener->stop();
    if (shared.connections == 0) return io.stop();
    // Idle keep-alive connections would otherwise hold the loop until their read timeout.
    grace.expires_after(options.stop_grace);
    grace.async_wait([&](beast::error_code) { io.stop(); });
  });

  tcp::endpoint bound = listener->local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                             : bound.address().to_string();
  shared.write_log("listening on http://" + host + ":" + std::to_string(bound.port()) + "/ (" +
                   std::to_string(threads) + (threads == 1 ? " thread)" : " threads)"));

  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < threads; ++i) workers.emplace_back([&io] { io.run(); });
  io.run();
  for (std::thread& t : workers) t.join();
  shared.finished = true;
  shared.write_log("stopped");
}

}  // namespace kyoso::serve
