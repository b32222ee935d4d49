// Facet ordinals: the day codes, the per-document value, the dictionary kept
// in the database, and the searcher's two ways of counting (by ordinal on one
// database, by value on several) giving the same facets.
#include <catch2/catch.hpp>

#include <tuple>

#include "index/facet_ordinals.h"
#include "index/schema.h"
#include "searcher.h"
#include "test_support.h"

using akhbar::DocumentFacets;
using akhbar::FacetDictionary;
using akhbar::FacetKind;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;

TEST_CASE("day codes keep date order and read back", "[facets][ordinals]") {
  struct Row {
    const char* ymd;
    uint32_t code;
  };
  const Row rows[] = {
      {"10000101", 1},
      {"10000131", 31},
      {"10000201", 32},
      {"10001231", 372},
      {"10010101", 373},
      {"20180223", (1018 * 12 + 1) * 31 + 23},
      {"99991231", (8999 * 12 + 11) * 31 + 31},
  };
  for (const Row& r : rows) {
    INFO(r.ymd);
    CHECK(akhbar::day_code(r.ymd) == r.code);
    CHECK(akhbar::day_from_code(r.code) == r.ymd);
  }
  CHECK(akhbar::day_code("20180223") < akhbar::day_code("20180224"));
  CHECK(akhbar::day_code("20181231") < akhbar::day_code("20190101"));
  for (const char* bad : {"", "2018022", "201802233", "2018-02-", "09991231", "20181301",
                          "20180200", "20180232", "2018022a"}) {
    INFO(bad);
    CHECK(akhbar::day_code(bad) == 0);
  }
  CHECK(akhbar::day_from_code(0).empty());
}

TEST_CASE("a document's facet value round-trips; a damaged one stops early", "[facets][ordinals]") {
  std::vector<DocumentFacets> rows(4);
  rows[1].day = akhbar::day_code("20180223");
  rows[2].day = 7;
  rows[2].ordinals = {{{0}, {3}, {1, 2, 300000}, {}, {127, 128, 16384}}};
  rows[3].ordinals[4] = {0xffffffffu};
  for (const DocumentFacets& row : rows) {
    DocumentFacets back;
    akhbar::decode_document_facets(
        akhbar::encode_document_facets(row), [&](uint32_t day) { back.day = day; },
        [&](FacetKind k, uint32_t ord) { back.ordinals[size_t(k)].push_back(ord); });
    CHECK(back == row);
  }
  const std::string value = akhbar::encode_document_facets(rows[2]);
  for (size_t cut = 0; cut < value.size(); ++cut) {
    size_t seen = 0;
    akhbar::decode_document_facets(
        value.substr(0, cut), [&](uint32_t) { ++seen; }, [&](FacetKind, uint32_t) { ++seen; });
    CHECK(seen <= 9);  // never more than the whole value holds, never a crash
  }
  size_t seen = 0;
  akhbar::decode_document_facets(
      "\xff\xff\xff\xff\xff\xff", [&](uint32_t) { ++seen; }, [&](FacetKind, uint32_t) { ++seen; });
  CHECK(seen == 0);
}

TEST_CASE("the dictionary gives each value one ordinal per kind, for good", "[facets][ordinals]") {
  TempDir dir;
  const std::string path = dir / "db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    FacetDictionary dict(db);
    CHECK(db.get_metadata(akhbar::kFacetOrdinalsMarker) == "1");
    CHECK(dict.ordinal(FacetKind::Place, "c:SY") == 0);
    CHECK(dict.ordinal(FacetKind::Place, "c:LB") == 1);
    CHECK(dict.ordinal(FacetKind::Place, "c:SY") == 0);
    CHECK(dict.ordinal(FacetKind::Person, "c:SY") == 0);  // kinds are separate
    CHECK(dict.ordinal(FacetKind::Source, std::string(400, 'x')) == 0);  // long values too
    CHECK(dict.ordinal(FacetKind::Source, std::string(400, 'x') + "y") == 1);
    Xapian::Document doc;
    doc.add_value(akhbar::schema::kSlotDate, "20180223");
    doc.add_value(akhbar::schema::kSlotCategory, "سياسة");
    doc.add_value(akhbar::schema::kSlotPlaces, akhbar::schema::serialise_list({"c:LB", "g:1"}));
    dict.annotate(doc);
    db.add_document(doc);
    db.commit();
  }
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  FacetDictionary dict(db);
  CHECK(dict.ordinal(FacetKind::Place, "c:LB") == 1);  // as given by the earlier run
  CHECK(dict.ordinal(FacetKind::Place, "g:1") == 2);
  CHECK(dict.ordinal(FacetKind::Place, "g:2") == 3);
  CHECK(akhbar::facet_ordinal_count(db, FacetKind::Place) == 4);
  CHECK(akhbar::facet_ordinal_count(db, FacetKind::Organization) == 0);
  CHECK(akhbar::facet_value(db, FacetKind::Category, 0) == "سياسة");
  CHECK(akhbar::facet_value(db, FacetKind::Source, 1) == std::string(400, 'x') + "y");
  CHECK(akhbar::facet_value(db, FacetKind::Place, 99).empty());

  DocumentFacets stored;
  akhbar::decode_document_facets(
      db.get_document(1).get_value(akhbar::schema::kSlotFacetOrdinals),
      [&](uint32_t day) { stored.day = day; },
      [&](FacetKind k, uint32_t ord) { stored.ordinals[size_t(k)].push_back(ord); });
  DocumentFacets expected;
  expected.day = akhbar::day_code("20180223");
  expected.ordinals[size_t(FacetKind::Category)] = {0};
  expected.ordinals[size_t(FacetKind::Place)] = {1, 2};
  CHECK(stored == expected);
}

TEST_CASE("a database that held documents before ordinals is not marked", "[facets][ordinals]") {
  TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  db.add_document(Xapian::Document());
  FacetDictionary dict(db);
  CHECK(db.get_metadata(akhbar::kFacetOrdinalsMarker).empty());
}

namespace {

using FlatFacets = std::vector<std::tuple<std::string, std::string, size_t, std::string>>;

FlatFacets flat(const akhbar::SearchResults& r) {
  FlatFacets out;
  for (const auto& f : r.facets) {
    for (const auto& v : f.values) out.emplace_back(f.name, v.value, v.count, v.id);
  }
  return out;
}

}  // namespace

TEST_CASE("counting by ordinal and by value give the same facets", "[e2e][facets][ordinals]") {
  // One database counts by ordinal; the same articles split over two
  // databases searched as one count by value.
  TempDir dir;
  akhbar::testing::split_lines(source_file("corpus/sample.jsonl"), dir / "a.jsonl", dir / "b.jsonl", 2);
  const std::string index = binary("akhbar-index");
  REQUIRE(run_command(index + " --db " + dir / "whole" + " " + source_file("corpus/sample.jsonl")).status == 0);
  REQUIRE(run_command(index + " --db " + dir / "a" + " " + dir / "a.jsonl").status == 0);
  REQUIRE(run_command(index + " --db " + dir / "b" + " " + dir / "b.jsonl").status == 0);
  akhbar::Searcher by_value({dir / "a", dir / "b"});

  using akhbar::DateGranularity;
  struct Row {
    std::string query;
    size_t facet_limit;
    DateGranularity dates;
    std::string place, from;
    bool any;
  };
  const DateGranularity month = DateGranularity::Month;
  // {query, facet limit, date facet, place filter, from, any word}
  const std::vector<Row> rows = {
      {"", 20, month, "", "", false},
      {"", 3, month, "", "", false},
      {"", 1, DateGranularity::Day, "", "", false},
      {"", 100000, DateGranularity::Year, "", "", false},
      {"", 0, month, "", "", false},
      {"دمشق", 20, month, "", "", false},
      {"الرئيس", 20, month, "Syria", "", false},
      {"قال وزير الخارجية", 20, month, "", "", true},
      {"الحكومة", 20, month, "", "2023", false},
      {"كلمةلاتوجد", 20, month, "", "", false},
  };
  auto request_of = [](const Row& row) {
    akhbar::SearchRequest r;
    r.query = row.query;
    r.facet_limit = row.facet_limit;
    r.date_facet = row.dates;
    r.match_any = row.any;
    if (!row.place.empty()) r.filters.places = {row.place};
    if (!row.from.empty()) r.filters.from = akhbar::parse_date_bound(row.from, false);
    return r;
  };
  {
    akhbar::Searcher by_ordinal({dir / "whole"});
    for (const Row& row : rows) {
      INFO(row.query << " limit " << row.facet_limit << " place " << row.place << " from " << row.from);
      const akhbar::SearchResults a = by_ordinal.search(request_of(row));
      const akhbar::SearchResults b = by_value.search(request_of(row));
      CHECK(flat(a) == flat(b));
      CHECK(a.total == b.total);
    }
    size_t places = 0;
    for (const auto& f : by_ordinal.search(request_of(rows[0])).facets) {
      if (f.name == "place") places = f.values.size();
    }
    REQUIRE(places > 5);
  }

  // Re-indexing every article replaces it and keeps its ordinals.
  const Row everything{"", 100000, month, "", "", false};
  const FlatFacets before = flat(akhbar::Searcher({dir / "whole"}).search(request_of(everything)));
  REQUIRE(run_command(index + " --db " + dir / "whole" + " " + source_file("corpus/sample.jsonl")).status == 0);
  CHECK(flat(akhbar::Searcher({dir / "whole"}).search(request_of(everything))) == before);
}

TEST_CASE("facets counted from the in-memory column equal those read from the index",
          "[facets][ordinals][column]") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string sample = source_file("corpus/sample.jsonl");
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + sample).status == 0);
  akhbar::Searcher from_column({db});
  from_column.set_column_threshold(0);  // always
  akhbar::Searcher from_column_2_threads({db});
  from_column_2_threads.set_column_threshold(0);
  from_column_2_threads.set_parallel_count_threshold(2);
  akhbar::Searcher from_index({db});
  from_index.set_column_threshold(1u << 30);  // never

  auto compare = [&](const std::string& query, bool any, size_t facet_limit) {
    akhbar::SearchRequest request;
    request.query = query;
    request.match_any = any;
    request.facet_limit = facet_limit;
    request.snippets = false;
    INFO(query);
    const akhbar::SearchResults a = from_column.search(request);
    const akhbar::SearchResults b = from_index.search(request);
    const akhbar::SearchResults c = from_column_2_threads.search(request);
    CHECK(a.total == b.total);
    CHECK(flat(a) == flat(b));
    CHECK(flat(c) == flat(b));
    return a;
  };
  CHECK(flat(compare("", false, 100000)).size() > 50);
  compare("", false, 3);
  compare("سوريا", false, 20);
  compare("قال وزير الخارجية", true, 5);

  // A commit since the column was read: it is read again, and counts the
  // new article.
  const size_t before = compare("", false, 100000).total;
  akhbar::testing::write_file(dir / "one.jsonl",
                              R"({"id":"new-1","title":"وزير الخارجية في دمشق","body":"قال وزير الخارجية في دمشق اليوم","date":"2030-01-02","source":"Akhbar Wire"})"
                              "\n");
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + dir / "one.jsonl").status == 0);
  const akhbar::SearchResults after = compare("", false, 100000);
  CHECK(after.total == before + 1);
  bool dated = false;
  for (const auto& f : after.facets) {
    for (const auto& v : f.values) dated = dated || (f.name == "date" && v.value == "2030-01");
  }
  CHECK(dated);
}
