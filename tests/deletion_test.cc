// Deletion (akhbar-index --delete, --delete-from): a round trip through the
// real binaries. After deleting, the database answers exactly as one indexed
// without the deleted articles: totals, every facet, searches.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "job_lock.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
using nlohmann::json;

namespace {

struct Row {
  const char* id;
  const char* source;
  const char* category;
  const char* date;
  const char* title;
  const char* body;
};

// a1 and a5 are the ones deleted: both speak of Damascus, from one source.
const std::vector<Row> kTable = {
    {"a1", "الجزيرة", "سياسة", "2018-01-05", "قصف في دمشق", "شهدت دمشق قصفا عنيفا صباح اليوم وقال شهود إن الطائرات حلقت فوق المدينة"},
    {"a2", "الجزيرة", "اقتصاد", "2018-02-10", "أسعار النفط في القاهرة", "ارتفعت أسعار النفط في أسواق القاهرة بعد قرار الحكومة المصرية"},
    {"a3", "العربية", "سياسة", "2019-03-01", "مفاوضات في جنيف", "بدأت في جنيف جولة جديدة من المفاوضات بين الوفود برعاية الأمم المتحدة"},
    {"a4", "العربية", "رياضة", "2019-04-12", "مباراة في الرياض", "فاز الفريق في مباراة كرة القدم التي أقيمت في الرياض أمس"},
    {"a5", "الجزيرة", "سياسة", "2019-05-20", "اجتماع في دمشق", "عقدت الحكومة السورية اجتماعا في دمشق لبحث الأوضاع الاقتصادية"},
};

std::string jsonl(const std::vector<Row>& rows, const std::vector<std::string>& skip = {}) {
  std::string out;
  for (const Row& r : rows) {
    if (std::find(skip.begin(), skip.end(), r.id) != skip.end()) continue;
    out += json{{"id", r.id}, {"source", r.source}, {"category", r.category}, {"date", r.date},
                {"title", r.title}, {"body", r.body}}.dump() + "\n";
  }
  return out;
}

void index(const std::string& db, const std::string& file, const std::string& extra = "") {
  const auto r = run_command(binary("akhbar-index") + " --no-progress --db " + db + " " + extra + " " + file);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

json search(const std::string& db, const std::string& query) {
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json --facet-limit 100 " +
                             shell_quote(query));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("deleting two articles leaves the database as if they had never been indexed", "[delete]") {
  TempDir dir;
  write_file(dir / "all.jsonl", jsonl(kTable));
  write_file(dir / "kept.jsonl", jsonl(kTable, {"a1", "a5"}));
  index(dir / "db", dir / "all.jsonl");
  index(dir / "expected", dir / "kept.jsonl");
  REQUIRE(search(dir / "db", "دمشق").at("total") == 2);

  const auto r = run_command(binary("akhbar-index") + " --db " + (dir / "db") + " --delete a1 a9 a5");
  CHECK(r.status == 1);  // something was missing
  CHECK(r.err.find("a9: id not found\n") != std::string::npos);
  CHECK(r.err.find("deleted 2 of 3 ids (1 not found); database holds 3 articles") != std::string::npos);

  for (const std::string query : {"", "دمشق", "الحكومة", "اليوم OR جنيف OR القاهرة"}) {
    INFO("query '" << query << "'");
    const json got = search(dir / "db", query);
    const json want = search(dir / "expected", query);
    CHECK(got.at("total") == want.at("total"));
    CHECK(got.at("facets") == want.at("facets"));  // every facet, every count
  }
  CHECK(search(dir / "db", "دمشق").at("total") == 0);
  CHECK(search(dir / "db", "").at("total") == 3);
  // The facet counts dropped by exactly the deleted articles.
  const json sources = search(dir / "db", "").at("facets").at("source");
  CHECK(sources == json::parse(R"([{"value":"العربية","count":2},{"value":"الجزيرة","count":1}])"));
}

TEST_CASE("a --delete-from file is one id a line, blank lines and # comments skipped", "[delete]") {
  TempDir dir;
  write_file(dir / "all.jsonl", jsonl(kTable));
  index(dir / "db", dir / "all.jsonl");
  write_file(dir / "ids", "# takedown list\n  a2  \n\na4\n#a3\n");
  const auto r = run_command(binary("akhbar-index") + " --db " + (dir / "db") + " --delete-from " + (dir / "ids"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(search(dir / "db", "").at("total") == 3);
  CHECK(search(dir / "db", "القاهرة").at("total") == 0);
  CHECK(search(dir / "db", "جنيف").at("total") == 1);  // '#a3' is a comment
}

TEST_CASE("deletion reaches the shards of a stub and refuses a bad use in one line", "[delete]") {
  TempDir dir;
  write_file(dir / "all.jsonl", jsonl(kTable));
  index(dir / "s1", dir / "all.jsonl", "--partition 1/2");
  index(dir / "s2", dir / "all.jsonl", "--partition 2/2");
  write_file(dir / "stub", "s1\ns2\n");
  const auto r = run_command(binary("akhbar-index") + " --db " + (dir / "stub") + " --delete a1 a2 a3");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(search(dir / "stub", "").at("total") == 2);

  const auto both = run_command(binary("akhbar-index") + " --db " + (dir / "s1") + " " + (dir / "all.jsonl") + " --delete a4");
  CHECK(both.status == 2);  // indexing and deleting are two runs
  {
    const akhbar::JobLock held(dir / "s2");  // an indexing job is writing shard 2
    const auto locked = run_command(binary("akhbar-index") + " --db " + (dir / "stub") + " --delete a4");
    CHECK(locked.status == 2);
    CHECK(locked.err.find("is locked") != std::string::npos);
  }
  CHECK(search(dir / "stub", "").at("total") == 2);  // nothing deleted while locked
  write_file(dir / "remote", "remote localhost:1\n");
  const auto remote = run_command(binary("akhbar-index") + " --db " + (dir / "remote") + " --delete a4");
  CHECK(remote.status == 2);
  CHECK(remote.err.find("is remote") != std::string::npos);
  const auto none = run_command(binary("akhbar-index") + " --db " + (dir / "nothing") + " --delete a4");
  CHECK(none.status == 2);
  CHECK(none.err == "akhbar-index: no database " + (dir / "nothing") + "\n");
}
