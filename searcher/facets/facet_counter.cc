#include "facets/facet_counter.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "index/schema.h"

namespace akhbar {
namespace {

std::string date_bucket(const std::string& yyyymmdd, DateGranularity g) {
  // Slot values are "YYYYMMDD"; facet values are ISO: YYYY, YYYY-MM, YYYY-MM-DD.
  if (yyyymmdd.size() != 8) return yyyymmdd;
  std::string out = yyyymmdd.substr(0, 4);
  if (g == DateGranularity::Year) return out;
  out += "-" + yyyymmdd.substr(4, 2);
  if (g == DateGranularity::Month) return out;
  return out + "-" + yyyymmdd.substr(6, 2);
}

Facet date_facet(const std::map<std::string, size_t>& buckets) {
  Facet facet{"date", {}};
  for (const auto& [value, count] : buckets) facet.values.push_back({value, count, ""});
  return facet;
}

// Buckets are ordered: the facet reads as a timeline.
Facet date_facet(const Xapian::ValueCountMatchSpy& spy, DateGranularity g) {
  std::map<std::string, size_t> buckets;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    buckets[date_bucket(*it, g)] += it.get_termfreq();
  }
  return date_facet(buckets);
}

// Days are bucketed as numbers and only the buckets are named: a broad
// query over twenty years meets thousands of days, and naming each costs.
Facet date_facet(const std::vector<std::pair<uint32_t, uint32_t>>& days, DateGranularity g) {
  Facet facet{"date", {}};
  uint32_t bucket = 0;
  for (const auto& [code, count] : days) {
    const uint32_t b = g == DateGranularity::Day     ? code
                       : g == DateGranularity::Month ? month_of_code(code)
                                                     : month_of_code(code) / 12;
    if (facet.values.empty() || b != bucket) {
      facet.values.push_back({date_bucket(day_from_code(code), g), 0, ""});
      bucket = b;
    }
    facet.values.back().count += count;
  }
  return facet;
}

// Most frequent first; ties in a fixed order so that output is stable.
void rank_and_cut(Facet& facet, size_t limit) {
  std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.value != b.value ? a.value < b.value : a.id < b.id;
  });
  if (facet.values.size() > limit) facet.values.resize(limit);
}

Facet label_facet(const char* name, const Xapian::ValueCountMatchSpy& spy, size_t limit) {
  Facet facet{name, {}};
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    facet.values.push_back({*it, static_cast<size_t>(it.get_termfreq()), ""});
  }
  rank_and_cut(facet, limit);
  return facet;
}

}  // namespace

FacetCounter::FacetCounter(const SearchRequest& request, Namer namer,
                           std::optional<Ordinals> ordinals)
    : request_(request),
      namer_(std::move(namer)),
      ordinals_(std::move(ordinals)),
      date_spy_(schema::kSlotDate),
      source_spy_(schema::kSlotSource),
      category_spy_(schema::kSlotCategory),
      place_spy_(schema::kSlotPlaces),
      person_spy_(schema::kSlotPersons),
      organization_spy_(schema::kSlotOrganizations) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (ordinals_) {
    enquire.add_matchspy(
        &ordinal_spy_.emplace(ordinals_->sizes, ordinals_->column, ordinals_->parallel_min));
    return;
  }
  for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{
           &date_spy_, &source_spy_, &category_spy_, &place_spy_, &person_spy_, &organization_spy_}) {
    enquire.add_matchspy(spy);
  }
}

void FacetCounter::add_matches(std::vector<Xapian::docid> docs, const Xapian::Database& db) {
  if (!ordinals_) throw std::logic_error("FacetCounter::add_matches needs counting by ordinal");
  if (!ordinal_spy_) ordinal_spy_.emplace(ordinals_->sizes, ordinals_->column, ordinals_->parallel_min);
  ordinal_spy_->add_matches(std::move(docs), db);
}

Facet FacetCounter::entity_facet(const char* name,
                                 std::initializer_list<const Xapian::ValueCountMatchSpy*> spies) const {
  // The spies count each distinct list of ids (a slot holds an article's
  // list, each id once): a list's count goes to every id in it. Xapian's
  // own spy, so that a remote shard counts it too and the client merges.
  std::unordered_map<std::string, size_t> counts;
  for (const Xapian::ValueCountMatchSpy* spy : spies) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
      const std::string list = *it;
      const size_t n = it.get_termfreq();
      schema::for_each_in_list(list, [&](std::string_view id) { counts[std::string(id)] += n; });
    }
  }
  // A broad query meets thousands of entities and shows a few: select the
  // top ones on (count, id), then name only those (naming may read the
  // database's metadata).
  std::vector<std::pair<size_t, const std::string*>> all;
  all.reserve(counts.size());
  for (const auto& [id, count] : counts) all.emplace_back(count, &id);
  const size_t shown = std::min(all.size(), request_.facet_limit);
  std::partial_sort(all.begin(), all.begin() + shown, all.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });
  Facet facet{name, {}};
  for (size_t i = 0; i < shown; ++i) {
    const std::string& id = *all[i].second;
    std::string value = namer_(id);
    facet.values.push_back({value.empty() ? id : std::move(value), all[i].first, id});
  }
  return facet;
}

Facet FacetCounter::ordinal_facet(const char* name, std::initializer_list<FacetKind> kinds,
                                  bool entity) const {
  // Rank on (count, value) like the by-value path, but name as few
  // ordinals as possible: those above the limit's count, and its ties.
  struct Entry {
    uint32_t count;
    FacetKind kind;
    uint32_t ord;
    const std::string* value;
  };
  const size_t limit = request_.facet_limit;
  if (limit == 0) return Facet{name, {}};
  // The limit-th largest count, by one pass with a small min-heap: a broad
  // query has tens of thousands of entities with a count, and copying them
  // all to select a few cost more than the counting.
  std::vector<uint32_t> heap;
  heap.reserve(limit + 1);
  const auto greater = std::greater<uint32_t>();
  for (FacetKind kind : kinds) {
    for (const uint32_t c : ordinal_spy_->counts(kind)) {
      if (c == 0 || (heap.size() == limit && c <= heap.front())) continue;
      heap.push_back(c);
      std::push_heap(heap.begin(), heap.end(), greater);
      if (heap.size() > limit) {
        std::pop_heap(heap.begin(), heap.end(), greater);
        heap.pop_back();
      }
    }
  }
  if (heap.empty()) return Facet{name, {}};
  const uint32_t floor = heap.size() < limit ? 1 : heap.front();
  std::vector<Entry> all;
  for (FacetKind kind : kinds) {
    const std::vector<uint32_t>& counts = ordinal_spy_->counts(kind);
    for (uint32_t ord = 0; ord < counts.size(); ++ord) {
      if (counts[ord] >= floor) all.push_back({counts[ord], kind, ord, nullptr});
    }
  }
  for (Entry& e : all) e.value = &ordinals_->value(e.kind, e.ord);
  std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    return a.count != b.count ? a.count > b.count : *a.value < *b.value;
  });
  if (all.size() > limit) all.resize(limit);
  Facet facet{name, {}};
  for (const Entry& e : all) {
    if (!entity) {
      facet.values.push_back({*e.value, e.count, ""});
      continue;
    }
    std::string shown = namer_(*e.value);
    facet.values.push_back({shown.empty() ? *e.value : std::move(shown), e.count, *e.value});
  }
  return facet;
}

void FacetCounter::finish() {
  if (ordinal_spy_) ordinal_spy_->finish();
}

void FacetCounter::merge(FacetCounter& other) {
  if (!ordinal_spy_ || !other.ordinal_spy_) {
    throw std::logic_error("FacetCounter::merge needs counting by ordinal on both sides");
  }
  ordinal_spy_->merge(*other.ordinal_spy_);
}

std::vector<Facet> FacetCounter::collect() {
  finish();
  return ordinals_ ? collect_by_ordinal() : collect_by_value();
}

std::vector<Facet> FacetCounter::collect_by_ordinal() const {
  return {date_facet(ordinal_spy_->days(), request_.date_facet),
          ordinal_facet("source", {FacetKind::Source}, false),
          ordinal_facet("category", {FacetKind::Category}, false),
          ordinal_facet("place", {FacetKind::Place}, true),
          ordinal_facet("person", {FacetKind::Person}, true),
          ordinal_facet("organization", {FacetKind::Organization}, true),
          ordinal_facet("actor", {FacetKind::Person, FacetKind::Organization}, true)};
}

std::vector<Facet> FacetCounter::collect_by_value() const {
  return {date_facet(date_spy_, request_.date_facet),
          label_facet("source", source_spy_, request_.facet_limit),
          label_facet("category", category_spy_, request_.facet_limit),
          entity_facet("place", {&place_spy_}),
          entity_facet("person", {&person_spy_}),
          entity_facet("organization", {&organization_spy_}),
          entity_facet("actor", {&person_spy_, &organization_spy_})};
}

}  // namespace akhbar
