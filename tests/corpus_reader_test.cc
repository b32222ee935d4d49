#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "reader_test_support.h"
#include "test_support.h"

using akhbar::Article;
using akhbar::CorpusFormat;
using akhbar::Problem;
using akhbar::ReaderOptions;
using akhbar::testing::read_buffer_for_test;
using akhbar::testing::read_corpus_for_test;
using akhbar::testing::ReadResult;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
using akhbar::testing::write_gzip;

namespace fs = std::filesystem;

namespace {

// A TREC stream of `n` articles with varied text (so that gzip cannot
// squeeze it to nothing and a cut falls inside the data).
std::string trec_articles(int n) {
  std::string out;
  unsigned seed = 1;
  for (int i = 0; i < n; ++i) {
    out += "<DOC>\n<DOCNO>d" + std::to_string(i) + "</DOCNO>\n<TEXT>\n";
    for (int w = 0; w < 200; ++w) {
      seed = seed * 1103515245 + 12345;
      out += "كلمة" + std::to_string(seed % 100000) + " ";
    }
    out += "\n</TEXT>\n</DOC>\n";
  }
  return out;
}

}  // namespace

TEST_CASE("formats are detected from the content, then the name", "[readers]") {
  struct Case {
    const char* name;
    const char* content;
    size_t articles;
    const char* first_title;
  };
  static const Case kCases[] = {
      {"a.txt", "<DOC><DOCNO>1</DOCNO><TITLE>تريك</TITLE></DOC>", 1, "تريك"},
      {"a", "\xEF\xBB\xBF \n<doc id=\"x\"><title>تريك</title></doc>", 1, "تريك"},
      {"a.dat", "[{\"title\":\"جيسون\"},{\"title\":\"ب\"}]", 2, "جيسون"},
      {"a.dat", "{\"title\":\"سطور\"}\n{\"title\":\"ب\"}\n", 2, "سطور"},
      {"a.dat", "{\n  \"title\": \"كائن\"\n}\n", 1, "كائن"},
      {"a.csv", "title,body\nجدول,نص\n", 1, "جدول"},
      {"a.tsv", "title\tbody\nجدول,\tنص\n", 1, "جدول,"},
      {"a.csv", "[title],body\nجدول,نص\n", 1, ""},  // .csv is never JSON
      {"a.txt", "[عاجل] خبر\nنص", 1, "[عاجل] خبر"},  // .txt is never JSON
      {"a.jsonl", "\n\n{\"title\":\"سطور\"}", 1, "سطور"},
      {"a.json", "", 0, ""},
      {"notes", "عنوان\nنص", 1, "عنوان"},
  };
  for (const Case& c : kCases) {
    INFO(c.name << ": " << c.content);
    const ReadResult r = read_buffer_for_test(c.name, c.content);
    INFO(r.report());
    REQUIRE(r.articles.size() == c.articles);
    CHECK(r.count == c.articles);
    if (c.articles > 0) CHECK(r.articles[0].title == c.first_title);
  }
}

TEST_CASE("gzip is read by magic number, whatever the name", "[readers]") {
  TempDir dir;
  write_gzip(dir / "news.dat", trec_articles(3));
  write_file(dir / "plain.gz", "<DOC><DOCNO>p</DOCNO><TEXT>نص</TEXT></DOC>\n");
  const ReadResult r = read_corpus_for_test({dir / "news.dat", dir / "plain.gz"});
  INFO(r.report());
  CHECK(r.count == 4);
  CHECK(r.articles.size() == 4);
  CHECK(r.articles.back().id == "p");
  CHECK(r.problems.empty());
}

TEST_CASE("a truncated gzip keeps the articles before the damage", "[readers]") {
  TempDir dir;
  const std::string path = dir / "cut.xml.gz";
  write_gzip(path, trec_articles(200));
  const auto size = fs::file_size(path);
  fs::resize_file(path, size / 2);
  const ReadResult r = read_corpus_for_test({path, dir / "cut.xml.gz"});
  INFO(r.report());
  const size_t per_file = r.articles.size() / 2;
  CHECK(per_file > 50);
  CHECK(per_file < 200);
  REQUIRE(r.errors_with("truncated gzip") == 2);  // once per file, each read
  CHECK(r.errors_with("truncated gzip: kept " + std::to_string(per_file) +
                      " articles read before the damage") == 2);
  for (const Problem& p : r.problems) {
    if (p.severity == Problem::Severity::Error) CHECK(p.line == 0);
  }
}

TEST_CASE("a corrupt gzip is an Error and keeps what was read", "[readers]") {
  TempDir dir;
  const std::string path = dir / "bad.gz";
  write_gzip(path, trec_articles(100));
  std::string bytes = akhbar::testing::read_file(path);
  for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) bytes[i] = '\x55';
  write_file(path, bytes);
  const ReadResult r = read_corpus_for_test({path});
  INFO(r.report());
  CHECK(r.articles.size() < 100);
  CHECK(r.errors_with("gzip") == 1);
}

TEST_CASE("directories are walked in sorted order, hidden entries and loops skipped",
          "[readers]") {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  fs::create_directories(root / "b");
  fs::create_directories(root / "a");
  fs::create_directories(root / ".git");
  write_file((root / "b/2.jsonl").string(), "{\"id\":\"b2\",\"title\":\"ب\"}\n");
  write_file((root / "b/1.jsonl").string(), "{\"id\":\"b1\",\"title\":\"ب\"}\n");
  write_file((root / "a/z.txt").string(), "عنوان\nنص");
  write_file((root / ".git/x.txt").string(), "خفي");
  write_file((root / ".hidden.txt").string(), "خفي");
  write_file((root / "README.md").string(), "# ملف تعريف");
  write_file((root / "image.txt").string(), std::string("\x89PNG\0\0\0", 7));
  fs::create_directory_symlink(root, root / "loop");
  fs::create_symlink(root / "a/z.txt", root / "link.txt");
  const ReadResult r = read_corpus_for_test({root.string()});
  INFO(r.report());
  std::vector<std::string> ids;
  for (const Article& a : r.articles) ids.push_back(a.id);
  CHECK(ids == std::vector<std::string>{"a/z", "b1", "b2", "link"});
  CHECK(r.warnings_with("directory already read") == 1);
  CHECK(r.warnings_with("format not recognised") == 1);  // README.md
  CHECK(r.warnings_with("binary file") == 1);
  CHECK(r.errors() == 0);
}

TEST_CASE("a missing or unreadable path is an Error and reading goes on", "[readers]") {
  TempDir dir;
  write_file(dir / "ok.txt", "عنوان\nنص");
  write_file(dir / "secret.txt", "عنوان\nنص");
  fs::permissions(dir / "secret.txt", fs::perms::none);
  const bool root = geteuid() == 0;  // root reads everything
  const ReadResult r =
      read_corpus_for_test({dir / "missing.xml", dir / "secret.txt", dir / "ok.txt"});
  INFO(r.report());
  CHECK(r.articles.size() == (root ? 2u : 1u));
  CHECK(r.articles.back().id == "ok");
  CHECK(r.errors_with("cannot read: No such file or directory") == 1);
  if (!root) CHECK(r.errors_with("cannot open file: Permission denied") == 1);
  REQUIRE(!r.problems.empty());
  CHECK(r.problems[0].to_string() == dir / "missing.xml" + ": cannot read: No such file or directory");
}

TEST_CASE("Problem::to_string leaves out what is unknown", "[readers]") {
  struct Case {
    Problem problem;
    const char* expected;
  };
  const Case kCases[] = {
      {{Problem::Severity::Error, "a.xml", 12, "d1", "bad"}, "a.xml:12: d1: bad"},
      {{Problem::Severity::Error, "a.xml", 0, "d1", "bad"}, "a.xml: d1: bad"},
      {{Problem::Severity::Warning, "a.xml", 3, "", "bad"}, "a.xml:3: bad"},
      {{Problem::Severity::Warning, "", 0, "", "bad"}, "bad"},
  };
  for (const Case& c : kCases) CHECK(c.problem.to_string() == c.expected);
}

TEST_CASE("derived ids are stable FNV-1a hashes of title and body", "[readers]") {
  Article a;
  a.title = "عنوان";
  a.body = "نص";
  CHECK(akhbar::derive_article_id(a) == "h533c45698200d9fb");  // computed independently
  CHECK(akhbar::derive_article_id(Article{}) == "haf64724c8602eb6e");
  Article b;
  b.title = "عنوانن";
  b.body = "ص";
  CHECK(akhbar::derive_article_id(b) != akhbar::derive_article_id(a));
}

TEST_CASE("parse_corpus_format knows the format names", "[readers]") {
  CHECK(akhbar::parse_corpus_format("auto") == CorpusFormat::Auto);
  CHECK(akhbar::parse_corpus_format("trec") == CorpusFormat::Trec);
  CHECK(akhbar::parse_corpus_format("jsonl") == CorpusFormat::JsonLines);
  CHECK(akhbar::parse_corpus_format("json") == CorpusFormat::Json);
  CHECK(akhbar::parse_corpus_format("csv") == CorpusFormat::Csv);
  CHECK(akhbar::parse_corpus_format("text") == CorpusFormat::Text);
  CHECK(!akhbar::parse_corpus_format("xml"));
  CHECK(!akhbar::parse_corpus_format("TREC"));
}

TEST_CASE("the ANT corpus reads completely, every article dated", "[readers][.ant]") {
  const fs::path ant = fs::path(AKHBAR_SOURCE_DIR) / "../shared/corpora/ant";
  AKHBAR_PRECONDITION(fs::exists(ant), ant.string() << " is absent");
  size_t articles = 0, dated = 0, problems = 0;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(ant)) {
    if (e.path().extension() == ".gz") files.push_back(e.path().string());
  }
  akhbar::read_corpus(
      files, ReaderOptions{},
      [&](Article&& a) {
        ++articles;
        dated += a.date.has_value();
      },
      [&](const Problem&) { ++problems; });
  CHECK(articles == 41686);
  CHECK(dated == 41686);
  CHECK(problems == 0);
}
