// kyoso serve: the answers of fit, explain, diagnose, simulate, compare … as a page in the
// browser and as an HTTP API, from one model loaded once (tools/serve/, docs/serve.md).
#include <boost/asio/ip/address.hpp>
#include <boost/system/system_error.hpp>
#include <csignal>
#include <iostream>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "serve/api.hpp"
#include "serve/http_server.hpp"

namespace kyoso::cli {
namespace {

void declare(CommandLine& line) {
  // clang-format off
  line.options.add_options()
      ("port", po::value<unsigned short>()->value_name("N")->default_value(8080),
       "the TCP port to listen on (0: any free one, logged at start)")
      ("host", po::value<std::string>()->value_name("ADDRESS")->default_value("127.0.0.1"),
       "the address to listen on; the default answers this machine only, 0.0.0.0 every "
       "network")
      ("threads", po::value<std::size_t>()->value_name("N")->default_value(0),
       "worker threads (0: one per core)")
      ("timeout", po::value<double>()->value_name("SECONDS")->default_value(10),
       "how long a request may take to arrive, and an answer to leave, before the connection "
       "is closed; also how long an idle connection is kept");
  // clang-format on
}

int run(Context& context) {
  serve::ServerOptions options;
  options.host = *context.get("host");
  boost::system::error_code ec;
  boost::asio::ip::make_address(options.host, ec);
  if (ec) throw UsageError("--host must be an IP address, not '" + options.host + "'");
  options.port = context.options["port"].as<unsigned short>();
  options.threads = context.options["threads"].as<std::size_t>();
  double timeout = context.options["timeout"].as<double>();
  if (!(timeout > 0 && timeout <= 3600))
    throw UsageError("--timeout must be above 0 and at most 3600");
  options.read_timeout = options.write_timeout =
      std::chrono::milliseconds(static_cast<long>(timeout * 1000));
  // A client or GraphViz that goes away is an error on that connection or picture, never a
  // signal that ends the server.
  std::signal(SIGPIPE, SIG_IGN);
  // Loaded (and the scenario applied) before the first connection: every request reads them.
  const Model& model = context.model();
  serve::Api api(context.base_model(), model, context.scenario());
  try {
    serve::run_server(options, std::cref(api), std::cerr);
  } catch (const boost::system::system_error& e) {
    throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
                e.code().message());
  }
  return exit_ok;
}

}  // namespace

Command serve_command() {
  return {
      .name = "serve",
      .summary = "Answer in a browser page and an HTTP API (fit, explain, simulate, …)",
      .arguments =
          "[--port N] [--host ADDRESS] [--threads N] [--timeout SECONDS] [--model FILE]\n"
          "                   [--scenario FILE]",
      .details =
          "Loads the model once and answers over HTTP until SIGINT or SIGTERM: the page at /\n"
          "(a profile form, the ranking, each program's explanation with its picture, diagnose\n"
          "and a budget what-if, in Japanese or English), and the API under /api/v1/, whose\n"
          "documents are those of --format json. One line per request on standard error.\n"
          "docs/serve.md lists the endpoints and the limits.\n"
          "Example: kyoso serve --port 8080, then open http://127.0.0.1:8080/",
      .formats = {},
      .declare = declare,
      .run = run,
  };
}

}  // namespace kyoso::cli
