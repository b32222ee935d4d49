// How a query is read before Xapian parses it: what is searched, whether it
// means "everything except", and what the user is told.
#include <catch2/catch.hpp>

#include "query/query_builder.h"
#include "query/query_reading.h"

using akhbar::QueryError;
using akhbar::read_query;

TEST_CASE("a query of only excluded words means every article except them", "[query]") {
  struct Row {
    const char* query;
    bool pure_negative;
    const char* text;  // what the parser reads
  };
  const Row rows[] = {
      {"-سوريا", true, "سوريا"},
      {"-قطر -سوريا", true, "قطر سوريا"},
      {"-\"وزير الخارجية\"", true, "\"وزير الخارجيه\""},  // an excluded phrase
      {"في -سوريا", true, "سوريا"},                        // a stop word is no positive word
      {"سوريا -قطر", false, "سوريا -قطر"},
      {"+سوريا -قطر", false, "+سوريا -قطر"},
      {"NOT سوريا", false, "NOT سوريا"},                   // Xapian's pure NOT reads it right
      {"(سوريا OR قطر) -لبنان", false, "(سوريا OR قطر) -لبنان"},
      {"وزير-الخارجية", false, "وزير-الخارجيه"},          // a hyphen inside a word
  };
  for (const Row& row : rows) {
    INFO(row.query);
    const akhbar::QueryReading r = read_query(row.query);
    CHECK(r.pure_negative == row.pure_negative);
    CHECK(r.text == row.text);
    CHECK(r.notes.size() == (row.pure_negative ? 1u : 0u));
  }
}

TEST_CASE("a pure negative query builds as all documents AND_NOT the words", "[query]") {
  const Xapian::Query q = akhbar::build_text_query("-قطر -سوريا", false);
  REQUIRE(q.get_type() == Xapian::Query::OP_AND_NOT);
  CHECK(q.get_subquery(0).get_description() == Xapian::Query::MatchAll.get_description());
  CHECK(q.get_subquery(1).get_type() == Xapian::Query::OP_OR);
  CHECK(akhbar::build_exact_forms("-قطر -سوريا", false).empty());  // no boost for what is excluded
}

TEST_CASE("stray operators and empty field prefixes are read and said", "[query]") {
  struct Row {
    const char* query;
    const char* text;
    const char* note;
  };
  const Row rows[] = {
      {"سوريا OR", "سوريا", "operators with nothing to join were left out: OR"},
      {"AND سوريا قطر", "سوريا قطر", "left out: AND"},
      {"قطر سوريا AND", "قطر سوريا", "left out: AND"},
      {"title: سوريا", "title:سوريا", "read 'title: …' as title:سوريا"},
      {"عنوان:  دمشق حلب", "عنوان:دمشق حلب", "as عنوان:دمشق"},
      {"دمشق title:", "دمشق ", "'title:' with no word after it was left out"},
  };
  for (const Row& row : rows) {
    INFO(row.query);
    const akhbar::QueryReading r = read_query(row.query);
    CHECK(r.text == row.text);
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Catch::Contains(row.note));
  }
}

TEST_CASE("a query that holds no word is an error, never every article", "[query]") {
  for (const char* q : {"(((", "!!!", "AND OR", "title:", "- + -", "\"\"", "«»"}) {
    INFO(q);
    CHECK_THROWS_WITH(read_query(q), Catch::Contains("has no word to search for"));
    CHECK_THROWS_AS(akhbar::build_text_query(q, false), QueryError);
  }
  CHECK(read_query("").text.empty());  // the empty query browses (filters, dates)
  REQUIRE(read_query("   ").notes.size() == 1);
  CHECK_THAT(read_query("   ").notes[0], Catch::Contains("every article the filters let through, newest first"));
}

TEST_CASE("guillemets and curly quotes make phrases", "[query]") {
  CHECK(read_query("«وزير الخارجية»").text == "\"وزير الخارجيه\"");
  CHECK(read_query("\u201Cوزير الخارجية\u201D").text == "\"وزير الخارجيه\"");
}

TEST_CASE("malformed queries: an error in one line, or a reading that is said", "[query]") {
  struct Refused {
    const char* query;
    const char* error;
  };
  const Refused refused[] = {
      {"((((", "has no word to search for"},
      {"(سوريا", "do not pair (1 '(' and 0 ')')"},
      {"((سوريا OR قطر)", "do not pair (2 '(' and 1 ')')"},
      {"سوريا)", "a ')' before its '('"},
      {")سوريا(", "a ')' before its '('"},
      {"OR", "has no word to search for"},
      {"AND OR", "has no word to search for"},
      {"NOT", "has no word to search for"},
      {"+", "has no word to search for"},
      {"؟!.،", "has no word to search for"},
      {"\"", "has no word to search for"},
      {"في", "has only stop words"},
      {"من هو", "has only stop words"},
      {"في OR من", "has only stop words"},
  };
  for (const Refused& row : refused) {
    INFO(row.query);
    try {
      read_query(row.query);
      FAIL("read without an error");
    } catch (const QueryError& e) {
      CHECK_THAT(e.what(), Catch::Contains(row.error));
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
  struct Read {
    const char* query;
    const char* text;  // what the parser reads
    const char* note;
  };
  const Read read[] = {
      {"\"وزير الخارجية", "\"وزير الخارجيه\"", "the unclosed quote was read as a phrase to the end: \"وزير الخارجيه\""},
      {"سوريا \"وزير الخارجية  ", "سوريا \"وزير الخارجيه\"", "phrase to the end"},
      {"سوريا \"", "سوريا ", "a quote with no word after it was left out"},
      {"«وزير الخارجية", "\"وزير الخارجيه\"", "phrase to the end"},
      {"(سوريا OR قطر) في", "(سوريا OR قطر) في", nullptr},  // paired; a stop word beside words
      {"\"من هو\"", "\"من هو\"", nullptr},                 // a phrase of stop words is meant
      {"", "", "no words: every article the filters let through, newest first"},
  };
  for (const Read& row : read) {
    INFO(row.query);
    const akhbar::QueryReading r = read_query(row.query);
    CHECK(r.text == row.text);
    if (row.note) {
      REQUIRE(r.notes.size() == 1);
      CHECK_THAT(r.notes[0], Catch::Contains(row.note));
    } else {
      CHECK(r.notes.empty());
    }
  }
}
