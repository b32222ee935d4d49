// The calendar is ICU's proleptic Gregorian calendar: the same day numbers
// (up to the Julian day of 0001-01-01), weekdays and month lengths.
#include <catch2/catch.hpp>

#include <unicode/gregocal.h>

#include <memory>

#include "calendar.h"
#include "date.h"

using akhbar::Date;

TEST_CASE("leap years and month lengths", "[date]") {
  struct Row {
    int year;
    bool leap;
  };
  for (const Row& r : {Row{2016, true}, Row{2018, false}, Row{2000, true}, Row{1900, false}, Row{2100, false},
                       Row{2400, true}, Row{1600, true}}) {
    INFO(r.year);
    CHECK(akhbar::is_leap_year(r.year) == r.leap);
    CHECK(akhbar::days_in_month(r.year, 2) == (r.leap ? 29 : 28));
  }
  CHECK(akhbar::days_in_month(2018, 4) == 30);
  CHECK(akhbar::days_in_month(2018, 12) == 31);
  CHECK(akhbar::days_in_month(2018, 13) == 0);
}

TEST_CASE("day numbers and weekdays are ICU's Gregorian calendar's", "[date]") {
  UErrorCode status = U_ZERO_ERROR;
  auto icu = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), status);
  REQUIRE(U_SUCCESS(status));
  icu->setGregorianChange(U_DATE_MIN, status);  // proleptic: no Julian calendar before 1582
  const long jd0001 = 1721426;                  // Julian day of 0001-01-01
  long checked = 0;
  for (int year = 1000; year <= 9999; year += 7) {
    for (int month = 1; month <= 12; ++month) {
      for (int day : {1, 15, akhbar::days_in_month(year, month)}) {
        icu->clear();
        icu->set(year, month - 1, day);
        const long jd = icu->get(UCAL_JULIAN_DAY, status);
        const int weekday = icu->get(UCAL_DAY_OF_WEEK, status) - 1;  // ICU: 1 = Sunday
        REQUIRE(U_SUCCESS(status));
        const Date d{year, month, day};
        const long n = akhbar::day_number(d);
        if (n != jd - jd0001 || akhbar::weekday_of_day(n) != weekday || !(akhbar::date_of_day(n) == d)) {
          FAIL(d.iso() << ": day " << n << " weekday " << akhbar::weekday_of_day(n) << ", ICU " << jd - jd0001
                       << " weekday " << weekday);
        }
        ++checked;
      }
    }
  }
  CHECK(checked > 40000);
  CHECK(akhbar::weekday_of_day(akhbar::day_number(Date{2018, 2, 23})) == 5);  // a Friday
}
