// Date terms: a date range is covered by the fewest year, month and day
// terms the database holds, and they match exactly the documents whose date
// lies in the range.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/date_terms.h"
#include "index/schema.h"

using akhbar::covering_date_terms;
using akhbar::Date;
using Strings = std::vector<std::string>;

namespace {

const akhbar::DatePrefixes kPublished{akhbar::schema::kYear, akhbar::schema::kMonth, akhbar::schema::kDay};

// A document dated `ymd` as the indexer writes it: three terms and the value.
void add_dated(Xapian::WritableDatabase& db, const std::string& ymd) {
  Xapian::Document doc;
  doc.add_boolean_term(std::string(akhbar::schema::kYear) + ymd.substr(0, 4));
  doc.add_boolean_term(std::string(akhbar::schema::kMonth) + ymd.substr(0, 6));
  doc.add_boolean_term(std::string(akhbar::schema::kDay) + ymd);
  doc.add_value(akhbar::schema::kSlotDate, ymd);
  db.add_document(doc);
}

Xapian::WritableDatabase dated(const Strings& days) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string& d : days) add_dated(db, d);
  // Terms that share a prefix but are no dates.
  Xapian::Document other;
  other.add_term("Yes");
  other.add_term("M2018x1");
  other.add_term("D201801151");
  db.add_document(other);
  db.commit();
  return db;
}

}  // namespace

TEST_CASE("a date range is covered by whole years, then months, then days the database holds",
          "[search][dates]") {
  const Xapian::WritableDatabase db =
      dated({"20171230", "20171231", "20180115", "20180228", "20180704", "20190201", "20190202",
             "20200229", "20200505"});
  const Date open_start{1000, 1, 1}, open_end{9999, 12, 31};
  struct Row {
    Date from, to;
    Strings expected;
  };
  const Row rows[] = {
      {{2017, 12, 30}, {2019, 2, 2}, {"D20171230", "D20171231", "Y2018", "D20190201", "D20190202"}},
      {open_start, {2018, 2, 28}, {"Y2017", "M201801", "M201802"}},  // 2018 is no leap year
      {{2018, 2, 1}, open_end, {"M201802", "M201807", "Y2019", "Y2020"}},
      {{2020, 2, 1}, {2020, 2, 29}, {"M202002"}},                    // the whole of a leap February
      {{2020, 2, 1}, {2020, 2, 28}, {}},                             // the 29th is the only day held
      {{2016, 2, 28}, {2016, 3, 1}, {}},                             // nothing dated then
      {{2019, 1, 1}, {2018, 1, 1}, {}},                              // an empty range
      {open_start, open_end, {"Y2017", "Y2018", "Y2019", "Y2020"}},
  };
  for (const Row& r : rows) {
    INFO(r.from.iso() << " .. " << r.to.iso());
    CHECK(covering_date_terms(db, kPublished, r.from, r.to) == r.expected);
  }
}

TEST_CASE("the covering terms match the documents a range of the date value does",
          "[search][dates]") {
  std::mt19937 rng(30112026);
  Strings days;
  for (int i = 0; i < 300; ++i) {
    const int y = 2015 + static_cast<int>(rng() % 4), m = 1 + static_cast<int>(rng() % 12);
    int d = 1 + static_cast<int>(rng() % 31);
    while (!akhbar::is_valid_date(y, m, d)) --d;
    days.push_back(Date{y, m, d}.yyyymmdd());
  }
  const Xapian::WritableDatabase db = dated(days);
  auto matches = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Xapian::docid> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
  };
  for (int i = 0; i < 200; ++i) {
    Date a{2014 + static_cast<int>(rng() % 6), 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)};
    Date b{a.year + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)};
    if (b < a) std::swap(a, b);
    INFO(a.iso() << " .. " << b.iso());
    const Strings terms = covering_date_terms(db, kPublished, a, b);
    const std::vector<Xapian::Query> parts(terms.begin(), terms.end());
    const Xapian::Query by_terms(Xapian::Query::OP_OR, parts.begin(), parts.end());
    const Xapian::Query by_value(Xapian::Query::OP_VALUE_RANGE, akhbar::schema::kSlotDate, a.yyyymmdd(),
                                 b.yyyymmdd());
    REQUIRE(matches(by_terms) == matches(by_value));
  }
}
