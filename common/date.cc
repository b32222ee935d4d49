#include "date.h"

#include "calendar.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <cstdio>
#include <unordered_map>
#include <utility>

#include "text/normalizer.h"

namespace akhbar {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;


// 0 = Sunday ... 6 = Saturday, proleptic Gregorian calendar (as ISO-8601;
// ICU's GregorianCalendar switches to the Julian calendar before 1582).

// --- Name tables ----------------------------------------------------------

// Month and weekday names by normalized form. Built once from ICU's Gregorian
// symbols for every Arabic regional locale and English, plus the variants ICU
// 72 lacks. A name that two sources give different numbers is dropped: it is
// ambiguous.
class NameTables {
 public:
  static const NameTables& get() {
    static const NameTables tables;
    return tables;
  }
  int month(const std::string& normalized) const { return find(months_, normalized); }
  int weekday(const std::string& normalized) const { return find(weekdays_, normalized); }

 private:
  NameTables();
  static int find(const std::unordered_map<std::string, int>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? -1 : it->second;
  }
  static void add(std::unordered_map<std::string, int>& m, const icu::UnicodeString& name,
                  int value);
  static void add(std::unordered_map<std::string, int>& m, const char* name, int value) {
    add(m, icu::UnicodeString::fromUTF8(name), value);
  }

  std::unordered_map<std::string, int> months_;    // → 1..12; -1: ambiguous
  std::unordered_map<std::string, int> weekdays_;  // → 0 (Sunday)..6; -1: ambiguous
};

// ICU 72 has none of these: the Libyan months, Egyptian يونيه/يوليه, the
// Levantine names written without the article (tashrin awwal), "Sept".
const std::pair<const char*, int> kExtraMonths[] = {
    {"يونيه", 6},      {"يوليه", 7},       {"كانون ثاني", 1}, {"تشرين أول", 10},
    {"تشرين ثاني", 11}, {"كانون أول", 12},  {"أي النار", 1},   {"النوار", 2},
    {"الربيع", 3},     {"الطير", 4},       {"الماء", 5},      {"الصيف", 6},
    {"ناصر", 7},       {"هانيبال", 8},     {"الفاتح", 9},     {"التمور", 10},
    {"الحرث", 11},     {"الكانون", 12},    {"sept", 9},
};
const std::pair<const char*, int> kExtraWeekdays[] = {
    {"tues", 2}, {"wednes", 3}, {"thur", 4}, {"thurs", 4},
};
const char* const kLocales[] = {"ar",    "ar_EG", "ar_SA", "ar_AE", "ar_KW", "ar_QA", "ar_BH",
                                "ar_OM", "ar_YE", "ar_SD", "ar_LB", "ar_SY", "ar_IQ", "ar_JO",
                                "ar_PS", "ar_TN", "ar_DZ", "ar_MA", "ar_LY", "ar_MR", "en",
                                "en_GB"};

NameTables::NameTables() {
  using Symbols = icu::DateFormatSymbols;
  for (const char* id : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(id, nullptr, nullptr, "calendar=gregorian");
    const Symbols symbols(locale, status);
    if (U_FAILURE(status)) continue;
    for (const auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
      for (const auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) add(months_, names[i], i + 1);
        // ICU's weekday arrays start at index 1 (UCAL_SUNDAY).
        names = symbols.getWeekdays(count, context, width);
        for (int32_t i = 1; i < count && i <= 7; ++i) add(weekdays_, names[i], i - 1);
      }
    }
  }
  for (const auto& [name, month] : kExtraMonths) add(months_, name, month);
  for (const auto& [name, day] : kExtraWeekdays) add(weekdays_, name, day);
}

void NameTables::add(std::unordered_map<std::string, int>& m, const icu::UnicodeString& name,
                     int value) {
  std::string utf8;
  name.toUTF8String(utf8);
  std::string key = normalize(utf8);
  while (!key.empty() && key.back() == '.') key.pop_back();  // "Sept." → "sept"
  if (key.empty()) return;
  const auto [it, inserted] = m.emplace(key, value);
  if (!inserted && it->second != value) it->second = -1;
}

// --- Parsing --------------------------------------------------------------

// The text folded for parsing: lower case, Arabic-Indic digits as ASCII,
// hamza and ta marbuta folded (normalize()); pure ASCII takes a fast path.
std::string fold(std::string_view text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) return normalize(text);
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A left-to-right reader over the folded text. Every method either consumes
// what it recognises and returns true, or consumes nothing and returns false.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool at_end() const { return i_ == s_.size(); }
  bool at_digit() const { return i_ < s_.size() && is_digit(s_[i_]); }
  size_t position() const { return i_; }
  void reset(size_t position) { i_ = position; }

  void skip_spaces() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  // One of `chars`, with spaces on either side.
  bool eat_separator(std::string_view chars) {
    const size_t start = i_;
    skip_spaces();
    if (i_ < s_.size() && chars.find(s_[i_]) != std::string_view::npos) {
      ++i_;
      skip_spaces();
      return true;
    }
    i_ = start;
    return false;
  }
  // The Arabic comma (U+060C) or an ASCII comma, with spaces around.
  bool eat_comma() {
    const size_t start = i_;
    skip_spaces();
    if (eat(',') || eat_bytes("\xD8\x8C")) {
      skip_spaces();
      return true;
    }
    i_ = start;
    return false;
  }
  bool eat_bytes(std::string_view bytes) {
    if (s_.substr(i_, bytes.size()) == bytes) {
      i_ += bytes.size();
      return true;
    }
    return false;
  }

  // A run of digits of length min..max (the whole run: no digit may follow).
  bool number(size_t min, size_t max, int* value) {
    size_t n = 0;
    while (i_ + n < s_.size() && is_digit(s_[i_ + n])) ++n;
    if (n < min || n > max) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (s_[i_ + k] - '0');
    i_ += n;
    *value = v;
    return true;
  }
  // Exactly `n` digits, whatever follows (ISO basic format: "181500").
  bool digits(size_t n, int* value) {
    if (i_ + n > s_.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      if (!is_digit(s_[i_ + k])) return false;
      v = v * 10 + (s_[i_ + k] - '0');
    }
    i_ += n;
    *value = v;
    return true;
  }

  // A word: letters (ASCII or any non-ASCII character but the Arabic comma)
  // and trailing dots of an abbreviation ("Feb."), after optional spaces.
  bool word(std::string* out) {
    const size_t start = i_;
    skip_spaces();
    const size_t begin = i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == 0xD8 && i_ + 1 < s_.size() && static_cast<unsigned char>(s_[i_ + 1]) == 0x8C) {
        break;  // Arabic comma
      }
      if (!(c >= 0x80 || (c >= 'a' && c <= 'z'))) break;
      ++i_;
    }
    if (i_ == begin) {
      i_ = start;
      return false;
    }
    *out = std::string(s_.substr(begin, i_ - begin));
    eat('.');
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

struct Parsed {
  int year = 0, month = 0, day = 0;
  int weekday = -1;  // as written, if written
};

bool word_is(Cursor& c, std::initializer_list<const char*> choices) {
  const size_t start = c.position();
  std::string w;
  if (c.word(&w)) {
    for (const char* choice : choices) {
      if (w == choice) return true;
    }
  }
  c.reset(start);
  return false;
}

// A month name of one or two words ("كانون الثاني"); longest match first.
bool month_name(Cursor& c, int* month) {
  const size_t start = c.position();
  std::string first, second;
  if (!c.word(&first)) return false;
  const size_t after_first = c.position();
  const NameTables& tables = NameTables::get();
  if (c.word(&second)) {
    const int m = tables.month(first + " " + second);
    if (m > 0) {
      *month = m;
      return true;
    }
    c.reset(after_first);
  }
  const int m = tables.month(first);
  if (m > 0) {
    *month = m;
    return true;
  }
  c.reset(start);
  return false;
}

// "يوم الأحد،", "Fri,": a weekday with optional comma.
void optional_weekday(Cursor& c, Parsed* p) {
  const size_t start = c.position();
  word_is(c, {"يوم"});
  std::string w;
  if (c.word(&w)) {
    const int d = NameTables::get().weekday(w);
    if (d >= 0) {
      p->weekday = d;
      c.eat_comma();
      return;
    }
  }
  c.reset(start);
}

// "2018 م", "2018م", "2018 ميلادي".
void optional_era(Cursor& c) { word_is(c, {"م", "ميلادي", "ميلاديه"}); }

// A time zone: "z", "+01:00", "+0400", "-05", "gmt", "utc+2", "بتوقيت غرينتش".
bool zone(Cursor& c) {
  const size_t start = c.position();
  c.skip_spaces();
  if (c.eat('z') && !c.at_digit()) return true;
  c.reset(start);
  bool named = word_is(c, {"gmt", "utc", "ut", "est", "edt", "cst", "cdt", "mst", "mdt",
                           "pst", "pdt", "غرينتش", "جرينتش", "غرينيتش"});
  if (!named && word_is(c, {"بتوقيت", "توقيت"})) {
    named = word_is(c, {"غرينتش", "جرينتش", "غرينيتش", "gmt"});
    if (!named) {
      c.reset(start);
      return false;
    }
  }
  const size_t before_offset = c.position();
  if (!named) c.skip_spaces();
  if (c.eat('+') || c.eat('-')) {
    int hours = 0, minutes = 0;
    if (c.digits(2, &hours)) {
      const size_t after_hours = c.position();
      if (!(c.eat(':') && c.digits(2, &minutes))) {
        c.reset(after_hours);
        if (!c.digits(2, &minutes)) c.reset(after_hours);
      }
      if (!c.at_digit() && hours <= 14 && minutes <= 59) return true;
    }
  }
  c.reset(before_offset);
  if (named) return true;
  c.reset(start);
  return false;
}

bool valid_time(int hours, int minutes, int seconds) {
  return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 && seconds >= 0 &&
         seconds <= 60;  // 60: leap second
}

// Fractional seconds after '.' or ','.
void optional_fraction(Cursor& c) {
  const size_t start = c.position();
  int ignored = 0;
  if ((c.eat('.') || c.eat(',')) && c.at_digit()) {
    while (c.digits(1, &ignored)) {
    }
    return;
  }
  c.reset(start);
}

// "10:37", "10:37:34.120", optionally "pm"/"م" and a zone. For the ISO basic
// form after 'T' ("181500"), `basic` allows the colons to be left out.
bool time_of_day(Cursor& c, bool basic) {
  int hours = 0, minutes = 0, seconds = 0;
  if (!c.number(1, 2, &hours)) {
    if (!(basic && c.digits(2, &hours) && c.digits(2, &minutes))) return false;
    const size_t after = c.position();
    if (!c.digits(2, &seconds)) c.reset(after);
    if (c.at_digit()) return false;
  } else {
    if (!(c.eat(':') && c.digits(2, &minutes))) return false;
    if (c.eat(':') && !c.digits(2, &seconds)) return false;
    if (c.at_digit()) return false;
  }
  optional_fraction(c);
  const size_t before_meridiem = c.position();
  if (word_is(c, {"am", "ص", "صباحا"})) {
    if (hours < 1 || hours > 12) return false;
  } else if (word_is(c, {"pm", "م", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا"})) {
    if (hours < 1 || hours > 12) return false;
    hours = hours % 12 + 12;
  } else {
    c.reset(before_meridiem);
  }
  if (!valid_time(hours, minutes, seconds)) return false;
  zone(c);
  return true;
}

// What may follow the date: ", 10:37", " - 10:37", "الساعة 10:37", "T10:37Z".
bool optional_time(Cursor& c) {
  const size_t start = c.position();
  c.skip_spaces();
  if (c.at_end()) return true;
  if (!c.eat_comma()) c.eat_separator("-");
  word_is(c, {"الساعه", "at"});
  c.skip_spaces();
  if (!time_of_day(c, false)) {
    c.reset(start);
    return false;
  }
  return true;
}

// ISO-8601 and its relatives: "2018-02-23", "2018/02/23", "20180223", each
// optionally with a time ("T10:37:34Z", " 10:37:34"). The cursor is at the
// first digit of the year.
bool year_first(Cursor& c, Parsed* p) {
  if (c.number(8, 8, &p->year)) {  // basic form: YYYYMMDD
    p->day = p->year % 100;
    p->month = p->year / 100 % 100;
    p->year /= 10000;
    if (c.eat('t')) return time_of_day(c, true);
    return true;
  }
  if (!c.number(4, 4, &p->year)) return false;
  const char sep = c.eat('-') ? '-' : c.eat('/') ? '/' : '\0';
  if (sep == '\0' || !c.number(1, 2, &p->month) || !c.eat(sep) || !c.number(1, 2, &p->day)) return false;
  if (sep == '-' && c.eat('t')) return time_of_day(c, true);
  return optional_time(c);
}

// "23/02/2018", "3-2-2018", "23.02.2018": day first, four-digit year.
bool day_first_numeric(Cursor& c, Parsed* p, char sep) {
  return c.eat(sep) && c.number(1, 2, &p->month) && c.eat(sep) && c.number(4, 4, &p->year) &&
         optional_time(c);
}

// "23 فبراير 2018", "23-Feb-2018", "23 أكتوبر/تشرين الأول 2018". The cursor is
// after the day.
bool day_first_words(Cursor& c, Parsed* p) {
  c.eat_separator("-/.");
  if (!month_name(c, &p->month)) return false;
  const size_t after_month = c.position();
  int other = 0;
  if (c.eat_separator("/") && month_name(c, &other)) {
    if (other != p->month) return false;  // "يوليو/آب": contradiction
  } else {
    c.reset(after_month);
  }
  if (!c.eat_comma()) c.eat_separator("-/.");
  c.skip_spaces();
  if (!c.number(4, 4, &p->year)) return false;
  optional_era(c);
  return optional_time(c);
}

// "February 23, 2018", "فبراير 23، 2018".
bool month_first_words(Cursor& c, Parsed* p) {
  if (!month_name(c, &p->month)) return false;
  c.skip_spaces();
  if (!c.number(1, 2, &p->day)) return false;
  if (!c.eat_comma()) c.skip_spaces();
  if (!c.number(4, 4, &p->year)) return false;
  optional_era(c);
  return optional_time(c);
}

bool parse_parts(Cursor& c, Parsed* p) {
  c.skip_spaces();
  optional_weekday(c, p);
  c.skip_spaces();
  if (!c.at_digit()) return month_first_words(c, p);
  const size_t start = c.position();
  if (year_first(c, p)) return true;
  c.reset(start);
  if (!c.number(1, 2, &p->day)) return false;
  for (const char sep : {'/', '-', '.'}) {
    const size_t after_day = c.position();
    if (c.eat(sep) && c.at_digit()) {
      c.reset(after_day);
      return day_first_numeric(c, p, sep);
    }
    c.reset(after_day);
  }
  return day_first_words(c, p);
}

std::string format_date(const char* format, const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

}  // namespace

std::string Date::iso() const { return format_date("%04d-%02d-%02d", *this); }
std::string Date::yyyymmdd() const { return format_date("%04d%02d%02d", *this); }


bool is_valid_date(int year, int month, int day) {
  return year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<Date> parse_date(std::string_view text) {
  const std::string folded = fold(text);
  Cursor c(folded);
  Parsed p;
  if (!parse_parts(c, &p)) return std::nullopt;
  c.skip_spaces();
  if (!c.at_end() || !is_valid_date(p.year, p.month, p.day)) return std::nullopt;
  if (p.weekday >= 0 && p.weekday != weekday_of_day(day_number(Date{p.year, p.month, p.day}))) return std::nullopt;
  return Date{p.year, p.month, p.day};
}

int month_from_name(std::string_view name) {
  std::string key;
  for (const char ch : normalize(name)) {  // collapse spaces: "كانون  الثاني"
    if (is_space(ch)) {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
    } else {
      key.push_back(ch);
    }
  }
  while (!key.empty() && (key.back() == ' ' || key.back() == '.')) key.pop_back();  // "Sept."
  const int m = NameTables::get().month(key);
  return m > 0 ? m : 0;
}

std::optional<Date> parse_date_bound(std::string_view text, bool upper) {
  const std::string folded = fold(text);
  Cursor c(folded);
  c.skip_spaces();
  Date d;
  if (!c.number(4, 4, &d.year)) return std::nullopt;
  d.month = upper ? 12 : 1;
  const bool has_month = c.eat('-');
  if (has_month && !c.number(1, 2, &d.month)) return std::nullopt;
  const bool has_day = has_month && c.eat('-');
  if (has_day && !c.number(1, 2, &d.day)) return std::nullopt;
  c.skip_spaces();
  if (!c.at_end() || d.month < 1 || d.month > 12 || d.year < kMinYear) return std::nullopt;
  if (!has_day) d.day = upper ? days_in_month(d.year, d.month) : 1;
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

}  // namespace akhbar
