// Split matching: a query matched as two docid slices on two threads
// (DocidRange, Searcher::set_split_threshold) gives exactly the answer of
// one thread: the same hits in the same order with the same scores, the
// same total and the same facets, for every sort order and page.
#include <catch2/catch.hpp>

#include <thread>
#include <tuple>

#include <xapian.h>

#include "docid_range.h"
#include "searcher.h"
#include "test_support.h"

using akhbar::DocidRange;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;

namespace {

std::vector<Xapian::docid> matching(const Xapian::Database& db, Xapian::docid first,
                                    Xapian::docid last) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                  Xapian::Query((new DocidRange(first, last))->release())));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> out;
  const Xapian::MSet mset = enquire.get_mset(0, 100, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
  return out;
}

}  // namespace

TEST_CASE("a docid range matches the documents with ids in it, deleted ones excepted",
          "[search][split]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 10; ++i) db.add_document(Xapian::Document());  // docids 1..10
  db.delete_document(4);
  db.delete_document(10);
  db.commit();
  struct Row {
    Xapian::docid first, last;
    std::vector<Xapian::docid> expected;
  };
  const Row rows[] = {
      {1, 10, {1, 2, 3, 5, 6, 7, 8, 9}},
      {3, 5, {3, 5}},
      {4, 4, {}},         // only a deleted document
      {9, 100, {9}},      // past the last docid
      {11, 20, {}},       // wholly past it
      {0, 2, {1, 2}},     // docids start at 1
      {6, 5, {}},         // empty range
  };
  for (const Row& r : rows) {
    INFO(r.first << ".." << r.last);
    CHECK(matching(db, r.first, r.last) == r.expected);
  }
}

namespace {

using FlatHits = std::vector<std::tuple<std::string, double, std::string>>;
using FlatFacets = std::vector<std::tuple<std::string, std::string, size_t>>;

FlatHits flat_hits(const akhbar::SearchResults& r) {
  FlatHits out;
  for (const auto& h : r.hits) out.emplace_back(h.id, h.score, h.snippet.text);
  return out;
}

FlatFacets flat_facets(const akhbar::SearchResults& r) {
  FlatFacets out;
  for (const auto& f : r.facets) {
    for (const auto& v : f.values) out.emplace_back(f.name, v.value, v.count);
  }
  return out;
}

}  // namespace

TEST_CASE("a query matched as two slices on two threads gives the single thread's answer",
          "[search][split]") {
  if (std::thread::hardware_concurrency() < 2) {
    WARN("one core: the searcher never splits here, nothing to compare");
    return;
  }
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " +
                      source_file("corpus/sample.jsonl")).status == 0);
  akhbar::Searcher one_thread({db});
  one_thread.set_split_threshold(1u << 30);  // never
  akhbar::Searcher split({db});
  split.set_split_threshold(0, 0);  // always
  split.set_column_threshold(0);
  akhbar::Searcher split_no_column({db});  // each thread reads facets from the index
  split_no_column.set_split_threshold(0, 0);
  split_no_column.set_column_threshold(1u << 30);

  struct Row {
    const char* query;
    bool any;
    akhbar::SortOrder sort;
    size_t offset, limit;
    const char* source;  // filter, or null
  };
  using S = akhbar::SortOrder;
  const Row rows[] = {
      {"", false, S::Relevance, 0, 10, nullptr},         // all: every weight 0, docid order
      {"", false, S::Relevance, 20, 15, nullptr},        // a page across the middle docid
      {"", false, S::Date, 0, 60, nullptr},              // newest first, equal dates by docid
      {"سوريا", false, S::Relevance, 0, 10, nullptr},
      {"سوريا", false, S::Date, 3, 5, nullptr},
      {"وقف إطلاق النار", false, S::Relevance, 0, 10, nullptr},
      {"\"وقف إطلاق النار\"", false, S::Relevance, 0, 10, nullptr},
      {"قال وزير الخارجية", true, S::Relevance, 0, 60, nullptr},
      {"الحكومة OR البرلمان", false, S::Relevance, 1, 4, nullptr},
      {"", false, S::Date, 0, 10, "Levant News"},
      {"كلمةلاتوجد", false, S::Relevance, 0, 10, nullptr},
      {"سوريا", false, S::Relevance, 100, 10, nullptr},  // past the end
  };
  for (const Row& r : rows) {
    akhbar::SearchRequest request;
    request.query = r.query;
    request.match_any = r.any;
    request.sort = r.sort;
    request.offset = r.offset;
    request.limit = r.limit;
    request.facet_limit = 100000;
    if (r.source) request.filters.sources.push_back(r.source);
    INFO(r.query << (r.any ? " (any)" : "") << " offset " << r.offset << " limit " << r.limit
                 << (r.sort == S::Date ? " by date" : ""));
    const akhbar::SearchResults a = one_thread.search(request);
    const akhbar::SearchResults b = split.search(request);
    CHECK(a.total == b.total);
    CHECK(flat_hits(a) == flat_hits(b));
    CHECK(flat_facets(a) == flat_facets(b));
    const akhbar::SearchResults c = split_no_column.search(request);
    CHECK(flat_hits(a) == flat_hits(c));
    CHECK(flat_facets(a) == flat_facets(c));
    request.facets = false;
    request.ids_only = true;
    CHECK(flat_hits(one_thread.search(request)) == flat_hits(split.search(request)));
  }
  // The table reaches both slices.
  akhbar::SearchRequest all;
  all.limit = 100;
  CHECK(one_thread.search(all).total > 40);
}
