// kyoso::write_file (io.hpp): a regular file replaced whole with its permissions kept; a
// device, FIFO or link target written through, never replaced; no temporary file left
// behind by a failure.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <kyoso/kyoso.hpp>
#include <sstream>
#include <thread>

#include "refused.hpp"

namespace kyoso {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class WriteFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "kyoso-write-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  fs::path dir_;
};

TEST_F(WriteFile, CreatesANewFileWithTheUsualPermissions) {
  fs::path file = dir_ / "new.json";
  write_file(file, "text\n");
  EXPECT_EQ(read(file), "text\n");
  mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(static_cast<mode_t>(fs::status(file).permissions() & fs::perms::all), 0666 & ~mask);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFile, ReplacesARegularFileKeepingItsPermissions) {
  fs::path file = dir_ / "private.json";
  std::ofstream(file) << "old";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  write_file(file, "new");
  EXPECT_EQ(read(file), "new");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFile, FollowsAChainOfLinksAndKeepsThem) {
  fs::path real = dir_ / "real", middle = dir_ / "middle", link = dir_ / "link";
  std::ofstream(real) << "old";
  fs::create_symlink("real", middle);
  fs::create_symlink(middle, link);
  write_file(link, "new");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_TRUE(fs::is_symlink(middle));
  EXPECT_EQ(read(real), "new");
  // A link to a file not there yet creates it there.
  fs::create_symlink("later", dir_ / "dangling");
  write_file(dir_ / "dangling", "made");
  EXPECT_EQ(read(dir_ / "later"), "made");
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling"));
  EXPECT_EQ(entries(), 5u);
}

TEST_F(WriteFile, ALinkLoopIsAnIoError) {
  fs::create_symlink("b", dir_ / "a");
  fs::create_symlink("a", dir_ / "b");
  IoError e = refused_by<IoError>([&] { write_file(dir_ / "a", "x"); });
  EXPECT_NE(std::string(e.what()).find("symbolic links"), std::string::npos) << e.what();
}

TEST_F(WriteFile, WritesThroughADeviceWithoutReplacingIt) {
  write_file("/dev/null", "nothing to keep");
  struct stat info;
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
}

TEST_F(WriteFile, WritesIntoAFifoThatStaysAFifo) {
  fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read(fifo); });
  write_file(fifo, "through the pipe");
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  struct stat info;
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFile, NeverWritesThroughAFilePlantedAtAPredictableName) {
  // save_model once wrote FILE.tmp: a link planted there redirected the write.
  fs::path victim = dir_ / "victim";
  std::ofstream(victim) << "keep";
  fs::create_symlink(victim, dir_ / "model.json.tmp");
  save_model(default_model(), dir_ / "model.json");
  EXPECT_EQ(read(victim), "keep");
  EXPECT_TRUE(fs::is_symlink(dir_ / "model.json.tmp"));
  EXPECT_EQ(load_model(dir_ / "model.json"), default_model());
  EXPECT_EQ(entries(), 3u);
}

TEST_F(WriteFile, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  fs::path file = dir_ / "model.json";
  std::ofstream(file) << "old";
  // A file size limit makes the write fail part-way (EFBIG instead of SIGXFSZ).
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit before;
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
  rlimit small = before;
  small.rlim_cur = 1000;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  EXPECT_THROW(write_file(file, std::string(5000, 'x')), IoError);
  ::setrlimit(RLIMIT_FSIZE, &before);
  EXPECT_EQ(read(file), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFile, ADirectoryOrAMissingDirectoryIsRefused) {
  EXPECT_THROW(write_file(dir_, "x"), IoError);
  EXPECT_THROW(write_file(dir_ / "missing" / "file", "x"), IoError);
  EXPECT_EQ(entries(), 0u);
}

}  // namespace
}  // namespace kyoso
