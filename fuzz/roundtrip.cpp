// Whatever the loader accepts, it saves and loads back equal, and saves again to the same
// bytes; a mismatch aborts, so libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <kyoso/kyoso.hpp>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void mismatch(const char* what, const std::string& saved) {
  std::fprintf(stderr, "JGF round trip: %s\n--- saved:\n%s\n", what, saved.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kyoso::Model model;
  try {
    model = kyoso::parse_model(text, "fuzz.json");
  } catch (const kyoso::Error&) {
    return -1;  // not a model: keep it out of the corpus
  }
  std::string saved = kyoso::to_jgf(model);
  kyoso::Model again;
  try {
    again = kyoso::parse_model(saved, "saved.json");
  } catch (const kyoso::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    mismatch("what was saved does not load", saved);
  }
  if (!(again == model)) mismatch("the model loaded back differs", saved);
  if (kyoso::to_jgf(again) != saved) mismatch("saving again gives other bytes", saved);
  return 0;
}
