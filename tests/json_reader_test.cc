#include <catch2/catch.hpp>

#include "reader_test_support.h"

using akhbar::CorpusFormat;
using akhbar::Date;
using akhbar::ReaderOptions;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::ReadResult;

namespace {

ReadResult read_as(CorpusFormat format, const std::string& content, ReaderOptions o = {}) {
  o.format = format;
  return read_buffer_for_test("news.json", content, o);
}

}  // namespace

TEST_CASE("JSON Lines: canonical fields, aliases, numbers", "[readers]") {
  const ReadResult r = read_as(CorpusFormat::JsonLines,
                               R"({"id":"a1","title":"عنوان","body":"نص","date":"2018-02-23",)"
                               R"("source":"الجزيرة","category":"سياسة","url":"http://x","author":"سعاد"})"
                               "\n"
                               R"({"id":42,"headline":"خبر","content":"محتوى","published":"23/02/2018"})"
                               "\n\n"
                               R"({"text":"نص","time":"Fri, 23 Feb 2018 10:37:34 GMT","ID":7.5})"
                               "\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.problems.empty());
  const akhbar::Article& a = r.articles[0];
  CHECK(a.id == "a1");
  CHECK(a.title == "عنوان");
  CHECK(a.body == "نص");
  CHECK(a.date == Date{2018, 2, 23});
  CHECK(a.source == "الجزيرة");
  CHECK(a.category == "سياسة");
  CHECK(a.url == "http://x");
  CHECK(a.author == "سعاد");
  CHECK(a.origin_line == 1);
  CHECK(r.articles[1].id == "42");
  CHECK(r.articles[1].title == "خبر");
  CHECK(r.articles[1].body == "محتوى");
  CHECK(r.articles[1].date == Date{2018, 2, 23});
  CHECK(r.articles[2].id == "7.5");  // key case ignored
  CHECK(r.articles[2].date == Date{2018, 2, 23});
  CHECK(r.articles[2].origin_line == 4);
}

TEST_CASE("JSON Lines: a broken line is reported and the good ones survive", "[readers]") {
  const ReadResult r = read_as(CorpusFormat::JsonLines,
                               "{\"id\":\"1\",\"body\":\"أول\"}\n"
                               "{\"id\":\"2\",\"body\":\"مقطوع\n"
                               "[1,2]\n"
                               "\"نص\"\n"
                               "{\"id\":\"3\",\"body\":\"ثالث\"} زيادة\n"
                               "{\"id\":\"4\",\"body\":\"رابع\"}\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "1");
  CHECK(r.articles[1].id == "4");
  CHECK(r.articles[1].origin_line == 6);
  REQUIRE(r.errors() == 4);
  CHECK(r.problems[0].line == 2);
  CHECK(r.errors_with("invalid JSON") == 2);
  CHECK(r.errors_with("not a JSON object (array)") == 1);
  CHECK(r.errors_with("not a JSON object (string)") == 1);
}

TEST_CASE("JSON Lines: fields of the wrong type", "[readers]") {
  const ReadResult r = read_as(
      CorpusFormat::JsonLines,
      R"({"id":"1","title":["لا"],"body":["فقرة ١","فقرة ٢"],"author":["أ","ب"],"url":{"a":1},"source":true,"date":null})"
      "\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  const akhbar::Article& a = r.articles[0];
  CHECK(a.title.empty());
  CHECK(a.body == "فقرة ١\nفقرة ٢");
  CHECK(a.author == "أ, ب");
  CHECK(a.url.empty());
  CHECK(a.source.empty());
  CHECK(!a.date);
  CHECK(r.warnings_with("field 'title' is array") == 1);
  CHECK(r.warnings_with("field 'url' is object") == 1);
  CHECK(r.warnings_with("field 'source' is boolean") == 1);
  CHECK(r.problems.size() == 3);
}

TEST_CASE("JSON Lines: very deep nesting is refused, not a crash", "[readers]") {
  const std::string deep = "{\"id\":\"d\",\"x\":" + std::string(100000, '[') +
                           std::string(100000, ']') + "}\n";
  const ReadResult r = read_as(CorpusFormat::JsonLines,
                               deep + "{\"id\":\"ok\",\"body\":\"نص\"}\n" +
                                   "{\"id\":\"shallow\",\"x\":[[[[1]]]],\"body\":\"نص\"}\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "ok");
  CHECK(r.articles[1].id == "shallow");
  CHECK(r.errors_with("nested deeper than 64") == 1);
}

TEST_CASE("JSON Lines: invalid UTF-8 and NUL bytes reach the article repaired", "[readers]") {
  const ReadResult r = read_as(CorpusFormat::JsonLines,
                               "{\"id\":\"1\",\"body\":\"نص\xFF\xFE\"}\n"
                               "{\"id\":\"2\",\"body\":\"ن" + std::string(1, '\0') + "ص\"}\n"
                               "{\"id\":\"3\",\"body\":\"ن\\u0000ص\"}\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].body == "نص\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(r.articles[1].body == "نص");
  CHECK(r.articles[2].body == "نص");
  CHECK(r.warnings_with("invalid UTF-8") == 1);
  CHECK(r.warnings_with("NUL bytes removed") == 2);
  CHECK(r.errors() == 0);
}

TEST_CASE("JSON and CSV field mapping (--field) overrides the defaults", "[readers]") {
  ReaderOptions o;
  o.field_map = {{"body", "article_text"}, {"title", "body"}, {"id", "guid"}};
  const ReadResult r = read_as(
      CorpusFormat::JsonLines,
      R"({"guid":"g1","body":"عنوان حقا","article_text":"النص","text":"ليس هذا","title":"ولا هذا"})"
      "\n",
      o);
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "g1");
  CHECK(r.articles[0].title == "عنوان حقا");
  CHECK(r.articles[0].body == "النص");

  const auto names = akhbar::input_names("body", ReaderOptions{});
  CHECK(names == std::vector<std::string>{"body", "text", "content"});
  CHECK(akhbar::input_names("body", o) == std::vector<std::string>{"article_text"});
  CHECK(akhbar::input_names("title", ReaderOptions{}) ==
        std::vector<std::string>{"title", "headline"});
  ReaderOptions only_title;
  only_title.field_map = {{"title", "text"}};
  CHECK(akhbar::input_names("body", only_title) == std::vector<std::string>{"body", "content"});
}

TEST_CASE("JSON: an array, an object, and a sequence of them", "[readers]") {
  SECTION("array over several lines") {
    const ReadResult r = read_as(CorpusFormat::Json,
                                 "[\n"
                                 "  {\"id\": \"1\", \"title\": \"أ\"},\n"
                                 "  {\n"
                                 "    \"id\": \"2\", \"title\": \"ب\"\n"
                                 "  }\n"
                                 "]\n");
    INFO(r.report());
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].origin_line == 2);
    CHECK(r.articles[1].origin_line == 3);
    CHECK(r.problems.empty());
  }
  SECTION("one object") {
    const ReadResult r = read_as(CorpusFormat::Json, "{\n \"id\": \"1\",\n \"body\": \"نص\"\n}\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].body == "نص");
  }
  SECTION("concatenated documents") {
    const ReadResult r =
        read_as(CorpusFormat::Json, "[{\"id\":\"1\"}]\n{\"id\":\"2\"}[{\"id\":\"3\"}]");
    INFO(r.report());
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[2].id == "3");
  }
  SECTION("elements that are not objects are skipped") {
    const ReadResult r = read_as(CorpusFormat::Json, "[{\"id\":\"1\"}, 5, [], {\"id\":\"2\"}]");
    CHECK(r.articles.size() == 2);
    CHECK(r.errors_with("not a JSON object") == 2);
  }
  SECTION("an empty array") {
    const ReadResult r = read_as(CorpusFormat::Json, "[]");
    CHECK(r.articles.empty());
    CHECK(r.problems.empty());
  }
}

TEST_CASE("JSON: a broken file is one Error and keeps what came before", "[readers]") {
  const ReadResult r = read_as(CorpusFormat::Json,
                               "[\n"
                               "{\"id\":\"1\",\"body\":\"أ\"},\n"
                               "{\"id\":\"2\",\"body\":\"ب\"},\n"
                               "{\"id\":\"3\",\"body\":\"ج\" oops},\n"
                               "{\"id\":\"4\",\"body\":\"د\"}\n"
                               "]\n");
  INFO(r.report());
  REQUIRE(r.articles.size() == 2);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].severity == akhbar::Problem::Severity::Error);
  CHECK(r.problems[0].line == 4);
  CHECK(r.problems[0].what.find("invalid JSON") != std::string::npos);
  CHECK(r.problems[0].what.find("kept 2 articles") != std::string::npos);
}

TEST_CASE("JSON: deep nesting and invalid UTF-8 inside an array", "[readers]") {
  const ReadResult r = read_as(CorpusFormat::Json,
                               "[{\"id\":\"deep\",\"x\":" + std::string(5000, '[') +
                                   std::string(5000, ']') + "},\n{\"id\":\"u\",\"title\":\"ع\xC3\"}]");
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "ع\xEF\xBF\xBD");
  CHECK(r.errors_with("nested deeper") == 1);
  CHECK(r.warnings_with("invalid UTF-8") == 1);
}
