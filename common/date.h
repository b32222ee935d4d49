// Date: a calendar date (and optional time of day) and the parser for the date
// formats found in news corpora.
//
// parse_date() accepts ISO-8601 (date, date-time, with or without zone and
// fractional seconds, basic forms "20180223" and "T181500" included),
// RFC-822/1123 ("Fri, 23 Feb 2018 10:37:34 GMT", "+0400"), "YYYY-MM-DD
// HH:MM:SS", "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY" (day first, as in Arabic
// sources; one or two digits), "YYYY/MM/DD", and dates in words, Arabic or
// English: optional weekday, day, month name, year, optional "م"/"ميلادي",
// optional time ("الساعة 10:30 م"), also "February 23, 2018" and "23 يوليو/
// تموز 1952" (two names for one month). Month names come from every regional
// set (يناير, كانون الثاني, جانفي, يوليوز, the Libyan ones, English),
// Arabic-Indic digits included. Years are four digits, 1000..9999. The
// calendar date is the one written in the source (no conversion to UTC).
// Anything it cannot read with certainty gives nullopt: it never guesses —
// not a two-digit year, not month-first "12/25/2018", not a weekday that
// contradicts the date, not words around the date. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "calendar.h"

namespace akhbar {

struct Date {
  int year = 0;   // 1000..9999 when parsed
  int month = 0;  // 1..12
  int day = 0;    // 1..31, valid for the month

  std::string iso() const;       // "YYYY-MM-DD"
  std::string yyyymmdd() const;  // "YYYYMMDD": sortable, the value-slot form

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
};

// True for a real date of the proleptic Gregorian calendar, year 1000..9999
// (leap years included).
bool is_valid_date(int year, int month, int day);


// Parses a publication date written in any supported format; nullopt if not.
std::optional<Date> parse_date(std::string_view text);

// Month number (1..12) for an Arabic or English month name in any regional
// set, or 0. The name may carry the article or clitics stripped beforehand;
// matching is on the normalized form (hamza, ta marbuta, alef maqsura folded).
int month_from_name(std::string_view name);

// A bound given by a user on the command line: "YYYY", "YYYY-MM" or
// "YYYY-MM-DD". For a lower bound the first day of the period, for an upper
// bound the last. nullopt if the text is not of that form.
std::optional<Date> parse_date_bound(std::string_view text, bool upper);

}  // namespace akhbar
