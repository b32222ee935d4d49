// ShownArticle: one stored article as `akhbar-search --show ID` prints it:
// its stored fields and body, the entities the indexer found in it, and the
// byte ranges of the query's words in its title and body. A plain value
// from the searcher (Searcher::show) to the printers (output/article_view.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "search_request.h"

namespace akhbar {

struct PlaceMention {
  std::string id, name;
  std::vector<std::string> ancestors;  // display names of the places that hold it, nearest first
};

struct ShownArticle {
  std::string id, title, date /* ISO or empty */, source, category, url, author, body;
  std::vector<PlaceMention> places;
  std::vector<EntityRef> persons, organizations;
  std::string dateline;                  // display name of the dateline's place, or ""
  std::vector<std::string> event_dates;  // ISO dates the text speaks of
  // Byte ranges of the words the query matches (empty without a query).
  std::vector<std::pair<size_t, size_t>> title_highlights, body_highlights;
};

}  // namespace akhbar
