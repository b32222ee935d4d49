// akhbar-index and akhbar-tag used carelessly or with malice: every
// failure is one line and an exit status (1 input skipped, 2 fatal), never
// an abort, a silent skip, a misleading reason or a lost build.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <streambuf>

#include <xapian.h>

#include "indexer.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::CommandResult;
using akhbar::testing::read_file;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
namespace fs = std::filesystem;

namespace {

std::string article(const std::string& id) {
  return "{\"id\":\"" + id + "\",\"title\":\"خبر " + id + "\",\"body\":\"نص الخبر عن دمشق\"}\n";
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// A stream buffer whose every write fails, as on a full disk.
struct FullBuffer : std::streambuf {
  int_type overflow(int_type) override { return traits_type::eof(); }
};

}  // namespace

TEST_CASE("an exception in the reading thread ends the job with an IndexError, not an abort",
          "[safety]") {
  TempDir dir;
  write_file(dir / "a.jsonl", article("a1") + "{}\n");  // the empty article is reported
  FullBuffer full;
  std::ostream problems(&full);
  problems.exceptions(std::ios::badbit);  // reporting it throws in the reader thread
  akhbar::IndexSettings settings;
  settings.db_path = dir / "db";
  settings.inputs = {dir / "a.jsonl"};
  settings.entities = false;
  CHECK_THROWS_AS(akhbar::run_index(settings, problems), akhbar::IndexError);
}

TEST_CASE("output that cannot be written ends the run with a message and exit 2", "[safety]") {
  TempDir dir;
  write_file(dir / "a.conll", "دمشق\nو\nبيروت\n");
  const CommandResult tag =
      run_command("(" + binary("akhbar-tag") + " --conll " + (dir / "a.conll") + " > /dev/full)");
  CHECK(tag.status == 2);
  CHECK(has_line(tag.err, "akhbar-tag: cannot write the output: No space left on device"));
  const CommandResult help = run_command("(" + binary("akhbar-index") + " --help > /dev/full)");
  CHECK(help.status == 2);
  CHECK(first_line(help.err) == "akhbar-index: cannot write the output: No space left on device");
}
