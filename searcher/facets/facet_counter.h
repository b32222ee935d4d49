// FacetCounter: counts, over every document that matches a query, how many
// fall on each value of a facet (date, source, category).
//
// attach() registers Xapian match spies on an Enquire; the Enquire must then
// run get_mset() with checkatleast = database size, so that the counts are
// exact rather than estimated. collect() finishes the counting (the
// ordinal spy counts a column's documents after the match) and reads the
// counts, dates
// grouped by the requested granularity and in date order, other facets by
// descending count (ties by value), at most `facet_limit` values each.
// Entity facets (place, person, organization, and actor = both) show each
// id's display name. One FacetCounter per query; not
// thread-safe.
//
// Two ways to count, with the same results: by ordinal (one value read and
// array increments per match; needs a single database that carries
// ordinals, facet_ordinals.h) or by value (any databases, remote shards
// included: only Xapian's ValueCountMatchSpy, which the stock server knows).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/facet_ordinals.h"
#include "facets/ordinal_count_spy.h"
#include "search_request.h"

namespace akhbar {

// What counting by ordinal needs of the database.
struct FacetOrdinalSource {
  std::array<uint32_t, kFacetKinds> sizes{};  // ordinals given, per kind
  // The value (entity id, source, category) of an ordinal.
  std::function<const std::string&(FacetKind, uint32_t)> value;
  // Every document's ordinals in memory, for the revision searched; null:
  // read them from the index.
  const FacetColumn* column = nullptr;
  // With a column: from this many matching documents on, two threads count.
  size_t parallel_min = OrdinalCountSpy::kDefaultParallelMin;
};

class FacetCounter {
 public:
  using Namer = std::function<std::string(const std::string& id)>;
  using Ordinals = FacetOrdinalSource;

  // `namer` gives the display name of an entity id. With `ordinals`, counts
  // by ordinal.
  FacetCounter(const SearchRequest& request, Namer namer,
               std::optional<Ordinals> ordinals = std::nullopt);
  void attach(Xapian::Enquire& enquire);
  // Instead of attach(): counts documents the caller found itself
  // (match_stream.h), in ascending docid order, reading `db` (used by this
  // thread only) if needed. Needs counting by ordinal.
  void add_matches(std::vector<Xapian::docid> docs, const Xapian::Database& db);
  // Counts what the match noted (by ordinal, with a column, the counting
  // happens after the match): call on the thread that ran it, or let
  // collect() do it.
  void finish();
  // Adds the counts of `other`: the same request, counted by ordinal over
  // another slice of the same database revision.
  void merge(FacetCounter& other);
  std::vector<Facet> collect();

 private:
  std::vector<Facet> collect_by_value() const;
  std::vector<Facet> collect_by_ordinal() const;
  Facet entity_facet(const char* name,
                     std::initializer_list<const Xapian::ValueCountMatchSpy*> spies) const;
  Facet ordinal_facet(const char* name, std::initializer_list<FacetKind> kinds, bool entity) const;

  const SearchRequest& request_;
  Namer namer_;
  std::optional<Ordinals> ordinals_;
  std::optional<OrdinalCountSpy> ordinal_spy_;
  // By value: Xapian's own spies, which a remote shard runs and the client
  // merges; the entity slots' lists are split at collect().
  Xapian::ValueCountMatchSpy date_spy_, source_spy_, category_spy_;
  Xapian::ValueCountMatchSpy place_spy_, person_spy_, organization_spy_;
};

}  // namespace akhbar
