#include "searcher.h"

#include <filesystem>

#include "facet_counter.h"
#include "query_builder.h"
#include "schema.h"
#include "snippet.h"
#include "stored_article.h"

namespace akhbar {
namespace {

Xapian::Database open_shard(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    throw SearchError("no database at " + path);
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open database " + path + ": " + e.get_msg());
  }
}

Hit make_hit(const Xapian::MSetIterator& it, const HighlightTerms& terms,
             const SearchRequest& request) {
  const StoredArticle stored = decode_stored(it.get_document().get_data());
  Hit hit;
  hit.id = stored.id;
  hit.title = stored.title;
  hit.date = stored.date;
  hit.source = stored.source;
  hit.category = stored.category;
  hit.url = stored.url;
  hit.score = it.get_weight();
  if (request.snippets) {
    hit.snippet = make_snippet(stored.body, terms, request.snippet_words);
  }
  return hit;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths) {
  if (db_paths.empty()) throw SearchError("no database given (--db DIR)");
  for (const std::string& path : db_paths) db_.add_database(open_shard(path));
}

SearchResults Searcher::search(const SearchRequest& request) {
  // An indexer that commits twice during one search invalidates what the
  // search was reading; reopen at the newest commit and run again.
  for (int attempt = 0;; ++attempt) {
    try {
      db_.reopen();  // each search sees the newest commit (cheap when none)
      return run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 5) throw SearchError("database keeps changing under the search; try again");
      db_.reopen();
    } catch (const Xapian::DatabaseError& e) {
      throw SearchError("database error: " + e.get_msg());
    }
  }
}

SearchResults Searcher::run(const SearchRequest& request) {
  const Xapian::Query query = build_search_query(request);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  if (request.sort == SortOrder::Date) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);  // newest first
  }
  FacetCounter facets(request);
  if (request.facets) facets.attach(enquire);
  // checkatleast = every document: exact total and exact facet counts.
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, db_.get_doccount());

  SearchResults results;
  results.query = request.query;
  results.total = mset.get_matches_estimated();
  const HighlightTerms terms = highlight_terms(query);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    results.hits.push_back(make_hit(it, terms, request));
  }
  if (request.facets) results.facets = facets.collect();
  return results;
}

}  // namespace akhbar
