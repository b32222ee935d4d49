// DateChart: the date facet as a horizontal bar chart for a terminal, one
// line per bucket: the bucket's label, its count, and a bar of Unicode
// block elements (U+2588 full block, U+258F..U+2589 for eighths) whose
// length is proportional to the count, the largest filling the columns left
// on the line. A bucket with any article gets at least an eighth; an empty
// one none.
//
// Buckets missing between the first and the last (months or days nobody
// wrote about, as the facet lists only buckets that hold articles) are
// shown with a count of 0, so that the chart reads as a time line, unless
// that would give more than kMaxChartBuckets lines: then only the buckets
// given are shown. Labels are the facet's ISO values (YYYY, YYYY-MM or
// YYYY-MM-DD); any other value is shown as given, without gaps filled.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "search_request.h"

namespace akhbar {

inline constexpr size_t kMaxChartBuckets = 400;

// The facet's buckets, in time order, with the empty ones between them.
std::vector<FacetValue> with_empty_buckets(const std::vector<FacetValue>& buckets);

// A bar of `eighths` eighths of a column.
std::string bar(size_t eighths);

// The chart's lines (without newline), fitting `width` columns (at least
// one column of bar: labels and counts are never cut).
std::vector<std::string> date_chart(const std::vector<FacetValue>& buckets, size_t width);

}  // namespace akhbar
