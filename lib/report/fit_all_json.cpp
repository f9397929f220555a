// fit_all()'s answer as "kyoso.fit_all/2" JSON lines or CSV rows (report.hpp). Written by
// hand rather than through a JSON tree: a national model has a thousand lines of hundreds of
// results, and building and sorting a tree for each would cost more than the fit. The keys
// are in sorted order and the numbers written by the JSON writer's own rule, as in every
// kyoso document.
#include <ostream>
#include <span>

#include "io/json_writer.hpp"
#include "kyoso/report.hpp"

namespace kyoso {
namespace {

using detail::json_quote;

void append_id(std::string& out, const std::string& id) {
  out += id.empty() ? std::string("null") : json_quote(id);
}

void append_ids(std::string& out, const std::vector<std::string>& ids) {
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += json_quote(ids[i]);
  }
  out += ']';
}

// The "profile" member, as report/documents.cpp's profile_json() writes it.
void append_profile(std::string& out, const Profile& p) {
  out += "{\"applicant\":";
  append_id(out, p.applicant);
  out += ",\"establishment\":";
  append_id(out, p.establishment);
  out += ",\"fields\":";
  append_ids(out, p.fields);
  out += ",\"fiscal_year\":";
  out += p.fiscal_year ? std::to_string(*p.fiscal_year) : std::string("null");
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

void append_line(std::string& out, const UniversityFit& fit,
                 std::span<const RankedProgram> ranking) {
  out += "{\"profile\":";
  append_profile(out, fit.profile);
  out += ",\"results\":[";
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"eligibility\":\"";
    out += to_string(ranking[i].eligibility);
    out += "\",\"id\":";
    out += json_quote(ranking[i].program);
    out += ",\"score\":";
    detail::append_number(out, ranking[i].score);
    out += '}';
  }
  out += "],\"schema\":\"kyoso.fit_all/2\",\"university\":";
  out += json_quote(fit.university);
  out += '}';
}

// Ids are slugs (docs/format.md: no commas, quotes or spaces), so no field needs quoting.
void append_rows(std::string& out, const UniversityFit& fit,
                 std::span<const RankedProgram> ranking) {
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    out += fit.university;
    out += ',';
    out += std::to_string(i + 1);
    out += ',';
    out += ranking[i].program;
    out += ',';
    detail::append_number(out, ranking[i].score);
    out += ',';
    out += to_string(ranking[i].eligibility);
    out += '\n';
  }
}

}  // namespace

std::string to_json(const UniversityFit& fit) {
  std::string out;
  append_line(out, fit, fit.ranking);
  return out;
}

void write_fit_all(std::ostream& out, const std::vector<UniversityFit>& fits,
                   const FitAllOutput& options) {
  const bool csv = options.format == FitAllOutput::Format::csv;
  if (csv) out << "university,rank,program,score,eligibility\n";
  std::vector<RankedProgram> kept;
  std::string text;  // one university's, reused
  for (const UniversityFit& fit : fits) {
    std::span<const RankedProgram> ranking = fit.ranking;
    if (options.eligible_only) {
      kept.clear();
      for (const RankedProgram& r : fit.ranking) {
        if (r.eligibility != Eligibility::not_eligible) kept.push_back(r);
      }
      ranking = kept;
    }
    if (options.top && ranking.size() > *options.top) ranking = ranking.first(*options.top);
    text.clear();
    if (csv) {
      append_rows(text, fit, ranking);
    } else {
      append_line(text, fit, ranking);
      text += '\n';
    }
    out << text;
  }
}

}  // namespace kyoso
