// "Did you mean": spelling data written at index time (index/spelling.h)
// and the corrected query offered when a query finds few articles
// (query/spelling_suggestion.h).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/spelling.h"
#include "query/spelling_suggestion.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
using nlohmann::json;

namespace {

const char* const kArticles =
    R"({"id":"s1","date":"2018-01-01","title":"مفاوضات السلام في جنيف","body":"استؤنفت مفاوضات السلام بين الحكومة والمعارضة في جنيف برعاية الأمم المتحدة"})" "\n"
    R"({"id":"s2","date":"2018-01-02","title":"الحكومة تعلن الميزانية","body":"أعلنت الحكومة الميزانية الجديدة وقال وزير المالية إن الاقتصاد ينمو"})" "\n"
    R"({"id":"s3","date":"2018-01-03","title":"انتخابات برلمانية","body":"بدأت الانتخابات البرلمانية وسط إقبال كبير من الناخبين في العاصمة"})" "\n"
    R"({"id":"s4","date":"2018-01-04","title":"مفاوضات جديدة","body":"المفاوضات بين الحكومة والمعارضة تستأنف الأسبوع المقبل في جنيف"})" "\n";

json search(const std::string& db, const std::string& query) {
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json " + shell_quote(query));
  INFO(query << "\n" << r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("the spelling words are a document's unprefixed words, numbers left out", "[spelling]") {
  CHECK(akhbar::is_spelling_word("الحكومه"));
  CHECK(akhbar::is_spelling_word("weather"));
  CHECK_FALSE(akhbar::is_spelling_word("Zحكوم"));  // a stem
  CHECK_FALSE(akhbar::is_spelling_word("XPLg:1"));  // an entity term
  CHECK_FALSE(akhbar::is_spelling_word("2018"));
  CHECK_FALSE(akhbar::is_spelling_word("x"));  // one byte: no word to correct
}

TEST_CASE("a misspelled Arabic query is offered the corrected one", "[spelling]") {
  TempDir dir;
  write_file(dir / "in.jsonl", kArticles);
  for (const std::string mode : {"", "--no-bulk"}) {  // bulk build (compacted shards) and in place
    INFO("indexing " << mode);
    const std::string db = dir / ("db" + mode);
    const auto r = run_command(binary("akhbar-index") + " --no-progress " + mode + " --db " + db + " " + (dir / "in.jsonl"));
    REQUIRE(r.status == 0);
    struct Row {
      const char* query;
      const char* suggestion;  // "" : none offered
    };
    const Row rows[] = {
        {"مفاوضت", "مفاوضات"},                    // a letter missing
        {"الحكومه جنيق", "الحكومه جنيف"},          // one word of two wrong; normalized form kept
        {"الانتخبات", "الانتخابات"},
        {"الميزانيه", ""},                         // found: nothing to offer
        {"مفاوضات", ""},                           // found by three articles
        {"الجديده", ""},  // one match, but a word of the archive: not "corrected"
                          // to جديده, as Xapian alone offers
        {"كمبيوتر", ""},                           // nothing near it
        {"title:مفاوضت", "title:مفاوضات"},         // a field name is kept
    };
    for (const Row& row : rows) {
      INFO(row.query);
      const json j = search(db, row.query);
      CHECK(j.value("suggestion", "") == row.suggestion);
    }
  }
}

TEST_CASE("text output says 'did you mean'; --no-spelling builds none; deletion takes words away", "[spelling]") {
  TempDir dir;
  write_file(dir / "in.jsonl", kArticles);
  REQUIRE(run_command(binary("akhbar-index") + " --no-progress --db " + (dir / "db") + " " + (dir / "in.jsonl")).status == 0);
  const auto text = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " مفاوضت");
  CHECK_THAT(text.out, Catch::Contains("did you mean: مفاوضات\n"));

  REQUIRE(run_command(binary("akhbar-index") + " --no-progress --no-spelling --db " + (dir / "plain") + " " +
                      (dir / "in.jsonl")).status == 0);
  CHECK(search(dir / "plain", "مفاوضت").count("suggestion") == 0);
  CHECK(Xapian::Database(dir / "plain").spellings_begin() == Xapian::Database(dir / "plain").spellings_end());

  // The word الانتخابات is only in s3: deleted, it is suggested no more.
  CHECK(Xapian::Database(dir / "db").get_spelling_suggestion("الانتخبات") == "الانتخابات");
  REQUIRE(run_command(binary("akhbar-index") + " --db " + (dir / "db") + " --delete s3").status == 0);
  CHECK(Xapian::Database(dir / "db").get_spelling_suggestion("الانتخبات") == "");
}

TEST_CASE("every later job follows the database's spelling record, not its own options", "[spelling]") {
  TempDir dir;
  write_file(dir / "in.jsonl", kArticles);
  // s3 again, its election words replaced by words of a summit.
  write_file(dir / "s3.jsonl",
             R"({"id":"s3","date":"2018-01-03","title":"قمة اقتصادية","body":"انعقدت القمة الاقتصادية في العاصمة بحضور القادة"})" "\n");
  const std::string index = binary("akhbar-index") + " --no-progress --db ";
  // Built with spelling data: a later --no-spelling job still takes the
  // replaced article's words away and gives the new ones.
  REQUIRE(run_command(index + (dir / "db") + " " + (dir / "in.jsonl")).status == 0);
  REQUIRE(run_command(index + (dir / "db") + " --no-spelling " + (dir / "s3.jsonl")).status == 0);
  Xapian::Database db(dir / "db");
  CHECK(db.get_spelling_suggestion("الانتخبات") == "");
  CHECK(db.get_spelling_suggestion("الاقتصدية") == "الاقتصاديه");
  // Built without: a later job (no --no-spelling) adds none, and deleting
  // takes none away.
  REQUIRE(run_command(index + (dir / "plain") + " --no-spelling " + (dir / "in.jsonl")).status == 0);
  REQUIRE(run_command(index + (dir / "plain") + " " + (dir / "s3.jsonl")).status == 0);
  REQUIRE(run_command(binary("akhbar-index") + " --db " + (dir / "plain") + " --delete s1").status == 0);
  Xapian::Database plain(dir / "plain");
  CHECK(plain.spellings_begin() == plain.spellings_end());
}

namespace {
// Every spelling word of `path` with its frequency.
std::vector<std::pair<std::string, Xapian::termcount>> spellings(const std::string& path) {
  Xapian::Database db(path);
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  for (Xapian::TermIterator t = db.spellings_begin(); t != db.spellings_end(); ++t) {
    out.emplace_back(*t, t.get_termfreq());
  }
  return out;
}
}  // namespace

TEST_CASE("a bulk build gives the same spelling data as one written in place", "[spelling]") {
  TempDir dir;
  // s2 twice: its later text replaces the earlier one, whose words go.
  write_file(dir / "in.jsonl",
             std::string(kArticles) +
                 R"({"id":"s2","date":"2018-01-02","title":"الحكومة تعلن الموازنة","body":"أعلنت الحكومة الموازنة وقال الوزير إن النمو مستمر"})" "\n");
  const std::string index = binary("akhbar-index") + " --no-progress --db ";
  REQUIRE(run_command(index + (dir / "bulk") + " " + (dir / "in.jsonl")).status == 0);
  REQUIRE(run_command(index + (dir / "inplace") + " --no-bulk " + (dir / "in.jsonl")).status == 0);
  const auto bulk = spellings(dir / "bulk");
  CHECK(bulk == spellings(dir / "inplace"));
  // Each word counts the articles that hold it.
  const std::pair<std::string, Xapian::termcount> expected[] = {
      {"الحكومه", 3},  // s1, s2 (its later text), s4
      {"جنيف", 2},     // s1, s4
      {"الموازنه", 1},  // the later s2
  };
  for (const auto& word : expected) {
    INFO(word.first);
    CHECK(std::find(bulk.begin(), bulk.end(), word) != bulk.end());
  }
  for (const char* gone : {"الميزانيه", "الاقتصاد"}) {  // only in the replaced s2
    INFO(gone);
    CHECK(std::none_of(bulk.begin(), bulk.end(), [&](const auto& w) { return w.first == gone; }));
  }
  // Given by parts, a few words per commit, then merged, the words are all
  // there once.
  REQUIRE(run_command(index + (dir / "plain") + " --no-spelling " + (dir / "in.jsonl")).status == 0);
  Xapian::Database parts;
  for (unsigned part = 0; part < 3; ++part) {
    const std::string path = dir / ("words" + std::to_string(part));
    {
      Xapian::WritableDatabase words(path, Xapian::DB_CREATE);
      akhbar::add_spelling_of_all(Xapian::Database(dir / "plain"), words, part, 3, 2);
    }
    parts.add_database(Xapian::Database(path));
  }
  parts.compact(dir / "words");
  CHECK(spellings(dir / "words") == bulk);
}
