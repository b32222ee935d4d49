// Split matching: a query matched as two docid slices on two threads
// (DocidRange, Searcher::set_split_threshold) gives exactly the answer of
// one thread: the same hits in the same order with the same scores, the
// same total and the same facets, for every sort order and page. So does
// counting from the posting lists (match_stream.h), on the thread that
// ranks or beside it, against counting through the matcher.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <tuple>

#include <xapian.h>

#include "date.h"
#include "match/docid_range.h"
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
          "[search][split][stream]") {
  AKHBAR_PRECONDITION(std::thread::hardware_concurrency() >= 2,
                      "one core: the searcher never splits here, nothing to compare");
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " +
                      source_file("corpus/sample.jsonl")).status == 0);
  akhbar::Searcher one_thread({db});
  one_thread.set_split_threshold(1u << 30);  // never
  one_thread.set_stream_threshold(1u << 30);  // the matcher counts
  akhbar::Searcher split({db});
  split.set_split_threshold(0, 0);  // always
  split.set_column_threshold(0);
  split.set_stream_threshold(0);  // from the posting lists when the query allows
  akhbar::Searcher split_no_column({db});  // each thread reads facets from the index
  split_no_column.set_split_threshold(0, 0);
  split_no_column.set_column_threshold(1u << 30);
  split_no_column.set_stream_threshold(0);
  akhbar::Searcher split_by_matcher({db});
  split_by_matcher.set_split_threshold(0, 0);
  split_by_matcher.set_stream_threshold(1u << 30);
  akhbar::Searcher streamed({db});  // one thread ranks, then counts
  streamed.set_split_threshold(1u << 30);
  streamed.set_stream_threshold(0);
  streamed.set_column_threshold(0);
  // Without facets, the matcher counts a query of fewer than three matches
  // as it ranks, and the posting lists count a broader one after.
  akhbar::Searcher counted_if_broad({db});
  counted_if_broad.set_split_threshold(1u << 30);
  counted_if_broad.set_stream_threshold(3);
  akhbar::Searcher aside({db});  // one thread ranks while the other counts
  aside.set_split_threshold(1u << 30, 0);
  aside.set_stream_threshold(0, 0);
  akhbar::Searcher aside_column({db});
  aside_column.set_split_threshold(1u << 30, 0);
  aside_column.set_stream_threshold(0, 0);
  aside_column.set_column_threshold(0);
  // Weighing with document lengths held in memory (bm25_source.h), on one
  // thread and split.
  akhbar::Searcher lengths({db});
  lengths.set_length_column(true);
  akhbar::Searcher split_lengths({db});
  split_lengths.set_split_threshold(0, 0);
  split_lengths.set_stream_threshold(0);
  split_lengths.set_length_column(true);

  struct Row {
    const char* query;
    bool any;
    akhbar::SortOrder sort;
    size_t offset, limit;
    const char* source;  // filter, or null
    const char* from = nullptr;  // publication-date bounds, or null
    const char* to = nullptr;
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
      {"سوريا -روسيا", false, S::Relevance, 0, 10, nullptr},
      {"NOT سوريا", false, S::Relevance, 0, 10, nullptr},
      {"title:سوريا OR title:العراق", false, S::Date, 0, 10, nullptr},
      {"سوريا", false, S::Relevance, 0, 10, nullptr, "2017", "2018-06"},
      {"", false, S::Date, 0, 10, nullptr, "2018-02-15", nullptr},
      {"وزير", true, S::Relevance, 0, 10, nullptr, nullptr, "2017-12-31"},
      {"سوريا", false, S::Relevance, 0, 10, nullptr, "1999", "2000"},  // before every date
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
    if (r.from) request.filters.from = akhbar::parse_date_bound(r.from, false);
    if (r.to) request.filters.to = akhbar::parse_date_bound(r.to, true);
    INFO(r.query << (r.any ? " (any)" : "") << " offset " << r.offset << " limit " << r.limit
                 << (r.sort == S::Date ? " by date" : ""));
    const akhbar::SearchResults a = one_thread.search(request);
    const akhbar::SearchResults b = split.search(request);
    CHECK(a.total == b.total);
    CHECK(flat_hits(a) == flat_hits(b));
    CHECK(flat_facets(a) == flat_facets(b));
    for (akhbar::Searcher* other :
         {&split_no_column, &split_by_matcher, &streamed, &aside, &aside_column, &lengths, &split_lengths}) {
      const akhbar::SearchResults c = other->search(request);
      CHECK(a.total == c.total);
      CHECK(flat_hits(a) == flat_hits(c));
      CHECK(flat_facets(a) == flat_facets(c));
    }
    request.facets = false;
    request.ids_only = true;
    const akhbar::SearchResults plain = one_thread.search(request);
    // Without facets the total is the same, whether counted again or, for a
    // lone word or no words, read from the index uncounted.
    CHECK(plain.total == a.total);
    CHECK(plain.total_exact);
    for (akhbar::Searcher* other : {&split, &streamed, &counted_if_broad, &aside, &lengths, &split_lengths}) {
      const akhbar::SearchResults c = other->search(request);
      CHECK(plain.total == c.total);
      CHECK(c.total_exact);
      CHECK(flat_hits(plain) == flat_hits(c));
    }
    // No exact total asked: the same hits, ranked alone; the total is an
    // estimate, flagged unless the matcher happened to see every match.
    request.exact_total = false;
    for (akhbar::Searcher* other : {&one_thread, &split, &streamed, &counted_if_broad, &aside, &lengths}) {
      const akhbar::SearchResults c = other->search(request);
      CHECK(flat_hits(plain) == flat_hits(c));
      CHECK((c.total_exact ? c.total == plain.total : true));
    }
  }
  // The table reaches both slices.
  akhbar::SearchRequest all;
  all.limit = 100;
  CHECK(one_thread.search(all).total > 40);
}

TEST_CASE("counted from the posting lists of two databases searched as one, totals are the matcher's",
          "[search][stream]") {
  // Several databases count facets by value, through the matcher; without
  // facets the stream reads the shards' posting lists as one.
  TempDir dir;
  akhbar::testing::split_lines(source_file("corpus/sample.jsonl"), dir / "a.jsonl", dir / "b.jsonl", 3);
  for (const char* name : {"a", "b"}) {
    REQUIRE(run_command(binary("akhbar-index") + " --db " + dir / name + " " + dir / (std::string(name) + ".jsonl"))
                .status == 0);
  }
  akhbar::Searcher by_matcher({dir / "a", dir / "b"});
  by_matcher.set_stream_threshold(1u << 30);
  akhbar::Searcher by_stream({dir / "a", dir / "b"});
  by_stream.set_stream_threshold(0);
  const char* queries[] = {"", "سوريا", "وقف إطلاق النار", "الحكومة OR البرلمان", "NOT سوريا", "كلمةلاتوجد"};
  for (const char* q : queries) {
    for (bool facets : {false, true}) {
      akhbar::SearchRequest request;
      request.query = q;
      request.facets = facets;
      request.facet_limit = 100000;
      request.filters.from = akhbar::parse_date_bound("2017-03", false);
      INFO(q << (facets ? " with facets" : ""));
      const akhbar::SearchResults a = by_matcher.search(request);
      const akhbar::SearchResults b = by_stream.search(request);
      CHECK(a.total == b.total);
      CHECK(flat_hits(a) == flat_hits(b));
      CHECK(flat_facets(a) == flat_facets(b));
    }
  }
}
