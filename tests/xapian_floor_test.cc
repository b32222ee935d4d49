// akhbar-xapian-floor (bench/xapian_floor.cc) is a measure: it is only worth
// its figures if Xapian writes the very documents the indexer wrote, and
// ranks the very queries the searcher runs. Checked on the bundled sample.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/schema.h"
#include "test_support.h"

// The test helpers (test_support.h): binary, run_command, TempDir, ...
using namespace akhbar::testing;
using nlohmann::json;

namespace {

// Everything Xapian holds of a document, positions included.
struct Held {
  std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> terms;
  std::map<Xapian::valueno, std::string> values;
  std::string data;
  bool operator==(const Held& o) const { return terms == o.terms && values == o.values && data == o.data; }
};

Held held(const Xapian::Document& doc) {
  Held h;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::vector<Xapian::termpos> positions(t.positionlist_begin(), t.positionlist_end());
    h.terms[*t] = {t.get_wdf(), positions};
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v) h.values[v.get_valueno()] = *v;
  h.data = doc.get_data();
  return h;
}

// Documents by their unique id term: the floor's shards renumber them.
std::map<std::string, Held> by_id(const Xapian::Database& db) {
  std::map<std::string, Held> out;
  for (auto t = db.allterms_begin(akhbar::schema::kId); t != db.allterms_end(akhbar::schema::kId); ++t) {
    out[*t] = held(db.get_document(*db.postlist_begin(*t)));
  }
  return out;
}

}  // namespace

TEST_CASE("the floor writes the very documents the indexer wrote", "[floor]") {
  TempDir dir;
  const std::string db = dir / "db", out = dir / "floor";
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + source_file("corpus/sample.jsonl")).status == 0);
  // Batches of 7 over 2 writers: several commits and both shards in use.
  const auto r = run_command(binary("akhbar-xapian-floor") + " write --db " + db + " --out " + out +
                             " --threads 2 --batch 7");
  REQUIRE(r.status == 0);
  const json report = json::parse(r.out);
  const Xapian::Database source(db), merged(out + "/merged");
  CHECK(report.at("docs") == source.get_doccount());
  CHECK(report.at("articles_per_s").get<double>() > 0);
  CHECK(merged.get_doccount() == source.get_doccount());
  CHECK(merged.get_total_length() == source.get_total_length());
  CHECK(by_id(merged) == by_id(source));

  const auto bare = run_command(binary("akhbar-xapian-floor") + " write --db " + db + " --out " + out +
                                " --no-positions");
  REQUIRE(bare.status == 0);
  CHECK_FALSE(Xapian::Database(out + "/merged").has_positions());
}

TEST_CASE("the floor ranks the queries akhbar-search runs, filters included", "[floor]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + source_file("corpus/sample.jsonl")).status == 0);
  // kind, query, akhbar-search options: as bench/prepare_corpus.py writes them.
  const std::vector<std::vector<std::string>> rows = {
      {"one-word", "سوريا", "[]"},
      {"multi-word", "وقف إطلاق النار", "[]"},
      {"phrase", "\"وقف إطلاق النار\"", "[]"},
      {"filtered", "سوريا", R"(["--source", "Levant News"])"},
      {"filtered", "النار", R"(["--from", "2018-01", "--to", "2018-12"])"},
      {"filtered", "سوريا", R"(["--place", "دمشق"])"},  // needs the gazetteer: skipped
  };
  std::string tsv;
  for (const auto& row : rows) tsv += row[0] + "\t" + row[1] + "\t" + row[2] + "\n";
  write_file(dir / "latency.tsv", tsv);

  const auto r = run_command(binary("akhbar-xapian-floor") + " query --db " + db + " --queries " +
                             (dir / "latency.tsv") + " --passes 1");
  REQUIRE(r.status == 0);
  const json report = json::parse(r.out);
  CHECK(report.at("skipped") == 1);
  const json& queries = report.at("queries");
  REQUIRE(queries.size() == rows.size() - 1);
  for (size_t i = 0; i < queries.size(); ++i) {
    INFO(rows[i][1] << " " << rows[i][2]);
    CHECK(queries[i].at("kind") == rows[i][0]);
    CHECK(queries[i].at("rank_ms").get<double>() >= queries[i].at("build_ms").get<double>());
    std::string options;
    for (const auto& o : json::parse(rows[i][2])) options += " " + shell_quote(o.get<std::string>());
    const auto search = run_command(binary("akhbar-search") + " --db " + db + " --json --no-facets" + options +
                                    " " + shell_quote(rows[i][1]));
    REQUIRE(search.status == 0);
    const size_t total = json::parse(search.out).at("total");
    CHECK(total > 0);
    CHECK(queries[i].at("total") == total);
  }
}

TEST_CASE("the floor names the line of a latency set it cannot read", "[floor]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + source_file("corpus/sample.jsonl")).status == 0);
  // Each bad line after a good one: the error names the second line.
  const std::vector<std::string> bad_lines = {
      "no tabs here",                          // not kind, query and options
      "filtered\tسوريا\t[\"--source\"",        // options not JSON
      "filtered\tسوريا\t[\"--from\", \"soon\"]",  // an option akhbar-search refuses
  };
  for (const std::string& bad : bad_lines) {
    INFO(bad);
    write_file(dir / "bad.tsv", "one-word\tسوريا\t[]\n" + bad + "\n");
    const auto r = run_command(binary("akhbar-xapian-floor") + " query --db " + db + " --queries " + (dir / "bad.tsv"));
    CHECK(r.status == 1);
    CHECK(r.err.find("bad.tsv:2") != std::string::npos);
  }
  CHECK(run_command(binary("akhbar-xapian-floor") + " sideways --db " + db).status == 2);
}
