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
  for (const auto& [value, count] : buckets) facet.values.push_back({value, count});
  return facet;
}

Facet label_facet(const char* name, const Xapian::ValueCountMatchSpy& spy, size_t limit) {
  Facet facet{name, {}};
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    facet.values.push_back({*it, static_cast<size_t>(it.get_termfreq())});
  }
  std::stable_sort(facet.values.begin(), facet.values.end(),
                   [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (facet.values.size() > limit) facet.values.resize(limit);
  return facet;
}

}  // namespace

FacetCounter::FacetCounter(const SearchRequest& request)
    : request_(request),
      date_spy_(schema::kSlotDate),
      source_spy_(schema::kSlotSource),
      category_spy_(schema::kSlotCategory) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(&date_spy_);
  enquire.add_matchspy(&source_spy_);
  enquire.add_matchspy(&category_spy_);
}

std::vector<Facet> FacetCounter::collect() const {
  return {date_facet(date_spy_, request_.date_facet),
          label_facet("source", source_spy_, request_.facet_limit),
          label_facet("category", category_spy_, request_.facet_limit)};
}

}  // namespace akhbar
