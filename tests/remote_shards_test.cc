// Shards served by Xapian's own server (xapian-tcpsrv) and named in a stub
// answer exactly as one database holding the same articles: the same hits
// in the same order with the same scores, the same exact total, the same
// facets. A shard that stops answering is named, or left out with
// --allow-partial.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;
using nlohmann::json;

namespace {

// A loopback port nobody listens on now.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving one database read-only on a loopback port, stopped
// with the object.
class Server {
 public:
  explicit Server(const std::string& db) : port_(free_port()) {
    pid_ = fork();
    if (pid_ == 0) {
      // A group of its own: the server signals its group when stopped.
      setpgid(0, 0);
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDERR_FILENO);
      const std::string port = std::to_string(port_);
      execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--port", port.c_str(), "--interface", "127.0.0.1",
             db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ~Server() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

// Deals the sample's lines to `n` files round-robin and indexes each, and
// the whole, commit by commit: shard k's j-th article then has the docid
// that the whole database gives it (Xapian interleaves shards' docids).
// `copies`: the sample's first article also comes that many times more
// under other ids (wire copies: one near-duplicate cluster), every n-th
// line, so that they go to its shard; `spread`: each to another shard in
// turn (the first copy of a body in each shard starts the same cluster).
void build(const TempDir& dir, int n, int copies = 0, bool spread = false) {
  std::ifstream in(source_file("corpus/sample.jsonl"));
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  for (int c = 1; c <= copies; ++c) {
    json copy = json::parse(lines[0]);
    copy["id"] = copy["id"].get<std::string>() + "-copy" + std::to_string(c);
    lines.insert(lines.begin() + c * n + (spread ? c % n : 0), copy.dump());
  }
  std::ofstream all(dir / "all.jsonl");
  std::vector<std::ofstream> parts;
  for (int k = 0; k < n; ++k) parts.emplace_back(dir / ("part" + std::to_string(k) + ".jsonl"));
  for (size_t i = 0; i < lines.size(); ++i) {
    parts[i % n] << lines[i] << '\n';
    all << lines[i] << '\n';
  }
  for (auto& p : parts) p.close();
  all.close();
  const std::string index = binary("akhbar-index") + " --no-progress --no-bulk --db ";
  REQUIRE(run_command(index + (dir / "whole") + " " + (dir / "all.jsonl")).status == 0);
  for (int k = 0; k < n; ++k) {
    const std::string part = std::to_string(k);
    REQUIRE(run_command(index + (dir / ("shard" + part)) + " " + (dir / ("part" + part + ".jsonl"))).status == 0);
  }
}

json search(const std::string& db, const std::string& options, const std::string& query) {
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json --facet-limit 100000 " + options +
                             " -- " + shell_quote(query));
  INFO(r.err);
  REQUIRE(r.status == 0);
  json j = json::parse(r.out);
  j.erase("took_ms");
  j.erase("match_ms");
  return j;
}

void check_same(json a, json b) {
  REQUIRE(a["results"].size() == b["results"].size());
  for (size_t i = 0; i < a["results"].size(); ++i) {
    INFO("hit " << i);
    CHECK(a["results"][i]["id"] == b["results"][i]["id"]);
    CHECK(std::abs(a["results"][i]["score"].get<double>() - b["results"][i]["score"].get<double>()) < 1e-9);
    a["results"][i].erase("score");
    b["results"][i].erase("score");
  }
  CHECK(a == b);  // total, facets, every field of every hit
}

}  // namespace

TEST_CASE("remote and mixed shards answer exactly as one database", "[remote]") {
  TempDir dir;
  build(dir, 3);
  Server s0(dir / "shard0"), s1(dir / "shard1"), s2(dir / "shard2");
  akhbar::testing::write_file(dir / "remote.stub", "# three shards on three servers\nremote " + s0.address() +
                                                       "\nremote " + s1.address() + "\nremote " + s2.address() + "\n");
  akhbar::testing::write_file(dir / "mixed.stub", "remote " + s0.address() + "\nshard1\nremote " + s2.address() + "\n");
  const std::vector<std::pair<std::string, std::string>> table = {
      {"", "سوريا"},
      {"", "وقف إطلاق النار"},
      {"", "\"وقف إطلاق النار\""},
      {"--any", "روسيا تركيا"},
      {"", "-سوريا"},
      {"", "title:سوريا OR النفط"},
      {"--place سوريا", ""},
      {"--actor 'الأمم المتحدة'", "سوريا"},
      {"--from 2017 --to 2018-06", "سوريا"},
      {"--source 'سكاي نيوز عربية' --source BBC", ""},
      {"--sort date --limit 20", "الرئيس"},
      {"--offset 3 --limit 4", "الحكومة"},
      {"--date-facet day --no-snippets", "اتفاق"},
      {"--no-facets --ids-only", "وزير الخارجية"},
  };
  for (const auto& [options, query] : table) {
    INFO(options << " " << query);
    const json whole = search(dir / "whole", options, query);
    check_same(whole, search(dir / "remote.stub", options, query));
    check_same(whole, search(dir / "mixed.stub", options, query));
    // The same shards, local, named one by one.
    check_same(whole, search((dir / "shard0") + " --db " + (dir / "shard1") + " --db " + (dir / "shard2"), options, query));
  }
}

// Four copies of the sample's first article over three remote shards (in
// the first article's shard, or `spread` over all three): searching its
// title folds them into one hit, "+4 similar", as one database does.
void check_copies_fold(bool spread, const std::vector<std::string>& option_sets) {
  TempDir dir;
  build(dir, 3, 4, spread);
  Server s0(dir / "shard0"), s1(dir / "shard1"), s2(dir / "shard2");
  akhbar::testing::write_file(dir / "remote.stub",
                              "remote " + s0.address() + "\nremote " + s1.address() + "\nremote " + s2.address() + "\n");
  std::ifstream in(dir / "all.jsonl");
  std::string first;
  std::getline(in, first);
  const std::string title = json::parse(first)["title"];
  for (const std::string& options : option_sets) {
    INFO(options << " " << title);
    const json whole = search(dir / "whole", "--any " + options, title);
    REQUIRE(!whole["results"].empty());
    CHECK(whole["results"][0]["similar"] == 4);
    check_same(whole, search(dir / "remote.stub", "--any " + options, title));
  }
}

TEST_CASE("remote shards count each hit's folded copies as one database does", "[remote]") {
  check_copies_fold(false, {"", "--no-facets", "--no-facets --limit 1"});
}

TEST_CASE("copies of one story held by different remote shards fold as in one database", "[remote]") {
  check_copies_fold(true, {""});
}

TEST_CASE("a shard that stops answering is named, or left out when allowed", "[remote]") {
  TempDir dir;
  build(dir, 3);
  Server s0(dir / "shard0"), s1(dir / "shard1"), s2(dir / "shard2");
  akhbar::testing::write_file(dir / "remote.stub",
                              "remote " + s0.address() + "\nremote " + s1.address() + "\nremote " + s2.address() + "\n");
  const json before = search(dir / "remote.stub", "--no-facets", "سوريا");
  s1.stop();
  const std::string cmd = binary("akhbar-search") + " --db " + (dir / "remote.stub") + " --json سوريا";
  const auto down = run_command(cmd);
  CHECK(down.status == 2);
  CHECK(down.out.empty());
  CHECK_THAT(down.err, Catch::Contains("shard " + s1.address()));
  CHECK(std::count(down.err.begin(), down.err.end(), '\n') == 1);
  const auto partial = run_command(cmd + " --allow-partial --no-facets");
  REQUIRE(partial.status == 0);
  const json j = json::parse(partial.out);
  CHECK(j["missing_shards"] == json::array({s1.address()}));
  const json others = search(dir / "shard0 --db " + (dir / "shard2"), "--no-facets", "سوريا");
  CHECK(j["total"] == others["total"]);
  CHECK(j["total"].get<int>() < before["total"].get<int>());
  const auto text = run_command(binary("akhbar-search") + " --db " + (dir / "remote.stub") + " --allow-partial سوريا");
  CHECK_THAT(text.out, Catch::Contains("missing shard: " + s1.address()));
  // A batch goes on past a line whose shard died under it.
  const auto batch = run_command("printf 'سوريا\\nدمشق\\n' | " + binary("akhbar-search") + " --db " +
                                 (dir / "remote.stub") + " --allow-partial --batch -");
  CHECK(batch.status == 0);
}

TEST_CASE("stubs that name nothing searchable are refused with the line", "[remote]") {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"inmemory\n", ":1: an in-memory database holds nothing to search"},
      {"remote nowhere\n", ":1: 'remote nowhere' wants HOST:PORT"},
      {"# comment\n\nremote 127.0.0.1:0\n", ":3: 'remote 127.0.0.1:0' wants HOST:PORT"},
      {"no-such-dir\n", "no database at"},
      {"\n# nothing\n", "the stub names no database"},
  };
  for (const auto& [stub, message] : rows) {
    INFO(stub);
    akhbar::testing::write_file(dir / "bad.stub", stub);
    const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "bad.stub") + " سوريا");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(message));
  }
  akhbar::testing::write_file(dir / "loop.stub", "loop.stub\n");
  const auto loop = run_command(binary("akhbar-search") + " --db " + (dir / "loop.stub") + " سوريا");
  CHECK(loop.status == 2);
  CHECK_THAT(loop.err, Catch::Contains("nested too deep"));
}
