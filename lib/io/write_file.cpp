// write_file(): the one way kyoso writes a file (io.hpp), for the CLI's -o, save_model() and
// the Python module. A regular file is replaced whole through a temporary file beside it; a
// device, a FIFO or standard output is written through; nothing is ever replaced that is not
// a regular file, and no temporary file outlives the call.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "kyoso/error.hpp"
#include "kyoso/io.hpp"

namespace kyoso {
namespace {

// Links followed before giving up, as the kernel's own limit (MAXSYMLINKS).
constexpr int max_links = 40;

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file, int error) {
  Location where;
  where.file = file.string();
  throw IoError(what + ": " + std::strerror(error), where);
}

void write_all(int fd, std::string_view text, const std::filesystem::path& file) {
  while (!text.empty()) {
    ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", file, errno);
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// What a symbolic link, and a link it leads to, finally names: the file to write, which may
// not exist yet. The link itself stays as it is.
std::filesystem::path follow_links(std::filesystem::path file) {
  for (int hops = 0; hops < max_links; ++hops) {
    struct stat info;
    if (::lstat(file.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return file;
    std::error_code ec;
    std::filesystem::path to = std::filesystem::read_symlink(file, ec);
    if (ec) fail("cannot read the symbolic link", file, ec.value());
    file = to.is_absolute() ? to : file.parent_path() / to;
  }
  fail("cannot write", file, ELOOP);
}

// SIGINT, SIGTERM and SIGHUP wait while a temporary file exists, so that Ctrl-C never leaves
// one behind: a signal that arrives meanwhile is delivered once the file is renamed into place
// or removed. Writing a regular file does not block, so the wait is short.
class DeferSignals {
 public:
  DeferSignals() {
    sigset_t deferred;
    sigemptyset(&deferred);
    sigaddset(&deferred, SIGINT);
    sigaddset(&deferred, SIGTERM);
    sigaddset(&deferred, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &deferred, &previous_);
  }
  ~DeferSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  DeferSignals(const DeferSignals&) = delete;
  DeferSignals& operator=(const DeferSignals&) = delete;

 private:
  sigset_t previous_;
};

// A file created exclusively beside the target (mkstemp: O_CREAT | O_EXCL, a random name), so
// that a file or symbolic link planted under a predictable name is never written through;
// removed unless renamed into place.
class Temporary {
 public:
  explicit Temporary(const std::filesystem::path& target) {
    std::filesystem::path dir = target.parent_path();
    std::string pattern = (dir.empty() ? std::string() : dir.string() + "/") + "." +
                          target.filename().string() + ".XXXXXX";
    name_.assign(pattern.begin(), pattern.end());
    name_.push_back('\0');
    fd_ = ::mkostemp(name_.data(), O_CLOEXEC);
    if (fd_ < 0) fail("cannot create a file", target, errno);
  }
  ~Temporary() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(name_.data());
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  // The file's bytes, its permission bits (`mode`) and, where allowed, its owner.
  void fill(std::string_view text, mode_t mode, const struct stat* original,
            const std::filesystem::path& target) {
    if (::fchmod(fd_, mode) != 0) fail("cannot set permissions", target, errno);
    // Only root may give a file away; anyone else's copy is theirs, as an editor's would be.
    if (original && ::geteuid() == 0) {
      if (::fchown(fd_, original->st_uid, original->st_gid) != 0) {
        fail("cannot keep the owner", target, errno);
      }
    }
    write_all(fd_, text, target);
    if (::fsync(fd_) != 0) fail("cannot write", target, errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot write", target, errno);
  }

  void rename_to(const std::filesystem::path& target) {
    if (::rename(name_.data(), target.c_str()) != 0) fail("cannot write", target, errno);
    renamed_ = true;
    // The rename itself is durable once the directory is.
    std::filesystem::path dir = target.parent_path();
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
  }

 private:
  std::vector<char> name_;
  int fd_ = -1;
  bool renamed_ = false;
};

void replace_regular(const std::filesystem::path& target, std::string_view text,
                     const struct stat* original) {
  mode_t mode;
  if (original) {
    mode = original->st_mode & 07777 & ~(S_ISUID | S_ISGID);
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  DeferSignals defer;
  Temporary temporary(target);
  temporary.fill(text, mode, original, target);
  temporary.rename_to(target);
}

void write_through(const std::filesystem::path& target, std::string_view text) {
  int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail("cannot open for writing", target, errno);
  try {
    write_all(fd, text, target);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail("cannot write", target, errno);
}

}  // namespace

void write_file(const std::filesystem::path& file, std::string_view text) {
  if (file == "-") {
    write_all(STDOUT_FILENO, text, "<standard output>");
    return;
  }
  if (file.empty() || file.filename().empty()) fail("cannot write", file, EISDIR);
  std::filesystem::path target = follow_links(file);
  struct stat info;
  if (::stat(target.c_str(), &info) != 0) {
    if (errno != ENOENT) fail("cannot write", file, errno);
    replace_regular(target, text, nullptr);
    return;
  }
  if (S_ISDIR(info.st_mode)) fail("cannot write", file, EISDIR);
  if (S_ISREG(info.st_mode)) {
    replace_regular(target, text, &info);
  } else {
    write_through(target, text);
  }
}

}  // namespace kyoso
