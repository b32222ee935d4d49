// SearchRequest and SearchResults: what a search asks and what it finds, the
// interface between the search code (searcher.h) and the printers. Plain
// values; printers know nothing of Xapian and the searcher nothing of output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "date.h"

namespace akhbar {

// Bounds every request keeps (the option parser refuses a value outside
// them, the searcher a query longer than kMaxQueryBytes with a QueryError):
// a query of a few hundred words is a pasted paragraph, a longer one only
// costs time; Xapian counts documents in 32 bits, so an offset and a limit
// together stay below 2^32.
inline constexpr size_t kMaxQueryBytes = 8192;
inline constexpr size_t kMaxLimit = 10000;
inline constexpr size_t kMaxFacetLimit = 1000000;
inline constexpr size_t kMaxOffset = 0xFFFFFFFFu - kMaxLimit;

enum class SortOrder { Relevance, Date };
enum class DateGranularity { Year, Month, Day };

struct Filters {
  std::optional<Date> from, to;           // inclusive publication-date bounds
  std::optional<Date> event_from, event_to;  // inclusive bounds on dates the text speaks of
  std::vector<std::string> sources;       // any of these (OR)
  std::vector<std::string> categories;    // any of these (OR)
  std::vector<std::string> places;        // any of these (OR): name, variant, id, English
  std::vector<std::string> actors;        // any of these (OR): persons and organizations
  // The gazetteer ids that `places` and `actors` resolve to; the searcher
  // fills them (query_builder.h reads only these).
  std::vector<std::string> place_ids, person_ids, organization_ids;
};

struct SearchRequest {
  std::string query;         // as the user typed it
  bool match_any = false;    // --any: OR between words instead of AND
  Filters filters;
  size_t offset = 0;
  size_t limit = 10;
  SortOrder sort = SortOrder::Relevance;
  DateGranularity date_facet = DateGranularity::Month;
  size_t facet_limit = 20;   // values shown per facet (date facets: all)
  bool facets = true;        // count facets over all matches
  bool snippets = true;
  size_t snippet_words = 30;
  // Hits carry their id and score only: for scripts, and to time the
  // search itself as other engines report it (top ids, no stored fields).
  bool ids_only = false;
  // Count every match, for an exact total. Off only where no total is shown
  // (the text form of --ids-only): ranking the top alone may stop early.
  bool exact_total = true;
  // Fold each near-duplicate cluster to its best hit (Hit::similar counts
  // the rest); `total` and facets still count every article.
  bool collapse = true;
  // Non-empty: the articles most like the one of this id (not itself),
  // instead of `query`, under the same filters.
  std::string like_id;
};

struct Snippet {
  std::string text;                                     // cut from the original text
  std::vector<std::pair<size_t, size_t>> highlights;    // byte ranges in `text`
  bool starts_mid = false, ends_mid = false;            // cut inside the text
};

struct EntityRef {
  std::string id;
  std::string name;  // display name (Arabic)
};

struct Hit {
  std::string id, title, date, source, category, url;
  double score = 0;
  Snippet snippet;
  std::vector<EntityRef> places, persons, organizations;
  std::string origin;  // display name of the dateline place, or ""
  // Other matching articles of its near-duplicate cluster folded into it
  // (SearchRequest::collapse); 0 when none or not collapsing.
  size_t similar = 0;
};

struct FacetValue {
  std::string value;  // what is shown: a date, a label, an entity's display name
  size_t count = 0;
  std::string id;     // entity facets: the gazetteer id (for --place/--actor)
};

struct Facet {
  std::string name;  // "date", "source", "category", "place", "person", "organization", "actor"
  std::vector<FacetValue> values;
};

struct SearchResults {
  std::string query;
  // How the query was read where that differs from what was typed
  // (query_reading.h): one line each.
  std::vector<std::string> notes;
  // "Did you mean": the query with misspelled words corrected, when it found
  // few articles (query/spelling_suggestion.h); "" when none is offered.
  std::string suggestion;
  // Number of matching articles: exact, unless the request asked for no
  // exact total and no facets (then Xapian's estimate, total_exact false).
  size_t total = 0;
  bool total_exact = true;
  bool ids_only = false;  // hits hold only id and score (SearchRequest::ids_only)
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  // Remote shards that did not answer and were left out (--allow-partial):
  // the answer is then that of the others only.
  std::vector<std::string> missing_shards;
  // Wall time inside Searcher::search (parse, match, hits, snippets,
  // facets), not printing: what other engines report as a query's time.
  double took_ms = 0;
  // The part of took_ms until the hits' docids, the total and the facet
  // counts are known, before any stored field is read: the span the peers'
  // search loops time (the Lucene and python3-xapian recipes read their ids,
  // and count their exact totals, after their clocks stop).
  double match_ms = 0;
};

}  // namespace akhbar
