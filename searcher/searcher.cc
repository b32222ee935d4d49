#include "searcher.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <limits>
#include <optional>
#include <thread>

#include "match/bm25_source.h"
#include "index/database_spec.h"
#include "match/docid_range.h"
#include "facets/facet_counter.h"
#include "match/match_stream.h"
#include "query/like_query.h"
#include "query/query_builder.h"
#include "query/latin_names.h"
#include "query/query_reading.h"
#include "query/spelling_suggestion.h"
#include "match/ranking.h"
#include "match/shard_documents.h"
#include "index/schema.h"
#include "output/snippet.h"
#include "index/stored_article.h"

namespace akhbar {
namespace {

// Refuses a database that holds documents but not Akhbar's marker.
void check_is_akhbars(const Xapian::Database& db, const std::string& name) {
  if (db.get_doccount() > 0 && db.get_metadata(schema::kSchemaKey).empty()) {
    throw SearchError(name + " is a Xapian database, but not Akhbar's (no " + std::string(schema::kSchemaKey) +
                      " marker): not searched");
  }
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Every shard the paths name, each once: a database named twice (even by
// another spelling, or through a stub) would count every article twice.
std::vector<ShardSpec> distinct_shards(const std::vector<std::string>& paths) {
  std::vector<ShardSpec> out;
  std::vector<std::string> seen;
  for (const std::string& path : paths) {
    std::vector<ShardSpec> shards;
    try {
      shards = expand_database_spec(path);
    } catch (const DatabaseSpecError& e) {
      throw SearchError(e.what());
    }
    for (ShardSpec& shard : shards) {
      std::string key = shard.name;
      if (!shard.remote) {
        std::error_code ec;
        const std::filesystem::path canonical = std::filesystem::weakly_canonical(shard.path, ec);
        if (!ec) key = canonical.string();
      }
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      out.push_back(std::move(shard));
    }
  }
  return out;
}

}  // namespace

std::string Searcher::display_name(const std::string& id) const {
  if (gazetteer_.find(id)) {
    std::string place = place_names_->shown(id);
    return place.empty() ? gazetteer_.display_name(id) : place;
  }
  // Names found by rule are shown as the indexer first saw them written (a
  // name, once stored, never changes: cached); the fallback is their
  // normalized form, which a later commit may still replace (not cached).
  if (auto it = stored_names_.find(id); it != stored_names_.end()) return it->second;
  // A multi-database reads metadata from its first shard only: ask each.
  for (const Xapian::Database& shard : shards_) {
    std::string stored = shard.get_metadata(schema::entity_name_key(id));
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

Hit Searcher::make_hit(const Xapian::Document& doc, double weight, const HighlightTerms& terms,
                       const SearchRequest& request) const {
  Hit hit;
  hit.score = weight;
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

Searcher::Searcher(const std::vector<std::string>& db_paths, const std::vector<std::string>& gazetteer_files,
                   bool allow_partial)
    : allow_partial_(allow_partial) {
  if (db_paths.empty()) throw SearchError("no database given (--db DIR)");
  specs_ = distinct_shards(db_paths);
  open_shards();
  const bool one_local = specs_.size() == 1 && !specs_.front().remote;
  if (one_local) second_path_ = specs_.front().path;
  by_ordinal_ = one_local && !db_.get_metadata(kFacetOrdinalsMarker).empty();
  // Problems in the gazetteer files matter to the indexer, which reports
  // them; here a bad line only means one name fewer to resolve.
  std::vector<GazetteerProblem> ignored;
  try {
    gazetteer_ = Gazetteer::load(Gazetteer::default_dir(), gazetteer_files, ignored);
  } catch (const GazetteerError& e) {
    throw SearchError(e.what());
  }
  place_names_.emplace(gazetteer_);
  latin_names_.emplace(gazetteer_);
}

void Searcher::open_shards() {
  shards_.clear();
  live_names_.clear();
  missing_.clear();
  db_ = Xapian::Database();
  remote_ = false;
  has_clusters_.reset();
  for (const ShardSpec& spec : specs_) {
    try {
      Xapian::Database shard = open_shard(spec);
      check_is_akhbars(shard, spec.name);
      shards_.push_back(shard);
      live_names_.push_back(spec.name);
      db_.add_database(shard);
      remote_ = remote_ || spec.remote;
    } catch (const Xapian::Error& e) {
      if (!(allow_partial_ && spec.remote)) {
        throw SearchError((spec.remote ? "shard " : "cannot open database ") + spec.name + ": " + e.get_msg());
      }
      missing_.push_back(spec.name);
    }
  }
  if (shards_.empty()) throw SearchError("no shard answers: " + join_names(missing_));
}

bool Searcher::drop_dead_shards() {
  std::vector<std::string> dead;
  for (size_t i = 0; i < shards_.size(); ++i) {
    try {
      shards_[i].keep_alive();
    } catch (const Xapian::Error& e) {
      dead.push_back(live_names_[i] + " (" + e.get_msg() + ")");
    }
  }
  if (dead.empty()) return false;
  if (!allow_partial_) throw SearchError("shard not answering: " + join_names(dead));
  open_shards();
  return true;
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

bool Searcher::second_ready() {
  if (second_) {
    second_->reopen();  // only here: reopening reads a file
  } else {
    second_ = Xapian::Database(second_path_);
  }
  // A commit between the two reopens: this query runs on one thread.
  return second_->get_revision() == db_.get_revision();
}

bool Searcher::column_fresh() const {
  return column_ && column_->revision() == db_.get_revision();
}

const FacetColumn* Searcher::facet_column() {
  if (!column_fresh()) column_ = FacetColumn::load(db_);
  return column_->usable() ? &*column_ : nullptr;
}

const DocLengths* Searcher::doc_lengths() {
  // Shards, not paths: one path may be a stub naming several databases.
  if (!length_column_ || db_.size() != 1 || remote_) return nullptr;
  if (!lengths_ || lengths_->revision() != db_.get_revision()) lengths_ = DocLengths::load(db_);
  return &*lengths_;
}

SearchResults Searcher::search(const SearchRequest& request) {
  // An indexer that commits twice during one search invalidates what the
  // search was reading; reopen at the newest commit and run again.
  if (request.query.size() > kMaxQueryBytes) {
    throw QueryError("the query is longer than " + std::to_string(kMaxQueryBytes) +
                     " bytes, the most a query may have");
  }
  for (int attempt = 0;; ++attempt) {
    try {
      const Clock::time_point start = Clock::now();
      reopen();  // each search sees the newest commit (cheap when none)
      SearchResults results = run(request, start);
      results.missing_shards = missing_;
      results.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      return results;
    } catch (const Xapian::DatabaseModifiedError&) {
      // Each retry starts from the newest commit, so it fails again only if
      // two more commits land during one search: keep trying a while.
      if (attempt >= 100) throw SearchError("database keeps changing under the search; try again");
      reopen();
    } catch (const Xapian::Error& e) {
      // A remote shard that stopped answering is named, or, when allowed,
      // left out and the search run again on the others.
      if (remote_ && attempt < 3 && drop_dead_shards()) continue;
      // A damaged table can raise any of Xapian's errors (DocNotFoundError,
      // RangeError, ...), not only DatabaseError.
      throw SearchError("database error: " + e.get_description());
    }
  }
}

namespace {

Xapian::Query slice(const Xapian::Query& query, Xapian::docid first, Xapian::docid last) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query((new DocidRange(first, last))->release()));
}

// What the matcher ranks: `search` with the boost of the `exact` forms,
// their terms weighed with `lengths` if given. Matches what `search` does.
Xapian::Query ranked_query(const Xapian::Query& search, const Xapian::Query& exact,
                           const DocLengths* lengths) {
  if (!lengths) return join_exact_form_boost(search, exact);
  return join_exact_form_boost(with_length_column(search, *lengths), with_length_column(exact, *lengths));
}

// Counts the documents of [first, last] that `stream` matches, into
// `facets` if given (then finished), reading `db`.
Xapian::doccount count_matches(MatchStream& stream, Xapian::docid first, Xapian::docid last,
                               FacetCounter* facets, const Xapian::Database& db) {
  if (!facets) return for_each_match(stream, first, last, [](Xapian::docid) {});
  std::vector<Xapian::docid> docs;
  const Xapian::doccount n =
      for_each_match(stream, first, last, [&docs](Xapian::docid did) { docs.push_back(did); });
  facets->add_matches(std::move(docs), db);
  facets->finish();
  return n;
}

struct Ranked {
  Xapian::MSet mset;
  Xapian::doccount total = 0;
  bool exact = true;  // total is exact, not the matcher's estimate
  bool saw_every_match = false;  // the matcher examined every match (collapse counts exact)
};

// Ranks hits [first, first + max) of `enquire` over `db`, and counts the
// matches of docids [lo, hi] into the total and `facets` (then finished):
// from `stream` if given, else through the matcher (`facets` by its spies),
// every match if counts_every_match(request).
// With `collapse` (the enquire folds clusters) the matcher's own counts are
// of clusters, so a spy counts the articles.
Ranked rank_and_count(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                      MatchStream* stream, Xapian::docid lo, Xapian::docid hi, FacetCounter* facets,
                      const Xapian::Database& db, const SearchRequest& request, bool collapse = false) {
  Ranked r;
  if (stream) {
    r.mset = enquire.get_mset(first, max);
    r.total = count_matches(*stream, lo, hi, facets, db);
    return r;
  }
  // Every match is counted for facets or an exact total; otherwise the
  // matcher only ranks the top, and may stop early.
  const bool count_all = request.facets || request.exact_total;
  if (facets) facets->attach(enquire);
  // Every match reaches the spies (they run before the collapse), and the
  // enquire owns this one: a counter Xapian's remote servers know too, over
  // a slot of few values (the dateline origin), as only its total is read.
  Xapian::ValueCountMatchSpy* articles = nullptr;
  if (collapse && count_all) {
    articles = new Xapian::ValueCountMatchSpy(schema::kSlotOrigin);
    enquire.add_matchspy(articles->release());
  }
  // checkatleast = every document: exact total and exact facet counts.
  r.mset = enquire.get_mset(first, max, count_all ? db.get_doccount() : 0);
  r.total = articles ? articles->get_total()
                     : collapse ? r.mset.get_uncollapsed_matches_estimated() : r.mset.get_matches_estimated();
  r.exact = count_all || (!collapse && r.mset.get_matches_lower_bound() == r.mset.get_matches_upper_bound());
  r.saw_every_match = count_all;
  if (facets) facets->finish();
  return r;
}

// Ranks hits [first, first + max) of `enquire` (ranking `query` over `db`)
// with the matcher checking at least `check` matches: a query with fewer is
// then counted exactly as it is ranked, its bounds equal. Only a broader one
// is counted again, from the posting lists (or, for a query no stream can
// match, by the matcher over every document).
Ranked rank_then_count(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                       Xapian::doccount check, const Xapian::Query& query, const Xapian::Database& db) {
  Ranked r;
  r.mset = enquire.get_mset(first, max, check);
  if (r.mset.get_matches_lower_bound() == r.mset.get_matches_upper_bound()) {
    r.total = r.mset.get_matches_estimated();
  } else if (std::unique_ptr<MatchStream> stream = make_match_stream(db, query)) {
    r.total = count_matches(*stream, 1, db.get_lastdocid(), nullptr, db);
  } else {
    r.total = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  }
  return r;
}

}  // namespace

struct Searcher::Matched {
  Xapian::doccount total = 0;
  bool exact = true;  // total is exact, not the matcher's estimate
  std::optional<Xapian::doccount> stated;  // the total the index states (MatchPlan::total_stated)
  std::vector<std::pair<Xapian::Document, double>> hits;  // with their weights
  // Collapsing: what the matcher folded into each hit, exact when
  // folded_exact (else a lower bound, Xapian's get_collapse_count()).
  std::vector<Xapian::doccount> folded;
  bool folded_exact = false;
};

Searcher::Matched Searcher::match_split(const Xapian::Query& ranked, const DocLengths* lengths,
                                        const SearchRequest& request, const QueryReading& reading,
                                        FacetCounter* facets, FacetCounter* second_facets,
                                        MatchStream* stream) {
  const Xapian::docid last = db_.get_lastdocid();
  const Xapian::docid middle = last / 2 + 1;
  const Xapian::doccount wanted = request.offset + request.limit;
  // Built afresh for the helper: Xapian's Query shares its parts through
  // counts that are not atomic, so two threads must never hold parts of one.
  const Xapian::Query second_search = build_search_query(request, reading, &*second_);
  const Xapian::Query second_exact = build_exact_forms(reading, request.match_any);
  const Xapian::Query second_full = join_exact_form_boost(second_search, second_exact);
  Xapian::Query second_query = slice(ranked_query(second_search, second_exact, lengths), middle, last);
  // The helper's own stream, over its own database handle (made here, then
  // read only there).
  std::unique_ptr<MatchStream> second_stream =
      stream ? make_match_stream(*second_, second_full, middle, last) : nullptr;
  Ranked first_half, second_half;
  std::exception_ptr second_failure;
  std::thread helper([&] {
    try {
      Xapian::Enquire enquire(*second_);
      configure_ranking(enquire, second_query, request.sort);
      second_half = rank_and_count(enquire, 0, wanted, second_stream.get(), middle, last, second_facets,
                                   *second_, request);
    } catch (...) {
      second_failure = std::current_exception();
    }
  });
  std::exception_ptr first_failure;
  try {
    Xapian::Enquire enquire(db_);
    configure_ranking(enquire, slice(ranked, 1, middle - 1), request.sort);
    first_half = rank_and_count(enquire, 0, wanted, stream, 1, middle - 1, facets, db_, request);
  } catch (...) {
    first_failure = std::current_exception();
  }
  helper.join();
  second_query = Xapian::Query();  // its parts were the helper's
  second_stream.reset();
  if (first_failure) std::rethrow_exception(first_failure);
  if (second_failure) std::rethrow_exception(second_failure);
  if (facets && second_facets) facets->merge(*second_facets);

  // Merge in Xapian's own order: sort value (if any) descending, weight
  // descending, docid ascending; so the answer is the single thread's.
  struct Item {
    Xapian::Document doc;
    double weight;
    std::string key;
  };
  std::vector<Item> items;
  for (const Xapian::MSet* mset : {&first_half.mset, &second_half.mset}) {
    for (auto it = mset->begin(); it != mset->end(); ++it) {
      Xapian::Document doc = it.get_document();
      std::string key = request.sort == SortOrder::Date ? doc.get_value(schema::kSlotDate) : "";
      items.push_back({std::move(doc), it.get_weight(), std::move(key)});
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.key != b.key) return a.key > b.key;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.doc.get_docid() < b.doc.get_docid();
  });
  Matched matched;
  matched.total = first_half.total + second_half.total;
  matched.exact = first_half.exact && second_half.exact;
  for (size_t i = request.offset; i < items.size() && i < wanted; ++i) {
    matched.hits.emplace_back(std::move(items[i].doc), items[i].weight);
  }
  return matched;
}

MatchThresholds Searcher::thresholds() const {
  MatchThresholds t;
  t.split_min = split_min_;
  t.split_min_database = split_min_database_;
  t.count_aside_min = count_aside_min_;
  t.stream_min = stream_min_;
  t.column_min = column_threshold_;
  return t;
}

MatchFacts Searcher::match_facts(const SearchRequest& request, const Xapian::Query& full) const {
  MatchFacts f;
  f.facets = request.facets;
  f.exact_total = request.exact_total;
  f.stated_count = has_stated_count(full);
  f.positional = has_positional(full);
  f.by_ordinal = by_ordinal_;
  f.single_database = !second_path_.empty();
  f.documents = db_.get_doccount();
  f.cores = std::thread::hardware_concurrency();
  f.column_fresh = column_fresh();
  f.remote = remote_;
  f.one_ranking = collapsing(request) || !request.like_id.empty();
  return f;
}

void Searcher::make_facet_counters(const SearchRequest& request, const MatchExecution& execution,
                                   std::optional<FacetCounter>& facets,
                                   std::optional<FacetCounter>& second_facets) {
  if (!request.facets) return;
  const FacetCounter::Namer namer = [this](const std::string& id) { return display_name(id); };
  std::optional<FacetCounter::Ordinals> ordinals;
  if (by_ordinal_) {
    ordinals.emplace();
    for (size_t k = 0; k < kFacetKinds; ++k) ordinals->sizes[k] = facet_ordinal_count(db_, FacetKind(k));
    ordinals->value = [this](FacetKind kind, uint32_t ord) -> const std::string& {
      return facet_value(kind, ord);
    };
    ordinals->column = execution.read_column ? facet_column() : nullptr;
    // Split, each thread counts its own slice.
    ordinals->parallel_min = execution.split ? std::numeric_limits<size_t>::max() : parallel_min_;
  }
  facets.emplace(request, namer, ordinals);
  if (execution.split) second_facets.emplace(request, namer, ordinals);
}

Searcher::Matched Searcher::match_single(Xapian::Enquire& enquire, const Xapian::Query& full,
                                         const SearchRequest& request, const MatchPlan& plan,
                                         const MatchExecution& execution, MatchStream* stream,
                                         FacetCounter* facets) {
  Matched matched;
  Xapian::MSet mset;
  if (execution.count_aside) {
    // The helper's own stream, over its own database handle (made here,
    // read only there).
    std::unique_ptr<MatchStream> aside = make_match_stream(*second_, full);
    std::exception_ptr failure;
    std::thread helper([&] {
      try {
        matched.total = count_matches(*aside, 1, second_->get_lastdocid(), facets, *second_);
      } catch (...) {
        failure = std::current_exception();
      }
    });
    try {
      mset = enquire.get_mset(request.offset, request.limit);
    } catch (...) {
      helper.join();
      throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
  } else if (plan.count_after_ranking) {
    Ranked ranked = rank_then_count(enquire, request.offset, request.limit, stream_min_, full, db_);
    mset = std::move(ranked.mset);
    matched.total = ranked.total;
  } else {
    Ranked ranked = rank_and_count(enquire, request.offset, request.limit, stream, 1, db_.get_lastdocid(),
                                   facets, db_, request, collapsing(request));
    mset = std::move(ranked.mset);
    matched.total = ranked.total;
    matched.exact = ranked.exact;
    // Remote servers collapse apart before their answers are merged.
    matched.folded_exact = ranked.saw_every_match && !remote_;
  }
  // Over remote shards, Xapian 1.4 reads a page's documents one round trip
  // after another; each shard reads its own at the same time instead.
  std::vector<Xapian::Document> docs;
  if (remote_) {
    std::vector<Xapian::docid> ids(mset.begin(), mset.end());
    docs = fetch_documents(shards_, ids);
  }
  size_t i = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
    matched.hits.emplace_back(remote_ ? std::move(docs[i]) : it.get_document(), it.get_weight());
    matched.folded.push_back(it.get_collapse_count());
  }
  // The matcher has read the word's frequency: no second lookup (but its
  // bounds count clusters when it folds them).
  if (plan.total_stated) matched.stated = stated_match_count(db_, full, collapsing(request) ? nullptr : &mset);
  return matched;
}

bool Searcher::reopen() {
  const bool changed = db_.reopen();
  if (changed) has_clusters_.reset();
  return changed;
}

bool Searcher::collapsing(const SearchRequest& request) const {
  if (!request.collapse) return false;
  // One round trip to every remote shard: asked once per revision.
  if (!has_clusters_) has_clusters_ = db_.get_value_freq(schema::kSlotCluster) > 0;
  return *has_clusters_;
}

Xapian::Query Searcher::like_query(const SearchRequest& request) const {
  const Xapian::Query like = build_like_query(db_, request.like_id);
  const Xapian::Query filter = build_filter_query(request.filters, &db_);
  return filter.empty() ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, filter);
}

void Searcher::fill_similar(const Matched& matched, const Xapian::Query& full, std::vector<Hit>& hits) const {
  const size_t n = std::min(hits.size(), matched.hits.size());
  const size_t exact = matched.folded_exact ? std::min(n, matched.folded.size()) : 0;
  for (size_t i = 0; i < exact; ++i) hits[i].similar = matched.folded[i];
  // One match over the hits' clusters counts the matching articles of each
  // (a spy on the cluster slot): one round over remote shards, not one a hit.
  std::vector<std::string> clusters(n);
  std::vector<Xapian::Query> terms;
  for (size_t i = exact; i < n; ++i) {
    std::string cluster = matched.hits[i].first.get_value(schema::kSlotCluster);
    // Most articles are alone in their cluster: locally, one frequency says so.
    if (cluster.empty() || (!remote_ && db_.get_termfreq(schema::kCluster + cluster) <= 1)) continue;
    terms.emplace_back(schema::kCluster + cluster);
    clusters[i] = std::move(cluster);
  }
  if (terms.empty()) return;
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, full,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy counts(schema::kSlotCluster);
  enquire.add_matchspy(&counts);
  enquire.get_mset(0, 0, db_.get_doccount());
  std::unordered_map<std::string, Xapian::doccount> members;
  for (Xapian::TermIterator v = counts.values_begin(); v != counts.values_end(); ++v) {
    members[*v] = v.get_termfreq();
  }
  for (size_t i = 0; i < n; ++i) {
    if (clusters[i].empty()) continue;
    const auto it = members.find(clusters[i]);
    hits[i].similar = it != members.end() && it->second > 0 ? it->second - 1 : 0;
  }
}

Searcher::BuiltQuery Searcher::build_query(SearchRequest& request) {
  const bool like = !request.like_id.empty();
  BuiltQuery built;
  if (!like) built.reading = read_query(request.query);
  built.read_text = built.reading.text;
  if (!like) latin_names_->mark(built.reading);
  // No words: every article the filters let through, all of one weight,
  // listed newest first.
  if (!like && built.reading.text.empty()) request.sort = SortOrder::Date;
  resolve_entities(request.filters);
  built.query = like ? like_query(request) : build_search_query(request, built.reading, &db_);
  const Xapian::Query exact = like ? Xapian::Query() : build_exact_forms(built.reading, request.match_any);
  built.full = join_exact_form_boost(built.query, exact);
  built.ranked = ranked_query(built.query, exact, doc_lengths());
  return built;
}

SearchResults Searcher::run(const SearchRequest& original, Clock::time_point start) {
  SearchRequest request = original;
  const BuiltQuery built = build_query(request);
  const Xapian::Query& full = built.full;
  const DocLengths* lengths = doc_lengths();
  Xapian::Enquire enquire(db_);
  configure_ranking(enquire, built.ranked, request.sort);
  const bool collapse = collapsing(request);
  if (collapse) enquire.set_collapse_key(schema::kSlotCluster);

  const MatchFacts facts = match_facts(request, full);
  const MatchThresholds limits = thresholds();
  const MatchPlan plan = plan_match(facts, limits);
  if (plan.total_stated) request.exact_total = false;
  std::unique_ptr<MatchStream> stream;
  if (plan.try_stream) {
    stream = make_match_stream(db_, full);
    if (stream && stream->bound() < stream_min_) stream.reset();
  }
  // The estimate opens the posting lists: asked only when it decides something.
  const Xapian::doccount estimate = plan.estimate ? enquire.get_mset(0, 0).get_matches_estimated() : 0;
  const bool second = may_use_second_thread(plan, limits, estimate) && second_ready();
  const MatchExecution execution = choose_execution(facts, limits, plan, estimate, stream != nullptr, second);

  std::optional<FacetCounter> facets, second_facets;
  make_facet_counters(request, execution, facets, second_facets);
  FacetCounter* counter = facets ? &*facets : nullptr;
  Matched matched = execution.split ? match_split(built.ranked, lengths, request, built.reading, counter,
                                                  second_facets ? &*second_facets : nullptr, stream.get())
                                    : match_single(enquire, full, request, plan, execution, stream.get(), counter);
  if (plan.total_stated && !matched.stated) matched.stated = stated_match_count(db_, full);
  return assemble(request, built, matched, facets, collapse, start);
}

SearchResults Searcher::assemble(const SearchRequest& request, const BuiltQuery& built, Matched& matched,
                                 std::optional<FacetCounter>& facets, bool collapse,
                                 Clock::time_point start) {
  SearchResults results;
  results.match_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  results.query = request.query;
  results.notes = built.reading.notes;
  results.ids_only = request.ids_only;
  results.total = matched.stated.value_or(matched.total);
  results.total_exact = matched.stated || matched.exact;
  if (wants_suggestion(results.total) && !built.reading.pure_negative && !built.read_text.empty()) {
    try {
      results.suggestion = suggest_query(db_, built.read_text);
    } catch (const Xapian::UnimplementedError&) {  // a backend without spelling data
    }
  }
  const HighlightTerms terms = request.snippets ? highlight_terms(built.query) : HighlightTerms{};
  for (const auto& [doc, weight] : matched.hits) {
    results.hits.push_back(make_hit(doc, weight, terms, request));
  }
  if (collapse && !request.ids_only) fill_similar(matched, built.full, results.hits);  // not shown
  if (facets) results.facets = facets->collect();
  return results;
}

}  // namespace akhbar
