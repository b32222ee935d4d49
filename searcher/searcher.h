// Searcher: runs SearchRequests against one or more Akhbar databases
// searched as one (Xapian shards) and returns SearchResults.
//
// Databases are opened read-only; nothing is ever written next to them.
// Each search answers from the newest commit at the time it starts.
// `total` and every facet count are exact (all matches are examined). If an
// indexer commits twice while a search runs, the search reopens the
// databases and runs again, so it always answers from one consistent
// commit. Throws SearchError (bad database) or QueryError (bad query), each
// with a one-line message. Not thread-safe: one Searcher per thread.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "search_request.h"

namespace akhbar {

struct SearchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  explicit Searcher(const std::vector<std::string>& db_paths);

  SearchResults search(const SearchRequest& request);

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request);

  Xapian::Database db_;
};

}  // namespace akhbar
