#include <catch2/catch.hpp>

#include "reader_test_support.h"
#include "test_support.h"

using akhbar::Date;
using akhbar::ReaderOptions;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::read_corpus_for_test;
using akhbar::testing::ReadResult;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;

TEST_CASE("text: the first non-blank line is the title, the rest the body", "[readers]") {
  ReaderOptions o;
  o.format = akhbar::CorpusFormat::Text;
  o.default_date = Date{2018, 2, 23};
  const ReadResult r = read_buffer_for_test(
      "dir/khabar.txt", "\n  \n  عنوان الخبر  \r\nالفقرة الأولى.\n\nالفقرة الثانية.\n", o);
  INFO(r.report());
  REQUIRE(r.articles.size() == 1);
  const akhbar::Article& a = r.articles[0];
  CHECK(a.title == "عنوان الخبر");
  CHECK(a.body == "الفقرة الأولى.\n\nالفقرة الثانية.");
  CHECK(a.id == "khabar");
  CHECK(a.date == Date{2018, 2, 23});
  CHECK(a.origin_line == 0);
  CHECK(r.problems.empty());
}

TEST_CASE("text: an empty file is one empty article", "[readers]") {
  ReaderOptions o;
  o.format = akhbar::CorpusFormat::Text;
  const ReadResult r = read_buffer_for_test("empty.txt", "", o);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title.empty());
  CHECK(r.articles[0].body.empty());
  CHECK(!r.articles[0].date);
}

TEST_CASE("text: ids are paths relative to the directory walked", "[readers]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "2018" / "02");
  write_file(dir / "2018/02/a.txt", "عنوان أ\nنص");
  write_file(dir / "b", "عنوان ب\nنص");
  akhbar::testing::write_gzip(dir / "c.txt.gz", "عنوان ج\nنص مضغوط");
  const ReadResult r = read_corpus_for_test({dir.path().string()});
  INFO(r.report());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].id == "2018/02/a");
  CHECK(r.articles[1].id == "b");
  CHECK(r.articles[2].id == "c");
  CHECK(r.articles[2].body == "نص مضغوط");
  CHECK(r.problems.empty());

  const ReadResult one = read_corpus_for_test({dir / "2018/02/a.txt"});
  REQUIRE(one.articles.size() == 1);
  CHECK(one.articles[0].id == "a");  // a file named alone: its stem
}

TEST_CASE("text: invalid UTF-8 (a legacy code page) is replaced and reported", "[readers]") {
  ReaderOptions o;
  o.format = akhbar::CorpusFormat::Text;
  const ReadResult r = read_buffer_for_test("cp1256.txt", "\xDA\xE4\xE6\xC7\xE4\n\xE4\xD5\n", o);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(r.warnings_with("invalid UTF-8 replaced by U+FFFD (in title, body)") == 1);
}
