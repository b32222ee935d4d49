#include "match/match_plan.h"

#include <algorithm>

namespace akhbar {

MatchPlan plan_match(const MatchFacts& f, const MatchThresholds& t) {
  MatchPlan p;
  // Without facets, a total the index states needs no counting: the
  // matcher only ranks the top.
  p.total_stated = f.exact_total && !f.facets && f.stated_count;
  const bool exact_total = f.exact_total && !p.total_stated;
  p.count_every_match = f.facets || exact_total;
  // A second thread needs one large database, two cores, and facets (if
  // any) counted by ordinal, which can be merged.
  p.two_threads = f.single_database && f.documents >= t.split_min_database && f.cores >= 2 &&
                  (!f.facets || f.by_ordinal);
  // Posting lists count what the matcher would, but for positions: a phrase
  // is checked once, where the matcher counts as it ranks. Facets by value
  // need the matcher's spies.
  const bool streamable = p.count_every_match && !f.positional && !f.remote;
  p.count_after_ranking = streamable && !f.facets && !p.two_threads && !f.one_ranking;
  p.try_stream = streamable && !p.count_after_ranking && (!f.facets || f.by_ordinal);
  const bool column_pending = f.by_ordinal && f.facets && !f.column_fresh && t.column_min > 0;
  p.estimate = p.two_threads || column_pending;
  return p;
}

bool may_use_second_thread(const MatchPlan& plan, const MatchThresholds& t, Xapian::doccount estimate) {
  return plan.two_threads && estimate >= std::min(t.split_min, t.count_aside_min);
}

MatchExecution choose_execution(const MatchFacts& f, const MatchThresholds& t, const MatchPlan& plan,
                                Xapian::doccount estimate, bool stream, bool second_ready) {
  MatchExecution e;
  if (may_use_second_thread(plan, t, estimate) && second_ready) {
    // Broad: each thread ranks and counts half. Narrower: one ranks while
    // the other counts.
    e.split = estimate >= t.split_min && !f.one_ranking;
    e.count_aside = !e.split && stream;
  }
  // Reading the column costs a pass over every document's value: worth it
  // for a broad query, and kept for every query after it until a commit.
  e.read_column = f.facets && f.by_ordinal && (f.column_fresh || t.column_min == 0 || estimate >= t.column_min);
  return e;
}

}  // namespace akhbar
