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

enum class SortOrder { Relevance, Date };
enum class DateGranularity { Year, Month, Day };

struct Filters {
  std::optional<Date> from, to;           // inclusive publication-date bounds
  std::vector<std::string> sources;       // any of these (OR)
  std::vector<std::string> categories;    // any of these (OR)
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
};

struct Snippet {
  std::string text;                                     // cut from the original text
  std::vector<std::pair<size_t, size_t>> highlights;    // byte ranges in `text`
  bool starts_mid = false, ends_mid = false;            // cut inside the text
};

struct Hit {
  std::string id, title, date, source, category, url;
  double score = 0;
  Snippet snippet;
};

struct FacetValue {
  std::string value;
  size_t count = 0;
};

struct Facet {
  std::string name;  // "date", "source", "category", ...
  std::vector<FacetValue> values;
};

struct SearchResults {
  std::string query;
  size_t total = 0;  // exact number of matching articles
  std::vector<Hit> hits;
  std::vector<Facet> facets;
};

}  // namespace akhbar
