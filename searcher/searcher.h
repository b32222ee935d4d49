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
// with a one-line message. Not thread-safe: one Searcher per thread.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "gazetteer.h"
#include "search_request.h"
#include "snippet.h"

namespace akhbar {

struct SearchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // `gazetteer_files`: extra gazetteers (as given to the indexer with
  // --gazetteer), so that their names resolve in filters.
  explicit Searcher(const std::vector<std::string>& db_paths,
                    const std::vector<std::string>& gazetteer_files = {});

  SearchResults search(const SearchRequest& request);

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request);
  void resolve_entities(Filters& filters) const;
  Hit make_hit(const Xapian::MSetIterator& it, const HighlightTerms& terms,
               const SearchRequest& request) const;
  std::vector<EntityRef> entity_refs(const std::string& value) const;
  std::string display_name(const std::string& id) const;

  Xapian::Database db_;
  Gazetteer gazetteer_;
};

}  // namespace akhbar
