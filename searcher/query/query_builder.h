// QueryBuilder: turns a user's query string and filters into a Xapian::Query,
// through the same analysis chain as the documents.
//
// Syntax: words (all must match, or any with match_any), "phrases" (also
// «guillemets»), OR, AND, NOT, -word, +word, (groups), title:word and
// title:"phrase". The string is normalized (normalizer.h, case kept so that
// operators survive), then parsed by Xapian's QueryParser with Akhbar's
// stemmer: single words match by stem, phrases by exact normalized words.
// Stop words are ignored outside phrases unless the query has nothing else.
// Throws QueryError with a one-line message for a query Xapian cannot parse.
// Thread-safe (no shared state; a Database given is only read).
#pragma once

#include <stdexcept>
#include <string>

#include <xapian.h>

#include "query/query_reading.h"
#include "search_request.h"

namespace akhbar {

struct QueryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The query for the words; Xapian::Query() when the string has no words
// (build_search_query then browses everything the filters let through).
Xapian::Query build_text_query(const std::string& query, bool match_any);
// The same from a reading already made (read_query, mark_latin_names): a
// search reads its query once.
Xapian::Query build_text_query(const QueryReading& reading, bool match_any);

// The words in their exact written form (unstemmed): joined to the search
// query by join_exact_form_boost as a ranking-only addition, weighted
// kExactFormWeight (query_builder.cc), that reorders matches and never adds
// any. Xapian::Query() when the string has no words or only excluded ones.
Xapian::Query build_exact_forms(const std::string& query, bool match_any);
Xapian::Query build_exact_forms(const QueryReading& reading, bool match_any);

// The filter part alone; Xapian::Query() when there is no filter. Given the
// database searched, date ranges are the date terms it holds (date_terms.h);
// without it, a value range on the publication date and every year, month
// or day of an event range.
Xapian::Query build_filter_query(const Filters& filters, const Xapian::Database* db = nullptr);

// Text query filtered by the filters: what matches.
Xapian::Query build_search_query(const SearchRequest& request, const Xapian::Database* db = nullptr);
// The same with the request's query already read.
Xapian::Query build_search_query(const SearchRequest& request, const QueryReading& reading,
                                 const Xapian::Database* db = nullptr);

// `search` (build_search_query of a request) with the boost of `exact`
// (build_exact_forms of its words): what the searcher ranks. Matches what
// `search` does; `search` alone when `exact` is empty.
Xapian::Query join_exact_form_boost(const Xapian::Query& search, const Xapian::Query& exact);

// join_exact_form_boost(build_search_query(request, db), build_exact_forms(...)).
Xapian::Query build_ranked_query(const SearchRequest& request, const Xapian::Database* db = nullptr);

}  // namespace akhbar
