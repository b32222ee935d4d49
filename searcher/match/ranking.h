// Ranking: how a match is weighed and ordered, defined once for the searcher
// and for the benchmark's measure of Xapian alone (bench/xapian_floor.cc),
// so that both rank exactly alike.
//
// Contract: sets `query`, the weighting scheme (BM25 with kBm25's
// parameters) and the order (relevance, or newest first then relevance) on
// `enquire`; nothing else.
#pragma once

#include <xapian.h>

#include "search_request.h"

namespace akhbar {

// BM25's parameters, in Xapian::BM25Weight's order. Lucene's k1 and b, and
// no floor on document length, chosen on the known-item test
// (docs/ranking.md). Short articles are the rule in news: a floor of half
// the average length gave every shorter article the same length weight.
struct Bm25Parameters {
  double k1, k2, k3, b, min_normlen;
};
inline constexpr Bm25Parameters kBm25{1.2, 0 /* no query-length correction */, 1, 0.75, 0};

void configure_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder sort);

}  // namespace akhbar
