// The match plan, case by case: what a request on a database of a given
// size and kind is matched and counted with.
#include <catch2/catch.hpp>

#include "match/match_plan.h"

using akhbar::MatchFacts;
using akhbar::MatchPlan;
using akhbar::MatchThresholds;

namespace {

MatchFacts facts(bool facets, bool exact_total, Xapian::doccount documents) {
  MatchFacts f;
  f.facets = facets;
  f.exact_total = exact_total;
  f.documents = documents;
  f.cores = 2;
  f.by_ordinal = true;
  return f;
}

}  // namespace

TEST_CASE("the plan before the index is read", "[plan]") {
  struct Row {
    const char* what;
    MatchFacts facts;
    bool total_stated, count_every, two_threads, count_after, try_stream, estimate;
  };
  auto with = [](MatchFacts f, auto change) {
    change(f);
    return f;
  };
  const MatchFacts small = facts(true, true, 41000), large = facts(true, true, 1000000);
  const Row rows[] = {
      {"small archive, facets", small, false, true, false, false, true, true},
      {"small archive, facets, column read", with(small, [](auto& f) { f.column_fresh = true; }),
       false, true, false, false, true, false},
      {"small archive, a total alone: rank, then count if broad", facts(false, true, 41000),
       false, true, false, true, false, false},
      {"a lone word's total is stated", with(facts(false, true, 41000), [](auto& f) { f.stated_count = true; }),
       true, false, false, false, false, false},
      {"a stated total does not spare the facets", with(small, [](auto& f) { f.stated_count = true; }),
       false, true, false, false, true, true},
      {"no total, no facets: only the top is ranked", facts(false, false, 41000),
       false, false, false, false, false, false},
      {"a phrase is counted by the matcher as it ranks", with(small, [](auto& f) { f.positional = true; }),
       false, true, false, false, false, true},
      {"large archive: two threads, the estimate decides", large, false, true, true, false, true, true},
      {"large archive, a total alone: a stream beside the ranking", facts(false, true, 1000000),
       false, true, true, false, true, true},
      {"one core: one thread", with(large, [](auto& f) { f.cores = 1; }), false, true, false, false, true, true},
      {"shards: one thread, one handle", with(large, [](auto& f) { f.single_database = false; }),
       false, true, false, false, true, true},
      {"remote shards: the servers' matcher counts", with(facts(false, true, 41000), [](auto& f) {
         f.remote = true;
         f.single_database = false;
         f.by_ordinal = false;
       }), false, true, false, false, false, false},
      {"facets by value cannot be merged or streamed",
       with(large, [](auto& f) { f.by_ordinal = false; }), false, true, false, false, false, false},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    const MatchPlan p = akhbar::plan_match(row.facts, MatchThresholds{});
    CHECK(p.total_stated == row.total_stated);
    CHECK(p.count_every_match == row.count_every);
    CHECK(p.two_threads == row.two_threads);
    CHECK(p.count_after_ranking == row.count_after);
    CHECK(p.try_stream == row.try_stream);
    CHECK(p.estimate == row.estimate);
  }
}

TEST_CASE("the execution once the estimate is known", "[plan]") {
  const MatchThresholds t;  // split from 2,000, aside from 200, column from 20,000
  const MatchFacts large = facts(true, true, 1000000);
  const MatchPlan plan = akhbar::plan_match(large, t);
  struct Row {
    Xapian::doccount estimate;
    bool stream, second_ready;
    bool split, count_aside, read_column;
  };
  const Row rows[] = {
      {100, true, true, false, false, false},      // narrow: one thread does all
      {200, true, true, false, true, false},       // one ranks, the other counts
      {200, false, true, false, false, false},     // no stream to count from
      {1999, true, true, false, true, false},
      {2000, true, true, true, false, false},      // broad: halves
      {2000, true, false, false, false, false},    // the second handle lags a commit
      {20000, true, true, true, false, true},      // broad enough for the column
  };
  for (const Row& row : rows) {
    INFO(row.estimate << (row.stream ? " stream" : "") << (row.second_ready ? " second ready" : ""));
    const auto e = akhbar::choose_execution(large, t, plan, row.estimate, row.stream, row.second_ready);
    CHECK(e.split == row.split);
    CHECK(e.count_aside == row.count_aside);
    CHECK(e.read_column == row.read_column);
  }
  CHECK_FALSE(akhbar::may_use_second_thread(plan, t, 199));
  CHECK(akhbar::may_use_second_thread(plan, t, 200));
}

TEST_CASE("the facet column once read serves every query until a commit", "[plan]") {
  MatchFacts f = facts(true, true, 41000);
  f.column_fresh = true;
  const MatchPlan plan = akhbar::plan_match(f, MatchThresholds{});
  CHECK(akhbar::choose_execution(f, MatchThresholds{}, plan, 0, false, false).read_column);
  MatchThresholds always;
  always.column_min = 0;
  f.column_fresh = false;
  CHECK_FALSE(akhbar::plan_match(f, always).estimate);  // nothing to decide
  CHECK(akhbar::choose_execution(f, always, akhbar::plan_match(f, always), 0, false, false).read_column);
}
