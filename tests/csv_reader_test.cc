#include <catch2/catch.hpp>

#include "reader_test_support.h"

using akhbar::Date;
using akhbar::ReaderOptions;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::ReadResult;

namespace {

ReadResult read_csv(const std::string& content, const std::string& name = "news.csv",
                    ReaderOptions o = {}) {
  o.format = akhbar::CorpusFormat::Csv;
  return read_buffer_for_test(name, content, o);
}

}  // namespace

TEST_CASE("CSV: header mapping, quotes, escapes, line breaks, CRLF, BOM", "[readers]") {
  const ReadResult r = read_csv(
      "\xEF\xBB\xBF" "ID, Headline ,Content,Date,Extra\r\n"
      "1,عنوان بسيط,نص بسيط,23/02/2018,x\r\n"
      "2,\"عنوان، مع فاصلة\",\"سطر أول\r\nسطر \"\"ثان\"\"\",2018-02-24,y\r\n"
      "3,,\"\",,\r\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].id == "1");
  CHECK(r.articles[0].title == "عنوان بسيط");
  CHECK(r.articles[0].body == "نص بسيط");
  CHECK(r.articles[0].date == Date{2018, 2, 23});
  CHECK(r.articles[0].origin_line == 2);
  CHECK(r.articles[1].title == "عنوان، مع فاصلة");
  CHECK(r.articles[1].body == "سطر أول\nسطر \"ثان\"");
  CHECK(r.articles[1].date == Date{2018, 2, 24});
  CHECK(r.articles[2].origin_line == 5);
  CHECK(r.articles[2].title.empty());
  REQUIRE(r.problems.size() == 1);  // the unused column
  CHECK(r.problems[0].what == "columns not used: 'Extra'");
}

TEST_CASE("CSV: separators", "[readers]") {
  struct Case {
    const char* name;
    const char* file;
    const char* content;
  };
  static const Case kCases[] = {
      {"tab for .tsv", "a.tsv", "title\tbody\nعنوان, بفاصلة\tنص\n"},
      {"tab sniffed", "a.csv", "title\tbody\nعنوان, بفاصلة\tنص\n"},
      {"semicolon sniffed", "a.csv", "title;body\n\"عنوان, بفاصلة\";نص\n"},
      {"comma", "a.csv", "title,body\n\"عنوان, بفاصلة\",نص\n"},
  };
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const ReadResult r = read_csv(c.content, c.file);
      INFO(r.report());
      REQUIRE(r.articles.size() == 1);
      CHECK(r.articles[0].title == "عنوان, بفاصلة");
      CHECK(r.articles[0].body == "نص");
    }
  }
}

TEST_CASE("CSV: an unbalanced quote loses one record, not the rest", "[readers]") {
  const ReadResult r = read_csv(
      "id,title,body\n"
      "1,أول,نص\n"
      "2,\"ثان مكسور,نص\n"
      "3,ثالث,نص\n"
      "4,رابع,نص\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].id == "1");
  CHECK(r.articles[1].id == "3");
  CHECK(r.articles[1].origin_line == 4);
  CHECK(r.articles[2].id == "4");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK(r.errors_with("unbalanced quote: record skipped, lines 4-5 read again as rows") == 1);
}

TEST_CASE("CSV: an unbalanced quote on the last line", "[readers]") {
  const ReadResult r = read_csv("title,body\nأ,ب\nج,\"د\n");
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.errors_with("unbalanced quote") == 1);
  CHECK(r.problems[0].line == 3);
}

TEST_CASE("CSV: rows of the wrong length are used and reported", "[readers]") {
  const ReadResult r = read_csv("id,title,body\n1,أ\n2,ب,ج,زيادة\n\n3,\"د\"x,هـ\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].title == "أ");
  CHECK(r.articles[0].body.empty());
  CHECK(r.articles[1].body == "ج");
  CHECK(r.articles[2].title == "دx");
  CHECK(r.warnings_with("row has 2 fields, the header 3") == 1);
  CHECK(r.warnings_with("row has 4 fields") == 1);
  CHECK(r.warnings_with("text after a closing quote") == 1);
  CHECK(r.errors() == 0);
}

TEST_CASE("CSV: --field mapping and a header without text columns", "[readers]") {
  SECTION("mapping") {
    ReaderOptions o;
    o.field_map = {{"body", "Article Text"}, {"date", "missing"}};
    const ReadResult r = read_csv("title,article text,body\nعنوان,النص,ليس هذا\n", "a.csv", o);
    INFO(r.report());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].body == "النص");
    CHECK(r.warnings_with("--field date=missing: no such column") == 1);
    CHECK(r.warnings_with("columns not used: 'body'") == 1);
  }
  SECTION("no title or body column") {
    const ReadResult r = read_csv("a,b\n1,2\n3,4\n");
    CHECK(r.articles.empty());
    CHECK(r.errors_with("no title or body column") == 1);
  }
  SECTION("empty file") {
    const ReadResult r = read_csv("");
    CHECK(r.articles.empty());
    CHECK(r.problems.empty());
  }
}

TEST_CASE("CSV: invalid UTF-8 and NUL bytes", "[readers]") {
  const ReadResult r =
      read_csv("title,body\nعنوان\xFF,ن" + std::string(1, '\0') + "ص\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "عنوان\xEF\xBF\xBD");
  CHECK(r.articles[0].body == "نص");
  CHECK(r.warnings_with("invalid UTF-8") == 1);
  CHECK(r.warnings_with("NUL") == 1);
}
