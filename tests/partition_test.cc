// Partitions: N jobs given the same input build N shards that hold every
// article once, and searched together answer as the whole.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <xapian.h>

#include "partition.h"
#include "test_support.h"

using akhbar::parse_partition;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::source_file;

TEST_CASE("a partition is read as K of N, K from 1 to N, N at most 1024", "[partition]") {
  CHECK(parse_partition("1/1"));
  CHECK(parse_partition("3/4")->index == 3);
  CHECK(parse_partition("3/4")->count == 4);
  CHECK(parse_partition("1024/1024"));
  for (const char* bad : {"", "1", "0/3", "4/3", "1/0", "-1/3", "+1/3", "1/3/5", "a/3", "1/1025", " 1/3", "1/3 "}) {
    INFO(bad);
    CHECK_FALSE(parse_partition(bad));
  }
}

TEST_CASE("an id falls in the partition of its FNV-1a 64 hash modulo N", "[partition]") {
  // The published FNV-1a test values, then ids of the sample and of Arabic.
  CHECK(akhbar::fnv1a64("") == 14695981039346656037ull);
  CHECK(akhbar::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(akhbar::partition_of("akh-0001", 3) == 3);  // 1921970307278820353 % 3 == 2
  CHECK(akhbar::partition_of("خبر-1", 3) == 1);      // 3566849764305556914 % 3 == 0
  CHECK(akhbar::partition_of("anything", 1) == 1);
}

TEST_CASE("three partitions hold every article once and answer as the whole", "[partition]") {
  akhbar::testing::TempDir dir;
  Xapian::doccount total = 0;
  std::string dbs;
  for (int k = 1; k <= 3; ++k) {
    const std::string db = dir / ("p" + std::to_string(k));
    const auto r = run_command(binary("akhbar-index") + " --no-progress --db " + db + " --partition " +
                               std::to_string(k) + "/3 " + source_file("corpus/sample.jsonl"));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("left to other partitions"));
    total += Xapian::Database(db).get_doccount();
    dbs += " --db " + db;
  }
  CHECK(total == 51);
  REQUIRE(run_command(binary("akhbar-index") + " --no-progress --db " + (dir / "whole") + " " +
                      source_file("corpus/sample.jsonl")).status == 0);
  for (const char* query : {"سوريا", "وقف إطلاق النار"}) {
    const auto whole = nlohmann::json::parse(run_command(binary("akhbar-search") + " --db " + (dir / "whole") +
                                                         " --json --limit 100 " + query).out);
    const auto parts = nlohmann::json::parse(run_command(binary("akhbar-search") + dbs + " --json --limit 100 " +
                                                         query).out);
    CHECK(whole["total"] == parts["total"]);
    CHECK(whole["facets"] == parts["facets"]);
  }
}
