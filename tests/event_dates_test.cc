#include "event_dates.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "date.h"
#include "text/tokenizer.h"

using akhbar::Date;
using akhbar::find_event_dates;
using akhbar::parse_date;
using akhbar::tokenize;

namespace {

struct EventCase {
  const char* published;  // ISO date, or "" for an unknown publication date
  const char* text;
  const char* expected;  // ISO dates, sorted, separated by spaces; "" for none
};

std::string event_dates(const char* published, const char* text) {
  std::optional<Date> date;
  if (*published) date = parse_date(published);
  std::string out;
  for (const Date& d : find_event_dates(text, tokenize(text), date)) {
    if (!out.empty()) out += ' ';
    out += d.iso();
  }
  return out;
}

void check_cases(const std::vector<EventCase>& cases) {
  for (const auto& c : cases) {
    SECTION(std::string(c.published) + " " + c.text) {
      CHECK(event_dates(c.published, c.text) == c.expected);
    }
  }
}

// 2018-02-23 is a Friday; 2018-01-01 a Monday; 2018-12-20 a Thursday;
// 2016-03-01 a Tuesday (checked with Python's datetime).
constexpr const char* kFriday = "2018-02-23";

}  // namespace

TEST_CASE("relative day words count from the publication date", "[event_dates]") {
  check_cases({
      {kFriday, "قال الوزير أمس إن المفاوضات مستمرة", "2018-02-22"},
      {kFriday, "وكان قد صرح بالأمس للصحفيين", "2018-02-22"},
      {kFriday, "وأمس، أعلنت الحكومة", "2018-02-22"},
      {kFriday, "اندلعت الاشتباكات ليلة البارحة", "2018-02-22"},
      {kFriday, "يعقد المجلس اجتماعه اليوم في العاصمة", "2018-02-23"},
      {kFriday, "واليوم، تبدأ المحادثات", "2018-02-23"},
      {kFriday, "ويصل الوفد غدًا إلى القاهرة", "2018-02-24"},
      {kFriday, "تبدأ القمة يوم غد", "2018-02-24"},
      {kFriday, "تنتهي المهلة بعد غد", "2018-02-25"},
      {kFriday, "وقع الهجوم أول أمس", "2018-02-21"},
      {kFriday, "وقع الهجوم أمس الأول", "2018-02-21"},
      {"2016-03-01", "أعلنت النتائج أمس", "2016-02-29"},
      {"2018-01-01", "احتفل السكان أمس برأس السنة", "2017-12-31"},
  });
}

TEST_CASE("اليوم that names another day is not today", "[event_dates]") {
  check_cases({
      {kFriday, "احتفل العالم باليوم العالمي للمرأة", ""},
      {kFriday, "في اليوم الوطني للبلاد", ""},
      {kFriday, "وفي اليوم التالي غادر الوفد", ""},
      {kFriday, "نقلت صحيفة اليوم السابع الخبر", ""},
      {kFriday, "في يوم من الأيام", ""},
      {kFriday, "في مقابلة مع قناة روسيا اليوم", ""},
      {kFriday, "تمت في ذلك اليوم", ""},
  });
}

TEST_CASE("a weekday is the latest one on or before publication", "[event_dates]") {
  check_cases({
      {kFriday, "عقد الاجتماع الثلاثاء في جنيف", "2018-02-20"},
      {kFriday, "وصل الرئيس يوم الأحد", "2018-02-18"},
      {kFriday, "والاثنين أعلن الجيش", "2018-02-19"},
      {kFriday, "أكد الإثنين أن", "2018-02-19"},
      {kFriday, "يوم الأربعاء الماضي", "2018-02-21"},
      {kFriday, "ألقى خطبة صلاة الجمعة", "2018-02-23"},
      {kFriday, "الجمعة الماضي", "2018-02-16"},
      {kFriday, "يوم الخميس", "2018-02-22"},
      {kFriday, "السبت", "2018-02-17"},
      {"2018-01-01", "قتل جنديان الأحد", "2017-12-31"},
  });
}

TEST_CASE("a weekday followed by المقبل is the next one", "[event_dates]") {
  check_cases({
      {kFriday, "تبدأ الانتخابات الأحد المقبل", "2018-02-25"},
      {kFriday, "يوم الأحد القادم", "2018-02-25"},
      {kFriday, "الجمعة المقبل", "2018-03-02"},
      {kFriday, "السبت المقبل", "2018-02-24"},
  });
}

TEST_CASE("words that only look like weekdays are not", "[event_dates]") {
  check_cases({
      {kFriday, "قال أحد المسؤولين", ""},
      {kFriday, "واحد من اثنين", ""},
      {kFriday, "لأحد الأسباب", ""},
  });
}

TEST_CASE("day and month names, of every regional set", "[event_dates]") {
  check_cases({
      {kFriday, "وقع الانفجار في 15 آذار 2017", "2017-03-15"},
      {kFriday, "في 3 يوليوز 2018", "2018-07-03"},
      {kFriday, "في 15 كانون الثاني", "2018-01-15"},
      {kFriday, "في 3 ديسمبر", "2017-12-03"},
      {kFriday, "يعقد المؤتمر في 12 مارس", "2018-03-12"},
      {kFriday, "يومي 12 و13 نوفمبر", "2017-11-12 2017-11-13"},
      {kFriday, "في 10 جانفي 2018م", "2018-01-10"},
      {kFriday, "ثورة 23 يوليو/تموز 1952", "1952-07-23"},
      {kFriday, "بدأت في الـ23 من مايو/ أيار العام 2017", "2017-05-23"},
      {kFriday, "في 4 يونيو لعام 2016", "2016-06-04"},
      {kFriday, "يوم ٢٠ فبراير", "2018-02-20"},
      {kFriday, "في 12 من شهر أغسطس", "2018-08-12"},
      {kFriday, "في 3 سبتمبر", "2017-09-03"},
      {"2018-12-20", "في 5 يناير", "2019-01-05"},
      {"2018-05-24", "منذ الـ15 من مايو/ أيار الماضي", "2018-05-15"},
      {"2018-05-24", "في 20 مايو المقبل", "2019-05-20"},
      {kFriday, "في 3 ديسمبر المقبل", "2018-12-03"},
      {kFriday, "في 10 يوليو الماضي", "2017-07-10"},
      {"2018-05-24", "بتاريخ 29 مايو/ أيار الجاري", "2018-05-29"},
      {kFriday, "في 31 أبريل", ""},
      {kFriday, "قتل 12 شخصا", ""},
  });
}

TEST_CASE("days of the current, previous or next month", "[event_dates]") {
  check_cases({
      {kFriday, "يومي الـ12 والـ13 من الشهر الجاري", "2018-02-12 2018-02-13"},
      {kFriday, "يومي ال 12 وال 13 من الشهر الجاري", "2018-02-12 2018-02-13"},
      {kFriday, "في العاشر، يوم 10 من الشهر الحالي", "2018-02-10"},
      {kFriday, "في 5 من هذا الشهر", "2018-02-05"},
      {"2018-01-01", "يوم 5 من الشهر الماضي", "2017-12-05"},
      {"2018-12-20", "يوم 10 من الشهر المقبل", "2019-01-10"},
      {kFriday, "في 30 من الشهر الجاري", ""},
  });
}

TEST_CASE("numeric dates with a four-digit year", "[event_dates]") {
  check_cases({
      {kFriday, "صدر القرار بتاريخ 2018/02/20", "2018-02-20"},
      {kFriday, "بتاريخ 23/01/2018", "2018-01-23"},
      {kFriday, "في 23-2-2018 و١٥/٠٣/٢٠١٧", "2017-03-15 2018-02-23"},
      {kFriday, "و23.02.2018", "2018-02-23"},
      {kFriday, "النتيجة 3-2 والنسبة 3.5", ""},
      {kFriday, "في 31/02/2018", ""},
      {kFriday, "12/25/2018", ""},
  });
}

TEST_CASE("a year alone is not an event date", "[event_dates]") {
  check_cases({
      {kFriday, "في عام 2017 ارتفعت الأسعار", ""},
      {kFriday, "بين 2011 و2013", ""},
  });
}

TEST_CASE("without a publication date only absolute dates are kept", "[event_dates]") {
  check_cases({
      {"", "قال أمس إن الاجتماع عقد الثلاثاء في 12 مارس", ""},
      {"", "يومي 12 و13 من الشهر الجاري", ""},
      {"", "وقع الانفجار في 15 آذار 2017 أمس", "2017-03-15"},
      {"", "بتاريخ 2018/02/20", "2018-02-20"},
  });
}

TEST_CASE("several dates in one text come sorted and unique", "[event_dates]") {
  check_cases({
      {kFriday, "قال أمس إن اجتماع الخميس الذي عقد في 22 فبراير سيتبعه لقاء الأحد المقبل",
       "2018-02-22 2018-02-25"},
      {kFriday, "الجمعة 16 فبراير 2018", "2018-02-16"},
  });
}

TEST_CASE("find_event_dates is thread-safe", "[event_dates]") {
  const char* text = "يومي 12 و13 نوفمبر وأمس الثلاثاء في 15 كانون الثاني 2017";
  const auto tokens = tokenize(text);
  const auto published = parse_date(kFriday);
  const auto expected = find_event_dates(text, tokens, published);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 200; ++i)
        same = same && find_event_dates(text, tokens, published) == expected;
      ok[t] = same;
    });
  }
  for (auto& th : threads) th.join();
  for (const int v : ok) CHECK(v == 1);
  CHECK(expected.size() == 5);
}
