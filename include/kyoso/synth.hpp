// Synthetic national-scale models: the embedded FY2024 core (core_model(): its programs,
// purposes, missions, fields, partners, casebook …, without the national layer, whose place
// the generated universities take) plus generated universities, each with a stored
// profile, generated programs and stakeholders, and joint-research links skewed the way real
// collaboration networks are (a few hubs, many small nodes). For benchmarks, and for trying
// kyoso at the size of the real question: every university against every program.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kyoso/model.hpp"

namespace kyoso {

struct SynthOptions {
  std::size_t universities = 1'000;  // generated, besides the embedded model's
  std::size_t programs = 200;        // generated, besides the embedded model's
  std::size_t stakeholders = 10'000;
  // Edges of the whole model. The embedded model's edges, the programs' facts and the
  // universities' profiles come first; joint-research links make up the rest.
  std::size_t edges = 100'000;
  std::uint64_t seed = 1;
};

// The same options give the same model, and so the same file, with any compiler and standard
// library: the draws are integer arithmetic on std::mt19937_64's output, never a standard
// distribution. Generated nodes and edges carry no sources (docs/format.md allows that for
// synthetic models). Throws Error when `edges` is fewer than the structure needs (the message
// says how many it does) or more than the stakeholders can hold without repeating a link, and
// when a count is over its limit (100,000,000 nodes of a kind; LoadLimits' edges, so that the
// model loads back from the file it is saved as).
Model synthesize(const SynthOptions&);

}  // namespace kyoso
