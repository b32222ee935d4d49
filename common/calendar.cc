#include "calendar.h"

#include "date.h"

namespace akhbar {
namespace {

// Days of the year before the first of each month, in a common year.
constexpr int kDaysBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDaysInMonth[month - 1];
}

long day_number(const Date& d) {
  const long y = d.year - 1;
  long n = 365 * y + y / 4 - y / 100 + y / 400;
  n += kDaysBeforeMonth[d.month - 1] + (d.month > 2 && is_leap_year(d.year) ? 1 : 0);
  return n + d.day - 1;
}

Date date_of_day(long n) {
  Date d;
  d.year = static_cast<int>(n / 366) + 1;  // never past the real year
  while (day_number(Date{d.year + 1, 1, 1}) <= n) ++d.year;
  d.month = 12;
  while (day_number(Date{d.year, d.month, 1}) > n) --d.month;
  d.day = static_cast<int>(n - day_number(Date{d.year, d.month, 1})) + 1;
  return d;
}

int weekday_of_day(long n) { return static_cast<int>((n + 1) % 7); }

}  // namespace akhbar
