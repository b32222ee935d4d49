// Near-duplicate wire stories: signatures (near_duplicate.h), clusters given
// at index time (cluster_assigner.h) in one job, across jobs, across the
// shards of an archive and after the first member is deleted; the searcher
// folding them (--no-collapse to unfold) and "more like this" (--like).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/near_duplicate.h"
#include "index/schema.h"
#include "partition.h"
#include "test_support.h"
#include "text/tokenizer.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;
using nlohmann::json;

namespace {

// A wire story as one agency wrote it, without its dateline.
const std::string kStory =
    "أعلنت وزارة الصحة في بيان صدر مساء اليوم أن حملة التطعيم الوطنية ضد شلل الأطفال ستبدأ الأسبوع "
    "المقبل في جميع المحافظات وتستمر عشرة أيام، وأوضح البيان أن الفرق الطبية ستزور المنازل والمدارس "
    "ورياض الأطفال لتطعيم كل طفل دون سن الخامسة، ودعت الوزارة الأهالي إلى التعاون مع الفرق "
    "الميدانية وعدم التردد في الإبلاغ عن أي طفل لم يتلق الجرعة، وأشار البيان إلى أن اللقاح آمن "
    "ومجاني وأن الحملة تنفذ بالتعاون مع منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة، وأكد "
    "وزير الصحة أن الهدف هو الوصول إلى تغطية كاملة تحمي الأطفال من عودة المرض.";
const std::string kOtherStory =
    "افتتح معرض الكتاب الدولي أبوابه صباح اليوم بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة، "
    "ويضم المعرض هذا العام جناحا خاصا بكتب الأطفال وندوات يومية يشارك فيها كتاب وشعراء من العالم "
    "العربي، وقال رئيس اللجنة المنظمة إن عدد الزوار المتوقع يتجاوز مليون زائر خلال أيام المعرض "
    "العشرة، وأضاف أن أسعار الكتب ستكون مخفضة بنسبة عشرين في المئة لطلاب الجامعات والمدارس.";

struct Copy {
  std::string id, source, body;
};

std::string jsonl(const std::vector<Copy>& articles) {
  std::string out;
  for (const Copy& a : articles) {
    out += json{{"id", a.id},         {"title", "خبر " + a.id}, {"body", a.body},
                {"date", "2020-03-0" + std::string(1, a.id.back())}, {"source", a.source}}
               .dump() +
           "\n";
  }
  return out;
}

// The key of the cluster an article with this body starts.
std::string key_of(const std::string& body) {
  return akhbar::cluster_key_of(akhbar::near_duplicate_signature(akhbar::tokenize(body)));
}

// The cluster key of each article of the database, by id.
std::map<std::string, std::string> clusters(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    out[doc.get_value(akhbar::schema::kSlotId)] = doc.get_value(akhbar::schema::kSlotCluster);
  }
  return out;
}

void index_into(const std::string& db, const std::string& file, const std::string& options = "") {
  const auto r = run_command(binary("akhbar-index") + " --no-progress " + options + " --db " + db + " " + file);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

json search(const std::string& db, const std::string& args) {
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

std::vector<std::string> hit_ids(const json& results) {
  std::vector<std::string> ids;
  for (const auto& h : results.at("results")) ids.push_back(h.at("id"));
  return ids;
}

}  // namespace

TEST_CASE("signatures: identical bodies and wire copies are near, others far", "[near-duplicate]") {
  const akhbar::NearDuplicateSignature story = akhbar::near_duplicate_signature(akhbar::tokenize(kStory));
  REQUIRE(!story.empty());
  CHECK(story.packed.size() == 2 * akhbar::kMinHashes);
  CHECK(story.bands.size() == akhbar::kMinHashes / akhbar::kBandRows);
  struct Row {
    const char* what;
    std::string body;
    double at_least, below;
  };
  const std::vector<Row> rows = {
      {"the same body", kStory, 1.0, 1.01},
      {"the same body, other diacritics and tatweel",
       "أعلـنت وزارةُ الصحة في بيان صدر مساء اليوم أن " + kStory.substr(kStory.find("حملة")), 0.8, 1.01},
      {"a wire copy with its own dateline", "القاهرة - رويترز: " + kStory, 0.8, 1.01},
      {"a copy with one word changed", "أعلنت وزارة الصحة في بيان صدر صباح" + kStory.substr(kStory.find(" اليوم")),
       0.8, 1.01},
      {"a copy whose last sentence is cut: a fifth of it gone", kStory.substr(0, kStory.rfind("وأكد")), 0.6,
       0.9},
      {"another story", kOtherStory, 0.0, 0.2},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    const double s = akhbar::estimated_similarity(
        story.packed, akhbar::near_duplicate_signature(akhbar::tokenize(row.body)).packed);
    CHECK(s >= row.at_least);
    CHECK(s < row.below);
  }
  // A few words alike are no copy: a short body has no signature.
  CHECK(akhbar::near_duplicate_signature(akhbar::tokenize("صورة من الحدث")).empty());
  CHECK(akhbar::estimated_similarity("", "") == 0);
}

TEST_CASE("cluster keys hash the first member's body, not a docid", "[near-duplicate]") {
  // A body's key: the same wherever its first copy is indexed.
  CHECK(key_of(kStory) == key_of(kStory));
  CHECK(key_of(kStory) != key_of(kOtherStory));
  CHECK(key_of(kStory) != key_of("القاهرة - رويترز: " + kStory));  // a near copy starts its own
  CHECK(key_of(kStory).size() == 16);
  // An article without a signature: its id's key, its own.
  CHECK(akhbar::cluster_key_of("w1") == akhbar::cluster_key_of("w1"));
  CHECK(akhbar::cluster_key_of("w1") != akhbar::cluster_key_of("w2"));
  CHECK(akhbar::cluster_key_of("w1").size() == 16);
}

TEST_CASE("copies in one job share a cluster, across the bulk build's shards", "[near-duplicate][e2e]") {
  TempDir dir;
  const std::string file = dir / "in.jsonl";
  write_file(file, jsonl({{"w1", "وكالة أ", kStory},
                          {"u2", "وكالة ب", kOtherStory},
                          {"w3", "وكالة ج", "القاهرة - رويترز: " + kStory},
                          {"w4", "وكالة د", kStory}}));
  // One article a batch: the bulk builder deals them to its two shards in
  // turn; written in place (--no-bulk), the database itself finds the
  // copies written before them, committed or not.
  for (const std::string options : {"--commit-every 1", "--no-bulk --commit-every 100"}) {
    INFO(options);
    const std::string db = dir / ("db" + std::to_string(options.size()));
    index_into(db, file, options);
    const auto c = clusters(db);
    REQUIRE(c.size() == 4);
    CHECK(c.at("w1") == key_of(kStory));
    CHECK(c.at("w3") == c.at("w1"));
    CHECK(c.at("w4") == c.at("w1"));
    CHECK(c.at("u2") == key_of(kOtherStory));
  }
}

TEST_CASE("the copies of one body in two shards fold as in one database", "[near-duplicate][e2e]") {
  // w1 and w4 carry one body; with --shards 2 they fall in different shards
  // (partition.h).
  REQUIRE(akhbar::partition_of("w1", 2) != akhbar::partition_of("w4", 2));
  TempDir dir;
  write_file(dir / "in.jsonl", jsonl({{"w1", "وكالة أ", kStory},
                                      {"u2", "وكالة ب", kOtherStory},
                                      {"w4", "وكالة د", kStory}}));
  const std::string archive = dir / "archive";
  const std::string one = dir / "one";
  index_into(archive, dir / "in.jsonl", "--shards 2");
  index_into(one, dir / "in.jsonl");
  CHECK(clusters(archive) == clusters(one));
  for (const std::string& db : {archive, one}) {
    INFO(db);
    const json folded = search(db, "الأطفال");
    CHECK(folded.at("total") == 3);
    CHECK(hit_ids(folded).size() == 2);
    std::map<std::string, size_t> similar;
    for (const auto& h : folded.at("results")) similar[h.at("id")] = h.at("similar");
    CHECK(similar.count("u2") == 1);
    CHECK(similar.count("w1") + similar.count("w4") == 1);
    CHECK(similar["w1"] + similar["w4"] == 1);
  }
}

TEST_CASE("a later run joins the cluster, which outlives its first member", "[near-duplicate][e2e]") {
  TempDir dir;
  const std::string db = dir / "db";
  write_file(dir / "a.jsonl", jsonl({{"w1", "وكالة أ", kStory}, {"u2", "وكالة ب", kOtherStory}}));
  write_file(dir / "b.jsonl", jsonl({{"w3", "وكالة ج", "عمان - بترا: " + kStory}}));
  write_file(dir / "c.jsonl", jsonl({{"w4", "وكالة د", "بيروت - وكالات: " + kStory}}));
  index_into(db, dir / "a.jsonl");
  index_into(db, dir / "b.jsonl");  // in place, into a database that holds w1
  const std::string key = key_of(kStory);
  CHECK(clusters(db).at("w3") == key);
  {
    Xapian::WritableDatabase w(db);
    w.delete_document("Qw1");
    w.commit();
  }
  index_into(db, dir / "c.jsonl");  // found through w3, the first member gone
  const auto c = clusters(db);
  CHECK(c.count("w1") == 0);
  CHECK(c.at("w3") == key);
  CHECK(c.at("w4") == key);
  CHECK(c.at("u2") != key);
}

TEST_CASE("search folds a cluster to its best hit; --no-collapse shows all; totals count articles",
          "[near-duplicate][e2e]") {
  TempDir dir;
  const std::string db = dir / "db";
  write_file(dir / "in.jsonl", jsonl({{"w1", "وكالة أ", kStory},
                                      {"u2", "وكالة ب", kOtherStory},
                                      {"w3", "وكالة ج", "القاهرة - رويترز: " + kStory},
                                      {"w4", "وكالة د", kStory}}));
  index_into(db, dir / "in.jsonl");
  // Both stories speak of children (الأطفال): 4 articles, 2 clusters.
  for (const std::string extra : {"", " --sort date", " --no-facets", " --ids-only", " --any"}) {
    INFO(extra);
    const json folded = search(db, "الأطفال" + extra);
    const json all = search(db, "الأطفال --no-collapse" + extra);
    CHECK(folded.at("total") == 4);
    CHECK(all.at("total") == 4);
    CHECK(hit_ids(all).size() == 4);
    REQUIRE(hit_ids(folded).size() == 2);
    std::map<std::string, size_t> similar;
    // --ids-only keeps to id and score: the counts are those of the full form.
    const json& counted = extra == " --ids-only" ? search(db, "الأطفال") : folded;
    for (const auto& h : counted.at("results")) similar[h.at("id")] = h.at("similar");
    CHECK(similar.count("u2") == 1);
    CHECK(similar["u2"] == 0);
    size_t story_hits = 0;
    for (const auto& [id, n] : similar) {
      if (id != "u2") {
        ++story_hits;
        CHECK(n == 2);
      }
    }
    CHECK(story_hits == 1);
    for (const auto& h : all.at("results")) CHECK(h.value("similar", 0) == 0);
    if (extra != " --no-facets" && extra != " --ids-only") {
      CHECK(folded.at("facets").at("source").size() == 4);  // facets count articles
      CHECK(folded.at("facets") == all.at("facets"));
    }
  }
  // The second page of a folded search starts after the first cluster.
  const json second = search(db, "الأطفال --limit 1 --offset 1");
  CHECK(hit_ids(second).size() == 1);
  CHECK(hit_ids(search(db, "الأطفال --limit 1")) != hit_ids(second));
  // The text form says how many copies it folded.
  const auto text = run_command(binary("akhbar-search") + " --db " + db + " --no-snippets التطعيم");
  CHECK(text.out.find("+2 similar") != std::string::npos);
  CHECK(text.out.find("3 articles match") != std::string::npos);
}

TEST_CASE("more like this (--like) finds the copies, never the article itself, under the filters", "[near-duplicate][e2e]") {
  TempDir dir;
  const std::string db = dir / "db";
  write_file(dir / "in.jsonl", jsonl({{"w1", "وكالة أ", kStory},
                                      {"u2", "وكالة ب", kOtherStory},
                                      {"w3", "وكالة ج", "القاهرة - رويترز: " + kStory},
                                      {"w4", "وكالة د", kStory}}));
  index_into(db, dir / "in.jsonl");
  const json like = search(db, "--like w1 --no-collapse");
  const std::vector<std::string> ids = hit_ids(like);
  REQUIRE(ids.size() >= 2);
  CHECK(std::set<std::string>(ids.begin(), ids.begin() + 2) == std::set<std::string>{"w3", "w4"});
  CHECK(std::find(ids.begin(), ids.end(), "w1") == ids.end());
  CHECK(like.at("total") == ids.size());
  // Filters and facets as for a query.
  const json filtered = search(db, "--like w1 --source 'وكالة د'");
  CHECK(hit_ids(filtered) == std::vector<std::string>{"w4"});
  CHECK(filtered.at("total") == 1);
  CHECK(filtered.at("facets").at("source").size() == 1);
  // Folded: the copies are one cluster with w1, so one hit stands for them.
  const json folded = search(db, "--like w1");
  REQUIRE(!hit_ids(folded).empty());
  CHECK(folded.at("results").at(0).at("similar") == 1);
  // An unknown id: one line, exit 2.
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --like nosuch");
  CHECK(r.status == 2);
  CHECK(r.err.find("nosuch") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  const auto both = run_command(binary("akhbar-search") + " --db " + db + " --like w1 word");
  CHECK(both.status == 2);
}
