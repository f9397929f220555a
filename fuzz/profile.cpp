// fit, explain and portfolio on the embedded model for a profile made of fuzz bytes, and
// their results as JSON documents; they may refuse it, but only with a kyoso::Error.
//
// Input: a profile file (JSON, read by parse_profile) when it starts with '{'; otherwise one
// field a line (missing lines stay empty; lists are comma-separated):
//   mission / goals / fields / stage / partners / holds / establishment / applicant /
//   program to explain / weights "mission goals fields stage inherited"
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <kyoso/kyoso.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// An empty line is no list at all, as a user who states no goals would give.
std::vector<std::string> list(const std::string& line) {
  return line.empty() ? std::vector<std::string>{} : split(line, ',');
}

kyoso::FitWeights weights(const std::string& line) {
  kyoso::FitWeights w;
  std::istringstream in(line);
  in >> w.mission >> w.goals >> w.fields >> w.stage >> w.inherited;
  return w;
}

kyoso::Profile from_lines(const std::vector<std::string>& lines) {
  kyoso::Profile profile;
  profile.mission = lines[0];
  profile.goals = list(lines[1]);
  profile.fields = list(lines[2]);
  profile.stage = lines[3];
  profile.partners = list(lines[4]);
  profile.holds = list(lines[5]);
  profile.establishment = lines[6];
  if (!lines[7].empty()) profile.applicant = lines[7];
  return profile;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kyoso::Model& model = kyoso::default_model();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines =
      text.starts_with('{') ? std::vector<std::string>{} : split(text, '\n');
  lines.resize(std::max<std::size_t>(lines.size(), 10));
  kyoso::Profile profile;
  if (text.starts_with('{')) {
    try {
      profile = kyoso::parse_profile(model, text, "profile.json");
    } catch (const kyoso::Error&) {
      return -1;  // not a profile file: keep it out of the corpus
    }
  } else {
    profile = from_lines(lines);
  }
  kyoso::FitWeights w = lines[9].empty() ? kyoso::FitWeights{} : weights(lines[9]);

  try {
    kyoso::FitResult ranked = kyoso::fit(model, profile, w);
    (void)kyoso::to_json(ranked);
    std::string program = lines[8];
    if (program.empty() && !ranked.results.empty()) program = ranked.results.front().id;
    kyoso::Recommendation why = kyoso::explain(model, program, profile, w);
    (void)kyoso::explanation_nodes(why);
    (void)kyoso::to_json(why, ranked.profile);
  } catch (const kyoso::Error&) {
  }
  try {
    (void)kyoso::to_json(kyoso::portfolio(model, profile, w));
  } catch (const kyoso::Error&) {
  }
  return 0;
}
