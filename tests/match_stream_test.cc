// MatchStream: the documents a query matches, read from the posting lists,
// are exactly those Xapian's matcher finds, for every operator the stream
// implements; for any other it declines (null) rather than guess.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "match/bm25_source.h"
#include "match/docid_range.h"
#include "match/match_stream.h"
#include "test_support.h"

using akhbar::for_each_match;
using akhbar::has_positional;
using akhbar::make_match_stream;
using akhbar::has_stated_count;
using akhbar::stated_match_count;
using Q = Xapian::Query;
using Docids = std::vector<Xapian::docid>;

namespace {

constexpr Xapian::valueno kSlot = 0;

// Adds a document of space-separated words (positions from 1) and a value.
void add(Xapian::WritableDatabase& db, const std::string& words, const std::string& value = "") {
  Xapian::Document doc = akhbar::testing::words_document(words);
  if (!value.empty()) doc.add_value(kSlot, value);
  db.add_document(doc);
}

// What Xapian's own matcher finds, in docid order.
Docids by_matcher(const Xapian::Database& db, const Q& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Docids out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
  return out;
}

Docids by_stream(const Xapian::Database& db, const Q& query, Xapian::docid first = 1,
                 Xapian::docid last = Xapian::docid(-1)) {
  auto stream = make_match_stream(db, query, first, last);
  REQUIRE(stream);
  Docids out;
  const Xapian::doccount n = for_each_match(*stream, first, last, [&](Xapian::docid d) { out.push_back(d); });
  CHECK(n == out.size());
  return out;
}

// The hand-made collection every table below reads:
//   1 "a b c" 20180101    2 "b a" 20180215    3 "a x b" (no date)
//   4 "c" 20190101        5 "a b a b" 20171231
//   6 "a b" (deleted)     7 "b c a" 20180301
Xapian::WritableDatabase collection() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  add(db, "a b c", "20180101");
  add(db, "b a", "20180215");
  add(db, "a x b");
  add(db, "c", "20190101");
  add(db, "a b a b", "20171231");
  add(db, "a b", "20170101");
  add(db, "b c a", "20180301");
  db.delete_document(6);
  db.commit();
  return db;
}

std::vector<Q> terms(std::initializer_list<const char*> words) {
  std::vector<Q> out;
  for (const char* w : words) out.emplace_back(w);
  return out;
}

}  // namespace

TEST_CASE("a stream matches what each operator means", "[search][stream]") {
  const Xapian::WritableDatabase db = collection();
  const auto ab = terms({"a", "b"}), ba = terms({"b", "a"}), abc = terms({"a", "b", "c"});
  struct Row {
    const char* what;
    Q query;
    Docids expected;
  };
  const Row rows[] = {
      {"a term", Q("a"), {1, 2, 3, 5, 7}},
      {"a term no document has", Q("zz"), {}},
      {"every document (not the deleted one)", Q::MatchAll, {1, 2, 3, 4, 5, 7}},
      {"nothing", Q::MatchNothing, {}},
      {"AND", Q(Q::OP_AND, Q("a"), Q("c")), {1, 7}},
      {"AND with a missing term", Q(Q::OP_AND, Q("a"), Q("zz")), {}},
      {"OR", Q(Q::OP_OR, Q("a"), Q("c")), {1, 2, 3, 4, 5, 7}},
      {"AND_NOT", Q(Q::OP_AND_NOT, Q("a"), Q("c")), {2, 3, 5}},
      {"AND_NOT of several: none of the others", Q(Q::OP_AND_NOT, abc.begin(), abc.end()), {}},
      {"pure NOT", Q(Q::OP_AND_NOT, Q::MatchAll, Q("a")), {4}},
      {"XOR of two", Q(Q::OP_XOR, Q("a"), Q("c")), {2, 3, 4, 5}},
      {"XOR of three: an odd number match", Q(Q::OP_XOR, abc.begin(), abc.end()), {1, 4, 7}},
      {"AND_MAYBE: the first part decides", Q(Q::OP_AND_MAYBE, Q("c"), Q("a")), {1, 4, 7}},
      {"FILTER", Q(Q::OP_FILTER, Q("a"), Q("c")), {1, 7}},
      {"SCALE_WEIGHT", Q(Q::OP_SCALE_WEIGHT, Q("c"), 2.5), {1, 4, 7}},
      {"SYNONYM", Q(Q::OP_SYNONYM, Q("c"), Q("x")), {1, 3, 4, 7}},
      {"exact phrase", Q(Q::OP_PHRASE, ab.begin(), ab.end(), 2), {1, 5}},
      {"exact phrase, other order", Q(Q::OP_PHRASE, ba.begin(), ba.end(), 2), {2, 5}},
      {"phrase in a window of 3", Q(Q::OP_PHRASE, ab.begin(), ab.end(), 3), {1, 3, 5}},
      {"NEAR in a window of 2: either order", Q(Q::OP_NEAR, ab.begin(), ab.end(), 2), {1, 2, 5}},
      {"value range, inclusive", Q(Q::OP_VALUE_RANGE, kSlot, "20180101", "20181231"), {1, 2, 7}},
      {"value at least", Q(Q::OP_VALUE_GE, kSlot, "20180201"), {2, 4, 7}},
      {"value at most (no value: no match)", Q(Q::OP_VALUE_LE, kSlot, "20171231"), {5}},
      {"words filtered by a value range",
       Q(Q::OP_FILTER, Q("a"), Q(Q::OP_VALUE_RANGE, kSlot, "20180101", "20181231")), {1, 2, 7}},
      {"nested", Q(Q::OP_AND_NOT, Q(Q::OP_OR, Q("c"), Q("x")), Q(Q::OP_PHRASE, ab.begin(), ab.end(), 2)),
       {3, 4, 7}},
  };
  for (const Row& r : rows) {
    INFO(r.what << ": " << r.query.get_description());
    CHECK(by_stream(db, r.query) == r.expected);
    CHECK(by_matcher(db, r.query) == r.expected);
  }
}

TEST_CASE("a stream read over a docid range matches only inside it", "[search][stream]") {
  const Xapian::WritableDatabase db = collection();
  const auto ab = terms({"a", "b"});
  struct Row {
    Xapian::docid first, last;
    Docids expected_a, expected_phrase;
  };
  const Row rows[] = {
      {1, 7, {1, 2, 3, 5, 7}, {1, 5}},
      {2, 5, {2, 3, 5}, {5}},
      {6, 6, {}, {}},   // the deleted document
      {7, 100, {7}, {}},
      {4, 3, {}, {}},   // empty
  };
  for (const Row& r : rows) {
    INFO(r.first << ".." << r.last);
    CHECK(by_stream(db, Q("a"), r.first, r.last) == r.expected_a);
    CHECK(by_stream(db, Q(Q::OP_PHRASE, ab.begin(), ab.end(), 2), r.first, r.last) == r.expected_phrase);
    CHECK(by_stream(db, Q("zz"), r.first, r.last).empty());  // a term no document has
  }
}

TEST_CASE("a stream declines what it does not implement", "[search][stream]") {
  const Xapian::WritableDatabase db = collection();
  const auto ab = terms({"a", "b"});
  CHECK_FALSE(make_match_stream(db, Q((new akhbar::DocidRange(1, 3))->release())));
  CHECK_FALSE(make_match_stream(db, Q(Q::OP_ELITE_SET, ab.begin(), ab.end(), 1)));
  CHECK_FALSE(make_match_stream(db, Q(Q::OP_WILDCARD, "a")));
  // A value with a space cannot be read back from the query: declined.
  CHECK_FALSE(make_match_stream(db, Q(Q::OP_VALUE_RANGE, kSlot, "2018 01", "2019")));
  // Declining a part declines the whole.
  CHECK_FALSE(make_match_stream(db, Q(Q::OP_AND, Q("a"), Q(Q::OP_WILDCARD, "a"))));
  CHECK(make_match_stream(db, Q()));  // the empty query matches nothing
  CHECK(by_stream(db, Q()).empty());
}

TEST_CASE("a total the database states is read, never counted; any other is left to count",
          "[search][stream]") {
  const Xapian::WritableDatabase db = collection();
  const auto ab = terms({"a", "b"});
  using Count = std::optional<Xapian::doccount>;
  struct Row {
    const char* what;
    Q query;
    Count expected;
  };
  const Row rows[] = {
      {"a term: its frequency, the deleted document not counted", Q("a"), 5},
      {"a term no document has", Q("zz"), 0},
      {"every document", Q::MatchAll, 6},
      {"nothing", Q::MatchNothing, 0},
      {"the empty query", Q(), 0},
      {"a word with its exact form as a boost (AND_MAYBE)", Q(Q::OP_AND_MAYBE, Q("c"), Q("a")), 3},
      {"a scaled word", Q(Q::OP_SCALE_WEIGHT, Q("c"), 0.25), 3},
      {"a boosted scaled word", Q(Q::OP_AND_MAYBE, Q(Q::OP_SCALE_WEIGHT, Q("c"), 2.0), Q("x")), 3},
      {"AND: to intersect", Q(Q::OP_AND, Q("a"), Q("c")), std::nullopt},
      {"OR: documents may hold both", Q(Q::OP_OR, Q("a"), Q("c")), std::nullopt},
      {"SYNONYM: likewise", Q(Q::OP_SYNONYM, Q("c"), Q("x")), std::nullopt},
      {"a filtered word", Q(Q::OP_FILTER, Q("a"), Q("c")), std::nullopt},
      {"a boost over an AND", Q(Q::OP_AND_MAYBE, Q(Q::OP_AND, Q("a"), Q("c")), Q("b")), std::nullopt},
      {"a phrase", Q(Q::OP_PHRASE, ab.begin(), ab.end(), 2), std::nullopt},
      {"pure NOT", Q(Q::OP_AND_NOT, Q::MatchAll, Q("a")), std::nullopt},
      {"a value range", Q(Q::OP_VALUE_GE, kSlot, "20180201"), std::nullopt},
  };
  for (const Row& r : rows) {
    INFO(r.what << ": " << r.query.get_description());
    const Count stated = stated_match_count(db, r.query);
    CHECK(stated == r.expected);
    CHECK(has_stated_count(r.query) == r.expected.has_value());
    if (!stated) continue;
    CHECK(*stated == by_matcher(db, r.query).size());
    // Read from a ranking of the query (the frequency the matcher read),
    // even one that kept no hit: the same count.
    Xapian::Enquire enquire(db);
    enquire.set_query(r.query);
    for (Xapian::doccount kept : {0u, 1u}) {
      const Xapian::MSet ranked = enquire.get_mset(0, kept);
      CHECK(stated_match_count(db, r.query, &ranked) == stated);
    }
    // And from a ranking whose words were weighed through posting sources
    // (bm25_source.h): its MSet keeps no frequency by term.
    const akhbar::DocLengths lengths = akhbar::DocLengths::load(db);
    enquire.set_query(akhbar::with_length_column(r.query, lengths));
    for (Xapian::doccount kept : {0u, 1u}) {
      const Xapian::MSet ranked = enquire.get_mset(0, kept);
      CHECK(stated_match_count(db, r.query, &ranked) == stated);
    }
  }
}

TEST_CASE("has_positional finds a phrase or NEAR anywhere in a query", "[search][stream]") {
  const auto ab = terms({"a", "b"});
  CHECK_FALSE(has_positional(Q("a")));
  CHECK_FALSE(has_positional(Q(Q::OP_AND, Q("a"), Q("b"))));
  CHECK(has_positional(Q(Q::OP_PHRASE, ab.begin(), ab.end(), 2)));
  CHECK(has_positional(Q(Q::OP_OR, Q("c"), Q(Q::OP_AND, Q("d"), Q(Q::OP_NEAR, ab.begin(), ab.end(), 5)))));
}

TEST_CASE("on random collections and queries, a stream matches what the matcher does",
          "[search][stream]") {
  // Fixed seed: the same cases every run. A few words, so that they meet often.
  std::mt19937 rng(20261130);
  const std::vector<std::string> vocabulary = {"a", "b", "c", "d", "e", "f"};
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 400; ++i) {
    std::string words;
    for (size_t n = 1 + pick(10); n > 0; --n) words += (words.empty() ? "" : " ") + vocabulary[pick(6)];
    add(db, words, pick(4) ? "2018" + std::to_string(10 + pick(90)) : "");
  }
  for (Xapian::docid d = 5; d < 400; d += 37) db.delete_document(d);
  db.commit();

  std::function<Q(int)> random_query = [&](int depth) -> Q {
    const size_t kind = depth == 0 ? pick(3) : pick(12);
    switch (kind) {
      case 0:
      case 1:
        return Q(vocabulary[pick(6)]);
      case 2:
        return pick(4) ? Q(Q::OP_VALUE_RANGE, kSlot, "2018" + std::to_string(10 + pick(45)),
                           "2018" + std::to_string(55 + pick(45)))
                       : Q::MatchAll;
      case 3: {
        std::vector<Q> words;
        for (size_t n = 2 + pick(2); n > 0; --n) words.emplace_back(vocabulary[pick(6)]);
        const Xapian::termcount window = static_cast<Xapian::termcount>(words.size() + pick(3));
        return Q(pick(2) ? Q::OP_PHRASE : Q::OP_NEAR, words.begin(), words.end(), window);
      }
      default: {
        static const Q::op ops[] = {Q::OP_AND, Q::OP_OR, Q::OP_AND_NOT, Q::OP_XOR,
                                    Q::OP_FILTER, Q::OP_AND_MAYBE, Q::OP_SYNONYM, Q::OP_MAX};
        const Q::op op = ops[pick(8)];
        std::vector<Q> parts;
        for (size_t n = 2 + pick(2); n > 0; --n) parts.push_back(random_query(depth - 1));
        // SYNONYM and MAX are for terms in Xapian; they combine anything as OR.
        Q q(op, parts.begin(), parts.end());
        return pick(5) ? q : Q(Q::OP_SCALE_WEIGHT, q, 0.5);
      }
    }
  };
  for (int i = 0; i < 600; ++i) {
    const Q query = random_query(3);
    INFO(query.get_description());
    const Docids expected = by_matcher(db, query);
    REQUIRE(by_stream(db, query) == expected);
    const Xapian::docid first = 1 + pick(400), last = first + pick(200);
    Docids inside;
    for (Xapian::docid d : expected) {
      if (d >= first && d <= last) inside.push_back(d);
    }
    REQUIRE(by_stream(db, query, first, last) == inside);
  }
}
