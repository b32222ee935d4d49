// No reader holds more than ReaderOptions::max_article_bytes of one article,
// whatever the input: a gzip member that inflates to hundreds of megabytes
// streams through in bounded memory; what is kept or skipped is reported.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>

#include <xapian.h>

#include "reader_test_support.h"
#include "test_support.h"
#include "text/utf8_repair.h"

using akhbar::ReaderOptions;
using akhbar::testing::binary;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::ReadResult;
using akhbar::testing::run_command;
using akhbar::testing::TempDir;

namespace {

constexpr size_t kCap = 100;

ReaderOptions capped() {
  ReaderOptions options;
  options.max_article_bytes = kCap;
  return options;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kLong = repeat("ب", 300);  // 600 bytes

const akhbar::Article* find(const ReadResult& r, const std::string& id) {
  for (const akhbar::Article& a : r.articles) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

// A gzip file of `head`, `size` bytes of 'a' and `tail`, written in pieces.
void write_bomb(const std::string& path, const std::string& head, size_t size,
                const std::string& tail) {
  gzFile f = gzopen(path.c_str(), "wb1");
  REQUIRE(f != nullptr);
  gzwrite(f, head.data(), static_cast<unsigned>(head.size()));
  const std::string chunk(1 << 20, 'a');
  for (size_t done = 0; done < size; done += chunk.size()) {
    gzwrite(f, chunk.data(), static_cast<unsigned>(std::min(chunk.size(), size - done)));
  }
  gzwrite(f, tail.data(), static_cast<unsigned>(tail.size()));
  gzclose(f);
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

}  // namespace

TEST_CASE("a long JSON string is cut at the cap, never inside a character or an escape",
          "[readers][cap]") {
  const std::vector<std::string> bodies = {kLong, repeat("\\u0627", 100),
                                           repeat("\\ud83d\\ude00", 50), repeat("\\\"", 100)};
  for (const std::string& body : bodies) {
    const std::string article = "{\"id\":\"a\",\"title\":\"t\",\"body\":\"" + body + "\"}";
    for (const auto& [name, content] :
         {std::pair<std::string, std::string>{"x.jsonl", article + "\n{\"id\":\"b\",\"title\":\"t2\"}\n"},
          {"x.json", "[" + article + ",{\"id\":\"b\",\"title\":\"t2\"}]"}}) {
      const ReadResult r = read_buffer_for_test(name, content, capped());
      INFO(name << " " << body.substr(0, 20) << "\n" << r.report());
      REQUIRE(r.articles.size() == 2);
      CHECK(r.errors() == 0);
      const akhbar::Article* a = find(r, "a");
      REQUIRE(a != nullptr);
      CHECK(a->body.size() <= kCap);
      CHECK(akhbar::is_valid_utf8(a->body));
      CHECK(r.warnings_with("invalid UTF-8") == 0);
      CHECK(r.warnings_with("a string longer than 100 bytes was cut to that length") == 1);
    }
  }
}

TEST_CASE("a JSON line that leaves a string open does not change how the next is cut",
          "[readers][cap]") {
  ReaderOptions options = capped();
  options.format = akhbar::CorpusFormat::JsonLines;
  const ReadResult r = read_buffer_for_test(
      "x.jsonl",
      "{\"id\":\"x\",\"title\":\"open\n{\"id\":\"a\",\"title\":\"t\",\"body\":\"" + kLong + "\"}\n",
      options);
  INFO(r.report());
  CHECK(r.errors_with("invalid JSON") == 1);
  REQUIRE(find(r, "a") != nullptr);
  CHECK(find(r, "a")->body.size() <= kCap);
}

TEST_CASE("JSON that holds no article within twice the cap is reported and skipped",
          "[readers][cap]") {
  const std::string numbers = "{\"id\":\"a\",\"n\":[" + repeat("1,", 150) + "1]}";
  const ReadResult lines =
      read_buffer_for_test("x.jsonl", numbers + "\n{\"id\":\"b\",\"title\":\"t2\"}\n", capped());
  INFO(lines.report());
  CHECK(lines.errors_with("line longer than 200 bytes, line skipped") == 1);
  CHECK(lines.articles.size() == 1);
  // The reader takes its input in parts of 64 KiB: it holds at most one
  // part more than twice the cap.
  const ReadResult spaces = read_buffer_for_test(
      "x.json", "[{\"id\":\"b\",\"title\":\"t2\"}," + std::string(200000, ' ') + "{\"id\":\"c\"}]",
      capped());
  INFO(spaces.report());
  CHECK(spaces.errors_with("more than 200 bytes without the end of an article, rest of file "
                           "skipped (kept 1 articles read before it)") == 1);
  CHECK(spaces.articles.size() == 1);
}

TEST_CASE("a TREC record or text file longer than the cap is cut and kept", "[readers][cap]") {
  const std::string lines = repeat(repeat("ب", 10) + "\n", 30);
  const ReadResult trec = read_buffer_for_test(
      "x.trec",
      "<DOC>\n<DOCNO>a</DOCNO>\n<TEXT>\n" + lines + "</TEXT>\n</DOC>\n" +
          "<DOC><DOCNO>b</DOCNO><TEXT>x</TEXT></DOC>\n<DOC><DOCNO>c</DOCNO><TEXT>" + kLong +
          "</TEXT></DOC>\n",
      capped());
  INFO(trec.report());
  REQUIRE(trec.articles.size() == 3);
  for (const akhbar::Article& a : trec.articles) {
    CHECK(a.body.size() <= kCap);
    CHECK(akhbar::is_valid_utf8(a.body));
  }
  CHECK(trec.warnings_with("record longer than 100 bytes: cut to that length") == 2);
  const ReadResult text = read_buffer_for_test("x.txt", "عنوان\n" + lines, capped());
  INFO(text.report());
  REQUIRE(text.articles.size() == 1);
  CHECK(text.articles[0].title == "عنوان");
  CHECK(text.articles[0].title.size() + text.articles[0].body.size() <= kCap + 1);
  CHECK(text.warnings_with("text longer than 100 bytes: cut, the rest of the file is not read") == 1);
}

TEST_CASE("a CSV line or quoted record longer than the cap is reported and skipped",
          "[readers][cap]") {
  const ReadResult line = read_buffer_for_test(
      "x.csv", "id,title,body\na,t," + kLong + "\nb,t2,x\n", capped());
  INFO(line.report());
  CHECK(line.errors_with("line longer than 100 bytes: skipped") == 1);
  REQUIRE(line.articles.size() == 1);
  CHECK(line.articles[0].id == "b");
  const ReadResult quoted = read_buffer_for_test(
      "x.csv", "id,title,body\na,t,\"" + repeat("xxxxxxxxxx\n", 15) + "\"\nb,t2,x\n", capped());
  INFO(quoted.report());
  CHECK(quoted.errors_with("record longer than 100 bytes (a quote not closed?): record skipped") == 1);
  CHECK(find(quoted, "b") != nullptr);
  CHECK(find(quoted, "a") == nullptr);
}

// End to end: 128 MB of decompressed input in one article, in every
// format, read under an address-space limit the whole input would exceed.
TEST_CASE("a gzip bomb streams through akhbar-index in bounded memory, in every format",
          "[readers][cap][hostile]") {
  TempDir dir;
  constexpr size_t kBomb = 128u << 20;
  struct Row {
    const char* format;
    std::string head, tail;
    int status;  // 0: the article is kept, cut; 1: it is skipped, reported
    const char* reported;
  };
  const std::vector<Row> rows = {
      {"jsonl", "{\"id\":\"a\",\"title\":\"t\",\"body\":\"", "\"}\n", 0, "was cut"},
      {"json", "[{\"id\":\"a\",\"title\":\"t\",\"body\":\"", "\"}]", 0, "was cut"},
      {"trec", "<DOC><DOCNO>a</DOCNO><TEXT>", "</TEXT></DOC>\n", 0, "cut to that length"},
      {"text", "t\n", "\n", 0, "the rest of the file is not read"},
      {"csv", "id,title,body\na,t,", "\n", 1, "line longer than"},
  };
  for (const Row& row : rows) {
    const std::string input = dir / (std::string("bomb.") + row.format + ".gz");
    write_bomb(input, row.head, kBomb, row.tail);
    const std::string db = dir / (std::string("db-") + row.format);
    const std::string limit = sanitized() ? "" : "ulimit -v 400000; ";  // ASan needs more
    const auto r = run_command("(" + limit + "timeout 60 " + binary("akhbar-index") +
                               " --no-progress --no-entities --threads 1 --max-body-bytes 1000 "
                               "--format " + row.format + " --db " + db + " " + input + ")");
    INFO(row.format << ": " << r.err.substr(0, 2000));
    CHECK(r.status == row.status);
    CHECK(r.err.find(row.reported) != std::string::npos);
    CHECK(r.err.find("terminate called") == std::string::npos);
    CHECK(Xapian::Database(db).get_doccount() == (row.status == 0 ? 1u : 0u));
  }
}
