#include "output/date_chart.h"

#include <algorithm>
#include <cstdio>

#include "calendar.h"

namespace akhbar {
namespace {

// A bucket label read as (year, month, day), 0 for the parts it lacks;
// false if it is not an ISO bucket.
bool read_bucket(const std::string& s, int& y, int& m, int& d) {
  y = m = d = 0;
  if (s.size() == 4) return std::sscanf(s.c_str(), "%4d", &y) == 1;
  if (s.size() == 7) return std::sscanf(s.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12;
  if (s.size() == 10) {
    return std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
  }
  return false;
}

std::string bucket_label(int y, int m, int d) {
  char out[16];
  if (m == 0) std::snprintf(out, sizeof out, "%04d", y);
  else if (d == 0) std::snprintf(out, sizeof out, "%04d-%02d", y, m);
  else std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

// The bucket after (y, m, d) at the same granularity.
void next_bucket(int& y, int& m, int& d) {
  if (m == 0) {
    ++y;
  } else if (d == 0 || d == days_in_month(y, m)) {
    if (d != 0) d = 1;
    if (++m > 12) m = 1, ++y;
  } else {
    ++d;
  }
}

}  // namespace

std::vector<FacetValue> with_empty_buckets(const std::vector<FacetValue>& buckets) {
  if (buckets.size() < 2) return buckets;
  int y, m, d;
  for (const FacetValue& v : buckets) {
    if (!read_bucket(v.value, y, m, d) || v.value.size() != buckets.front().value.size()) return buckets;
  }
  read_bucket(buckets.front().value, y, m, d);
  const std::string& last = buckets.back().value;
  std::vector<FacetValue> out;
  size_t next = 0;  // the next given bucket
  while (out.size() <= kMaxChartBuckets) {
    const std::string label = bucket_label(y, m, d);
    if (next < buckets.size() && buckets[next].value == label) {
      out.push_back(buckets[next++]);
    } else {
      out.push_back({label, 0, ""});
    }
    if (label >= last) break;
    next_bucket(y, m, d);
  }
  return out.size() > kMaxChartBuckets || next != buckets.size() ? buckets : out;
}

std::string bar(size_t eighths) {
  static const char* const kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::string out;
  for (size_t i = 0; i < eighths / 8; ++i) out += "█";
  return out + kPartial[eighths % 8];
}

std::vector<std::string> date_chart(const std::vector<FacetValue>& buckets, size_t width) {
  const std::vector<FacetValue> all = with_empty_buckets(buckets);
  size_t label_width = 0, max_count = 0;
  for (const FacetValue& v : all) {
    label_width = std::max(label_width, v.value.size());
    max_count = std::max(max_count, v.count);
  }
  const size_t count_width = std::to_string(max_count).size();
  const size_t taken = 2 + label_width + 1 + count_width + 1;  // "  LABEL COUNT BAR"
  const size_t columns = width > taken ? width - taken : 1;
  std::vector<std::string> lines;
  for (const FacetValue& v : all) {
    size_t eighths = max_count == 0 ? 0 : (v.count * columns * 8 + max_count / 2) / max_count;
    if (v.count > 0 && eighths == 0) eighths = 1;
    std::string count = std::to_string(v.count);
    std::string line = "  " + v.value + std::string(label_width - v.value.size(), ' ') + ' ' +
                       std::string(count_width - count.size(), ' ') + count + ' ' + bar(eighths);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace akhbar
