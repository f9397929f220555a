// Scenario files on arbitrary bytes, applied to the embedded model. Reading and applying may
// refuse, but only with a kyoso::Error; what reads must write back to the same scenario and
// the same bytes; what applies must be a model that saves and loads back equal; and the
// base model must come out of it all unchanged. A broken promise aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <kyoso/kyoso.hpp>
#include <kyoso/scenario.hpp>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "scenario: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// A copy of the base made without sharing anything with it, to compare against.
const kyoso::Model& pristine() {
  static const kyoso::Model copy = kyoso::parse_model(kyoso::to_jgf(kyoso::default_model()));
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const kyoso::Model& base = kyoso::default_model();
  (void)pristine();
  kyoso::Scenario scenario;
  try {
    scenario = kyoso::parse_scenario(text, "fuzz.json");
  } catch (const kyoso::Error&) {
    return -1;  // not a scenario: keep it out of the corpus
  }
  std::string written = kyoso::to_json(scenario);
  try {
    kyoso::Scenario again = kyoso::parse_scenario(written, "written.json");
    again.origin = scenario.origin;
    if (!(again == scenario)) broken("the scenario read back differs", written);
    if (kyoso::to_json(again) != written) broken("writing again gives other bytes", written);
  } catch (const kyoso::Error& e) {
    broken("what was written does not read", std::string(e.what()) + "\n" + written);
  }
  try {
    kyoso::Model derived = kyoso::apply(base, scenario);
    std::string saved = kyoso::to_jgf(derived);
    try {
      if (!(kyoso::parse_model(saved, "derived.json") == derived)) {
        broken("the derived model loads back different", written);
      }
    } catch (const kyoso::Error& e) {
      broken("the derived model does not load", std::string(e.what()) + "\n" + written);
    }
  } catch (const kyoso::Error&) {
  }
  if (!(base == pristine())) broken("applying changed the base model", written);
  return 0;
}
