// The date facet as a bar chart: empty buckets filled in, bars scaled to
// the width, counts beside them.
#include <catch2/catch.hpp>

#include "output/date_chart.h"

using akhbar::FacetValue;

namespace {

std::vector<std::string> labels(const std::vector<FacetValue>& values) {
  std::vector<std::string> out;
  for (const FacetValue& v : values) out.push_back(v.value + "=" + std::to_string(v.count));
  return out;
}

}  // namespace

TEST_CASE("the buckets nobody wrote about are shown empty", "[chart]") {
  struct Row {
    std::vector<FacetValue> given;
    std::vector<std::string> shown;
  };
  const std::vector<Row> rows = {
      {{{"2018-01", 3, ""}, {"2018-04", 1, ""}}, {"2018-01=3", "2018-02=0", "2018-03=0", "2018-04=1"}},
      {{{"2017-11", 2, ""}, {"2018-02", 5, ""}}, {"2017-11=2", "2017-12=0", "2018-01=0", "2018-02=5"}},
      {{{"2015", 1, ""}, {"2017", 2, ""}}, {"2015=1", "2016=0", "2017=2"}},
      // Days across the end of a February, in a common year and a leap one.
      {{{"2018-02-27", 1, ""}, {"2018-03-02", 1, ""}}, {"2018-02-27=1", "2018-02-28=0", "2018-03-01=0", "2018-03-02=1"}},
      {{{"2020-02-28", 1, ""}, {"2020-03-01", 1, ""}}, {"2020-02-28=1", "2020-02-29=0", "2020-03-01=1"}},
      // Nothing to fill.
      {{{"2018-01", 3, ""}}, {"2018-01=3"}},
      {{}, {}},
      // Not ISO buckets: shown as given.
      {{{"unknown", 1, ""}, {"2018-01", 2, ""}}, {"unknown=1", "2018-01=2"}},
      // More than kMaxChartBuckets days between: only those given.
      {{{"2000-01-01", 1, ""}, {"2018-01-01", 1, ""}}, {"2000-01-01=1", "2018-01-01=1"}},
  };
  for (const Row& row : rows) {
    CHECK(labels(akhbar::with_empty_buckets(row.given)) == row.shown);
  }
}

TEST_CASE("bars are eighths of a column of block elements", "[chart]") {
  CHECK(akhbar::bar(0) == "");
  CHECK(akhbar::bar(1) == "▏");
  CHECK(akhbar::bar(4) == "▌");
  CHECK(akhbar::bar(8) == "█");
  CHECK(akhbar::bar(19) == "██▍");
}

TEST_CASE("the largest bucket fills the width; counts stand beside the bars", "[chart]") {
  // 30 columns: "  " + 7 (label) + " " + 2 (count) + " " leaves 17 for the
  // bar. 10 -> 17 columns; 5 -> 8.5; 1 -> 1.7, rounded to 1 6/8.
  const std::vector<FacetValue> buckets = {{"2018-01", 10, ""}, {"2018-02", 5, ""}, {"2018-04", 1, ""}};
  const std::vector<std::string> expected = {
      "  2018-01 10 █████████████████",
      "  2018-02  5 ████████▌",
      "  2018-03  0",
      "  2018-04  1 █▊",
  };
  CHECK(akhbar::date_chart(buckets, 30) == expected);
}

TEST_CASE("a bucket with any article gets a visible bar", "[chart]") {
  const std::vector<FacetValue> buckets = {{"2018", 1000, ""}, {"2019", 1, ""}};
  const std::vector<std::string> lines = akhbar::date_chart(buckets, 30);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "  2019    1 ▏");
  // A width too small for any bar still shows labels and counts whole.
  CHECK(akhbar::date_chart(buckets, 5)[0] == "  2018 1000 █");
}
