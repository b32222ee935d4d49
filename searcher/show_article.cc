// Searcher::show: one stored article by its id, for --show.
#include "searcher.h"

#include "index/document_builder.h"
#include "index/schema.h"
#include "index/stored_article.h"
#include "output/snippet.h"
#include "query/query_builder.h"
#include "query/query_reading.h"

namespace akhbar {
namespace {

std::string iso_of(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return yyyymmdd;
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

}  // namespace

std::optional<ShownArticle> Searcher::show(const std::string& id, const std::string& query) {
  // As search(): an indexer's commits reopen and retry.
  for (int attempt = 0;; ++attempt) {
    try {
      db_.reopen();
      return find_shown(id, query);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 100) throw SearchError("database keeps changing under the search; try again");
    }
  }
}

std::optional<ShownArticle> Searcher::find_shown(const std::string& id, const std::string& query) {
  const std::string term = id_term(id);
  Xapian::PostingIterator it = db_.postlist_begin(term);
  // A long id shares its term with others of the same head and hash: the
  // stored id decides.
  for (; it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    StoredArticle stored = decode_stored(doc.get_data());
    if (stored.id != id) continue;
    ShownArticle a{stored.id,   stored.title,  stored.date,           stored.source, stored.category,
                   stored.url,  stored.author, std::move(stored.body), {}, {}, {}, {}, {}, {}, {}};
    for (std::string& place : schema::unserialise_list(doc.get_value(schema::kSlotPlaces))) {
      PlaceMention p{place, display_name(place), {}};
      for (const std::string& up : gazetteer_.ancestors(place)) p.ancestors.push_back(display_name(up));
      a.places.push_back(std::move(p));
    }
    a.persons = entity_refs(doc.get_value(schema::kSlotPersons));
    a.organizations = entity_refs(doc.get_value(schema::kSlotOrganizations));
    const std::string origin = doc.get_value(schema::kSlotOrigin);
    if (!origin.empty()) a.dateline = display_name(origin);
    for (const std::string& d : schema::unserialise_list(doc.get_value(schema::kSlotEventDates))) {
      a.event_dates.push_back(iso_of(d));
    }
    if (!query.empty()) {
      // The query read as a search reads it (Latin names included); one
      // that is an error as a search marks nothing.
      try {
        SearchRequest request;
        request.query = query;
        QueryReading reading = read_query(query);
        latin_names_->mark(reading);
        const HighlightTerms terms = highlight_terms(build_search_query(request, reading, &db_));
        a.title_highlights = matched_ranges(a.title, terms);
        a.body_highlights = matched_ranges(a.body, terms);
      } catch (const QueryError&) {
      }
    }
    return a;
  }
  return std::nullopt;
}

}  // namespace akhbar
