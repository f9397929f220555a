#include "batch_fit.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "kyoso/query.hpp"
#include "kyoso/report.hpp"

namespace kyoso::cli {
namespace {

// Phases on standard error, only for a person watching a large model load: a terminal, and
// a file big enough to take a noticeable time. Redirected runs and tests see nothing.
class Progress {
 public:
  explicit Progress(const Context& context) {
    std::uintmax_t bytes = 0;
    for (const std::string& file : context.model_files()) {
      std::error_code ec;
      std::uintmax_t size = std::filesystem::file_size(file, ec);
      if (!ec) bytes += size;
    }
    constexpr std::uintmax_t large = 16u << 20;
    shown_ = isatty(STDERR_FILENO) && bytes >= large;
  }
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  void phase(const std::string& text) const {
    if (shown_) std::cerr << "\r\033[Kkyoso: " << text << "…" << std::flush;
  }

 private:
  bool shown_ = false;
};

void refuse_profile_options(const Context& context) {
  for (const char* option :
       {"profile", "mission", "goal", "field", "stage", "partner", "holds", "establishment"}) {
    if (context.options.count(option)) {
      throw UsageError(
          "--all-universities fits each university by the profile the model stores "
          "for it; --" +
          std::string(option) + " cannot be given with it");
    }
  }
}

}  // namespace

int run_batch_fit(Context& context, const BatchFitOptions& options) {
  refuse_profile_options(context);
  Progress progress(context);
  std::vector<std::string> files = context.model_files();
  progress.phase("loading " + (files.size() == 1 ? files[0] : std::string("the model")));
  const Model& model = context.model();
  progress.phase("fitting " + std::to_string(model.nodes_of_kind(Kind::university).size()) +
                 " universities");
  std::vector<UniversityFit> fits = fit_all(model);
  progress.phase("writing");
  FitAllOutput output;
  if (context.format == "csv") output.format = FitAllOutput::Format::csv;
  if (options.top) output.top = static_cast<std::size_t>(*options.top);
  output.eligible_only = options.eligible_only;
  write_fit_all(context.out, fits, output);
  return exit_ok;
}

}  // namespace kyoso::cli
