#include <catch2/catch.hpp>

#include "index_options.h"

using akhbar::parse_index_options;

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
