#include "facet_counter.h"

#include <algorithm>
#include <map>

#include "schema.h"

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

Facet date_facet(const Xapian::ValueCountMatchSpy& spy, DateGranularity g) {
  std::map<std::string, size_t> buckets;  // ordered: the facet reads as a timeline
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    buckets[date_bucket(*it, g)] += it.get_termfreq();
  }
  Facet facet{"date", {}};
  for (const auto& [value, count] : buckets) facet.values.push_back({value, count, ""});
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

FacetCounter::FacetCounter(const SearchRequest& request, Namer namer)
    : request_(request),
      namer_(std::move(namer)),
      date_spy_(schema::kSlotDate),
      source_spy_(schema::kSlotSource),
      category_spy_(schema::kSlotCategory),
      place_spy_(schema::kSlotPlaces),
      person_spy_(schema::kSlotPersons),
      organization_spy_(schema::kSlotOrganizations) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{
           &date_spy_, &source_spy_, &category_spy_, &place_spy_, &person_spy_, &organization_spy_}) {
    enquire.add_matchspy(spy);
  }
}

Facet FacetCounter::entity_facet(const char* name,
                                 std::initializer_list<const ListCountMatchSpy*> spies) const {
  // A broad query meets thousands of entities and shows a few: select the
  // top ones on (count, id) without copying, then name only those (naming
  // may read the database's metadata).
  std::vector<std::pair<size_t, std::string_view>> all;
  for (const ListCountMatchSpy* spy : spies) {
    for (const auto& [id, count] : spy->counts()) all.emplace_back(count, id);
  }
  const size_t shown = std::min(all.size(), request_.facet_limit);
  std::partial_sort(all.begin(), all.begin() + shown, all.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  Facet facet{name, {}};
  for (size_t i = 0; i < shown; ++i) {
    const std::string id(all[i].second);
    std::string value = namer_(id);
    facet.values.push_back({value.empty() ? id : std::move(value), all[i].first, id});
  }
  return facet;
}

std::vector<Facet> FacetCounter::collect() const {
  return {date_facet(date_spy_, request_.date_facet),
          label_facet("source", source_spy_, request_.facet_limit),
          label_facet("category", category_spy_, request_.facet_limit),
          entity_facet("place", {&place_spy_}),
          entity_facet("person", {&person_spy_}),
          entity_facet("organization", {&organization_spy_}),
          entity_facet("actor", {&person_spy_, &organization_spy_})};
}

}  // namespace akhbar
