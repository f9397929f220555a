#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "kyoso/error.hpp"

namespace kyoso::cli {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file, int error) {
  Location where;
  where.file = file.string();
  throw IoError(what + ": " + std::strerror(error), where);
}

// Removes the temporary file unless it was renamed into place.
class Temporary {
 public:
  explicit Temporary(const std::filesystem::path& target) {
    std::filesystem::path dir = target.parent_path();
    std::string pattern = (dir.empty() ? std::string() : dir.string() + "/") + "." +
                          target.filename().string() + ".XXXXXX";
    name_.assign(pattern.begin(), pattern.end());
    name_.push_back('\0');
    fd_ = ::mkstemp(name_.data());
    if (fd_ < 0) fail("cannot create a file", target, errno);
  }
  ~Temporary() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(name_.data());
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  void write(std::string_view text, const std::filesystem::path& target) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    // mkstemp makes the file private (0600); the result should look like any other file.
    if (::fchmod(fd_, 0666 & ~mask) != 0) fail("cannot set permissions", target, errno);
    while (!text.empty()) {
      ssize_t written = ::write(fd_, text.data(), text.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        fail("cannot write", target, errno);
      }
      text.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd_) != 0) fail("cannot write", target, errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot write", target, errno);
  }

  void rename_to(const std::filesystem::path& target) {
    if (::rename(name_.data(), target.c_str()) != 0) fail("cannot write", target, errno);
    renamed_ = true;
  }

 private:
  std::vector<char> name_;
  int fd_ = -1;
  bool renamed_ = false;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view text) {
  std::error_code ignored;
  if (file.filename().empty() || std::filesystem::is_directory(file, ignored)) {
    fail("cannot write", file, EISDIR);
  }
  Temporary temporary(file);
  temporary.write(text, file);
  temporary.rename_to(file);
}

}  // namespace kyoso::cli
