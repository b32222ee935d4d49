// End-to-end: the real akhbar-index and akhbar-search on the bundled sample
// corpus. Counts are checked against a brute-force scan of the corpus file
// that uses the analysis chain but not Xapian.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <xapian.h>

#include "date.h"
#include "text/normalizer.h"
#include "index/schema.h"
#include "text/stemmer.h"
#include "text/stopwords.h"
#include "test_support.h"
#include "text/tokenizer.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kSample = source_file("corpus/sample.jsonl");

struct SampleArticle {
  std::string id, source, category, month;  // month "YYYY-MM" or ""
  std::string date;                         // ISO or ""
  std::set<std::string> stems;
};

std::vector<SampleArticle> load_sample() {
  std::vector<SampleArticle> out;
  std::istringstream lines(akhbar::testing::read_file(kSample));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    SampleArticle a;
    a.id = j.at("id");
    a.source = j.value("source", "");
    a.category = j.value("category", "");
    if (auto d = akhbar::parse_date(j.value("date", ""))) {
      a.date = d->iso();
      a.month = a.date.substr(0, 7);
    }
    for (const std::string field : {"title", "body"}) {
      for (const auto& t : akhbar::tokenize(j.value(field, ""))) a.stems.insert(akhbar::stem_word(t.text));
    }
    out.push_back(std::move(a));
  }
  return out;
}

// Articles that contain every non-stop word of `query` (by stem).
std::set<std::string> brute_force_and(const std::vector<SampleArticle>& sample, const std::string& query) {
  std::vector<std::string> stems;
  for (const auto& t : akhbar::tokenize(query)) {
    if (!akhbar::is_stopword(t.text)) stems.push_back(akhbar::stem_word(t.text));
  }
  std::set<std::string> ids;
  for (const auto& a : sample) {
    bool all = true;
    for (const auto& s : stems) all = all && a.stems.count(s);
    if (all) ids.insert(a.id);
  }
  return ids;
}

struct Indexed {
  TempDir dir;
  std::string db = dir / "db";
  akhbar::testing::CommandResult index = run_command(binary("akhbar-index") + " --db " + db + " " + kSample);
};

json search_json(const std::string& db, const std::string& args) {
  const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

std::map<std::string, size_t> facet_map(const json& results, const std::string& name) {
  std::map<std::string, size_t> m;
  for (const auto& v : results.at("facets").at(name)) m[v.at("value")] = v.at("count");
  return m;
}

}  // namespace

TEST_CASE("indexing the sample corpus accepts every article", "[e2e]") {
  Indexed idx;
  const auto sample = load_sample();
  INFO(idx.index.err);
  CHECK(idx.index.status == 0);
  REQUIRE(sample.size() >= 30);
  Xapian::Database db(idx.db);
  CHECK(db.get_doccount() == sample.size());
  for (const auto& a : sample) {
    INFO(a.id);
    CHECK(!a.date.empty());  // every sample date parses
    CHECK(db.term_exists("Q" + a.id));
  }
}

TEST_CASE("re-indexing replaces articles instead of duplicating them", "[e2e]") {
  Indexed idx;
  const auto again = run_command(binary("akhbar-index") + " --db " + idx.db + " " + kSample);
  CHECK(again.status == 0);
  const size_t n = load_sample().size();
  CHECK(again.err.find("(" + std::to_string(n) + " replaced)") != std::string::npos);
  CHECK(Xapian::Database(idx.db).get_doccount() == n);
}

TEST_CASE("totals and facets are exact: they equal a brute-force count", "[e2e]") {
  Indexed idx;
  const auto sample = load_sample();
  for (const std::string query : {"سوريا", "النفط", "الأمم المتحدة", "وزير الخارجية", "كرة القدم",
                                  "القاهرة", "الرئيس", "قال"}) {
    INFO(query);
    const std::set<std::string> expected = brute_force_and(sample, query);
    const json r = search_json(idx.db, "--limit 1000 --date-facet month " + shell_quote(query));
    CHECK(r.at("total") == expected.size());
    CHECK(r.at("took_ms").get<double>() >= 0);  // the search's own time
    // Of which matching, until the first stored field is read.
    CHECK(r.at("match_ms").get<double>() >= 0);
    CHECK(r.at("match_ms").get<double>() <= r.at("took_ms").get<double>());
    std::set<std::string> got;
    for (const auto& hit : r.at("results")) got.insert(hit.at("id").get<std::string>());
    CHECK(got == expected);

    std::map<std::string, size_t> months, sources, categories;
    for (const auto& a : sample) {
      if (!expected.count(a.id)) continue;
      if (!a.month.empty()) ++months[a.month];
      ++sources[a.source];
      ++categories[a.category];
    }
    CHECK(facet_map(r, "date") == months);
    CHECK(facet_map(r, "source") == sources);
    CHECK(facet_map(r, "category") == categories);
  }
}

TEST_CASE("a phrase matches across diacritics, tatweel and hamza variants", "[e2e]") {
  Indexed idx;
  // The sample has "قال مُحَمَّد" in one article and "قال محمد" in another.
  const std::string text = akhbar::testing::read_file(kSample);
  REQUIRE(text.find("قال مُحَمَّد") != std::string::npos);
  REQUIRE(text.find("قال محمد") != std::string::npos);
  for (const std::string query : {"\"قال محمد\"", "\"قَالَ مُحَمَّدٌ\"", "\"قـــال محمـــد\""}) {
    INFO(query);
    const json r = search_json(idx.db, shell_quote(query));
    CHECK(r.at("total").get<size_t>() >= 2);
  }
}

TEST_CASE("filters by date, source and category match a brute-force selection", "[e2e]") {
  Indexed idx;
  const auto sample = load_sample();
  REQUIRE(!sample.empty());
  const std::string source = sample.front().source, category = sample.front().category;
  struct Row {
    std::string args;
    std::function<bool(const SampleArticle&)> keep;
  };
  const std::vector<Row> rows = {
      {"--from 2018", [](const SampleArticle& a) { return a.date >= "2018-01-01"; }},
      {"--to 2017-06", [](const SampleArticle& a) { return !a.date.empty() && a.date <= "2017-06-30"; }},
      {"--from 2017-03-15 --to 2018-02-28",
       [](const SampleArticle& a) { return a.date >= "2017-03-15" && a.date <= "2018-02-28"; }},
      {"--source " + shell_quote(source), [&](const SampleArticle& a) { return a.source == source; }},
      {"--category " + shell_quote(category) + " --from 2018",
       [&](const SampleArticle& a) { return a.category == category && a.date >= "2018-01-01"; }},
  };
  for (const Row& row : rows) {
    INFO(row.args);
    size_t expected = 0;
    for (const auto& a : sample) expected += row.keep(a) ? 1 : 0;
    // The empty query browses the whole archive, so only the filter counts.
    const json r = search_json(idx.db, row.args + " ''");
    CHECK(r.at("total") == expected);
  }
}

TEST_CASE("two shards are searched as one", "[e2e]") {
  Indexed a;
  Indexed b;
  const json one = search_json(a.db, "''");
  const json both = search_json(a.db + " --db " + b.db, "''");
  CHECK(both.at("total") == 2 * one.at("total").get<size_t>());
}

TEST_CASE("a missing database is a one-line error with exit status 2", "[e2e]") {
  TempDir dir;
  const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "nope") + " سوريا");
  CHECK(r.status == 2);
  CHECK(r.err.find("no database at") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("a second indexer on a locked database gets a clear error", "[e2e]") {
  TempDir dir;
  Xapian::WritableDatabase holder(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  const auto r = run_command(binary("akhbar-index") + " --db " + (dir / "db") + " " + kSample);
  CHECK(r.status == 2);
  CHECK(r.err.find("locked") != std::string::npos);
}

TEST_CASE("text output highlights matched words in the original spelling", "[e2e]") {
  Indexed idx;
  const auto r = run_command(binary("akhbar-search") + " --db " + idx.db + " --color never 'محمد'");
  REQUIRE(r.status == 0);
  // The diacritized spelling is shown as written, and marked as a match.
  CHECK(r.out.find("[مُحَمَّد]") != std::string::npos);
}

TEST_CASE("dates the text speaks of are searchable with --event-from/--event-to", "[e2e]") {
  Indexed idx;
  // akh-0003 (Fri, 24 Feb 2017) says talks "انطلقت أمس الخميس": 2017-02-23.
  const json r = search_json(idx.db, "--limit 100 --event-from 2017-02-23 --event-to 2017-02-23 ''");
  std::set<std::string> got;
  for (const auto& hit : r.at("results")) got.insert(hit.at("id").get<std::string>());
  CHECK(got.count("akh-0003"));
  const json none = search_json(idx.db, "--event-from 1900 --event-to 1900-12 ''");
  CHECK(none.at("total") == 0);
}

TEST_CASE("ids-only output gives the same results as ids and scores, for scripts", "[e2e]") {
  Indexed idx;
  const json full = search_json(idx.db, "--limit 5 'سوريا'");
  const json ids = search_json(idx.db, "--limit 5 --ids-only 'سوريا'");
  REQUIRE(full.at("results").size() == 5);
  REQUIRE(ids.at("results").size() == 5);
  CHECK(ids.at("total") == full.at("total"));
  CHECK(ids.at("facets") == full.at("facets"));
  for (size_t i = 0; i < 5; ++i) {
    const json& hit = ids.at("results").at(i);
    CHECK(hit.size() == 2);  // id and score, nothing else
    CHECK(hit.at("id") == full.at("results").at(i).at("id"));
    CHECK(hit.at("score") == full.at("results").at(i).at("score"));
  }
  // Text: one "id<TAB>score" line per result and nothing else.
  const auto r = run_command(binary("akhbar-search") + " --db " + idx.db + " --limit 5 --ids-only 'سوريا'");
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    const size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    CHECK(line.substr(0, tab) == full.at("results").at(n).at("id").get<std::string>());
    ++n;
  }
  CHECK(n == 5);
}

TEST_CASE("a batch answers each line as the same query given alone", "[e2e]") {
  // A batch is one process for many queries, which keeps document lengths
  // in memory to rank (Searcher::set_length_column); one query alone does
  // not. The answers must not tell them apart.
  Indexed idx;
  const std::vector<std::string> queries = {"سوريا", "وقف إطلاق النار", "\"وقف إطلاق النار\"",
                                            "الحكومة OR البرلمان", "سوريا -روسيا", "كلمةلاتوجد", ""};
  std::string lines;
  for (const std::string& q : queries) lines += q + "\n";
  akhbar::testing::write_file(idx.dir / "queries.txt", lines);
  const auto batch = run_command(binary("akhbar-search") + " --db " + idx.db + " --limit 20 --batch " +
                                 idx.dir / "queries.txt");
  INFO(batch.err);
  REQUIRE(batch.status == 0);
  std::istringstream answers(batch.out);
  std::string answer;
  size_t n = 0;
  while (std::getline(answers, answer)) {
    REQUIRE(n < queries.size());
    INFO(queries[n]);
    json from_batch = json::parse(answer);
    json alone = search_json(idx.db, "--limit 20 " + shell_quote(queries[n]));
    for (json* j : {&from_batch, &alone}) {
      j->erase("took_ms");
      j->erase("match_ms");
    }
    CHECK(from_batch == alone);  // hits, scores, snippets, total and facets
    ++n;
  }
  CHECK(n == queries.size());
}

TEST_CASE("ids-only reads ids from databases written before the id slot", "[e2e]") {
  Indexed idx;
  const json before = search_json(idx.db, "--limit 5 --ids-only 'سوريا'");
  {
    Xapian::WritableDatabase db(idx.db, Xapian::DB_OPEN);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      REQUIRE_FALSE(doc.get_value(akhbar::schema::kSlotId).empty());
      doc.remove_value(akhbar::schema::kSlotId);
      db.replace_document(*it, doc);
    }
    db.commit();
  }
  const json after = search_json(idx.db, "--limit 5 --ids-only 'سوريا'");
  REQUIRE(before.at("results").size() == 5);
  CHECK(after.at("results") == before.at("results"));
}
