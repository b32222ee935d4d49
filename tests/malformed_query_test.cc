// Malformed queries through the real akhbar-search: one line and exit 2
// alone; in --batch, the line's JSON carries "error" and the batch goes on.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
using nlohmann::json;

TEST_CASE("malformed queries are refused in one line, answered in a batch line by line", "[query][malformed]") {
  TempDir dir;
  write_file(dir / "in.jsonl",
             R"({"id":"m1","date":"2018-01-05","source":"الجزيرة","title":"قصف في دمشق","body":"شهدت دمشق قصفا عنيفا"})" "\n"
             R"({"id":"m2","date":"2019-01-05","source":"العربية","title":"وزير الخارجية في جنيف","body":"وصل وزير الخارجية إلى جنيف"})" "\n");
  REQUIRE(run_command(binary("akhbar-index") + " --no-progress --db " + (dir / "db") + " " + (dir / "in.jsonl")).status == 0);
  const std::string search = binary("akhbar-search") + " --db " + (dir / "db");
  struct Row {
    const char* query;
    const char* error;  // nullptr: answered
    const char* note;   // for an answered one, a note that must be there (or nullptr)
    int total;
  };
  const std::vector<Row> rows = {
      {"((((", "has no word to search for", nullptr, 0},
      {"(دمشق", "do not pair", nullptr, 0},
      {"دمشق)", "do not pair", nullptr, 0},
      {"OR", "has no word to search for", nullptr, 0},
      {"AND OR", "has no word to search for", nullptr, 0},
      {"في", "has only stop words", nullptr, 0},
      {"!!! ؟؟", "has no word to search for", nullptr, 0},
      {"\"وزير الخارجية", nullptr, "the unclosed quote was read as a phrase to the end", 1},
      {"دمشق OR", nullptr, "operators with nothing to join were left out: OR", 1},
      {"(دمشق OR جنيف)", nullptr, nullptr, 2},
  };
  std::string batch;
  for (const Row& row : rows) {
    INFO(row.query);
    batch += std::string(row.query) + "\n";
    const auto r = run_command(search + " --json -- " + shell_quote(row.query));
    if (row.error) {
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Catch::Contains(row.error));
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    } else {
      REQUIRE(r.status == 0);
      const json j = json::parse(r.out);
      CHECK(j.at("total") == row.total);
      if (row.note) CHECK_THAT(j.at("notes").dump(), Catch::Contains(row.note));
    }
  }
  // An empty query with a filter lists by date and says so.
  const auto browse = run_command(search + " --json --source العربية ''");
  REQUIRE(browse.status == 0);
  const json listed = json::parse(browse.out);
  CHECK(listed.at("total") == 1);
  CHECK_THAT(listed.at("notes").dump(), Catch::Contains("newest first"));

  write_file(dir / "batch.txt", batch);
  const auto b = run_command(search + " --batch " + (dir / "batch.txt"));
  CHECK(b.status == 1);  // some lines failed
  std::istringstream lines(b.out);
  std::string line;
  size_t i = 0;
  for (; std::getline(lines, line) && i < rows.size(); ++i) {
    INFO(rows[i].query);
    const json j = json::parse(line);
    CHECK(j.at("query") == rows[i].query);
    if (rows[i].error) {
      CHECK_THAT(j.at("error").get<std::string>(), Catch::Contains(rows[i].error));
    } else {
      CHECK(j.count("error") == 0);
      CHECK(j.at("total") == rows[i].total);
    }
  }
  CHECK(i == rows.size());
}
