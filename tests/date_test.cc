#include <catch2/catch.hpp>

#include <thread>

#include "date.h"

using akhbar::Date;
using akhbar::month_from_name;
using akhbar::parse_date;
using akhbar::parse_date_bound;

namespace {

struct DateCase {
  const char* input;
  const char* expected;  // ISO date, or "" for nullopt
};

std::string parsed(const char* input) {
  const auto d = parse_date(input);
  return d ? d->iso() : "";
}

}  // namespace

TEST_CASE("parse_date reads every supported format", "[date]") {
  static const DateCase kCases[] = {
      // ISO-8601
      {"2018-02-23", "2018-02-23"},
      {"2018-02-23T10:37:34Z", "2018-02-23"},
      {"2017-01-25T14:36:00+01:00", "2017-01-25"},
      {"2018-02-23T10:37:34.125+0400", "2018-02-23"},
      {"2018-02-23T23:59:59,5-05:00", "2018-02-23"},
      {"2017-01-22T181500", "2017-01-22"},  // basic time, as in ANT v1.1
      {"20180223", "2018-02-23"},
      {"20180223T103734Z", "2018-02-23"},
      {"  2018-02-23  ", "2018-02-23"},
      // RFC-822 / 1123
      {"Fri, 23 Feb 2018 10:37:34 GMT", "2018-02-23"},
      {"Sun, 18 Feb 2018 17:21:49 +0400", "2018-02-18"},
      {"Mon, 01 Jan 2018 00:00:00 +0000", "2018-01-01"},
      {"23 Feb 2018 10:37:34 -0500", "2018-02-23"},
      {"Fri, 23 Feb 2018 10:37 UTC", "2018-02-23"},
      {"23 Sept 2018", "2018-09-23"},
      // Numeric, day first
      {"2018-02-23 10:37:34", "2018-02-23"},
      {"23/02/2018", "2018-02-23"},
      {"3/2/2018", "2018-02-03"},
      {"2018/02/23", "2018-02-23"},
      {"23-02-2018", "2018-02-23"},
      {"23.02.2018", "2018-02-23"},
      {"23/02/2018 14:05", "2018-02-23"},
      {"29/02/2016", "2016-02-29"},
      // English words
      {"February 23, 2018", "2018-02-23"},
      {"23 February 2018", "2018-02-23"},
      {"Friday, February 23, 2018 10:37 pm", "2018-02-23"},
      // Arabic words: Egyptian / Gulf
      {"23 فبراير 2018", "2018-02-23"},
      {"الجمعة 23 فبراير 2018", "2018-02-23"},
      {"الجمعة، 23 فبراير 2018 م", "2018-02-23"},
      {"يوم الجمعة 23 فبراير 2018 الساعة 10:30 م", "2018-02-23"},
      {"23 فبراير 2018 - 10:30", "2018-02-23"},
      {"5 يونيه 2017", "2017-06-05"},
      {"5 إبريل 2017 ميلادي", "2017-04-05"},
      {"١٨ فبراير ٢٠١٨", "2018-02-18"},  // Arabic-Indic digits
      {"۱۸ فبراير ۲۰۱۸م", "2018-02-18"},  // Persian digits, era glued
      // Levantine / Iraqi
      {"18 شباط 2018", "2018-02-18"},
      {"18 كانون الثاني 2018", "2018-01-18"},
      {"18 كانون الأول 2018", "2018-12-18"},
      {"1 تشرين الأول 2018", "2018-10-01"},
      {"1 تشرين أول 2018", "2018-10-01"},
      {"15 آب 2017", "2017-08-15"},
      {"23 يوليو/تموز 1952", "1952-07-23"},  // both names, as in BBC Arabic
      {"1 أكتوبر / تشرين الأول 2018", "2018-10-01"},
      // Maghreb: Tunisia, Algeria
      {"18 جانفي 2017", "2017-01-18"},
      {"الأربعاء 18 جانفي 2017", "2017-01-18"},
      {"14 جويلية 2017", "2017-07-14"},
      {"15 أوت 2017", "2017-08-15"},
      {"3 فيفري 2016", "2016-02-03"},
      // Morocco
      {"10 يوليوز 2017", "2017-07-10"},
      {"10 غشت 2017", "2017-08-10"},
      {"10 شتنبر 2017", "2017-09-10"},
      {"10 دجنبر 2017", "2017-12-10"},
      // Libya
      {"10 أي النار 2010", "2010-01-10"},
      {"10 الكانون 2010", "2010-12-10"},
      {"1 الفاتح 2009", "2009-09-01"},
  };
  for (const DateCase& c : kCases) {
    INFO(c.input);
    CHECK(parsed(c.input) == c.expected);
  }
}

TEST_CASE("parse_date gives nothing for invalid, ambiguous or garbage input", "[date]") {
  static const char* const kCases[] = {
      "",
      "   ",
      "30/02/2018",                     // no such day
      "29/02/2018",                     // not a leap year
      "31/04/2018",
      "2018-13-01",                     // no such month
      "2018-00-10",
      "2018-02-23T25:00:00Z",           // no such hour
      "2018-02-23T10:61Z",
      "2018-02-23T10:37:34+25:00",      // no such zone
      "12/25/2018",                     // month first: not guessed
      "23/02/18",                       // two-digit year
      "0999-01-01",                     // out of range
      "2018",                           // no day
      "فبراير 2018",
      "23 فبراير",                       // no year
      "Thu, 23 Feb 2018 10:37:34 GMT",  // 23 Feb 2018 was a Friday
      "السبت 23 فبراير 2018",            // idem
      "23 يوليو/آب 1952",                // two months
      "18 كانون 2018",                   // Levantine كانون alone: January or December?
      "منذ 23 فبراير 2018",              // words around a date
      "23 فبراير 2018 تقريبا",
      "23 فبراير 1439 هـ",                // a Hijri year is not Gregorian
      "13:00 pm 23 Feb 2018",
      "23 Feb 2018 13:00 pm",           // 13 pm
      "hello world",
      "23 xyz 2018",
      "2018-02-23garbage",
      "23/02-2018",                     // mixed separators
      "1519381054",                     // epoch seconds: not guessed
  };
  for (const char* c : kCases) {
    INFO(c);
    CHECK(parsed(c).empty());
  }
}

TEST_CASE("month_from_name knows every regional set", "[date]") {
  static const char* const kSets[][12] = {
      {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
       "نوفمبر", "ديسمبر"},
      {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
       "تشرين الأول", "تشرين الثاني", "كانون الأول"},
      {"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
       "نوفمبر", "ديسمبر"},
      {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
       "نونبر", "دجنبر"},
      {"أي النار", "النوار", "الربيع", "الطير", "الماء", "الصيف", "ناصر", "هانيبال", "الفاتح",
       "التمور", "الحرث", "الكانون"},
      {"January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"},
      {"jan", "FEB", "Mar", "Apr", "may", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
      {"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيه", "يوليه", "اغسطس", "سبتمبر", "اكتوبر",
       "نوفمبر", "ديسمبر"},
  };
  for (const auto& set : kSets) {
    for (int m = 0; m < 12; ++m) {
      INFO(set[m]);
      CHECK(month_from_name(set[m]) == m + 1);
    }
  }
  CHECK(month_from_name("إبريل") == 4);            // hamza variants meet
  CHECK(month_from_name("كانون   الثاني") == 1);   // spaces collapsed
  CHECK(month_from_name("Sept.") == 9);
  CHECK(month_from_name("كانون") == 0);            // ambiguous alone
  CHECK(month_from_name("الأحد") == 0);
  CHECK(month_from_name("") == 0);
}

TEST_CASE("is_valid_date knows leap years and month lengths", "[date]") {
  CHECK(akhbar::is_valid_date(2016, 2, 29));
  CHECK(akhbar::is_valid_date(2000, 2, 29));   // divisible by 400
  CHECK_FALSE(akhbar::is_valid_date(1900, 2, 29));  // by 100, not 400
  CHECK_FALSE(akhbar::is_valid_date(2018, 2, 29));
  CHECK(akhbar::is_valid_date(2018, 12, 31));
  CHECK_FALSE(akhbar::is_valid_date(2018, 11, 31));
  CHECK_FALSE(akhbar::is_valid_date(2018, 0, 1));
  CHECK_FALSE(akhbar::is_valid_date(2018, 1, 0));
  CHECK_FALSE(akhbar::is_valid_date(999, 1, 1));
  CHECK_FALSE(akhbar::is_valid_date(10000, 1, 1));
}

TEST_CASE("parse_date_bound gives the first or last day of a period", "[date]") {
  struct BoundCase {
    const char* input;
    bool upper;
    const char* expected;
  };
  static const BoundCase kCases[] = {
      {"2018", false, "2018-01-01"},      {"2018", true, "2018-12-31"},
      {"2018-02", false, "2018-02-01"},   {"2018-02", true, "2018-02-28"},
      {"2016-02", true, "2016-02-29"},    {"2018-02-23", false, "2018-02-23"},
      {"2018-02-23", true, "2018-02-23"}, {"٢٠١٨-٠٢", true, "2018-02-28"},
      {"2018-13", false, ""},             {"2018-02-30", true, ""},
      {"18", false, ""},                  {"2018-", false, ""},
      {"2018/02", false, ""},             {"فبراير", false, ""},
  };
  for (const BoundCase& c : kCases) {
    INFO(c.input << (c.upper ? " upper" : " lower"));
    const auto d = parse_date_bound(c.input, c.upper);
    CHECK((d ? d->iso() : "") == c.expected);
  }
}

TEST_CASE("Date prints as ISO and as a sortable key", "[date]") {
  const Date d{2018, 2, 3};
  CHECK(d.iso() == "2018-02-03");
  CHECK(d.yyyymmdd() == "20180203");
  CHECK(Date{2017, 12, 31} < d);
}

TEST_CASE("parse_date is safe to call from several threads at once", "[date]") {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 200; ++i) {
        ok[t] += parse_date("18 كانون الثاني 2018") == Date{2018, 1, 18} &&
                 parse_date("18 جانفي 2018") == Date{2018, 1, 18};
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(ok == std::vector<int>(4, 200));
}
