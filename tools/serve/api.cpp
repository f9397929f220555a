#include "api.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <sstream>
#include <vector>

#include "cli.hpp"
#include "kyoso/error.hpp"
#include "kyoso/io.hpp"
#include "kyoso/limits.hpp"
#include "kyoso/report.hpp"

extern char** environ;

namespace kyoso::serve {
namespace {

using cli::Command;
using cli::CommandLine;
using cli::UsageError;
namespace po = boost::program_options;

// A refusal answered with `status` and a kyoso.error/1 document.
struct Refusal {
  http::status status;
  Error error;
};

// ---- the request's target -------------------------------------------------------------------

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded: %XX and '+' for a space.
std::string decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (text[i] == '%') {
      throw Refusal{http::status::bad_request, Error("malformed percent-escape in the query: '" +
                                                     escape_controls(text.substr(i, 3)) + "'")};
    } else {
      out += text[i];
    }
  }
  return out;
}

using Parameters = std::vector<std::pair<std::string, std::string>>;

Parameters query_parameters(std::string_view query) {
  Parameters out;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    out.emplace_back(decoded(pair.substr(0, eq)),
                     eq == std::string_view::npos ? "" : decoded(pair.substr(eq + 1)));
  }
  return out;
}

// ---- running a CLI command ------------------------------------------------------------------

// The parameters no endpoint takes, and why.
std::optional<std::string> refused_parameter(std::string_view name) {
  if (name == "profile") {
    return "'profile' names a file, and kyoso serve reads no files: give mission, goal, field, "
           "stage, partner, holds and establishment as parameters";
  }
  if (name == "all-universities") {
    return "'all-universities' writes many documents (JSON lines); run 'kyoso fit "
           "--all-universities' instead";
  }
  return std::nullopt;
}

const Command& command_named(std::string_view name) {
  static const std::vector<Command> commands = cli::all_commands();
  for (const Command& c : commands) {
    if (c.name == name) return c;
  }
  throw std::logic_error("no command " + std::string(name));
}

// The names a command takes as parameters: its options and positional arguments, and lang.
std::string parameter_list(const po::options_description& all) {
  std::string names;
  for (const auto& option : all.options()) {
    if (refused_parameter(option->long_name())) continue;
    names += (names.empty() ? "" : ", ") + option->long_name();
  }
  return names;
}

void check_caps(const Parameters& parameters) {
  for (const auto& [name, value] : parameters) {
    if (name != "runs") continue;
    char* end = nullptr;
    errno = 0;
    long runs = std::strtol(value.c_str(), &end, 10);
    // A value that is not a number is left to the command, which says so in its own words.
    if (end != value.c_str() && *end == '\0' && errno == 0 && runs > max_runs) {
      throw Refusal{http::status::bad_request,
                    Error("runs: at most " + std::to_string(max_runs) +
                          " Monte Carlo runs per request (kyoso serve), not " + value)};
    }
  }
}

// Runs the CLI command `name` with the request's parameters as its options (each `name=value`
// as --name=value, a flag as --name) on the given models, and returns what it prints.
std::string run_command(std::string_view name, const Parameters& parameters,
                        std::string_view format, const Model& base, const Model& model,
                        const Scenario* scenario) {
  const Command& command = command_named(name);
  CommandLine line;
  command.declare(line);
  po::options_description all;
  all.add(line.arguments).add(line.options);
  all.add_options()("lang", po::value<std::string>()->default_value("ja"), "");
  check_caps(parameters);
  std::vector<std::string> args;
  for (const auto& [key, value] : parameters) {
    if (auto why = refused_parameter(key)) throw Refusal{http::status::bad_request, Error(*why)};
    const po::option_description* option = all.find_nothrow(key, false);
    if (!option || key.empty()) {
      throw Refusal{http::status::bad_request,
                    Error("unknown parameter '" + escape_controls(key) + "' for /api/v1/" +
                          std::string(name) + " (parameters: " + parameter_list(all) + ")")};
    }
    if (option->semantic()->max_tokens() == 0) {
      if (value == "false" || value == "0") continue;
      if (!value.empty() && value != "true" && value != "1") {
        throw Refusal{http::status::bad_request,
                      Error("parameter '" + key + "' is a flag: true, false, 1, 0 or empty, not '" +
                            escape_controls(value) + "'")};
      }
      args.push_back("--" + key);
    } else {
      args.push_back("--" + key + "=" + value);
    }
  }
  po::variables_map options;
  try {
    constexpr int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(args).options(all).style(style).run(), options);
    po::notify(options);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  std::string lang_text = options["lang"].as<std::string>();
  std::optional<Lang> lang = parse_lang(lang_text);
  if (!lang) throw UsageError("unknown --lang '" + lang_text + "' (expected ja or en)");
  std::ostringstream out;
  cli::Context context(options, *lang, std::string(format), 0, out);
  context.use(base, model, scenario);
  command.run(context);
  return std::move(out).str();
}

// ---- GraphViz -------------------------------------------------------------------------------

// `dot -Tsvg` on `graph`: a child process fed through a pipe, given dot_timeout_ms and
// max_picture_bytes. No file is read or written.
std::string svg_of(const std::string& graph) {
  auto unavailable = [](std::string why) {
    return Refusal{http::status::service_unavailable, Error("cannot draw the picture: " + why)};
  };
  std::array<int, 2> in{}, out{};
  if (pipe2(in.data(), O_CLOEXEC) != 0) throw unavailable("no pipe");
  if (pipe2(out.data(), O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    throw unavailable("no pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // Not the server's sockets: a connection closed here must not stay open in dot.
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
  char arg0[] = "dot", arg1[] = "-Tsvg";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (spawned != 0) {
    close(in[1]);
    close(out[0]);
    throw unavailable("GraphViz's dot is not installed (Debian: graphviz)");
  }
  // dot reads the whole graph before it writes anything, so writing first cannot deadlock.
  std::size_t written = 0;
  while (written < graph.size()) {
    ssize_t n = write(in[1], graph.data() + written, graph.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(in[1]);
  std::string svg;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(dot_timeout_ms);
  bool failed = false;
  std::array<char, 65536> chunk{};
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    pollfd ready{out[0], POLLIN, 0};
    if (left <= 0 || poll(&ready, 1, static_cast<int>(left)) == 0) {
      failed = true;
      break;
    }
    ssize_t n = read(out[0], chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    svg.append(chunk.data(), static_cast<std::size_t>(n));
    if (svg.size() > max_picture_bytes) {
      failed = true;
      break;
    }
  }
  close(out[0]);
  if (failed) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (failed) throw unavailable("dot took too long or drew too much");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw unavailable("dot failed");
  return svg;
}

// ---- the page's choices ---------------------------------------------------------------------

boost::json::object text_json(const Text& text) { return {{"ja", text.ja}, {"en", text.en}}; }

// "kyoso.serve.choices/1": the ids and names the profile form offers, by kind.
std::string choices_json(const Model& model) {
  boost::json::object doc;
  doc["schema"] = "kyoso.serve.choices/1";
  auto of_kind = [&](Kind kind) {
    boost::json::array list;
    for (NodeIndex i : model.nodes_of_kind(kind)) {
      const Node& n = model.node(i);
      list.push_back(boost::json::object{{"id", n.id}, {"name", text_json(n.name)}});
    }
    return list;
  };
  for (auto [key, kind] : {std::pair{"missions", Kind::mission},
                           {"goals", Kind::purpose},
                           {"fields", Kind::field},
                           {"stages", Kind::stage},
                           {"partners", Kind::partner},
                           {"establishments", Kind::establishment},
                           {"challenges", Kind::challenge},
                           {"programs", Kind::program}}) {
    doc[key] = of_kind(kind);
  }
  doc["max_runs"] = max_runs;
  return boost::json::serialize(doc) + "\n";
}

// ---- answers --------------------------------------------------------------------------------

Response answer(http::status status, std::string_view type, std::string body) {
  Response response{status, 11};
  response.set(http::field::content_type, type);
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.body() = std::move(body);
  return response;
}

Response json_answer(std::string body) {
  return answer(http::status::ok, "application/json; charset=utf-8", std::move(body));
}

Response error_answer(http::status status, const Error& error) {
  return answer(status, "application/json; charset=utf-8", to_json(error) + "\n");
}

struct Endpoint {
  std::string_view path;     // under /api/v1/
  std::string_view command;  // the CLI command that answers it; empty: answered here
  http::verb method;
};

// The endpoints, each a CLI command. fit, explain and portfolio take `university` as the CLI
// takes --university.
constexpr std::array endpoints{
    Endpoint{"find", "find", http::verb::get},
    Endpoint{"list", "list", http::verb::get},
    Endpoint{"profile", "profile", http::verb::get},
    Endpoint{"fit", "fit", http::verb::get},
    Endpoint{"explain", "explain", http::verb::get},
    Endpoint{"explain.svg", "explain", http::verb::get},
    Endpoint{"portfolio", "portfolio", http::verb::get},
    Endpoint{"diagnose", "diagnose", http::verb::get},
    Endpoint{"show", "show", http::verb::get},
    Endpoint{"path", "path", http::verb::get},
    Endpoint{"neighbors", "neighbors", http::verb::get},
    Endpoint{"simulate", "simulate", http::verb::get},
    Endpoint{"compare", "compare", http::verb::post},
    Endpoint{"choices", "", http::verb::get},
};

std::string endpoint_list() {
  std::string names;
  for (const Endpoint& e : endpoints) {
    names += (names.empty() ? "" : ", ") + std::string(e.path);
  }
  return names;
}

}  // namespace

Api::Api(const Model& base, const Model& model, const Scenario* scenario)
    : base_(base), model_(model), scenario_(scenario) {}

Response Api::operator()(const Request& request) const {
  std::string_view target = request.target();
  std::size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::string_view query =
      question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);

  constexpr std::string_view api = "/api/v1/";
  if (!path.starts_with(api)) {
    if (request.method() != http::verb::get) {
      Response r = answer(http::status::method_not_allowed, "text/plain; charset=utf-8",
                          "the page is read with GET\n");
      r.set(http::field::allow, "GET");
      return r;
    }
    std::string_view file = path == "/" ? "/index.html" : path;
    for (const Asset& asset : web_assets()) {
      if (asset.path != file) continue;
      Response r = answer(http::status::ok, asset.content_type, std::string(asset.body));
      r.set(http::field::cache_control, "no-cache");
      r.set("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'");
      return r;
    }
    return answer(http::status::not_found, "text/plain; charset=utf-8", "not found\n");
  }

  std::string_view name = path.substr(api.size());
  const Endpoint* endpoint = nullptr;
  for (const Endpoint& e : endpoints) {
    if (e.path == name) endpoint = &e;
  }
  try {
    if (!endpoint) {
      throw Refusal{http::status::not_found, Error("no endpoint /api/v1/" + escape_controls(name) +
                                                   " (endpoints: " + endpoint_list() + ")")};
    }
    if (request.method() != endpoint->method) {
      std::string method(http::to_string(endpoint->method));
      Response r = error_answer(http::status::method_not_allowed,
                                Error("/api/v1/" + std::string(name) + " is asked with " + method));
      r.set(http::field::allow, method);
      return r;
    }
    Parameters parameters = query_parameters(query);
    if (endpoint->command.empty()) {
      if (!parameters.empty()) {
        throw Refusal{http::status::bad_request,
                      Error("/api/v1/" + std::string(name) + " takes no parameters")};
      }
      return json_answer(choices_json(model_));
    }
    if (endpoint->method == http::verb::post) {
      if (request.body().empty()) {
        throw Refusal{http::status::bad_request,
                      Error("compare needs a scenario (kyoso.scenario/1, docs/scenarios.md) as "
                            "the request body")};
      }
      Scenario scenario = parse_scenario(request.body(), "request body");
      Model applied = apply(base_, scenario);
      return json_answer(
          run_command(endpoint->command, parameters, "json", base_, applied, &scenario));
    }
    if (name.ends_with(".svg")) {
      std::string graph =
          run_command(endpoint->command, parameters, "dot", base_, model_, scenario_);
      return answer(http::status::ok, "image/svg+xml", svg_of(graph));
    }
    return json_answer(
        run_command(endpoint->command, parameters, "json", base_, model_, scenario_));
  } catch (const Refusal& r) {
    return error_answer(r.status, r.error);
  } catch (const UsageError& e) {
    return error_answer(http::status::bad_request, Error(e.what()));
  } catch (const UnknownIdError& e) {
    return error_answer(http::status::not_found, e);
  } catch (const Interrupted& e) {
    return error_answer(http::status::service_unavailable, e);
  } catch (const Error& e) {
    return error_answer(http::status::bad_request, e);
  } catch (const std::bad_alloc&) {
    return error_answer(http::status::service_unavailable, Error("out of memory"));
  } catch (const std::exception& e) {
    return error_answer(http::status::internal_server_error,
                        Error(std::string("internal error: ") + e.what()));
  }
}

}  // namespace kyoso::serve
