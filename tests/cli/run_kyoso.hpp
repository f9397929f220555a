// Running the kyoso binary in tests as a user runs it: arguments in; standard output,
// standard error and the exit status out. Shared by the CLI test files.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// Each test file is its own program, so an unnamed namespace here keeps these out of the way
// of `namespace kyoso` without a prefix on every call.
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct Outcome {
  std::string out;
  std::string err;
  int status = -1;       // the exit status, or -1 if the process did not exit normally
  bool crashed = false;  // killed by a signal (abort, segfault …)
};

std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh empty directory, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kyoso-cli-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) ? fs::path(pattern) : fs::path();
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(path_)) out.push_back(entry.path());
    return out;
  }

 private:
  fs::path path_;
};

// `redirect` is appended to the shell command line, e.g. ">&-" to close standard output.
Outcome kyoso(const std::vector<std::string>& args, const std::string& redirect = "") {
  TempDir dir;
  fs::path err_file = dir.path() / "stderr";
  std::string command = shell_quote(KYOSO_CLI);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " 2>" + shell_quote(err_file.string()) + " " + redirect;
  Outcome run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.err = read_file(err_file);
  // sh reports a child killed by signal N as exit status 128 + N.
  if (WIFEXITED(status)) {
    run.status = WEXITSTATUS(status);
    run.crashed = run.status > 128;
  } else {
    run.crashed = true;
  }
  return run;
}

json::value parse_json(const std::string& text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  EXPECT_FALSE(ec) << "not JSON: " << text;
  return v;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Bad input: status 1, one message on standard error that starts with "kyoso: ".
void expect_bad_input(const Outcome& run) {
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.err.rfind("kyoso: ", 0), 0u) << run.err;
  EXPECT_FALSE(run.crashed);
}

// A bad command line: status 2, a message, and where to look for help.
void expect_usage_error(const Outcome& run, const std::string& help_hint) {
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(run.err.rfind("kyoso: ", 0), 0u) << run.err;
  EXPECT_TRUE(contains(run.err, help_hint)) << run.err;
  EXPECT_EQ(run.out, "");
}

}  // namespace
