#include <catch2/catch.hpp>

#include "search_options.h"

using akhbar::parse_search_options;
using akhbar::SearchUsageError;

namespace {

akhbar::SearchCommand parse(std::vector<const char*> args) {
  args.insert(args.begin(), "akhbar-search");
  return parse_search_options(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("search options fill the request", "[options]") {
  const auto c = parse({"--db", "a", "--db", "b", "--from", "2017", "--to", "2018-02", "--source",
                        "BBC", "--source", "CNN", "--sort", "date", "--date-facet", "year",
                        "--limit", "5", "وزير", "الخارجية"});
  CHECK(c.db_paths == std::vector<std::string>{"a", "b"});
  CHECK(c.request.query == "وزير الخارجية");
  CHECK(c.request.filters.from->iso() == "2017-01-01");
  CHECK(c.request.filters.to->iso() == "2018-02-28");
  CHECK(c.request.filters.sources == std::vector<std::string>{"BBC", "CNN"});
  CHECK(c.request.sort == akhbar::SortOrder::Date);
  CHECK(c.request.date_facet == akhbar::DateGranularity::Year);
  CHECK(c.request.limit == 5);
}

TEST_CASE("bad search options are one-line usage errors", "[options]") {
  const std::vector<std::vector<const char*>> rows = {
      {"سوريا"},                                   // no --db
      {"--db", "a"},                               // no query
      {"--db", "a", "--from", "2018-13", "x"},     // impossible month
      {"--db", "a", "--to", "yesterday", "x"},
      {"--db", "a", "--sort", "random", "x"},
      {"--db", "a", "--date-facet", "week", "x"},
      {"--db", "a", "--limit", "-3", "x"},
      {"--db", "a", "--batch", "q.txt", "x"},      // both
      {"--db", "a", "--bogus", "x"},
  };
  for (const auto& row : rows) {
    INFO(row.size());
    CHECK_THROWS_AS(parse(row), SearchUsageError);
  }
}

TEST_CASE("ids-only drops snippets, and facets and the exact total from text output", "[options]") {
  const auto text = parse({"--db", "a", "--ids-only", "x"});
  CHECK(text.request.ids_only);
  CHECK_FALSE(text.request.snippets);
  CHECK_FALSE(text.request.facets);
  CHECK_FALSE(text.request.exact_total);  // the text form prints no total
  const auto json = parse({"--db", "a", "--ids-only", "--json", "x"});
  CHECK(json.request.facets);
  CHECK(json.request.exact_total);
  CHECK(parse({"--db", "a", "x"}).request.exact_total);
  CHECK_FALSE(parse({"--db", "a", "x"}).request.ids_only);
}

TEST_CASE("a batch run implies JSON output", "[options]") {
  const auto c = parse({"--db", "a", "--batch", "-"});
  CHECK(c.json);
  CHECK(c.batch_file == "-");
}
