// Hostile input, end to end through akhbar-index: each bad item is reported
// as "file:line: id: reason", every good article around it is indexed, and
// the run neither crashes nor hangs. Then hostile queries through
// akhbar-search: results or a one-line error, never a crash.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <xapian.h>

#include "reader_test_support.h"
#include "search_request.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;

namespace {

std::string good(const std::string& id) {
  return "{\"id\":\"" + id + "\",\"title\":\"خبر " + id + "\",\"body\":\"نص الخبر عن دمشق\"}\n";
}

std::string gzip(const std::string& data) {
  uLongf size = compressBound(data.size()) + 64;
  std::string out(size, '\0');
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = data.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Run {
  akhbar::testing::CommandResult result;
  size_t docs = 0;
};

Run index(const TempDir& dir, const std::string& inputs) {
  Run r;
  r.result = run_command(binary("akhbar-index") + " --db " + (dir / "db") + " --no-progress " + inputs);
  if (std::filesystem::exists(dir / "db")) r.docs = Xapian::Database(dir / "db").get_doccount();
  return r;
}

}  // namespace

TEST_CASE("bad bytes in an article are repaired, reported, and the article kept", "[hostile]") {
  struct Row {
    const char* what;
    std::string bytes;
  };
  const Row rows[] = {
      {"invalid UTF-8", "\xff\xfe"},
      {"overlong encoding", "\xc0\xaf"},
      {"surrogate encoded in UTF-8", "\xed\xa0\x80"},
      {"NUL byte", std::string("a\0b", 3)},
      {"bidi and zero-width controls", "\u202b\u200f\u200d\ufeff"},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    TempDir dir;
    write_file(dir / "in.jsonl", good("a1") + "{\"id\":\"bad\",\"title\":\"عنوان\",\"body\":\"نص " +
                                     row.bytes + " دمشق\"}\n" + good("a2"));
    const Run r = index(dir, dir / "in.jsonl");
    CHECK(r.docs == 3);
    CHECK(r.result.status <= 1);
  }
}

TEST_CASE("broken records lose only themselves, each reported with file and line", "[hostile]") {
  struct Row {
    const char* name;
    std::string content;
    size_t good_articles;
    std::string expected;  // a piece of the "file:line: ..." report
  };
  const std::string doc = "<DOC>\n<DOCNO>d1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\nنص & < نص\n</TEXT>\n</DOC>\n";
  const Row rows[] = {
      {"broken.jsonl", good("a1") + "{\"id\": \"x\", \"title\": \n" + good("a2"), 2, "broken.jsonl:2:"},
      {"types.jsonl", good("a1") + "{\"id\":\"t\",\"title\":[1,2],\"body\":{\"x\":1}}\n" + good("a2"), 2, "types.jsonl:2:"},
      {"deep.jsonl", good("a1") + std::string(100000, '[') + "\n" + good("a2"), 2, "deep.jsonl:2:"},
      {"empty.jsonl", good("a1") + "{\"id\":\"e\",\"title\":\"\",\"body\":\"  \"}\n" + good("a2"), 2, "empty.jsonl:2: e: empty article"},
      {"quotes.csv", "id,title,body\nc1,عنوان,نص\nc2,\"عنوان غير مغلق,نص\n", 1, "quotes.csv:3:"},
      {"open.trec", doc + "<DOC>\n<DOCNO>d2</DOCNO>\n<TEXT>\nنص بلا نهاية\n", 2, "open.trec:8: d2: unterminated <DOC>"},
      {"nested.trec", "<DOC>\n<DOCNO>n1</DOCNO>\n<TEXT>\nنص\n" + doc, 2, "nested.trec:1: n1"},
      // Stray tags between records are text outside any <DOC>: ignored. Both
      // records carry the id d1, so the second replaces the first.
      {"stray.trec", "</TEXT></DOC>\n" + doc + "<TITLE>شارد</TITLE>\n" + doc, 1, ""},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    TempDir dir;
    write_file(dir / row.name, row.content);
    const Run r = index(dir, dir / row.name);
    INFO(r.result.err);
    CHECK(r.docs == row.good_articles);
    CHECK(r.result.err.find(row.expected) != std::string::npos);
  }
}

TEST_CASE("a truncated or corrupt gzip keeps what was read before the damage", "[hostile]") {
  // Varied text, so that the stream has many deflate blocks.
  std::string corpus;
  for (int i = 0; i < 20000; ++i) {
    corpus += "{\"id\":\"g" + std::to_string(i) + "\",\"title\":\"خبر " + std::to_string(i * 7919 % 100003) +
              "\",\"body\":\"نص " + std::to_string(i * 104729 % 1000003) + "\"}\n";
  }
  const std::string gz = gzip(corpus);
  TempDir dir;
  write_file(dir / "cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  std::string corrupt = gz;
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) corrupt[i] ^= 0x5a;
  write_file(dir / "corrupt.jsonl.gz", corrupt);
  for (const std::string name : {"cut.jsonl.gz", "corrupt.jsonl.gz"}) {
    INFO(name);
    TempDir db_dir;
    const Run r = index(db_dir, dir / name);
    CHECK(r.result.status == 1);
    CHECK(r.docs > 1000);
    CHECK(r.docs < 20000);
    CHECK(r.result.err.find(name) != std::string::npos);
  }
}

TEST_CASE("empty, unreadable and looping inputs are reported; the rest is indexed", "[hostile]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "tree/sub");
  write_file(dir / "tree/good.jsonl", good("ok1") + good("ok2"));
  write_file(dir / "tree/empty.jsonl", "");
  write_file(dir / "tree/sub/locked.jsonl", good("never"));
  chmod((dir / "tree/sub/locked.jsonl").c_str(), 0);
  std::filesystem::create_directory_symlink(dir / "tree", dir / "tree/sub/loop");
  const Run r = index(dir, dir / "tree");
  INFO(r.result.err);
  const bool root = geteuid() == 0;  // root reads files whatever their mode
  CHECK(r.docs == (root ? 3u : 2u));
  CHECK(r.result.status <= 1);
}

TEST_CASE("a 50 MB article is truncated and kept; its neighbours are indexed", "[hostile]") {
  TempDir dir;
  std::string huge = "{\"id\":\"huge\",\"title\":\"كبير\",\"body\":\"";
  while (huge.size() < (50u << 20)) huge += "كلمة عربية طويلة ";
  huge += "\"}\n";
  write_file(dir / "big.jsonl", good("before") + huge + good("after"));
  const Run r = index(dir, dir / "big.jsonl");
  INFO(r.result.err.substr(0, 2000));
  CHECK(r.docs == 3);
  CHECK(r.result.err.find("big.jsonl:2: huge: body of") != std::string::npos);
}

TEST_CASE("a million tiny articles stream through the reader in bounded memory", "[hostile]") {
  TempDir dir;
  std::string corpus;
  corpus.reserve(40u << 20);
  for (int i = 0; i < 1000000; ++i) corpus += "{\"id\":\"t" + std::to_string(i) + "\",\"title\":\"ت\"}\n";
  write_file(dir / "tiny.jsonl", corpus);
  size_t count = 0;
  akhbar::read_corpus({dir / "tiny.jsonl"}, {}, [&](akhbar::Article&&) { ++count; },
                      [](const akhbar::Problem&) {});
  CHECK(count == 1000000);
}

TEST_CASE("hostile queries give results or a one-line error, never a crash", "[hostile]") {
  TempDir dir;
  write_file(dir / "in.jsonl", good("a1") + good("a2"));
  REQUIRE(index(dir, dir / "in.jsonl").docs == 2);
  std::string scripts;
  for (const char* s : {"Ωμέγα", "Привет", "שלום", "हिन्दी", "中文", "日本語", "한국어", "ไทย", "\U0001F600", "ܐܪܡܝܐ", "ትግርኛ"}) {
    scripts += std::string(s) + " ";
  }
  // Answered: results (maybe none), as JSON.
  const std::vector<std::string> answered = {
      "", "   ", "\"من هو\"", std::string(akhbar::kMaxQueryBytes, 'x'), repeat("ب", 4000) + " دمشق",
      "\"دمشق", "دمشق\"\"", "(دمشق)", "NOT دمشق", "-دمشق", "دمشق OR", scripts};
  for (const std::string& q : answered) {
    INFO(q.substr(0, 40));
    const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " --json -- " + shell_quote(q));
    CHECK(r.status == 0);
    CHECK(nlohmann::json::accept(r.out));
  }
  // Refused: no word to search for, or longer than a query may be; one line.
  const std::vector<std::string> refused = {
      "َُِّْ", "OR", "AND NOT", "- + -", "title:", "(((", "\xff\xfe\xfd",
      std::string(akhbar::kMaxQueryBytes + 1, 'x'), "في", "من هو", "((دمشق", "دمشق))"};
  for (const std::string& q : refused) {
    INFO(q.substr(0, 40));
    const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " --json -- " + shell_quote(q));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);  // maybe "Try --help"
    CHECK_THAT(r.err, Catch::Contains("has no word to search for") || Catch::Contains("the most a query may have") ||
                          Catch::Contains("only stop words") || Catch::Contains("do not pair"));
  }
  for (const std::string& dates : {std::string("--from 2018-02-30"), std::string("--to 2018-13"),
                                   std::string("--from 2019 --to 2018")}) {
    INFO(dates);
    const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " " + dates + " دمشق");
    CHECK(r.status != -1);
    if (r.status != 0) CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
  }
}

TEST_CASE("the searcher never writes next to the databases it reads", "[hostile]") {
  TempDir dir;
  write_file(dir / "in.jsonl", good("a1") + good("a2"));
  REQUIRE(index(dir, dir / "in.jsonl").docs == 2);
  auto listing = [&] {
    std::vector<std::pair<std::string, uintmax_t>> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
      files.emplace_back(e.path().string(), e.is_regular_file() ? e.file_size() : 0);
    }
    std::sort(files.begin(), files.end());
    return files;
  };
  const auto before = listing();
  chmod((dir / "db").c_str(), 0555);  // a read-only archive is searchable
  const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " --json دمشق");
  chmod((dir / "db").c_str(), 0755);
  CHECK(r.status == 0);
  CHECK(listing() == before);
}

TEST_CASE("a Xapian database that is not Akhbar's is not searched", "[hostile]") {
  TempDir dir;
  {
    Xapian::WritableDatabase other(dir / "other", Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("دمشق");
    doc.set_data("not an article");
    other.add_document(doc);
    other.commit();
  }
  const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "other") + " --json دمشق");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("is a Xapian database, but not Akhbar's"));
  // An empty database has nothing to mistake: it answers, with no hits.
  Xapian::WritableDatabase(dir / "empty", Xapian::DB_CREATE).commit();
  const auto empty = run_command(binary("akhbar-search") + " --db " + (dir / "empty") + " --json دمشق");
  CHECK(empty.status == 0);
}
