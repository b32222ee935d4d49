// MatchPlan: how the searcher matches one request — on one thread or two,
// and how it counts the exact total and the facets — decided from facts
// about the request, the query and the database, apart from carrying it
// out (searcher.cc). Every way gives the same answer; the plan only picks
// the fastest for the case.
//
// The decision has two steps, because the second needs what only the
// index can say: plan_match() before anything is read, then
// choose_execution() once the matcher's estimate (when the plan asked for
// one) and the match stream's bound (when it made one) are known.
// Pure functions: thread-safe.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace akhbar {

// What the plan depends on.
struct MatchFacts {
  bool facets = true;          // the request counts facets
  bool exact_total = true;     // the request wants an exact total
  bool stated_count = false;   // the index states the total (a lone word: its frequency)
  bool positional = false;     // the query checks positions (a phrase)
  bool by_ordinal = false;     // one database carrying facet ordinals
  bool single_database = true; // one local database (a second handle can be opened on it)
  Xapian::doccount documents = 0;
  unsigned cores = 1;
  bool column_fresh = false;   // the facet column is read for the current revision
  // Some shard is remote: its posting lists would come over the network
  // one call at a time, so the matcher (which runs on the servers) counts.
  bool remote = false;
  // The hits fold near-duplicate clusters (a collapse key), or the query is
  // built from the database's terms (--like): ranked on one thread only
  // (two halves would each fold apart), and counted by the matcher over
  // every match or beside it, never from the matcher's bounds (which a
  // collapse key blurs).
  bool one_ranking = false;
};

// The thresholds (Searcher's setters; see searcher.h for what each means).
struct MatchThresholds {
  Xapian::doccount split_min = 2000;
  Xapian::doccount split_min_database = 100000;
  Xapian::doccount count_aside_min = 200;
  Xapian::doccount stream_min = 500;
  Xapian::doccount column_min = 20000;  // 0: the column whatever the estimate
};

struct MatchPlan {
  // The total is the one the index states: nothing is counted for it.
  bool total_stated = false;
  // Every match must be counted (facets, or an exact total not stated).
  bool count_every_match = true;
  // A second thread may rank half or count beside the ranking.
  bool two_threads = false;
  // One thread, a total without facets: rank with the matcher checking
  // stream_min matches, and count apart only a query found broader.
  bool count_after_ranking = false;
  // Count from the posting lists (a MatchStream) if its bound reaches
  // stream_min; else through the matcher.
  bool try_stream = false;
  // Ask the matcher for an estimate first: it decides the split or
  // whether to read the facet column.
  bool estimate = false;
};

MatchPlan plan_match(const MatchFacts& facts, const MatchThresholds& thresholds);

struct MatchExecution {
  bool split = false;        // two threads each rank and count half the docids
  bool count_aside = false;  // one thread ranks while the other counts from a stream
  bool read_column = false;  // count facets from the facet column
};

// `estimate`: the matcher's estimate (0 when the plan asked for none);
// `stream`: a stream was made and kept (its bound reached stream_min);
// `second_ready`: the second database handle is at the first's revision
// (asked only when a second thread could be used).
MatchExecution choose_execution(const MatchFacts& facts, const MatchThresholds& thresholds,
                                const MatchPlan& plan, Xapian::doccount estimate, bool stream,
                                bool second_ready);

// Whether choose_execution() may want the second handle for `estimate`:
// the caller opens or reopens it only then.
bool may_use_second_thread(const MatchPlan& plan, const MatchThresholds& thresholds,
                           Xapian::doccount estimate);

}  // namespace akhbar
