// Where a command's result goes: standard output, or the file named by -o.
#pragma once

#include <string_view>

#include "cli.hpp"

namespace kyoso::cli {

// Writes `text` to the -o file with kyoso::write_file (io.hpp: a regular file replaced whole,
// a device or FIFO written through, a link followed), or to standard output without -o or
// with "-o -".
void write_output(Context& context, std::string_view text);

}  // namespace kyoso::cli
