#include "searcher.h"

#include <filesystem>

#include "document_builder.h"
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

// BM25 with Lucene's k1 and b, and no floor on document length. Measured on
// the ANT known-item test (2,000 titles as OR queries over 41,661 bodies,
// bench/README.md), MRR@10 with words matched by stem only (2026-11-25):
// Xapian's defaults (k1 1, b 0.5, min_normlen 0.5) 0.6664; k1 1.2 b 0.75
// min_normlen 0.5: 0.6784; min_normlen 0: 0.6865 (k1 1: 0.6860, 1.5: 0.6862,
// 2: 0.6793; b 0.6: 0.6761, 0.9: 0.6846, 1: 0.6831); BM25+ (delta 0.5 or 1)
// at best 0.6815. Short articles are the rule in news: min_normlen 0.5 gave
// every article shorter than half the average the same length weight.
constexpr double kBm25K1 = 1.2;
constexpr double kBm25K2 = 0;  // no query-length correction
constexpr double kBm25K3 = 1;
constexpr double kBm25B = 0.75;
constexpr double kBm25MinNormLen = 0;

}  // namespace

std::string Searcher::display_name(const std::string& id) const {
  if (gazetteer_.find(id)) return gazetteer_.display_name(id);
  // Names found by rule are shown as the indexer first saw them written (a
  // name, once stored, never changes: cached); the fallback is their
  // normalized form, which a later commit may still replace (not cached).
  if (auto it = stored_names_.find(id); it != stored_names_.end()) return it->second;
  // A multi-database reads metadata from its first shard only: ask each.
  for (const Xapian::Database& shard : shards_) {
    std::string stored = shard.get_metadata(entity_name_key(id));
    if (!stored.empty()) return stored_names_.emplace(id, std::move(stored)).first->second;
  }
  return gazetteer_.display_name(id);
}

std::vector<EntityRef> Searcher::entity_refs(const std::string& value) const {
  std::vector<EntityRef> refs;
  for (std::string& id : schema::unserialise_list(value)) {
    std::string name = display_name(id);
    refs.push_back({std::move(id), std::move(name)});
  }
  return refs;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, const HighlightTerms& terms,
                       const SearchRequest& request) const {
  const Xapian::Document doc = it.get_document();
  Hit hit;
  hit.score = it.get_weight();
  if (request.ids_only) {
    // The id slot is read from an uncompressed value stream; the stored
    // text would be inflated whole (databases before the slot: no choice).
    hit.id = doc.get_value(schema::kSlotId);
    if (!hit.id.empty()) return hit;
  }
  const StoredArticle stored = decode_stored(doc.get_data());
  hit.id = stored.id;
  if (request.ids_only) return hit;
  hit.title = stored.title;
  hit.date = stored.date;
  hit.source = stored.source;
  hit.category = stored.category;
  hit.url = stored.url;
  if (request.snippets) {
    hit.snippet = make_snippet(stored.body, terms, request.snippet_words);
  }
  hit.places = entity_refs(doc.get_value(schema::kSlotPlaces));
  hit.persons = entity_refs(doc.get_value(schema::kSlotPersons));
  hit.organizations = entity_refs(doc.get_value(schema::kSlotOrganizations));
  const std::string origin = doc.get_value(schema::kSlotOrigin);
  if (!origin.empty()) hit.origin = display_name(origin);
  return hit;
}

Searcher::Searcher(const std::vector<std::string>& db_paths,
                   const std::vector<std::string>& gazetteer_files) {
  if (db_paths.empty()) throw SearchError("no database given (--db DIR)");
  for (const std::string& path : db_paths) {
    shards_.push_back(open_shard(path));
    db_.add_database(shards_.back());
  }
  by_ordinal_ = db_paths.size() == 1 && !db_.get_metadata(kFacetOrdinalsMarker).empty();
  // Problems in the gazetteer files matter to the indexer, which reports
  // them; here a bad line only means one name fewer to resolve.
  std::vector<GazetteerProblem> ignored;
  try {
    gazetteer_ = Gazetteer::load(Gazetteer::default_dir(), gazetteer_files, ignored);
  } catch (const GazetteerError& e) {
    throw SearchError(e.what());
  }
}

void Searcher::resolve_entities(Filters& f) const {
  for (const std::string& place : f.places) {
    const std::vector<std::string> ids = gazetteer_.resolve(place, EntityKind::Place);
    if (ids.empty()) throw SearchError("unknown place '" + place + "' (not in the gazetteer)");
    f.place_ids.insert(f.place_ids.end(), ids.begin(), ids.end());
  }
  for (const std::string& actor : f.actors) {
    // resolve() gives the id of a name found by rule when the gazetteer
    // does not know it, so an actor filter always means something.
    for (std::string& id : gazetteer_.resolve(actor, EntityKind::Person)) f.person_ids.push_back(std::move(id));
    for (std::string& id : gazetteer_.resolve(actor, EntityKind::Organization)) {
      f.organization_ids.push_back(std::move(id));
    }
  }
}

const std::string& Searcher::facet_value(FacetKind kind, uint32_t ordinal) {
  const std::string uuid = db_.get_uuid();
  if (uuid != facet_values_uuid_) {
    for (auto& values : facet_values_) values.clear();
    stored_names_.clear();
    facet_values_uuid_ = uuid;
  }
  auto& values = facet_values_[static_cast<size_t>(kind)];
  auto it = values.find(ordinal);
  if (it == values.end()) it = values.emplace(ordinal, akhbar::facet_value(db_, kind, ordinal)).first;
  return it->second;
}

const FacetColumn* Searcher::facet_column(Xapian::Enquire& enquire) {
  if (column_ && column_->revision() == db_.get_revision()) return column_->usable() ? &*column_ : nullptr;
  // Reading the column costs a pass over every document's value: worth it
  // for a broad query (and for every query after it, until a commit).
  if (column_threshold_ > 0 && enquire.get_mset(0, 0).get_matches_estimated() < column_threshold_) {
    return nullptr;
  }
  column_ = FacetColumn::load(db_);
  return column_->usable() ? &*column_ : nullptr;
}

SearchResults Searcher::search(const SearchRequest& request) {
  // An indexer that commits twice during one search invalidates what the
  // search was reading; reopen at the newest commit and run again.
  for (int attempt = 0;; ++attempt) {
    try {
      db_.reopen();  // each search sees the newest commit (cheap when none)
      return run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // Each retry starts from the newest commit, so it fails again only if
      // two more commits land during one search: keep trying a while.
      if (attempt >= 100) throw SearchError("database keeps changing under the search; try again");
      db_.reopen();
    } catch (const Xapian::DatabaseError& e) {
      throw SearchError("database error: " + e.get_msg());
    }
  }
}

SearchResults Searcher::run(const SearchRequest& original) {
  SearchRequest request = original;
  resolve_entities(request.filters);
  const Xapian::Query query = build_search_query(request);
  Xapian::Enquire enquire(db_);
  const Xapian::Query boost = build_exact_form_boost(request.query, request.match_any);
  enquire.set_query(boost.empty() ? query
                                  : Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost));
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen));
  if (request.sort == SortOrder::Date) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);  // newest first
  }
  std::optional<FacetCounter::Ordinals> ordinals;
  if (by_ordinal_ && request.facets) {
    ordinals.emplace();
    for (size_t k = 0; k < kFacetKinds; ++k) ordinals->sizes[k] = facet_ordinal_count(db_, FacetKind(k));
    ordinals->value = [this](FacetKind kind, uint32_t ord) -> const std::string& {
      return facet_value(kind, ord);
    };
    ordinals->column = facet_column(enquire);
    ordinals->parallel_min = parallel_min_;
  }
  FacetCounter facets(request, [this](const std::string& id) { return display_name(id); },
                      std::move(ordinals));
  if (request.facets) facets.attach(enquire);
  // checkatleast = every document: exact total and exact facet counts.
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, db_.get_doccount());

  SearchResults results;
  results.query = request.query;
  results.ids_only = request.ids_only;
  results.total = mset.get_matches_estimated();
  const HighlightTerms terms = request.snippets ? highlight_terms(query) : HighlightTerms{};
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    results.hits.push_back(make_hit(it, terms, request));
  }
  if (request.facets) results.facets = facets.collect();
  return results;
}

}  // namespace akhbar
