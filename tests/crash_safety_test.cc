// Crash safety and concurrent use: an indexer killed with SIGKILL at random
// points loses nothing once re-run, and searches running while it commits
// never fail and only ever see the archive grow.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include <xapian.h>

#include "searcher.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::TempDir;

namespace {

// A corpus of n small articles, ids a0..a(n-1), as JSON Lines.
void write_corpus(const std::string& path, size_t n) {
  static const char* const kWords[] = {"سوريا", "دمشق", "النفط", "الحكومة", "وزير", "الانتخابات",
                                       "القاهرة", "بغداد", "الاقتصاد", "المباراة", "الفريق", "قال"};
  std::mt19937 rng(42);
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    std::string body;
    for (int w = 0; w < 60; ++w) body += std::string(kWords[rng() % 12]) + " ";
    nlohmann::json j = {{"id", "a" + std::to_string(i)},
                        {"title", std::string(kWords[i % 12]) + " " + std::to_string(i)},
                        {"body", body},
                        {"date", "2018-02-" + std::to_string(10 + i % 18)},
                        {"source", i % 2 ? "BBC" : "CNN"}};
    out += j.dump() + "\n";
  }
  akhbar::testing::write_file(path, out);
}

// Starts akhbar-index on `corpus`; its standard error goes to `err_path`
// (by default nowhere), so that a failure can say why.
pid_t spawn_indexer(const std::string& db, const std::string& corpus, size_t commit_every,
                    const std::string& err_path = "/dev/null") {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string bin = binary("akhbar-index"), every = std::to_string(commit_every);
    if (!freopen(err_path.c_str(), "w", stderr)) _exit(126);
    execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--commit-every", every.c_str(),
          "--no-progress", corpus.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("an indexer killed at random points loses nothing once re-run", "[crash]") {
  TempDir dir;
  const std::string corpus = dir / "corpus.jsonl", db = dir / "db";
  const size_t n = 4000;
  write_corpus(corpus, n);
  std::mt19937 rng(7);
  for (int kill_round = 0; kill_round < 6; ++kill_round) {
    const pid_t pid = spawn_indexer(db, corpus, 150);
    std::this_thread::sleep_for(std::chrono::milliseconds(30 + rng() % 400));
    kill(pid, SIGKILL);
    wait_exit(pid);
    // Whatever was committed is a valid database.
    if (std::filesystem::exists(db + "/iamglass")) {
      Xapian::Database check(db);
      CHECK(check.get_doccount() <= n);
    }
  }
  const std::string err = dir / "rerun.err";
  const int rerun = wait_exit(spawn_indexer(db, corpus, 150, err));
  INFO(akhbar::testing::read_file(err));
  REQUIRE(rerun == 0);
  Xapian::Database final_db(db);
  CHECK(final_db.get_doccount() == n);
  size_t exactly_once = 0;
  for (size_t i = 0; i < n; ++i) {
    exactly_once += final_db.get_termfreq("Qa" + std::to_string(i)) == 1 ? 1 : 0;
  }
  CHECK(exactly_once == n);
}

TEST_CASE("searches while the indexer commits never fail and only grow", "[crash]") {
  TempDir dir;
  const std::string corpus = dir / "corpus.jsonl", db = dir / "db";
  write_corpus(corpus, 6000);
  // A first commit, so that there is a database to open.
  akhbar::testing::write_file(dir / "first.jsonl",
                              "{\"id\":\"first\",\"title\":\"سوريا\",\"body\":\"دمشق\"}\n");
  REQUIRE(akhbar::testing::run_command(binary("akhbar-index") + " --db " + db + " " + (dir / "first.jsonl")).status == 0);

  const pid_t pid = spawn_indexer(db, corpus, 50);
  akhbar::Searcher searcher({db});
  akhbar::SearchRequest request;
  request.query = "سوريا";
  size_t last_total = 0, searches = 0, failures = 0;
  std::string last_error;
  bool shrank = false;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    try {
      const auto r = searcher.search(request);
      shrank = shrank || r.total < last_total;
      last_total = r.total;
      ++searches;
    } catch (const std::exception& e) {
      ++failures;
      last_error = e.what();
    }
  }
  CHECK(WIFEXITED(status));
  INFO(last_error);
  CHECK(failures == 0);
  CHECK_FALSE(shrank);
  CHECK(searches > 0);
  CHECK(last_total > 1);  // it saw commits made after it opened
}

TEST_CASE("a database a killed job began to create and never committed is created again", "[crash]") {
  TempDir dir;
  const std::string corpus = dir / "corpus.jsonl", db = dir / "db";
  write_corpus(corpus, 10);
  // Killed at each point of writing its first revision: the revision file
  // empty, or still under its temporary name (v.tmp) with none yet.
  const std::vector<std::vector<std::string>> leftovers = {
      {"flintlock", "iamglass", "postlist.glass"},
      {"flintlock", "v.tmp", "postlist.glass", "termlist.glass"},
      {"flintlock"},
  };
  for (const auto& files : leftovers) {
    std::filesystem::remove_all(db);
    std::filesystem::create_directories(db);
    for (const std::string& f : files) akhbar::testing::write_file(db + "/" + f, "");
    REQUIRE(wait_exit(spawn_indexer(db, corpus, 5)) == 0);
    CHECK(Xapian::Database(db).get_doccount() == 10);
  }
  // A revision file left under its temporary name beside a committed
  // database (killed during a later commit) does not stop the next job.
  akhbar::testing::write_file(db + "/v.tmp", "");
  CHECK(wait_exit(spawn_indexer(db, corpus, 5)) == 0);
  CHECK(Xapian::Database(db).get_doccount() == 10);
  // A folder holding anything else is never written into, nor cleared.
  const std::string other = dir / "other";
  std::filesystem::create_directories(other);
  akhbar::testing::write_file(other + "/notes.txt", "mine");
  CHECK(wait_exit(spawn_indexer(other, corpus, 5)) == 2);
  CHECK(akhbar::testing::read_file(other + "/notes.txt") == "mine");
}
