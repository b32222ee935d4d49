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

size_t doccount(const std::string& db) { return Xapian::Database(db).get_doccount(); }

std::string index_command(const TempDir& dir, const std::string& inputs) {
  return binary("akhbar-index") + " --no-progress --db " + (dir / "db") + " " + inputs;
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

TEST_CASE("a second job during a bulk build's merge gets the lock error; the first keeps its "
          "articles",
          "[safety]") {
  TempDir dir;
  write_file(dir / "first.jsonl", article("f1") + article("f2") + article("f3"));
  write_file(dir / "second.jsonl", article("s1"));
  akhbar::IndexSettings settings;
  settings.db_path = dir / "db";
  settings.inputs = {dir / "first.jsonl"};
  settings.entities = false;
  CommandResult second;
  settings.before_merge = [&] { second = run_command(index_command(dir, dir / "second.jsonl")); };
  std::ostringstream problems;
  const akhbar::IndexSummary summary = akhbar::run_index(settings, problems);
  INFO(second.err);
  CHECK(second.status == 2);
  CHECK(first_line(second.err) ==
        "akhbar-index: database " + (dir / "db") + " is locked: another akhbar-index is writing to it");
  CHECK(summary.database_docs == 3);
  CHECK(doccount(dir / "db") == 3);
  CHECK_FALSE(fs::exists(dir / "db.bulk"));
  // Once the first job is over, the lock is free again.
  CHECK(run_command(index_command(dir, dir / "second.jsonl")).status == 0);
  CHECK(doccount(dir / "db") == 4);
}

TEST_CASE("a database named with a trailing slash is locked and built beside it, as without",
          "[safety]") {
  TempDir dir;
  write_file(dir / "a.jsonl", article("a1"));
  const CommandResult r = run_command(binary("akhbar-index") + " --no-progress --db " + (dir / "db") +
                                      "/ " + (dir / "a.jsonl"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(doccount(dir / "db") == 1);
  CHECK(fs::exists(dir / "db.lock"));
  CHECK_FALSE(fs::exists(dir / "db/.lock"));
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
