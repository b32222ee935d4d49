// Sharded archives on one machine (--shards N): N shards written at once,
// named by DIR/XAPIANDB, searched as the whole; later jobs route each
// article to its shard; what DIR is and --shards must agree.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <xapian.h>

#include "partition.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::read_file;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::write_file;

namespace {

akhbar::testing::CommandResult index_into(const std::string& db, const std::string& args) {
  return run_command(binary("akhbar-index") + " --no-progress --db " + db + " " + args);
}

nlohmann::json search(const std::string& db, const std::string& query) {
  return nlohmann::json::parse(
      run_command(binary("akhbar-search") + " --db " + db + " --json --limit 100 " + query).out);
}

// Each shard K holds exactly the articles of partition K of N.
void check_routing(const std::string& dir, uint32_t shards) {
  for (uint32_t k = 1; k <= shards; ++k) {
    Xapian::Database shard(dir + "/shard-" + std::to_string(k));
    for (auto t = shard.allterms_begin("Q"); t != shard.allterms_end("Q"); ++t) {
      INFO(*t);
      CHECK(akhbar::partition_of((*t).substr(1), shards) == k);
    }
  }
}

}  // namespace

TEST_CASE("an archive of three shards answers as one database", "[shards]") {
  akhbar::testing::TempDir dir;
  const std::string sample = source_file("corpus/sample.jsonl");
  const std::string archive = dir / "archive", whole = dir / "whole";
  const auto built = index_into(archive, "--shards 3 " + sample);
  REQUIRE(built.status == 0);
  CHECK_THAT(built.err, Catch::Contains("database holds 51 articles"));
  CHECK(read_file(archive + "/XAPIANDB").find("auto shard-1\nauto shard-2\nauto shard-3\n") !=
        std::string::npos);
  CHECK(Xapian::Database(archive).get_doccount() == 51);
  check_routing(archive, 3);
  REQUIRE(index_into(whole, sample).status == 0);
  for (const char* query : {"سوريا", "\"وقف إطلاق النار\"", "--sort date الحكومة"}) {
    INFO(query);
    const auto a = search(archive, query), w = search(whole, query);
    CHECK(a["total"] == w["total"]);
    CHECK(a["facets"] == w["facets"]);
    REQUIRE(a["results"].size() == w["results"].size());
    for (size_t i = 0; i < a["results"].size(); ++i) {
      CHECK(a["results"][i]["id"] == w["results"][i]["id"]);
    }
  }
}

TEST_CASE("later jobs on an archive route each article to its shard", "[shards]") {
  akhbar::testing::TempDir dir;
  const std::string archive = dir / "archive";
  write_file(dir / "first.jsonl",
             "{\"id\":\"خبر-1\",\"title\":\"سوريا\",\"body\":\"دمشق\"}\n"
             "{\"id\":\"akh-0001\",\"title\":\"قطر\",\"body\":\"الدوحة\"}\n");
  REQUIRE(index_into(archive, "--shards 2 " + (dir / "first.jsonl")).status == 0);
  // Added without --shards; one id new, one indexed again with a new body.
  write_file(dir / "later.jsonl",
             "{\"id\":\"خبر-2\",\"title\":\"مصر\",\"body\":\"القاهرة\"}\n"
             "{\"id\":\"خبر-1\",\"title\":\"سوريا\",\"body\":\"حلب\"}\n");
  const auto later = index_into(archive, dir / "later.jsonl");
  REQUIRE(later.status == 0);
  CHECK_THAT(later.err, Catch::Contains("1 replaced"));
  CHECK(Xapian::Database(archive).get_doccount() == 3);
  check_routing(archive, 2);
  CHECK(search(archive, "حلب")["total"] == 1);
  CHECK(search(archive, "دمشق")["total"] == 0);
}

TEST_CASE("the number of shards must agree with what the database is", "[shards]") {
  akhbar::testing::TempDir dir;
  const std::string sample = source_file("corpus/sample.jsonl");
  REQUIRE(index_into(dir / "archive", "--shards 2 " + sample).status == 0);
  REQUIRE(index_into(dir / "plain", sample).status == 0);
  struct Case {
    std::string db, args, error;
  };
  const std::vector<Case> cases = {
      {dir / "archive", "--shards 3", "has 2 shards, not 3"},
      {dir / "plain", "--shards 2", "is not a sharded archive"},
      {dir / "archive", "--partition 1/2", "--partition is not for it"},
      {dir / "new", "--shards 0", "--shards wants a number from 1 to 1024"},
      {dir / "new", "--shards 2 --partition 1/2", "--shards and --partition go on different jobs"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    const auto r = index_into(c.db, c.args + " " + sample);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(c.error));
  }
  // A stub the indexer did not write (a remote shard) is not written through.
  std::filesystem::create_directories(dir / "remote");
  write_file(dir / "remote/XAPIANDB", "remote 127.0.0.1:1\n");
  const auto r = index_into(dir / "remote", sample);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("XAPIANDB:1: 'remote 127.0.0.1:1' is not a shard akhbar-index wrote"));
}

TEST_CASE("a problem is reported once by a sharded job", "[shards]") {
  akhbar::testing::TempDir dir;
  write_file(dir / "in.jsonl",
             "{\"id\":\"a1\",\"title\":\"سوريا\",\"body\":\"دمشق\"}\n"
             "{\"id\":\"a2\",\"title\":\"\",\"body\":\"\"}\n"
             "{\"title\":\"بلا معرف\",\"body\":\"نص\"}\n");
  const auto r = index_into(dir / "archive", "--shards 3 " + (dir / "in.jsonl") + " " + (dir / "missing.jsonl"));
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("rejected 2"));  // the empty article, the missing file
  size_t empty_reports = 0, missing_reports = 0;
  for (size_t at = r.err.find("a2: empty article"); at != std::string::npos;
       at = r.err.find("a2: empty article", at + 1)) {
    ++empty_reports;
  }
  for (size_t at = r.err.find("missing.jsonl"); at != std::string::npos;
       at = r.err.find("missing.jsonl", at + 1)) {
    ++missing_reports;
  }
  CHECK(empty_reports == 1);
  CHECK(missing_reports == 1);
}
