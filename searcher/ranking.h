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
// no floor on document length. Measured on the ANT known-item test (2,000
// titles as OR queries over 41,661 bodies, bench/README.md), MRR@10 with
// words matched by stem only (2026-11-25): Xapian's defaults (k1 1, b 0.5,
// min_normlen 0.5) 0.6664; k1 1.2 b 0.75 min_normlen 0.5: 0.6784;
// min_normlen 0: 0.6865 (k1 1: 0.6860, 1.5: 0.6862, 2: 0.6793; b 0.6:
// 0.6761, 0.9: 0.6846, 1: 0.6831); BM25+ (delta 0.5 or 1) at best 0.6815.
// Short articles are the rule in news: min_normlen 0.5 gave every article
// shorter than half the average the same length weight.
struct Bm25Parameters {
  double k1, k2, k3, b, min_normlen;
};
inline constexpr Bm25Parameters kBm25{1.2, 0 /* no query-length correction */, 1, 0.75, 0};

void configure_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder sort);

}  // namespace akhbar
