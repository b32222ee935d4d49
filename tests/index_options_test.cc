#include <catch2/catch.hpp>

#include <filesystem>

#include "index_options.h"
#include "test_support.h"

using akhbar::parse_index_options;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;

namespace {

akhbar::IndexCommand parse(std::vector<const char*> args) {
  args.insert(args.begin(), "akhbar-index");
  return parse_index_options(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("index options fill the settings", "[options]") {
  const auto c = parse({"--db", "d", "--format", "csv", "--field", "body=content", "--field",
                        "title=headline", "--date", "2018-02-23", "a.csv", "dir"});
  CHECK(c.settings.db_path == "d");
  CHECK(c.settings.inputs == std::vector<std::string>{"a.csv", "dir"});
  CHECK(c.settings.reader.format == akhbar::CorpusFormat::Csv);
  CHECK(c.settings.reader.field_map.at("body") == "content");
  CHECK(c.settings.reader.field_map.at("title") == "headline");
  CHECK(c.settings.reader.default_date->iso() == "2018-02-23");
}

TEST_CASE("bad index options are usage errors", "[options]") {
  const std::vector<std::vector<const char*>> rows = {
      {"x.jsonl"},                                         // no --db
      {"--db", "d"},                                       // no input
      {"--db", "d", "--format", "xml", "x"},
      {"--db", "d", "--field", "body", "x"},
      {"--db", "d", "--field", "text=content", "x"},       // not a canonical field
      {"--db", "d", "--date", "someday", "x"},
      {"--db", "d", "--commit-every", "0", "x"},
  };
  for (const auto& row : rows) CHECK_THROWS_AS(parse(row), akhbar::UsageError);
}

// Every numeric option of akhbar-index and akhbar-tag: a value out of its
// range, negative, too big for its type, or not a number is refused where it
// is parsed, with one line naming the option and its range, and exit 2.
TEST_CASE("numeric options of akhbar-index and akhbar-tag are range-checked", "[options]") {
  struct Row {
    const char* tool;
    const char* option;
    const char* value;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"akhbar-index", "--threads", "-1", "--threads must be a whole number from 0 to 256, got '-1'"},
      {"akhbar-index", "--threads", "40000", "--threads must be a whole number from 0 to 256, got '40000'"},
      {"akhbar-index", "--threads", "2x", "--threads must be a whole number from 0 to 256, got '2x'"},
      {"akhbar-index", "--commit-every", "-1",
       "--commit-every must be a whole number from 1 to 100000, got '-1'"},
      {"akhbar-index", "--commit-every", "0",
       "--commit-every must be a whole number from 1 to 100000, got '0'"},
      {"akhbar-index", "--commit-every", "18446744073709551616",
       "--commit-every must be a whole number from 1 to 100000, got '18446744073709551616'"},
      {"akhbar-index", "--max-body-bytes", "-1",
       "--max-body-bytes must be a whole number from 0 to 1073741824, got '-1'"},
      {"akhbar-index", "--max-body-bytes", "4294967296",
       "--max-body-bytes must be a whole number from 0 to 1073741824, got '4294967296'"},
      {"akhbar-index", "--max-body-bytes", "",
       "--max-body-bytes must be a whole number from 0 to 1073741824, got ''"},
      {"akhbar-tag", "--document-sentences", "-1",
       "--document-sentences must be a whole number from 0 to 1000000, got '-1'"},
      {"akhbar-tag", "--document-sentences", "+3",
       "--document-sentences must be a whole number from 0 to 1000000, got '+3'"},
  };
  TempDir dir;
  for (const Row& row : rows) {
    const std::string tool = row.tool;
    const std::string args = tool == "akhbar-index" ? " --db " + (dir / "db") + " " + (dir / "none")
                                                    : " --conll /dev/null";
    const auto r = run_command(binary(tool) + args + " " + row.option + " " +
                               shell_quote(row.value));
    INFO(tool << " " << row.option << " '" << row.value << "': " << r.err);
    CHECK(r.status == 2);
    CHECK(r.err.substr(0, r.err.find('\n')) == tool + ": " + row.message);
    CHECK(!std::filesystem::exists(dir / "db"));
    if (tool == "akhbar-index") {
      std::vector<const char*> args = {"--db", "d", row.option, row.value, "x"};
      CHECK_THROWS_WITH(parse(args), row.message);
    }
  }
}

TEST_CASE("numeric options at the ends of their ranges are taken", "[options]") {
  const auto c = parse({"--db", "d", "--threads", "0", "--commit-every", "100000",
                        "--max-body-bytes", "1073741824", "x"});
  CHECK(c.settings.threads == 0);
  CHECK(c.settings.commit_every == 100000);
  CHECK(c.settings.check.max_body_bytes == (size_t{1} << 30));
}
