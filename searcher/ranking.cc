#include "ranking.h"

#include "schema.h"

namespace akhbar {
namespace {

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

void configure_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder sort) {
  enquire.set_query(query);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen));
  if (sort == SortOrder::Date) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);  // newest first
  }
}

}  // namespace akhbar
