// Calendar: arithmetic on dates of the proleptic Gregorian calendar, the one
// place that knows leap years, month lengths and weekdays (date.h parses and
// formats dates; event_dates.h counts days from a publication date).
// Day numbers count days from 0001-01-01 (day 0, a Monday).
// Pure functions: thread-safe. Tested equal to ICU's GregorianCalendar.
#pragma once

namespace akhbar {

struct Date;

bool is_leap_year(int year);

// Days in a month (1..12) of a year, leap Februaries included.
int days_in_month(int year, int month);

// REQUIRES: a valid date (is_valid_date), year >= 1.
long day_number(const Date& d);

// The date of a day number. REQUIRES: n >= 0.
Date date_of_day(long n);

// 0 = Sunday .. 6 = Saturday.
int weekday_of_day(long n);

}  // namespace akhbar
