// FacetCounter: counts, over every document that matches a query, how many
// fall on each value of a facet (date, source, category).
//
// attach() registers Xapian match spies on an Enquire; the Enquire must then
// run get_mset() with checkatleast = database size, so that the counts are
// exact rather than estimated. collect() reads the counts afterwards, dates
// grouped by the requested granularity and in date order, other facets by
// descending count (ties by value), at most `facet_limit` values each.
// One FacetCounter per query; not thread-safe.
#pragma once

#include <memory>
#include <vector>

#include <xapian.h>

#include "search_request.h"

namespace akhbar {

class FacetCounter {
 public:
  explicit FacetCounter(const SearchRequest& request);
  void attach(Xapian::Enquire& enquire);
  std::vector<Facet> collect() const;

 private:
  const SearchRequest& request_;
  Xapian::ValueCountMatchSpy date_spy_, source_spy_, category_spy_;
};

}  // namespace akhbar
