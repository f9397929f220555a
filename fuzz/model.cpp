// The model loader on arbitrary bytes: it may refuse them, but only with a kyoso::Error.
// Anything else (another exception, a crash, a sanitizer report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <kyoso/kyoso.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    kyoso::Model model = kyoso::parse_model(text, "fuzz.json");
    // A loaded model answers questions about itself without failing.
    for (kyoso::NodeIndex i = 0; i < model.node_count(); ++i) {
      (void)model.neighbors(i, kyoso::Direction::both);
      (void)model.resolve(model.node(i).id);
    }
  } catch (const kyoso::Error&) {
  }
  return 0;
}
