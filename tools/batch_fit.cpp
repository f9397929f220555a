#include "batch_fit.hpp"

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <iostream>

#include "io/json_writer.hpp"
#include "kyoso/query.hpp"

namespace kyoso::cli {
namespace {

// A float as Python writes it, the shortest text that reads back as the same number (1.0,
// 0.7333333333333333): what the JSON documents write, so CSV and JSON agree to the bit.
void append_number(std::string& out, double value) {
  char text[32];
  auto end = std::to_chars(text, text + sizeof text, value).ptr;
  std::string_view written(text, static_cast<std::size_t>(end - text));
  out += written;
  if (written.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_id(std::string& out, const std::string& id) {
  if (id.empty()) {
    out += "null";
  } else {
    out += detail::json_quote(id);
  }
}

void append_ids(std::string& out, const std::vector<std::string>& ids) {
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += detail::json_quote(ids[i]);
  }
  out += ']';
}

// The "profile" member of kyoso.fit/1, keys sorted.
void append_profile(std::string& out, const Profile& p) {
  out += "{\"applicant\":";
  append_id(out, p.applicant);
  out += ",\"establishment\":";
  append_id(out, p.establishment);
  out += ",\"fields\":";
  append_ids(out, p.fields);
  out += ",\"goals\":";
  append_ids(out, p.goals);
  out += ",\"holds\":";
  append_ids(out, p.holds);
  out += ",\"mission\":";
  append_id(out, p.mission);
  out += ",\"partners\":";
  append_ids(out, p.partners);
  out += ",\"stage\":";
  append_id(out, p.stage);
  out += '}';
}

// Written by hand rather than through a JSON tree: a national model has a thousand lines of
// hundreds of results, and building and sorting a tree for each would cost more than the fit.
// The keys are in sorted order, as every kyoso document's are.
void append_jsonl(std::string& out, const Model& model, const UniversityFit& fit,
                  std::span<const RankedProgram> ranking) {
  const std::string& university = model.node(fit.university).id;
  out += "{\"profile\":";
  append_profile(out, profile_of(model, university));
  out += ",\"results\":[";
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"eligibility\":\"";
    out += to_string(ranking[i].eligibility);
    out += "\",\"id\":";
    out += detail::json_quote(model.node(ranking[i].program).id);
    out += ",\"score\":";
    append_number(out, ranking[i].score);
    out += '}';
  }
  out += "],\"schema\":\"kyoso.fit_all/1\",\"university\":";
  out += detail::json_quote(university);
  out += "}\n";
}

// Ids are slugs (docs/format.md: no commas, quotes or spaces), so no field needs quoting.
void append_csv(std::string& out, const Model& model, const UniversityFit& fit,
                std::span<const RankedProgram> ranking) {
  const std::string& university = model.node(fit.university).id;
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    out += university;
    out += ',';
    out += std::to_string(i + 1);
    out += ',';
    out += model.node(ranking[i].program).id;
    out += ',';
    append_number(out, ranking[i].score);
    out += ',';
    out += to_string(ranking[i].eligibility);
    out += '\n';
  }
}

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
  const bool csv = context.format == "csv";
  std::string out = csv ? "university,rank,program,score,eligibility\n" : "";
  std::vector<RankedProgram> kept;
  for (const UniversityFit& fit : fits) {
    std::span<const RankedProgram> ranking = fit.ranking;
    if (options.eligible_only) {
      kept.clear();
      for (const RankedProgram& r : fit.ranking) {
        if (r.eligibility != Eligibility::not_eligible) kept.push_back(r);
      }
      ranking = kept;
    }
    if (options.top && ranking.size() > static_cast<std::size_t>(*options.top)) {
      ranking = ranking.first(static_cast<std::size_t>(*options.top));
    }
    if (csv) {
      append_csv(out, model, fit, ranking);
    } else {
      append_jsonl(out, model, fit, ranking);
    }
  }
  context.out << out;
  return exit_ok;
}

}  // namespace kyoso::cli
