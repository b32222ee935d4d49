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

// Runs `command` as an unprivileged user when the tests run as root, so that
// file modes are enforced; `dir` is opened to that user.
CommandResult run_unprivileged(const TempDir& dir, const std::string& command) {
  if (geteuid() != 0) return run_command(command);
  fs::permissions(dir.path(), fs::perms::all);
  return run_command("setpriv --reuid=65534 --regid=65534 --clear-groups " + command);
}

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

TEST_CASE("an unreadable sub-directory is reported and the run exits 1", "[safety]") {
  TempDir dir;
  fs::create_directories(dir / "in/sub");
  write_file(dir / "in/a.jsonl", article("a1"));
  write_file(dir / "in/sub/b.jsonl", article("b1"));
  fs::permissions(dir / "in/sub", fs::perms::none);
  const CommandResult r = run_unprivileged(dir, index_command(dir, dir / "in"));
  fs::permissions(dir / "in/sub", fs::perms::owner_all);
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find(dir / "in/sub" + ": cannot read directory: Permission denied") !=
        std::string::npos);
  CHECK(doccount(dir / "db") == 1);
}

TEST_CASE("a dangling symlink in an input folder is reported and the run exits 1", "[safety]") {
  TempDir dir;
  fs::create_directories(dir / "in");
  write_file(dir / "in/a.jsonl", article("a1"));
  fs::create_symlink(dir / "gone", dir / "in/b.jsonl");
  const CommandResult r = run_command(index_command(dir, dir / "in"));
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find(dir / "in/b.jsonl: cannot read: No such file or directory") != std::string::npos);
}

TEST_CASE("a read-only database is reported as not writable, not as locked", "[safety]") {
  TempDir dir;
  write_file(dir / "a.jsonl", article("a1"));
  REQUIRE(run_command(index_command(dir, dir / "a.jsonl")).status == 0);
  write_file(dir / "b.jsonl", article("b1"));
  fs::permissions(dir / "db", fs::perms::owner_read | fs::perms::owner_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  const CommandResult r = run_unprivileged(dir, index_command(dir, dir / "b.jsonl"));
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("cannot write to database " + (dir / "db")) != std::string::npos);
  CHECK(r.err.find("locked") == std::string::npos);
  CHECK(doccount(dir / "db") == 1);
}

TEST_CASE("akhbar-index writes only an Akhbar database directory", "[safety]") {
  TempDir dir;
  write_file(dir / "a.jsonl", article("a1"));
  SECTION("a stub file naming an inmemory database is refused") {
    write_file(dir / "db", "inmemory\n");
    const CommandResult r = run_command(index_command(dir, dir / "a.jsonl"));
    CHECK(r.status == 2);
    CHECK(first_line(r.err) == "akhbar-index: database " + (dir / "db") +
                                   " is not a directory: akhbar-index writes a database "
                                   "directory, not a stub file or any other file");
  }
  SECTION("a Xapian database of someone else's is not written") {
    {
      Xapian::WritableDatabase other(dir / "db", Xapian::DB_CREATE);
      other.add_document(Xapian::Document());
    }
    const CommandResult r = run_command(index_command(dir, dir / "a.jsonl"));
    CHECK(r.status == 2);
    CHECK(first_line(r.err) == "akhbar-index: database " + (dir / "db") +
                                   " is not an Akhbar database (no akhbar.schema marker): not "
                                   "written");
    CHECK(doccount(dir / "db") == 1);
    CHECK(Xapian::Database(dir / "db").get_metadata("akhbar.schema").empty());
  }
  SECTION("an empty Xapian database is Akhbar's to fill") {
    Xapian::WritableDatabase(dir / "db", Xapian::DB_CREATE).commit();
    CHECK(run_command(index_command(dir, dir / "a.jsonl")).status == 0);
    CHECK(doccount(dir / "db") == 1);
  }
}

TEST_CASE("a gazetteer that is a directory or binary is an error, not ignored", "[safety]") {
  TempDir dir;
  fs::create_directories(dir / "gazetteers");
  write_file(dir / "binary.tsv", std::string("id\tplace\t\x89PNG\0\x01\x02", 15));
  write_file(dir / "a.jsonl", article("a1"));
  write_file(dir / "a.conll", "دمشق\n");
  for (const std::string& file : {dir / "gazetteers", dir / "binary.tsv"}) {
    const std::string what = file == dir / "gazetteers"
                                 ? ": is a directory, not a gazetteer file"
                                 : ": not a gazetteer file (binary or not UTF-8 text)";
    const CommandResult tag =
        run_command(binary("akhbar-tag") + " --conll " + (dir / "a.conll") + " --gazetteer " + file);
    CHECK(tag.status == 2);
    CHECK(has_line(tag.err, "akhbar-tag: " + file + what));
    const CommandResult index = run_command(index_command(dir, dir / "a.jsonl") + " --gazetteer " + file);
    CHECK(index.status == 2);
    CHECK(first_line(index.err) == "akhbar-index: " + file + what);
  }
}

TEST_CASE("akhbar-tag refuses a directory as its CoNLL input", "[safety]") {
  TempDir dir;
  const CommandResult r = run_command(binary("akhbar-tag") + " --conll " + dir.path().string());
  CHECK(r.status == 2);
  CHECK(has_line(r.err, "akhbar-tag: " + dir.path().string() + ": is a directory, not a CoNLL file"));
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
