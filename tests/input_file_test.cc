#include <catch2/catch.hpp>

#include "readers/input_file.h"

using akhbar::InputStream;

namespace {

std::vector<std::string> all_lines(const std::string& content) {
  const auto source = akhbar::make_buffer_source(content);
  InputStream in(*source);
  std::vector<std::string> lines;
  std::string line;
  while (in.read_line(&line)) {
    lines.push_back(line);
    CHECK(in.line_number() == lines.size());
  }
  return lines;
}

}  // namespace

TEST_CASE("InputStream splits lines: LF, CRLF, a last line without end", "[readers]") {
  using V = std::vector<std::string>;
  CHECK(all_lines("") == V{});
  CHECK(all_lines("\n") == V{""});
  CHECK(all_lines("أ\r\nب\n\nج") == V{"أ", "ب", "", "ج"});
  CHECK(all_lines("\xEF\xBB\xBFسطر\n") == V{"سطر"});  // BOM skipped
  CHECK(all_lines("\xEF\xBB") == V{"\xEF\xBB"});      // not a BOM
}

TEST_CASE("InputStream handles lines longer than its buffer", "[readers]") {
  const std::string long_line(700 * 1024, 'x');
  std::string content;
  for (int i = 0; i < 3; ++i) content += std::to_string(i) + long_line + "\n";
  const auto lines = all_lines(content + "آخر");
  REQUIRE(lines.size() == 4);
  CHECK(lines[2] == "2" + long_line);
  CHECK(lines[3] == "آخر");
}

TEST_CASE("InputStream::peek does not consume", "[readers]") {
  const auto source = akhbar::make_buffer_source("abc\ndef\n");
  InputStream in(*source);
  CHECK(in.peek(5) == "abc\nd");
  CHECK(in.peek(100) == "abc\ndef\n");
  std::string line;
  REQUIRE(in.read_line(&line));
  CHECK(line == "abc");
  CHECK(in.peek(3) == "def");
  CHECK(in.damage().empty());
}

TEST_CASE("ArticleSink trims, dates, derives ids and reports with the final id", "[readers]") {
  std::vector<akhbar::Article> articles;
  std::vector<akhbar::Problem> problems;
  const akhbar::ArticleCallback on_article = [&](akhbar::Article&& a) {
    articles.push_back(std::move(a));
  };
  const akhbar::ProblemCallback on_problem = [&](const akhbar::Problem& p) {
    problems.push_back(p);
  };
  akhbar::ReaderOptions options;
  options.default_date = akhbar::Date{2000, 1, 1};
  akhbar::ArticleSink sink("f.xml", options, on_article, on_problem);
  akhbar::Article a;
  a.title = "  عنوان \n";
  a.body = "\n  سطر\n  سطر  \n";
  a.origin_line = 7;
  sink.deliver(std::move(a), {"ملاحظة\nعلى سطرين"});
  akhbar::Article b;
  b.id = "b";
  b.date_raw = "23/02/2018";
  sink.deliver(std::move(b));
  REQUIRE(articles.size() == 2);
  CHECK(sink.delivered() == 2);
  CHECK(articles[0].title == "عنوان");
  CHECK(articles[0].body == "سطر\n  سطر");
  CHECK(articles[0].id == akhbar::derive_article_id(articles[0]));
  CHECK(articles[0].date == akhbar::Date{2000, 1, 1});  // default: no date in the source
  CHECK(articles[0].origin_file == "f.xml");
  CHECK(articles[1].date == akhbar::Date{2018, 2, 23});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].to_string() == "f.xml:7: " + articles[0].id + ": ملاحظة على سطرين");
}
