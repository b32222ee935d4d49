// Helpers shared by the tests: temporary directories, running the real
// binaries, reading files. Not part of the product.
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

namespace akhbar {
class Gazetteer;
}

namespace akhbar::testing {

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int status = -1;  // exit status, or -1 if it did not exit normally
  std::string out, err;
};

// Runs a shell command line; captures stdout and stderr.
CommandResult run_command(const std::string& command_line);

// Path of a built binary ("akhbar-index") and of a source file ("corpus/x").
std::string binary(const std::string& name);
std::string source_file(const std::string& relative);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// Deals the lines of the file `from` into two files: line n (from 0) goes to
// `first` when n is a multiple of `every`, else to `second`.
void split_lines(const std::string& from, const std::string& first, const std::string& second, int every);

// A document of space-separated words, each at its position (from 1); a
// word given twice has wdf 2. For tests that build a database by hand.
Xapian::Document words_document(const std::string& words);

// The gazetteer of the data directory (corpus/gazetteer), loaded once for
// the whole test run and shared by the tests that need the real one.
const Gazetteer& default_gazetteer();

// True under CI (the environment variable CI is "true"), where every
// precondition of a test (the ANT corpus, a second core) must hold.
bool in_ci();

// Single-quotes a string for the shell.
std::string shell_quote(const std::string& s);

}  // namespace akhbar::testing

// Ends a test whose precondition `ok` does not hold: skipped with a warning
// saying `what` on a developer's machine, failed under CI.
#define AKHBAR_PRECONDITION(ok, what)                      \
  do {                                                     \
    if (!(ok)) {                                           \
      if (akhbar::testing::in_ci()) FAIL("under CI: " << what); \
      WARN("skipped: " << what);                           \
      return;                                              \
    }                                                      \
  } while (0)
