// The query syntax, as golden descriptions of the Xapian queries it builds.
// Single words become stems ("Z" + stem_word of the normalized word); phrase
// words stay exact normalized words, so the rows spell stems out through
// the stemmer and hold the structure fixed.
#include <catch2/catch.hpp>

#include "query/query_builder.h"
#include "text/stemmer.h"

using akhbar::build_filter_query;
using akhbar::build_search_query;
using akhbar::build_text_query;

namespace {

std::string z(const std::string& normalized_word) { return "Z" + akhbar::stem_word(normalized_word); }

std::string describe(const std::string& query, bool any = false) {
  return build_text_query(query, any).get_description();
}

}  // namespace

TEST_CASE("words must all match by default, any with match_any", "[query]") {
  CHECK(describe("سوريا") == "Query(" + z("سوريا") + "@1)");
  CHECK(describe("سوريا دمشق") == "Query((" + z("سوريا") + "@1 AND " + z("دمشق") + "@2))");
  CHECK(describe("سوريا دمشق", true) == "Query((" + z("سوريا") + "@1 OR " + z("دمشق") + "@2))");
}

TEST_CASE("query words go through the same normalization as documents", "[query]") {
  // Each row: a spelling with diacritics, tatweel, hamza or ta marbuta, and
  // the plain spelling it must equal.
  const std::pair<std::string, std::string> rows[] = {
      {"مُحَمَّد", "محمد"},
      {"القاهـــرة", "القاهره"},
      {"الأمم", "الامم"},
      {"إسرائيل", "اسرائيل"},
      {"مستشفى", "مستشفي"},
      {"٢٠١٨", "2018"},
      {"ﻻجئين", "لاجئين"},
  };
  for (const auto& [variant, plain] : rows) {
    INFO(variant);
    CHECK(describe(variant) == describe(plain));
  }
}

TEST_CASE("phrases match exact normalized words in order", "[query]") {
  CHECK(describe("\"قال محمد\"") == "Query((قال@1 PHRASE 2 محمد@2))");
  CHECK(describe("\"قَالَ مُحَمَّدٌ\"") == "Query((قال@1 PHRASE 2 محمد@2))");
  // Guillemets and curly quotes, as Arabic text quotes, are phrases too.
  CHECK(describe("«قال محمد»") == "Query((قال@1 PHRASE 2 محمد@2))");
  CHECK(describe("“قال محمد”") == "Query((قال@1 PHRASE 2 محمد@2))");
}

TEST_CASE("boolean operators and exclusion", "[query]") {
  const std::string a = z("سوريا"), b = z("العراق"), c = z("لبنان");
  CHECK(describe("سوريا OR العراق") == "Query((" + a + "@1 OR " + b + "@2))");
  CHECK(describe("سوريا NOT العراق") == "Query((" + a + "@1 AND_NOT " + b + "@2))");
  CHECK(describe("سوريا -العراق") == "Query((" + a + "@1 AND_NOT " + b + "@2))");
  CHECK(describe("(سوريا OR العراق) لبنان") ==
        "Query(((" + a + "@1 OR " + b + "@2) AND " + c + "@3))");
}

TEST_CASE("title: restricts a word or phrase to titles", "[query]") {
  CHECK(describe("title:قطر") == "Query(ZS" + akhbar::stem_word("قطر") + "@1)");
  CHECK(describe("title:\"وزير الخارجية\"") == "Query((Sوزير@1 PHRASE 2 Sالخارجيه@2))");
  CHECK(describe("عنوان:قطر") == describe("title:قطر"));
}

TEST_CASE("stop words are dropped unless the query has nothing else", "[query]") {
  // The stop word keeps its position, so a phrase built later stays aligned.
  CHECK(describe("في سوريا") == "Query(" + z("سوريا") + "@2)");
  CHECK_THROWS_AS(describe("في"), akhbar::QueryError);  // only stop words (query_reading.h)
  CHECK(describe("\"في سوريا\"") == "Query((في@1 PHRASE 2 سوريا@2))");
}

TEST_CASE("odd queries give a query or a clean error, never a crash", "[query]") {
  const std::string rows[] = {"", "   ", "\"", "((((", ")", "OR", "NOT", "- -", "\"سوريا",
                              "َُِّ", "title:", std::string(10000, 'x'), "\xff\xfe", "AND OR NOT"};
  for (const std::string& q : rows) {
    INFO(q.substr(0, 20));
    try {
      (void)build_text_query(q, false);
    } catch (const akhbar::QueryError& e) {
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("filters: the same filter ORs, different filters AND", "[query]") {
  akhbar::Filters f;
  CHECK(build_filter_query(f).empty());
  f.sources = {"BBC", "CNN"};
  CHECK(build_filter_query(f).get_description() == "Query((XSRCbbc OR XSRCcnn))");
  f.categories = {"Sport"};
  CHECK(build_filter_query(f).get_description() ==
        "Query(((XSRCbbc OR XSRCcnn) AND XCATsport))");
}

TEST_CASE("date bounds filter on the date slot, inclusive", "[query]") {
  akhbar::Filters f;
  f.from = akhbar::parse_date_bound("2018", false);
  f.to = akhbar::parse_date_bound("2018-02", true);
  CHECK(build_filter_query(f).get_description() == "Query(VALUE_RANGE 0 20180101 20180228)");
  f.to.reset();
  CHECK(build_filter_query(f).get_description() == "Query(VALUE_GE 0 20180101)");
}

TEST_CASE("an empty query with filters browses everything they let through", "[query]") {
  akhbar::SearchRequest r;
  r.filters.sources = {"BBC"};
  CHECK(build_search_query(r).get_description() == "Query((<alldocuments> FILTER XSRCbbc))");
  r.filters.sources.clear();
  CHECK(build_search_query(r).get_description() == "Query(<alldocuments>)");
}

TEST_CASE("an event-date range is covered by years, months and days", "[query]") {
  akhbar::Filters f;
  f.event_from = akhbar::Date{2017, 12, 30};
  f.event_to = akhbar::Date{2019, 2, 2};
  CHECK(build_filter_query(f).get_description() ==
        "Query((XED20171230 OR XED20171231 OR XEY2018 OR XEM201901 OR XED20190201 OR XED20190202))");
  f.event_from = akhbar::Date{2016, 2, 28};
  f.event_to = akhbar::Date{2016, 3, 1};
  CHECK(build_filter_query(f).get_description() ==
        "Query((XED20160228 OR XED20160229 OR XED20160301))");
}

TEST_CASE("the exact written form of each word adds a little weight, never a match", "[query]") {
  // Stems decide what matches; the unstemmed words only rank the exact form
  // first. The boost is the same query with stemming off, scaled down.
  akhbar::SearchRequest words;
  words.query = "الحكومة السورية";
  const std::string boost = akhbar::build_ranked_query(words).get_description();
  CHECK(boost.find("الحكومه") != std::string::npos);
  CHECK(boost.find("السوريه") != std::string::npos);
  const std::string exact = akhbar::build_exact_forms(words.query, false).get_description();
  CHECK(exact.find("Z") == std::string::npos);
  CHECK(boost.find("AND_MAYBE 0.25 * ") != std::string::npos);
  akhbar::SearchRequest r;
  r.query = "الحكومة السورية";
  CHECK(build_search_query(r).get_description() == describe("الحكومة السورية"));
}

TEST_CASE("what is ranked is what matches, with the exact forms as a maybe", "[query]") {
  akhbar::SearchRequest r;
  r.query = "سوريا";
  r.filters.sources = {"skynews"};
  const std::string search = build_search_query(r).get_description();
  const std::string boost =
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, akhbar::build_exact_forms(r.query, false), 0.25)
          .get_description();
  // "Query(X)" around each part: the ranked query is AND_MAYBE of the two.
  const auto inner = [](const std::string& d) { return d.substr(6, d.size() - 7); };
  CHECK(akhbar::build_ranked_query(r).get_description() ==
        "Query((" + inner(search) + " AND_MAYBE " + inner(boost) + "))");
  // Nothing to boost (no words): the search query itself.
  r.query = "";
  CHECK(akhbar::build_ranked_query(r).get_description() == build_search_query(r).get_description());
}
