#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  // A reader that goes away (`kyoso export | head`) becomes a write error handled below, not
  // a SIGPIPE that kills the process mid-write.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  // Tables fit the terminal they are shown in; piped or redirected, they keep their width.
  winsize terminal{};
  std::size_t width = isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &terminal) == 0
                          ? terminal.ws_col
                          : 0;
  std::ostringstream out;
  int status = kyoso::cli::run(args, out, std::cerr, width);
  std::string text = out.str();
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    // The reader took what it wanted: quiet, with the status of a process SIGPIPE ended, as
    // other tools in a pipeline give.
    if (errno == EPIPE) return 128 + SIGPIPE;
    std::fprintf(stderr, "kyoso: cannot write to standard output: %s\n", std::strerror(errno));
    return status == 0 ? 1 : status;
  }
  return status;
}
