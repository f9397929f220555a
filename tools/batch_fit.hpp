// kyoso fit --all-universities: every university of the model ranked at once by the profile
// the model stores for it (kyoso::fit_all), one JSON line or CSV rows per university.
#pragma once

#include <optional>

#include "cli.hpp"

namespace kyoso::cli {

struct BatchFitOptions {
  std::optional<int> top;  // keep the first K programs of each ranking
  bool eligible_only = false;
};

// Writes the rankings in context.format ("jsonl" or "csv"); tools/README.md gives the shapes.
// A profile option beside --all-universities is a UsageError: each university has its own.
int run_batch_fit(Context& context, const BatchFitOptions& options);

}  // namespace kyoso::cli
