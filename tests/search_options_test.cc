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

TEST_CASE("bad search options are one-line usage errors that name the option", "[options]") {
  struct Row {
    std::vector<const char*> args;
    const char* message;  // a part of the error's one line
  };
  const std::vector<Row> rows = {
      {{"سوريا"}, "no database given (--db DIR)"},
      {{"--db", "a"}, "no QUERY given"},
      {{"--db", "a", "--from", "2018-13", "x"}, "--from wants YYYY, YYYY-MM or YYYY-MM-DD, got '2018-13'"},
      {{"--db", "a", "--to", "yesterday", "x"}, "--to wants YYYY"},
      {{"--db", "a", "--sort", "random", "x"}, "--sort must be one of relevance, date, got 'random'"},
      {{"--db", "a", "--date-facet", "week", "x"}, "--date-facet must be one of year, month, day"},
      {{"--db", "a", "--color", "sometimes", "x"}, "--color must be one of auto, always, never"},
      {{"--db", "a", "--batch", "q.txt", "x"}, "give either a QUERY or --batch FILE, not both"},
      {{"--db", "a", "--show", ""}, "--show wants an article id"},
      {{"--db", "a", "--show", "id1", "--batch", "q.txt"}, "give either --show ID or --batch FILE, not both"},
      {{"--db", "a", "--bidi", "rtl", "x"}, "--bidi must be one of auto, always, never, got 'rtl'"},
      {{"--db", "a", "--bogus", "x"}, "unrecognised option '--bogus'"},
      // Ranges that hold no date: never answered as if unfiltered.
      {{"--db", "a", "--from", "2018-06", "--to", "2018-01", "x"},
       "--from 2018-06-01 is after --to 2018-01-31"},
      {{"--db", "a", "--event-from", "2018", "--event-to", "2017-12-31", "x"},
       "--event-from 2018-01-01 is after --event-to 2017-12-31"},
      // Numbers: no sign, no wrap to 32 bits, no fraction.
      {{"--db", "a", "--limit", "-3", "x"}, "--limit must be a whole number from 0 to 10000, got '-3'"},
      {{"--db", "a", "--limit", "10001", "x"}, "--limit must be a whole number from 0 to 10000"},
      {{"--db", "a", "--offset", "-1", "x"}, "--offset must be a whole number from 0 to 4294957295, got '-1'"},
      {{"--db", "a", "--offset", "4294967296", "x"}, "got '4294967296'"},
      {{"--db", "a", "--offset", "99999999999999999999999", "x"}, "--offset must be a whole number"},
      {{"--db", "a", "--offset", "1.5", "x"}, "--offset must be a whole number"},
      {{"--db", "a", "--offset", " 3", "x"}, "--offset must be a whole number"},
      {{"--db", "a", "--facet-limit", "-5", "x"}, "--facet-limit must be a whole number from 0 to 1000000"},
      // Filters that name nothing are refused, not dropped.
      {{"--db", "a", "--actor", "", "x"}, "--actor wants a name, got ''"},
      {{"--db", "a", "--actor", " ", "x"}, "--actor wants a name, got ' '"},
      {{"--db", "a", "--actor", "!!!", "x"}, "--actor wants a name, got '!!!'"},
      {{"--db", "a", "--place", "", "x"}, "--place wants a name"},
      {{"--db", "a", "--source", "...", "x"}, "--source wants a name"},
      {{"--db", "a", "--category", "\u0640", "x"}, "--category wants a name"},  // a lone tatweel
  };
  for (const Row& row : rows) {
    INFO(row.message);
    try {
      parse(row.args);
      FAIL("accepted");
    } catch (const SearchUsageError& e) {
      CHECK_THAT(e.what(), Catch::Contains(row.message));
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("numbers at the ends of their ranges are taken", "[options]") {
  const auto c = parse({"--db", "a", "--limit", "10000", "--offset", "4294957295", "--facet-limit", "0", "x"});
  CHECK(c.request.limit == 10000);
  CHECK(c.request.offset == 4294957295u);
  CHECK(c.request.facet_limit == 0);
  const auto d = parse({"--db", "a", "--from", "2018-03-05", "--to", "2018-03-05", "--actor", "ترامب", "x"});
  CHECK(d.request.filters.from == d.request.filters.to);  // one day is a range
}

TEST_CASE("a query longer than the cap is refused before any search", "[options]") {
  const std::string long_query(akhbar::kMaxQueryBytes + 1, 'a');
  CHECK_THROWS_WITH(parse({"--db", "a", long_query.c_str()}),
                    Catch::Contains("longer than 8192 bytes"));
  const std::string at_cap(akhbar::kMaxQueryBytes, 'a');
  CHECK(parse({"--db", "a", at_cap.c_str()}).request.query.size() == akhbar::kMaxQueryBytes);
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

TEST_CASE("a word after a minus is an excluded word, not an option", "[options]") {
  CHECK(parse({"--db", "a", "-سوريا"}).request.query == "-سوريا");
  CHECK(parse({"--db", "a", "سوريا", "-قطر", "لبنان"}).request.query == "سوريا -قطر لبنان");
  CHECK_THROWS_WITH(parse({"--db", "a", "-x", "سوريا"}), Catch::Contains("unrecognised option '-x'"));
}

TEST_CASE("without QUERY on a terminal the interactive mode opens; --show needs no QUERY", "[options]") {
  const char* const bare[] = {"akhbar-search", "--db", "a"};
  CHECK(parse_search_options(3, bare, true).interactive);
  CHECK_THROWS_WITH(parse_search_options(3, bare, false), Catch::Contains("no QUERY given"));
  const char* const with_query[] = {"akhbar-search", "--db", "a", "سوريا"};
  CHECK_FALSE(parse_search_options(4, with_query, true).interactive);
  const auto show = parse({"--db", "a", "--show", "akh-0001", "--bidi", "always", "--no-pager"});
  CHECK_FALSE(show.interactive);
  CHECK(show.show_id == "akh-0001");
  CHECK(show.bidi == akhbar::BidiMode::Always);
  CHECK(show.no_pager);
}
