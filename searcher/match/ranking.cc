#include "match/ranking.h"

#include "index/schema.h"

namespace akhbar {

void configure_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder sort) {
  enquire.set_query(query);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25.k1, kBm25.k2, kBm25.k3, kBm25.b, kBm25.min_normlen));
  if (sort == SortOrder::Date) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);  // newest first
  }
}

}  // namespace akhbar
