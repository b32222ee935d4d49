// MatchStream: the documents a query matches, in docid order, read straight
// from the posting lists, with no weighting. For exact totals and facet
// counts: over a broad query Xapian's matcher spends most of its time
// weighing and comparing documents nobody will see, so the searcher ranks
// with the matcher,
// which may then stop early, and counts with a stream.
//
// make_match_stream() understands what the query parser and the query
// builder produce: terms, match-all and match-nothing, AND, OR, AND_NOT,
// XOR, FILTER, AND_MAYBE, SCALE_WEIGHT, SYNONYM, MAX, exact phrases of
// terms and value ranges. For anything else (NEAR, windowed phrases, posting
// sources, ...) it returns null and the caller counts through the matcher.
// The stream matches exactly the documents the matcher would.
//
// The stream reads the database it was made for and keeps no reference to
// the query, so it may be made on one thread and read on another, as long as
// only that thread uses the database meanwhile. Not thread-safe itself.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

namespace akhbar {

class MatchStream {
 public:
  virtual ~MatchStream() = default;
  // The first matching docid ≥ `did` (> 0), or 0 when there is none. Calls
  // must not go backwards: `did` never below a docid already passed.
  virtual Xapian::docid seek(Xapian::docid did) = 0;
  // At least as many documents as may match (orders the parts of an AND).
  virtual Xapian::doccount bound() const = 0;
};

// Null if the query uses an operator the stream does not implement. `db`
// must outlive the stream. The stream will be read over [first, last] only
// (a phrase is matched whole on first use: only there).
std::unique_ptr<MatchStream> make_match_stream(const Xapian::Database& db, const Xapian::Query& query,
                                               Xapian::docid first = 1,
                                               Xapian::docid last = Xapian::docid(-1));

// How many documents `query` matches, when the database already states it
// and no posting list need be read: a lone term, with at most weight added to
// it (AND_MAYBE, SCALE_WEIGHT), matches its term frequency; match-all, every
// document; match-nothing, none. Else nullopt. One-word queries are common
// and often broad: their exact total then costs nothing. Given `ranked`, an
// MSet of `query` over `db` (its terms may be weighed through posting
// sources), the count is the one the matcher stated, without a second lookup.
std::optional<Xapian::doccount> stated_match_count(const Xapian::Database& db, const Xapian::Query& query,
                                                   const Xapian::MSet* ranked = nullptr);

// True if stated_match_count() gives a count for `query` (on any database):
// known before the query runs, so that it need not count.
bool has_stated_count(const Xapian::Query& query);

// True if the query has a phrase or NEAR: the stream would match it with
// Xapian's matcher, a second time after the ranking did.
bool has_positional(const Xapian::Query& query);

// Calls on_match(docid) for every document in [first, last] the stream
// matches, in order; returns how many there were.
template <typename OnMatch>
Xapian::doccount for_each_match(MatchStream& stream, Xapian::docid first, Xapian::docid last,
                                OnMatch&& on_match) {
  Xapian::doccount n = 0;
  for (Xapian::docid did = stream.seek(first); did != 0 && did <= last; did = stream.seek(did + 1)) {
    on_match(did);
    ++n;
    if (did == last) break;
  }
  return n;
}

}  // namespace akhbar
