// Ranking with document lengths held in memory (doc_lengths.h,
// bm25_source.h): the column holds each document's length, and a query
// whose terms are weighed through it ranks the same documents in the same
// order with the same weights, to the last bit, as Xapian's own BM25.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "match/bm25_source.h"
#include "match/doc_lengths.h"
#include "match/ranking.h"
#include "searcher.h"
#include "test_support.h"

using akhbar::DocLengths;
using akhbar::with_length_column;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;
using Q = Xapian::Query;

namespace {

// Adds a document of words (test_support.h: a repeated word raises its
// wdf) and a boolean source term.
void add(Xapian::WritableDatabase& db, const std::string& words, const std::string& source) {
  Xapian::Document doc = akhbar::testing::words_document(words);
  doc.add_boolean_term("XSRC" + source);
  db.add_document(doc);
}

// Documents of different lengths, with the words at different wdfs, so that
// BM25's length normalization decides the order.
void fill(Xapian::WritableDatabase& db) {
  add(db, "سوريا", "a");                                             // 1: short
  add(db, "سوريا روسيا سوريا", "b");                                 // 2
  add(db, "وزير الخارجية قال إن سوريا وروسيا اتفقتا على وقف", "a");  // 3: long
  add(db, "روسيا", "b");                                             // 4
  add(db, "وقف إطلاق النار في سوريا", "a");                          // 5
  add(db, "إطلاق النار وقف", "b");                                   // 6
  add(db, "سوريا سوريا سوريا سوريا روسيا", "a");                     // 7: high wdf
  add(db, "الحكومة", "b");                                           // 8: to be deleted
  add(db, "البرلمان والحكومة في سوريا", "a");                        // 9
  db.delete_document(8);
  db.commit();
}

using Ranked = std::vector<std::pair<Xapian::docid, double>>;

// The top `limit`: below the number of matches, the matcher prunes by each
// part's largest possible weight, so a bound set too low loses documents.
Ranked rank(const Xapian::Database& db, const Q& query, Xapian::doccount limit = 100) {
  Xapian::Enquire enquire(db);
  akhbar::configure_ranking(enquire, query, akhbar::SortOrder::Relevance);
  Ranked out;
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

// The terms a rewritten query still weighs (or filters by) itself.
std::vector<std::string> native_terms(const Q& query) {
  return {query.get_terms_begin(), query.get_terms_end()};
}

}  // namespace

TEST_CASE("the length column holds each document's length, 0 for docids it does not hold",
          "[search][lengths]") {
  TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
  fill(db);
  const DocLengths lengths = DocLengths::load(db);
  CHECK(lengths.revision() == db.get_revision());
  const std::pair<Xapian::docid, Xapian::termcount> rows[] = {
      {1, 1},  {2, 3}, {3, 9}, {4, 1}, {5, 5}, {6, 3}, {7, 5},
      {8, 0},  // deleted
      {9, 4},
      {10, 0},  // past the last docid
      {0, 0},   // docids start at 1
  };
  for (const auto& [did, expected] : rows) {
    INFO("docid " << did);
    CHECK(lengths.length(did) == expected);
  }
}

TEST_CASE("terms weighed from the length column rank as Xapian's BM25 ranks them",
          "[search][lengths]") {
  TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
  fill(db);
  const DocLengths lengths = DocLengths::load(db);
  const Q syria("سوريا"), russia("روسيا"), ceasefire("وقف"), fire("النار"), firing("إطلاق");
  const Q source_a("XSRCa");
  const Q firing_fire[] = {firing, fire};
  const Q phrase(Q::OP_PHRASE, std::begin(firing_fire), std::end(firing_fire));
  struct Row {
    const char* what;
    Q query;
    std::vector<std::string> still_native;  // left to Xapian by the rewrite
  };
  const Row rows[] = {
      {"one word", syria, {}},
      {"a word of one document", Q("الخارجية"), {}},
      {"a word of no document", Q("كلمةلاتوجد"), {}},
      {"AND", Q(Q::OP_AND, syria, russia), {}},
      {"OR", Q(Q::OP_OR, syria, ceasefire), {}},
      {"the same word twice", Q(Q::OP_AND, syria, syria), {}},
      {"a word of wqf 2 is left to Xapian", Q(Q::OP_OR, Q("سوريا", 2), russia), {"سوريا"}},
      {"XOR", Q(Q::OP_XOR, syria, russia), {}},
      {"AND_MAYBE weighs both sides", Q(Q::OP_AND_MAYBE, syria, russia), {}},
      {"AND_NOT: the negated side is not weighed", Q(Q::OP_AND_NOT, syria, russia), {"روسيا"}},
      {"FILTER: the filter is not weighed", Q(Q::OP_FILTER, syria, source_a), {"XSRCa"}},
      {"a scaled branch is left to Xapian", Q(Q::OP_SCALE_WEIGHT, syria, 0.25), {"سوريا"}},
      {"a phrase is left to Xapian",
       Q(Q::OP_AND, russia, phrase), {"إطلاق", "النار"}},
      {"a phrase and one of its words",
       Q(Q::OP_OR, fire, phrase), {"إطلاق", "النار"}},
      {"the searcher's shape: words, filter, exact forms scaled",
       Q(Q::OP_AND_MAYBE, Q(Q::OP_FILTER, Q(Q::OP_OR, syria, ceasefire), source_a),
         Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, syria, ceasefire), 0.25)),
       {"XSRCa", "سوريا", "وقف"}},
      {"everything", Q::MatchAll, {}},
      {"NOT a word", Q(Q::OP_AND_NOT, Q::MatchAll, syria), {"سوريا"}},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    const Q rewritten = with_length_column(r.query, lengths);
    std::vector<std::string> expected = r.still_native, got = native_terms(rewritten);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    CHECK(got == expected);
    for (Xapian::doccount limit : {1u, 2u, 3u, 100u}) {
      INFO("top " << limit);
      // Docids, order and weights, compared exactly.
      CHECK(rank(db, rewritten, limit) == rank(db, r.query, limit));
    }
  }
  // The table weighs by length: the short document beats the long one with
  // the same wdf.
  const Ranked by_syria = rank(db, with_length_column(syria, lengths));
  REQUIRE(by_syria.size() == 6);
  CHECK(by_syria.front().first == 7);  // wdf 4 in 5 words
  CHECK(by_syria.back().first == 3);   // wdf 1 in 9 words
}

TEST_CASE("a searcher with the length column answers as one without, before and after a commit",
          "[search][lengths]") {
  TempDir dir;
  const std::string db = dir / "db";
  akhbar::testing::split_lines(source_file("corpus/sample.jsonl"), dir / "a.jsonl", dir / "b.jsonl", 2);
  REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + dir / "a.jsonl").status == 0);
  akhbar::Searcher plain({db});
  akhbar::Searcher column({db});
  column.set_length_column(true);
  size_t bytes_read = 0;
  const char* queries[] = {"سوريا", "وقف إطلاق النار", "\"وقف إطلاق النار\"", "الحكومة OR البرلمان",
                           "سوريا -روسيا", "title:سوريا", ""};
  for (int round = 0; round < 2; ++round) {
    if (round == 1) {
      // A commit changes lengths, frequencies and the average: the column
      // must be read again.
      REQUIRE(run_command(binary("akhbar-index") + " --db " + db + " " + dir / "b.jsonl").status == 0);
    }
    for (const char* q : queries) {
      for (bool any : {false, true}) {
        akhbar::SearchRequest request;
        request.query = q;
        request.match_any = any;
        request.limit = 20;
        INFO(q << (any ? " (any)" : "") << (round ? " after the commit" : ""));
        const akhbar::SearchResults a = plain.search(request);
        const akhbar::SearchResults b = column.search(request);
        CHECK(a.total == b.total);
        REQUIRE(a.hits.size() == b.hits.size());
        for (size_t i = 0; i < a.hits.size(); ++i) {
          CHECK(a.hits[i].id == b.hits[i].id);
          CHECK(a.hits[i].score == b.hits[i].score);
        }
      }
    }
    // The column was read, and read again for the larger database.
    CHECK(plain.length_column_bytes() == 0);
    CHECK(column.length_column_bytes() > bytes_read);
    bytes_read = column.length_column_bytes();
  }
}
