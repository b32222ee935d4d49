// Bulk builds: a new database written in shards and merged holds exactly
// what the same job writes commit by commit, ids written twice included.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>

#include <xapian.h>

#include "bulk_builder.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::read_file;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;

namespace {

// Everything a document holds, keyed by its unique id term, so that two
// databases can be compared whatever their docids.
struct Content {
  std::string data;
  std::map<std::string, std::pair<Xapian::termcount, std::string>> terms;  // wdf, positions
  std::map<Xapian::valueno, std::string> values;
  bool operator==(const Content& o) const {
    return data == o.data && terms == o.terms && values == o.values;
  }
};

std::map<std::string, Content> contents(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, Content> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    Content c;
    c.data = doc.get_data();
    std::string id;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      std::string positions;
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        positions += std::to_string(*p) + ",";
      }
      c.terms[*t] = {t.get_wdf(), positions};
      if ((*t).rfind("Q", 0) == 0) id = *t;
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) c.values[v.get_valueno()] = *v;
    out[id] = std::move(c);
  }
  return out;
}

std::map<std::string, std::string> metadata(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    out[*k] = db.get_metadata(*k);
  }
  return out;
}

}  // namespace

TEST_CASE("a new database built in shards equals one built commit by commit", "[index]") {
  TempDir dir;
  // The sample twice over (every id written twice, the second time with
  // another body) plus once more, in shards of 7 articles: duplicates land
  // in earlier, closed shards and in the open one.
  const std::string sample = read_file(source_file("corpus/sample.jsonl"));
  std::string changed;
  for (size_t at = 0, next; at < sample.size(); at = next + 1) {
    next = sample.find('\n', at);
    if (next == std::string::npos) next = sample.size();
    std::string line = sample.substr(at, next - at);
    const std::string key = "\"body\": \"";
    const size_t body = line.find(key);
    if (body != std::string::npos) line.insert(body + key.size(), "نسخة ثانية ");
    if (!line.empty()) changed += line + "\n";
  }
  akhbar::testing::write_file(dir / "twice.jsonl", sample + changed);

  const std::string index = binary("akhbar-index") + " --no-progress --commit-every 7 ";
  const auto bulk = run_command(index + "--db " + (dir / "bulk") + " " + (dir / "twice.jsonl"));
  const auto live = run_command(index + "--no-bulk --db " + (dir / "live") + " " + (dir / "twice.jsonl"));
  REQUIRE(bulk.status == 0);
  REQUIRE(live.status == 0);

  const auto b = contents(dir / "bulk"), l = contents(dir / "live");
  CHECK(b.size() > 20);
  CHECK(b.size() == l.size());
  for (const auto& [id, c] : l) {
    INFO(id);
    REQUIRE(b.count(id) == 1);
    CHECK(b.at(id) == c);
    CHECK(c.data.find("نسخة ثانية") != std::string::npos);  // the later one won
  }
  CHECK(metadata(dir / "bulk") == metadata(dir / "live"));
  // Both report the same counts.
  const auto summary_line = [](const std::string& err) { return err.substr(err.rfind("read ")); };
  CHECK(summary_line(bulk.err).substr(0, 40) == summary_line(live.err).substr(0, 40));
  // No shard folder is left behind.
  CHECK_FALSE(std::filesystem::exists(dir / "bulk.bulk"));
}

TEST_CASE("an existing database is updated in place, not rebuilt", "[index]") {
  TempDir dir;
  akhbar::testing::write_file(dir / "one.jsonl", "{\"id\":\"a\",\"title\":\"سوريا\",\"body\":\"دمشق\"}\n");
  akhbar::testing::write_file(dir / "two.jsonl", "{\"id\":\"b\",\"title\":\"مصر\",\"body\":\"القاهرة\"}\n");
  const std::string index = binary("akhbar-index") + " --no-progress --db " + (dir / "db") + " ";
  REQUIRE(run_command(index + (dir / "one.jsonl")).status == 0);
  // A reader open across the second job keeps working and then sees it.
  Xapian::Database reader(dir / "db");
  // Updated in place: the tables are the same files, not a merged copy
  // swapped in.
  const auto inode = [&] {
    struct stat st {};
    return stat((dir / "db/postlist.glass").c_str(), &st) == 0 ? st.st_ino : 0;
  };
  const auto before = inode();
  REQUIRE(before != 0);
  REQUIRE(run_command(index + (dir / "two.jsonl")).status == 0);
  CHECK(inode() == before);
  CHECK(reader.reopen());
  CHECK(reader.get_doccount() == 2);
  CHECK(reader.term_exists("Qa"));
  CHECK(reader.term_exists("Qb"));
}

TEST_CASE("a bulk build keeps the later of two documents with one id", "[index]") {
  TempDir dir;
  const std::string target = dir / "db";
  { Xapian::WritableDatabase(target, Xapian::DB_CREATE).commit(); }
  akhbar::BulkBuilder builder(target, 2, 2);
  // A document carries its id term, as the indexer's do.
  auto doc = [](const std::string& text) {
    Xapian::Document d;
    d.set_data(text);
    d.add_term("X" + text);
    d.add_boolean_term("Q" + text.substr(0, 1));
    return d;
  };
  CHECK_FALSE(builder.write("Qa", doc("a1")));
  CHECK_FALSE(builder.write("Qb", doc("b1")));
  CHECK_FALSE(builder.write("Qc", doc("c1")));  // second shard
  CHECK(builder.write("Qa", doc("a2")));        // a1 is in the first, closed shard
  CHECK(builder.write("Qc", doc("c2")));        // c1 is in the open shard
  CHECK_FALSE(builder.write("Qd", doc("d1")));
  CHECK(builder.finish() == 4);
  Xapian::Database db(target);
  std::map<std::string, std::string> data;
  for (const char* id : {"Qa", "Qb", "Qc", "Qd"}) {
    auto it = db.postlist_begin(id);
    REQUIRE(it != db.postlist_end(id));
    data[id] = db.get_document(*it).get_data();
    CHECK(db.get_termfreq(id) == 1);
  }
  CHECK(data == std::map<std::string, std::string>{{"Qa", "a2"}, {"Qb", "b1"}, {"Qc", "c2"}, {"Qd", "d1"}});
  CHECK_FALSE(db.term_exists("Xa1"));
  CHECK_FALSE(db.term_exists("Xc1"));
}
