// Searcher: runs SearchRequests against one or more Akhbar databases
// searched as one (Xapian shards) and returns SearchResults.
//
// Databases are opened read-only; nothing is ever written next to them.
// Each search answers from the newest commit at the time it starts.
// `total` and every facet count are exact (all matches are examined). If an
// indexer commits twice while a search runs, the search reopens the
// databases and runs again, so it always answers from one consistent
// commit. Place and actor filters are resolved through the gazetteer (any
// name, variant, English name or id; a country includes its cities). Throws
// SearchError (bad database, unknown place) or QueryError (bad query), each
// with a one-line message. A broad query on a single database is matched
// by two threads, each over half of the docids, with the same answer as one
// (set_split_threshold), unless it folds near-duplicate clusters (a
// collapse key, SearchRequest::collapse) or is a --like query, which one
// thread ranks. The total and facets of a broad query are counted
// from the posting lists while the matcher only ranks (match_stream.h,
// set_stream_threshold). Not thread-safe: one Searcher per thread.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/database_spec.h"
#include "match/doc_lengths.h"
#include "facets/facet_column.h"
#include "index/facet_ordinals.h"
#include "entities/gazetteer.h"
#include "match/match_plan.h"
#include "facets/ordinal_count_spy.h"
#include "facets/place_names.h"
#include "query/latin_names.h"
#include "query/query_reading.h"
#include "search_request.h"
#include "shown_article.h"
#include "output/snippet.h"

namespace akhbar {

struct SearchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class FacetCounter;
class MatchStream;

class Searcher {
 public:
  // A query estimated at this many matches or more, over a database of at
  // least kDefaultSplitMinDatabase, is matched as two halves on two threads
  // (measurements: docs/performance.md).
  static constexpr Xapian::doccount kDefaultSplitMin = 2000;
  // Below this many documents no query matches enough for a second thread
  // to pay for the estimate that decides it.
  static constexpr Xapian::doccount kDefaultSplitMinDatabase = 100000;
  // A query that may match at least this many documents (by its terms'
  // frequencies) is counted from the posting lists (match_stream.h) while
  // the matcher only ranks; a narrower one by the matcher as it ranks.
  // Without facets on one thread, the matcher
  // checks this many as it ranks, and only a query it finds broader is
  // counted from the posting lists.
  static constexpr Xapian::doccount kDefaultStreamMin = 500;
  // On a database large enough to split (kDefaultSplitMinDatabase), a query
  // estimated at this many matches or more, but fewer than the split's, is
  // ranked by one thread while the other counts.
  static constexpr Xapian::doccount kDefaultCountAsideMin = 200;

  // `db_paths`: database specs (database_spec.h: directories, stubs, remote
  // shards), each shard opened once however often it is named.
  // `gazetteer_files`: extra gazetteers (as given to the indexer with
  // --gazetteer), so that their names resolve in filters. A remote shard
  // that does not answer, at the start or during a search, is a
  // SearchError naming it; with `allow_partial`, it is left out and
  // SearchResults::missing_shards names it (a local one is always an error).
  explicit Searcher(const std::vector<std::string>& db_paths,
                    const std::vector<std::string>& gazetteer_files = {}, bool allow_partial = false);

  SearchResults search(const SearchRequest& request);

  // The stored article with this id (--show), its words matching `query`
  // marked (a QueryError if the query is bad); nullopt if no article has it.
  // Defined in show_article.cc.
  std::optional<ShownArticle> show(const std::string& id, const std::string& query = "");

  // Facets of a query estimated to match at least `n` documents are counted
  // from a FacetColumn (read on first need, again after a commit), below that
  // from the index. 0: always the column; a number above the database size:
  // never. The counts are the same either way.
  void set_column_threshold(Xapian::doccount n) { column_threshold_ = n; }
  // With the column, facets over at least `n` matches are counted on two
  // threads (the counts are the same).
  void set_parallel_count_threshold(size_t n) { parallel_min_ = n; }
  // A query over a single database of at least `database_min` documents,
  // estimated to match at least `n` of them, is matched as two docid slices
  // on two threads and merged (the answer is the same: the slices share the
  // database's statistics). 0, 0: always split (on a machine with two
  // cores); `n` above the database size: never.
  void set_split_threshold(Xapian::doccount n,
                           Xapian::doccount database_min = kDefaultSplitMinDatabase) {
    split_min_ = n;
    split_min_database_ = database_min;
  }
  // Counting from the posting lists from a bound of `n` matches on (without
  // facets on one thread: from `n` matches seen by the matcher; 0: always
  // when the query allows; above the database size: never), and on
  // a second thread from an estimate of `aside` on (on a database the split
  // threshold allows). The counts are the same either way.
  void set_stream_threshold(Xapian::doccount n, Xapian::doccount aside = kDefaultCountAsideMin) {
    stream_min_ = n;
    count_aside_min_ = aside;
  }

  // With `on`, every document's length is kept in memory (doc_lengths.h)
  // and the matcher weighs words with it (bm25_source.h): the same answers,
  // faster, after one pass over the lengths at the first search of each
  // commit. For a process that answers many queries
  // (akhbar-search --batch); one query alone does not repay the pass. Only
  // over a single database. Off by default.
  void set_length_column(bool on) { length_column_ = on; }
  // Bytes the length column holds (0 until read): for diagnostics and tests.
  size_t length_column_bytes() const { return lengths_ ? lengths_->memory_bytes() : 0; }

 private:
  using Clock = std::chrono::steady_clock;
  // `start`: when the search began (SearchResults::match_ms counts from it).
  SearchResults run(const SearchRequest& request, Clock::time_point start);
  // show() at the database's current revision.
  std::optional<ShownArticle> find_shown(const std::string& id, const std::string& query);
  struct Matched;
  // The query of a request read and built: `full` is what matches, for
  // counting and for what the query says; `ranked` the same as the matcher
  // weighs it. May turn `request` into a listing by date (no words).
  struct BuiltQuery {
    QueryReading reading;
    std::string read_text;  // before names are marked: for "did you mean"
    Xapian::Query query, full, ranked;
  };
  BuiltQuery build_query(SearchRequest& request);
  // The hits as shown, the total, the suggestion and the facets of `matched`.
  SearchResults assemble(const SearchRequest& request, const BuiltQuery& built, Matched& matched,
                         std::optional<FacetCounter>& facets, bool collapse, Clock::time_point start);
  // The query's best hits from `offset` on, and the exact total, matched
  // as two slices on two threads ([1, middle) on db_ ranking `ranked`, the
  // rest on second_, its terms weighed alike with `lengths` if given).
  // With `stream` (of `query` on db_, read here over the first slice), each
  // thread counts its slice from the posting lists (match_stream.h) instead
  // of through the matcher.
  Matched match_split(const Xapian::Query& ranked, const DocLengths* lengths, const SearchRequest& request,
                      const QueryReading& reading, FacetCounter* facets, FacetCounter* second_facets, MatchStream* stream);
  // Opens every shard of specs_ into shards_ and db_, leaving out (into
  // missing_) the remote ones that do not answer when allow_partial_.
  void open_shards();
  // After a failed search over remote shards: true if some shard no longer
  // answers and the rest were reopened without it (allow_partial_); throws
  // SearchError naming it otherwise; false if every shard answers.
  bool drop_dead_shards();
  // Reopens every shard at its newest commit; true if any may have changed.
  // (Remote shards one after another: on threads of their own the four
  // round trips overlap, but the threads cost more; bench/remote_costs.cc.)
  bool reopen();
  void resolve_entities(Filters& filters) const;
  Hit make_hit(const Xapian::Document& doc, double weight, const HighlightTerms& terms,
               const SearchRequest& request) const;
  std::vector<EntityRef> entity_refs(const std::string& value) const;
  std::string display_name(const std::string& id) const;
  const std::string& facet_value(FacetKind kind, uint32_t ordinal);
  // Opens or reopens second_; false if it is not at db_'s revision.
  bool second_ready();
  bool column_fresh() const;
  // The facet column of db_'s revision, read on first need; null if unusable.
  const FacetColumn* facet_column();
  MatchThresholds thresholds() const;
  MatchFacts match_facts(const SearchRequest& request, const Xapian::Query& full) const;
  void make_facet_counters(const SearchRequest& request, const MatchExecution& execution,
                           std::optional<FacetCounter>& facets, std::optional<FacetCounter>& second_facets);
  // Carries out a plan on one thread ranking (execution.split false).
  Matched match_single(Xapian::Enquire& enquire, const Xapian::Query& full, const SearchRequest& request,
                       const MatchPlan& plan, const MatchExecution& execution, MatchStream* stream,
                       FacetCounter* facets);
  // Near-duplicate clusters (SearchRequest::collapse, like): whether this
  // request folds them (the database has clusters); the filtered --like
  // query; the matching articles of a hit's cluster but the hit, exactly.
  bool collapsing(const SearchRequest& request) const;
  Xapian::Query like_query(const SearchRequest& request) const;
  void fill_similar(const Matched& matched, const Xapian::Query& full, std::vector<Hit>& hits) const;
  // The lengths of db_'s revision (read on first need); null when the
  // column is off or there are several databases.
  const DocLengths* doc_lengths();

  std::vector<ShardSpec> specs_;  // every shard named, each once
  bool allow_partial_ = false;
  Xapian::Database db_;  // all shards that answer, searched as one
  std::vector<Xapian::Database> shards_;  // the same, one by one (they share state)
  std::vector<std::string> live_names_;   // their names, as shards_
  std::vector<std::string> missing_;      // shards left out (allow_partial_)
  bool remote_ = false;                   // some shard is remote: local fast paths off
  // Whether db_ has near-duplicate clusters, asked once per revision.
  mutable std::optional<bool> has_clusters_;
  // A second handle on a single database, for the other thread of a split
  // match (a Database object is not thread-safe).
  std::optional<Xapian::Database> second_;  // opened on the first split
  std::string second_path_;                 // empty: several databases
  Gazetteer gazetteer_;
  std::optional<PlaceNames> place_names_;  // over gazetteer_, built with it
  std::optional<LatinNames> latin_names_;  // over gazetteer_, built with it
  // One database that has carried facet ordinals since it was created.
  bool by_ordinal_ = false;
  // Values of the ordinals named so far: an ordinal never changes meaning
  // within a database (its UUID), so the cache outlives reopen().
  std::string facet_values_uuid_;
  // Node-based: references handed out stay valid as the cache grows.
  std::array<std::unordered_map<uint32_t, std::string>, kFacetKinds> facet_values_;
  // Reading the column pays for itself from a few tens of thousands of
  // matches (docs/performance.md).
  Xapian::doccount column_threshold_ = 20000;
  size_t parallel_min_ = OrdinalCountSpy::kDefaultParallelMin;
  Xapian::doccount split_min_ = kDefaultSplitMin;
  Xapian::doccount split_min_database_ = kDefaultSplitMinDatabase;
  Xapian::doccount count_aside_min_ = kDefaultCountAsideMin;
  Xapian::doccount stream_min_ = kDefaultStreamMin;
  std::optional<FacetColumn> column_;
  bool length_column_ = false;
  std::optional<DocLengths> lengths_;
  // Display names of entities found by rule, as stored (same lifetime).
  mutable std::unordered_map<std::string, std::string> stored_names_;
};

}  // namespace akhbar
