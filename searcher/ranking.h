// Ranking: how a match is weighed and ordered, defined once for the searcher
// and for the benchmark's measure of Xapian alone (bench/xapian_floor.cc),
// so that both rank exactly alike.
//
// Contract: sets `query`, the weighting scheme (BM25 with the parameters
// measured in ranking.cc) and the order (relevance, or newest first then
// relevance) on `enquire`; nothing else.
#pragma once

#include <xapian.h>

#include "search_request.h"

namespace akhbar {

void configure_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, SortOrder sort);

}  // namespace akhbar
