// FacetCounter: counts, over every document that matches a query, how many
// fall on each value of a facet (date, source, category).
//
// attach() registers Xapian match spies on an Enquire; the Enquire must then
// run get_mset() with checkatleast = database size, so that the counts are
// exact rather than estimated. collect() reads the counts afterwards, dates
// grouped by the requested granularity and in date order, other facets by
// descending count (ties by value), at most `facet_limit` values each.
// Entity facets (place, person, organization, and actor = both) show each
// id's display name. One FacetCounter per query; not
// thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "list_count_spy.h"
#include "search_request.h"

namespace akhbar {

class FacetCounter {
 public:
  using Namer = std::function<std::string(const std::string& id)>;
  // `namer` gives the display name of an entity id.
  FacetCounter(const SearchRequest& request, Namer namer);
  void attach(Xapian::Enquire& enquire);
  std::vector<Facet> collect() const;

 private:
  Facet entity_facet(const char* name,
                     std::initializer_list<const ListCountMatchSpy*> spies) const;

  const SearchRequest& request_;
  Namer namer_;
  Xapian::ValueCountMatchSpy date_spy_, source_spy_, category_spy_;
  ListCountMatchSpy place_spy_, person_spy_, organization_spy_;
};

}  // namespace akhbar
