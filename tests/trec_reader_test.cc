#include <catch2/catch.hpp>

#include "reader_test_support.h"

using akhbar::Date;
using akhbar::ReaderOptions;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::ReadResult;

namespace {

ReadResult read_trec(const std::string& content) {
  ReaderOptions o;
  o.format = akhbar::CorpusFormat::Trec;
  return read_buffer_for_test("news.trec", content, o);
}

}  // namespace

TEST_CASE("TREC: an ANT record gives every field", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC>\n"
      "<DOCNO>BB-culture-1-20180218</DOCNO>\n"
      "<URL>http://www.bbc.co.uk/arabic/art-and-culture-43105759</URL> \n"
      "<SRC>BBC</SRC>\n"
      "<CAT>culture</CAT>\n"
      "<TITLE>المؤرخ السينمائي أشرف غريب يحطم الأساطير</TITLE>\n"
      "<TIME>Sun, 18 Feb 2018 17:21:49 GMT</TIME>\n"
      "<AUTHOR></AUTHOR>\n"
      "<ABSTRACT>\nكتاب غير مسبوق يؤرخ للممثلين اليهود في مصر.\n</ABSTRACT>\n"
      "<TEXT>\nليست هذه المرة الأولى.\nهذه المرة تحلى غريب بالجرأة.\n</TEXT>\n"
      "</DOC>\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.problems.empty());
  const akhbar::Article& a = r.articles[0];
  CHECK(a.id == "BB-culture-1-20180218");
  CHECK(a.url == "http://www.bbc.co.uk/arabic/art-and-culture-43105759");
  CHECK(a.source == "BBC");
  CHECK(a.category == "culture");
  CHECK(a.title == "المؤرخ السينمائي أشرف غريب يحطم الأساطير");
  CHECK(a.date_raw == "Sun, 18 Feb 2018 17:21:49 GMT");
  CHECK(a.date == Date{2018, 2, 18});
  CHECK(a.author.empty());
  CHECK(a.body == "ليست هذه المرة الأولى.\nهذه المرة تحلى غريب بالجرأة.");
  CHECK(a.origin_file == "news.trec");
  CHECK(a.origin_line == 1);
}

TEST_CASE("TREC: field choices and fallbacks", "[readers]") {
  struct Case {
    const char* name;
    const char* doc;  // inside <DOC>...</DOC>
    const char* title;
    const char* body;
    const char* date_raw;
  };
  static const Case kCases[] = {
      {"HEADLINE when there is no TITLE", "<HEADLINE>عنوان</HEADLINE><TEXT>نص</TEXT>", "عنوان",
       "نص", ""},
      {"TITLE wins over HEADLINE", "<TITLE>أ</TITLE><HEADLINE>ب</HEADLINE><TEXT>نص</TEXT>", "أ",
       "نص", ""},
      {"ABSTRACT when TEXT is empty", "<ABSTRACT>ملخص</ABSTRACT><TEXT>\n</TEXT>", "", "ملخص", ""},
      {"TEXT wins over ABSTRACT", "<ABSTRACT>ملخص</ABSTRACT><TEXT>نص</TEXT>", "", "نص", ""},
      {"DATELINE goes first in the body", "<DATELINE>القاهرة (رويترز)</DATELINE><TEXT>\nقال</TEXT>",
       "", "القاهرة (رويترز)\nقال", ""},
      {"DATE_TIME before DATE before TIME",
       "<TIME>10:00</TIME><DATE>23/02/2018</DATE><DATE_TIME>2018-02-24</DATE_TIME>", "", "",
       "2018-02-24"},
      {"lower-case tags", "<title>عنوان</title><text>نص</text>", "عنوان", "نص", ""},
      {"P tags are paragraph breaks", "<TEXT><P>أول</P><P>ثان</P></TEXT>", "", "أول\n\nثان", ""},
      {"untagged text is the body when there is no TEXT", "\nنص بلا وسم\n", "", "نص بلا وسم", ""},
      {"a repeated TEXT is appended", "<TEXT>أ</TEXT><TEXT>ب</TEXT>", "", "أ\nب", ""},
  };
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const ReadResult r = read_trec(std::string("<DOC>\n<DOCNO>x</DOCNO>") + c.doc + "</DOC>\n");
      INFO(r.report());
      REQUIRE(r.articles.size() == 1);
      CHECK(r.articles[0].title == c.title);
      CHECK(r.articles[0].body == c.body);
      CHECK(r.articles[0].date_raw == c.date_raw);
    }
  }
}

TEST_CASE("TREC: raw & and < are text, entities are decoded", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC><DOCNO>d1</DOCNO>\n"
      "<TITLE>Dolce & Gabbana <<عرض>></TITLE>\n"
      "<URL>http://x.com/a?b=1&utm_source=rss</URL>\n"
      "<TEXT>\n"
      "أ < ب و<TEXTO> ليس وسما و <DOCNO لا\n"
      "&amp; &lt;b&gt; &quot;q&quot; &apos; &#1575; &#x644; &nbsp; &#0; &#xD800; &\n"
      "</TEXT></DOC>\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  const akhbar::Article& a = r.articles[0];
  CHECK(a.title == "Dolce & Gabbana <<عرض>>");
  CHECK(a.url == "http://x.com/a?b=1&utm_source=rss");
  CHECK(a.body ==
        "أ < ب و<TEXTO> ليس وسما و <DOCNO لا\n"
        "& <b> \"q\" ' ا ل &nbsp; &#0; &#xD800; &");
  CHECK(r.problems.empty());
}

TEST_CASE("TREC: inline tags, attributes and several DOCs per line", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC id=\"AFA_20000101.0001\" type=\"story\"><HEADLINE>خبر</HEADLINE><TEXT>نص</TEXT></DOC>"
      "<DOC><DOCNO> d2 </DOCNO><TEXT>نص ٢</TEXT></DOC>\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "AFA_20000101.0001");  // from the id attribute
  CHECK(r.articles[0].title == "خبر");
  CHECK(r.articles[1].id == "d2");
  CHECK(r.articles[1].body == "نص ٢");
  CHECK(r.problems.empty());
}

TEST_CASE("TREC: an unterminated DOC at the end is kept, with a warning", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC>\n<DOCNO>d1</DOCNO>\n<TEXT>كامل</TEXT>\n</DOC>\n"
      "<DOC>\n<DOCNO>d2</DOCNO>\n<TEXT>\nنص مقطوع\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "d2");
  CHECK(r.articles[1].body == "نص مقطوع");
  CHECK(r.articles[1].origin_line == 5);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].severity == akhbar::Problem::Severity::Warning);
  CHECK(r.problems[0].id == "d2");
  CHECK(r.problems[0].line == 5);
  CHECK(r.problems[0].what.find("unterminated <DOC>") != std::string::npos);
}

TEST_CASE("TREC: a DOC opened inside another ends the first", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC>\n<DOCNO>d1</DOCNO>\n<TEXT>أول\n"
      "<DOC>\n<DOCNO>d2</DOCNO>\n<TEXT>ثان</TEXT>\n</DOC>\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "d1");
  CHECK(r.articles[0].body == "أول");
  CHECK(r.articles[1].id == "d2");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].id == "d1");
  CHECK(r.problems[0].what ==
        "unterminated <DOC>: kept what was read up to the next <DOC> (line 4)");
}

TEST_CASE("TREC: problems that lose nothing are warnings", "[readers]") {
  SECTION("text outside DOC, once per file") {
    const ReadResult r = read_trec(
        "مقدمة\nأخرى\n<DOC><DOCNO>d1</DOCNO><TEXT>نص</TEXT></DOC>\nذيل\n");
    INFO(r.report());
    CHECK(r.articles.size() == 1);
    CHECK(r.warnings_with("text outside <DOC>") == 1);
    CHECK(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
  }
  SECTION("missing DOCNO: the id is derived") {
    const ReadResult r = read_trec("<DOC><TITLE>عنوان</TITLE><TEXT>نص</TEXT></DOC>\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == akhbar::derive_article_id(r.articles[0]));
    CHECK(r.warnings_with("no <DOCNO>") == 1);
  }
  SECTION("stray closing tags") {
    const ReadResult r = read_trec("</DOC>\n<DOC><DOCNO>d</DOCNO></TITLE><TEXT>نص</TEXT></DOC>\n");
    INFO(r.report());
    CHECK(r.articles.size() == 1);
    CHECK(r.warnings_with("stray </DOC>") == 1);
    CHECK(r.warnings_with("stray </TITLE>") == 1);
  }
  SECTION("an empty DOC is handed over: rejecting it is the indexer's job") {
    const ReadResult r = read_trec("<DOC>\n<DOCNO>e</DOCNO>\n</DOC>\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title.empty());
    CHECK(r.articles[0].body.empty());
  }
  SECTION("an unreadable date") {
    const ReadResult r = read_trec("<DOC><DOCNO>d</DOCNO><TIME>أمس</TIME><TEXT>نص</TEXT></DOC>");
    REQUIRE(r.articles.size() == 1);
    CHECK(!r.articles[0].date);
    CHECK(r.articles[0].date_raw == "أمس");
    CHECK(r.warnings_with("unreadable date") == 1);
  }
}

TEST_CASE("TREC: invalid UTF-8 and NUL bytes are repaired, one warning per article", "[readers]") {
  const ReadResult r = read_trec(
      "<DOC><DOCNO>d1</DOCNO><TITLE>عنوان\xC3</TITLE><TEXT>نص\xFF\xFE و\xD8</TEXT></DOC>\n"
      "<DOC><DOCNO>d2</DOCNO><TEXT>ن" + std::string(1, '\0') + "ص" + std::string(1, '\0') +
      "</TEXT></DOC>\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].title == "عنوان\xEF\xBF\xBD");
  CHECK(r.articles[0].body == "نص\xEF\xBF\xBD\xEF\xBF\xBD و\xEF\xBF\xBD");
  CHECK(r.articles[1].body == "نص");
  CHECK(r.warnings_with("invalid UTF-8") == 1);
  CHECK(r.warnings_with("NUL bytes removed") == 1);
  CHECK(r.problems.size() == 2);
}

TEST_CASE("TREC: CRLF line ends and a BOM", "[readers]") {
  const ReadResult r =
      read_trec("\xEF\xBB\xBF<DOC>\r\n<DOCNO>d</DOCNO>\r\n<TEXT>\r\nسطر\r\nسطر\r\n</TEXT>\r\n</DOC>\r\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].body == "سطر\nسطر");
  CHECK(r.problems.empty());
}
