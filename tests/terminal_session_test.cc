// akhbar-search at a terminal, end to end: --show, the date chart, the
// pager, colour in a pipe, and the interactive mode driven through a
// pseudo-terminal (forkpty), checking what the screen shows.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>

#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;

namespace {

struct SampleIndex {
  TempDir dir;
  std::string db = dir / "db";
  akhbar::testing::CommandResult index =
      run_command(binary("akhbar-index") + " --db " + db + " " + source_file("corpus/sample.jsonl"));
};

// The screen's text: escape sequences and carriage returns removed.
std::string screen_text(const std::string& raw) {
  static const std::regex escapes("\x1b\\[[0-9;?]*[A-Za-z]|\x1b\\][^\x07]*\x07|\x1b[=>()][0-9A-Za-z]?|\r");
  return std::regex_replace(raw, escapes, "");
}

// A program run in a pseudo-terminal of 24 rows and 100 columns.
class Terminal {
 public:
  Terminal(const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& env) {
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 100;
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      for (const auto& kv : env) setenv(kv.first.c_str(), kv.second.c_str(), 1);
      std::vector<char*> args;
      for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
  }
  ~Terminal() {
    if (fd_ >= 0) close(fd_);
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }

  // Reads until the screen text since the last call holds `needle` (or
  // the program ends, or 30 s pass); returns that text.
  std::string until(const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (screen_text(pending_).find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[4096];
      const ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      pending_.append(buf, static_cast<size_t>(n));
    }
    std::string text = screen_text(pending_);
    all_ += text;
    pending_.clear();
    return text;
  }
  void type(const std::string& keys) { REQUIRE(write(fd_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size())); }
  int exit_status() {
    until("\x01never");  // drain to the end
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& everything() const { return all_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool waited_ = false;
  std::string pending_, all_;
};

}  // namespace

TEST_CASE("a stored article is shown by its id (--show), its query words marked", "[show]") {
  SampleIndex idx;
  REQUIRE(idx.index.status == 0);
  const std::string search = binary("akhbar-search") + " --db " + idx.db;
  const auto text = run_command(search + " --show akh-0001 سوريا");
  INFO(text.err);
  REQUIRE(text.status == 0);
  // In a pipe: no colour, matches in brackets, nothing wrapped.
  CHECK(text.out.find("بدء سريان وقف إطلاق النار في [سوريا] وسط هدوء حذر\n") == 0);
  CHECK(text.out.find("  id: akh-0001  ") != std::string::npos);
  CHECK(text.out.find("  places: ") != std::string::npos);
  CHECK(text.out.find("دخل اتفاق وقف إطلاق النار الشامل في [سوريا] حيز التنفيذ") != std::string::npos);
  CHECK(text.out.find("\033[") == std::string::npos);

  const auto json = run_command(search + " --json --show akh-0001");
  REQUIRE(json.status == 0);
  const nlohmann::json j = nlohmann::json::parse(json.out);
  CHECK(j.at("id") == "akh-0001");
  CHECK(j.at("body").get<std::string>().find("دخل اتفاق وقف إطلاق النار") != std::string::npos);
  CHECK(j.at("places").is_array());
  CHECK(j.at("highlights").at("body").empty());

  // The query is read as a search reads it: a Latin-script name marks its
  // Arabic name; a query that is an error as a search marks nothing.
  const auto latin = run_command(search + " --show akh-0001 Syria");
  REQUIRE(latin.status == 0);
  CHECK(latin.out.find("في [سوريا] وسط هدوء حذر") != std::string::npos);
  const auto stop_words = run_command(search + " --show akh-0001 في");
  CHECK(stop_words.status == 0);
  CHECK(stop_words.out.find("[") == std::string::npos);

  const auto unknown = run_command(search + " --show no-such-id");
  CHECK(unknown.status == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "akhbar-search: --show no-such-id: no article with this id\n");
}

TEST_CASE("the text output shows the date facet as a bar chart with its counts", "[chart]") {
  SampleIndex idx;
  REQUIRE(idx.index.status == 0);
  const auto r = run_command(binary("akhbar-search") + " --db " + idx.db + " --date-facet year سوريا");
  REQUIRE(r.status == 0);
  const size_t at = r.out.find("\ndate:\n");
  REQUIRE(at != std::string::npos);
  // One line per year, "  YYYY COUNT BAR"; the largest bar is the longest.
  std::smatch m;
  std::string rest = r.out.substr(at + 7);
  CHECK(std::regex_search(rest, m, std::regex("^  20[0-9][0-9] +[0-9]+ [█▏▎▍▌▋▊▉]+\n")));
  // No colour and no pager in a pipe.
  CHECK(r.out.find("\033[") == std::string::npos);
  const auto no_query = run_command(binary("akhbar-search") + " --db " + idx.db + " < /dev/null");
  CHECK(no_query.status == 2);
  CHECK(no_query.err.find("no QUERY given") != std::string::npos);
}

TEST_CASE("on a terminal, long output goes through the pager; a missing pager falls back", "[pager]") {
  SampleIndex idx;
  REQUIRE(idx.index.status == 0);
  const std::vector<std::string> argv = {binary("akhbar-search"), "--db", idx.db, "--color", "never", "سوريا"};
  {
    Terminal t(argv, {{"PAGER", "sed s/^/paged:/"}, {"TERM", "xterm"}});
    REQUIRE(t.started());
    CHECK(t.exit_status() == 0);
    CHECK(t.everything().find("paged:") != std::string::npos);
    CHECK(t.everything().find("articles match") != std::string::npos);
  }
  {
    Terminal t(argv, {{"PAGER", "/no/such/pager"}, {"TERM", "xterm"}});
    CHECK(t.exit_status() == 0);
    CHECK(t.everything().find("articles match") != std::string::npos);
  }
  {
    std::vector<std::string> no_pager = argv;
    no_pager.insert(no_pager.begin() + 1, "--no-pager");
    Terminal t(no_pager, {{"PAGER", "sed s/^/paged:/"}, {"TERM", "xterm"}});
    CHECK(t.exit_status() == 0);
    CHECK(t.everything().find("paged:") == std::string::npos);
  }
}

TEST_CASE("the interactive mode refines a query without retyping it", "[interactive]") {
  SampleIndex idx;
  REQUIRE(idx.index.status == 0);
  TempDir home;
  Terminal t({binary("akhbar-search"), "--db", idx.db, "--color", "never", "--bidi", "never"},
             {{"TERM", "dumb"}, {"HOME", home / "h"}, {"XDG_DATA_HOME", home / "data"}, {"PAGER", "cat"}});
  REQUIRE(t.started());
  CHECK(t.until("akhbar> ").find("[no query]") != std::string::npos);

  t.type("سوريا\n");
  const std::string first = t.until("akhbar> ");
  INFO(first);
  CHECK(first.find("articles match") != std::string::npos);
  CHECK(first.find("[query: سوريا]") != std::string::npos);

  t.type(":place دمشق\n");
  const std::string placed = t.until("akhbar> ");
  INFO(placed);
  CHECK(placed.find("articles match") != std::string::npos);
  CHECK(placed.find("[query: سوريا] [place: دمشق]") != std::string::npos);
  // Facet values are numbered for :f N.
  CHECK(placed.find("[1]") != std::string::npos);

  t.type(":f 1\n");
  const std::string faceted = t.until("akhbar> ");
  INFO(faceted);
  std::smatch m;
  REQUIRE(std::regex_search(faceted, m, std::regex("filter ([a-z]+): ([^\n]+)\n")));
  CHECK(faceted.find("[" + m[1].str() + ": ") != std::string::npos);  // shown in the filters line

  t.type(":show 1\n");
  const std::string shown = t.until("akhbar> ");
  INFO(shown);
  CHECK(shown.find("  id: akh-") != std::string::npos);
  CHECK(shown.find("[سوريا]") != std::string::npos);  // the query's word marked in the article

  t.type(":sort date\n");
  CHECK(t.until("akhbar> ").find("[sort: date]") != std::string::npos);
  t.type(":from 2017\n");
  CHECK(t.until("akhbar> ").find("[from: 2017-01-01] [sort: date]") != std::string::npos);
  t.type(":next\n");
  CHECK(t.until("akhbar> ").find("no further results") != std::string::npos);
  t.type(":prev\n");
  CHECK(t.until("akhbar> ").find("already on the first page") != std::string::npos);
  t.type(":clear\n");
  const std::string cleared = t.until("akhbar> ");
  CHECK(cleared.find("[query: سوريا] [sort: date] [1-") != std::string::npos);
  CHECK(cleared.find("[place: ") == std::string::npos);

  t.type(":bogus\n");
  CHECK(t.until("akhbar> ").find("error: unknown command ':bogus'") != std::string::npos);

  // Ctrl-C drops the line being typed and the session goes on.
  t.type("half a line");
  t.until("half a line");
  t.type("\x03");  // the terminal drops what is typed with it: wait for the new prompt
  t.until("akhbar> ");
  t.type(":help\n");
  CHECK(t.until("akhbar> ").find(":show N") != std::string::npos);

  t.type(":quit\n");
  CHECK(t.exit_status() == 0);
  // The history is kept where XDG_DATA_HOME says.
  CHECK(akhbar::testing::read_file(home / "data/akhbar/history").find(":place دمشق") != std::string::npos);
}
