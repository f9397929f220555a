// What kyoso serve answers: the page (web/, embedded at build time) and the API under
// /api/v1/, whose documents are those the CLI prints with --format json — each endpoint runs
// the CLI command of its name on the models loaded once at start, so parameters are checked
// by the same rules, with the same messages (docs/serve.md).
#pragma once

#include <cstdint>
#include <string_view>

#include "http_server.hpp"
#include "kyoso/model.hpp"
#include "kyoso/scenario.hpp"

namespace kyoso::serve {

// The most Monte Carlo runs one request may ask for (the CLI allows 100,000: a server shares
// its cores between requests). The values a run keeps are bounded as for the CLI
// (kyoso::limits::max_simulation_values), and so are path lengths and neighbour depths.
inline constexpr int max_runs = 1'000;
// How long GraphViz may take to draw one picture, and the most it may write.
inline constexpr int dot_timeout_ms = 10'000;
inline constexpr std::size_t max_picture_bytes = 8u << 20;

class Api {
 public:
  // `model` is `base` with `scenario` laid over it, or `base` itself when `scenario` is null;
  // all three must outlive the Api, and are only read.
  Api(const Model& base, const Model& model, const Scenario* scenario);

  // Never throws: every failure is an answer (a kyoso.error/1 document for the API).
  Response operator()(const Request& request) const;

 private:
  const Model& base_;
  const Model& model_;
  const Scenario* scenario_;
};

// An embedded file of the page.
struct Asset {
  std::string_view path;  // e.g. "/app.js"
  std::string_view content_type;
  std::string_view body;
};
// Every embedded file; "/index.html" is also served at "/". Generated from web/ by the build.
std::span<const Asset> web_assets();

}  // namespace kyoso::serve
