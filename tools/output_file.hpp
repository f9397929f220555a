// Writing a result to a file so that a failure never leaves half of it behind.
#pragma once

#include <filesystem>
#include <string_view>

namespace kyoso::cli {

// Writes `text` to a temporary file beside `file` and renames it over `file`: readers see
// the old file or the whole new one, and on failure neither a partial file nor the temporary
// is left. The new file gets the usual permissions (0666 less the umask). Throws IoError.
void write_file_atomically(const std::filesystem::path& file, std::string_view text);

}  // namespace kyoso::cli
