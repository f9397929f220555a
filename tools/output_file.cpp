#include "output_file.hpp"

#include "kyoso/io.hpp"

namespace kyoso::cli {

void write_output(Context& context, std::string_view text) {
  std::optional<std::string> output = context.get("output");
  if (!output || *output == "-") {
    context.out << text;
  } else {
    write_file(*output, text);
  }
}

}  // namespace kyoso::cli
