#include "event_dates.h"

#include "calendar.h"
#include "string_util.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace akhbar {
namespace {

// ---------------------------------------------------------------------------
// Words. Tokens are normalized: أ إ آ → ا, ة → ه, ى → ي, no harakat.

constexpr std::string_view kWaw = "و";
constexpr std::string_view kFa = "ف";

// A word without a leading conjunction و or ف (only when something follows).
std::string_view strip_conjunction(std::string_view w) {
  if (w.size() > 2 && (starts_with(w, kWaw) || starts_with(w, kFa))) return w.substr(2);
  return w;
}

// A word without its conjunction, preposition ب/ك/ل and article: "وبالامس" →
// "امس", "للاحد" → "احد". `article` tells whether the article was there.
std::string_view bare_word(std::string_view w, bool* article) {
  w = strip_conjunction(w);
  *article = true;
  for (const std::string_view prefix : {"بال", "كال", "لل", "ال"}) {
    if (w.size() > prefix.size() && starts_with(w, prefix)) return w.substr(prefix.size());
  }
  *article = false;
  if (w.size() > 2 && starts_with(w, "ب")) return w.substr(2);  // "بامس"
  return w;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

// A day of the month, 1..31, as one or two digits with optional clitics and
// article ("12", "ال12", "وال13", "و13"); 0 otherwise.
int day_of(const Token& t) {
  if (!t.is_number) return 0;
  bool article = false;
  const std::string_view digits = bare_word(t.text, &article);
  if (digits.size() > 2 || !all_digits(digits)) return 0;
  const int d = to_int(digits);
  return d >= 1 && d <= 31 ? d : 0;
}

// A four-digit year, optionally with the era letter ("2017", "2017م"); 0 otherwise.
int year_of(const Token& t) {
  std::string_view s = t.text;
  if (s.size() == 6 && s.substr(4) == "م") s = s.substr(0, 4);
  if (s.size() != 4 || !all_digits(s)) return 0;
  const int y = to_int(s);
  return y >= 1000 ? y : 0;
}

// Words that may stand between two day numbers: "يومي ال 12 وال 13".
bool is_day_glue(const std::string& w) { return w == "و" || w == "وال" || w == "ال"; }

enum class Relative { kNone, kYesterday, kToday, kTomorrow, kBareTomorrow };

// The relative-day word a token is, by its bare form.
Relative relative_word(const std::string& token) {
  bool article = false;
  const std::string_view w = bare_word(token, &article);
  if (w == "امس") return Relative::kYesterday;
  if (w == "بارحه" && article) return Relative::kYesterday;
  if (w == "يوم" && article) return Relative::kToday;
  if (w == "غدا" && !article) return Relative::kTomorrow;
  if (w == "غد" && !article) return Relative::kBareTomorrow;  // needs بعد / يوم before it
  return Relative::kNone;
}

// Words after اليوم that make it a day other than today ("اليوم العالمي").
bool is_not_today(const std::string& next) {
  static const char* const kWords[] = {"العالمي", "الوطني", "الدولي", "التالي", "الاول",
                                       "الثاني",  "الثالث", "الرابع", "الاخير", "السابع",
                                       "نفسه",    "ذاته",   "الذي",   "التالي", "الموالي"};
  for (const char* w : kWords) {
    if (next == w) return true;
  }
  return false;
}

// Words before اليوم that make it a name or another day ("روسيا اليوم",
// "صحيفة اليوم", "ذلك اليوم").
bool names_a_day(const std::string& before) {
  return before == "روسيا" || before == "صحيفه" || before == "جريده" || before == "ذلك" ||
         before == "برنامج";
}

// 0 (Sunday)..6 for a weekday with its article ("الاحد", "والاثنين"), or -1.
// Without the article احد and اثنين are "one" and "two": not weekdays.
int weekday_word(const std::string& token) {
  bool article = false;
  const std::string_view w = bare_word(token, &article);
  if (!article) return -1;
  static const char* const kDays[7] = {"احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

bool is_future_word(const std::string& w) { return w == "المقبل" || w == "القادم"; }
bool is_past_word(const std::string& w) { return w == "الماضي" || w == "المنصرم" || w == "الفائت"; }

// month_from_name() normalizes its argument with ICU; remember its answers
// for the words met after day numbers (bounded, per thread).
int cached_month(const std::string& name) {
  thread_local std::unordered_map<std::string, int> cache;
  const auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  if (cache.size() > 50000) cache.clear();
  const int m = month_from_name(name);
  cache.emplace(name, m);
  return m;
}

// ---------------------------------------------------------------------------

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<Token>& tokens,
          const std::optional<Date>& published)
      : text_(text), tokens_(tokens), published_(published) {
    if (published_) today_ = day_number(*published_);
  }

  std::vector<Date> run() {
    size_t i = 0;
    while (i < tokens_.size()) i = step(i);
    std::sort(found_.begin(), found_.end());
    found_.erase(std::unique(found_.begin(), found_.end()), found_.end());
    return std::move(found_);
  }

 private:
  // Reads what starts at token i; returns the index of the next token to read.
  size_t step(size_t i) {
    const Token& t = tokens_[i];
    if (t.is_number) {
      if (const size_t next = numeric_date(i)) return next;
      if (const size_t next = days_and_month(i, true)) return next;
      return i + 1;
    }
    if (!published_) return i + 1;
    if (const size_t next = relative_day(i)) return next;
    const int weekday = weekday_word(t.text);
    if (weekday >= 0) return weekday_date(i, weekday);
    return i + 1;
  }

  const std::string* word(size_t i) const {
    return i < tokens_.size() ? &tokens_[i].text : nullptr;
  }
  bool word_is(size_t i, const char* w) const { return i < tokens_.size() && tokens_[i].text == w; }

  // The original text between tokens i and i+1.
  std::string_view gap(size_t i) const {
    return text_.substr(tokens_[i].end, tokens_[i + 1].begin - tokens_[i].end);
  }

  void add(const Date& d) {
    if (is_valid_date(d.year, d.month, d.day)) found_.push_back(d);
  }
  void add_offset(long days) { found_.push_back(date_of_day(today_ + days)); }

  // Three numbers with a four-digit year first or last: "2018/02/23" in one
  // token or three.
  size_t numeric_date(size_t i) {
    bool article = false;
    const std::string_view first = bare_word(tokens_[i].text, &article);
    std::string_view parts[3];
    size_t next = i + 1;
    const size_t sep = first.find_first_of("./-");
    if (sep != std::string_view::npos) {
      const char c = first[sep];
      const size_t sep2 = first.find(c, sep + 1);
      if (sep2 == std::string_view::npos || first.find(c, sep2 + 1) != std::string_view::npos) {
        return 0;
      }
      parts[0] = first.substr(0, sep);
      parts[1] = first.substr(sep + 1, sep2 - sep - 1);
      parts[2] = first.substr(sep2 + 1);
    } else {
      if (i + 2 >= tokens_.size() || !tokens_[i + 1].is_number || !tokens_[i + 2].is_number) {
        return 0;
      }
      const std::string_view g = gap(i);
      if ((g != "/" && g != "-") || gap(i + 1) != g) return 0;
      parts[0] = first;
      parts[1] = tokens_[i + 1].text;
      parts[2] = tokens_[i + 2].text;
      next = i + 3;
    }
    for (const auto& p : parts) {
      if (!all_digits(p)) return 0;
    }
    Date d;
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
      d = Date{to_int(parts[0]), to_int(parts[1]), to_int(parts[2])};
    } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
      d = Date{to_int(parts[2]), to_int(parts[1]), to_int(parts[0])};
    } else {
      return 0;
    }
    if (!is_valid_date(d.year, d.month, d.day)) return 0;
    found_.push_back(d);
    return next;
  }

  bool is_year_word(size_t k) const {
    if (k >= tokens_.size()) return false;
    const std::string& w = tokens_[k].text;
    return w == "عام" || w == "العام" || w == "لعام" || w == "سنه" || w == "لسنه";
  }

  // A month name of two words or one at token k; sets *length.
  int month_at(size_t k, size_t* length) const {
    if (k >= tokens_.size() || tokens_[k].is_number) return 0;
    if (k + 1 < tokens_.size() && !tokens_[k + 1].is_number) {
      const int m = cached_month(tokens_[k].text + " " + tokens_[k + 1].text);
      if (m > 0) {
        *length = 2;
        return m;
      }
    }
    *length = 1;
    return cached_month(tokens_[k].text);
  }

  // -1, 0 or +1 for "الشهر الماضي", "الشهر الجاري", "الشهر المقبل" at token k;
  // sets *length. Returns 2 when there is no such phrase. A bare "الشهر" is
  // the current month only after "من" ("12 من الشهر").
  int month_phrase(size_t k, bool from, size_t* length) const {
    *length = 2;
    if (word_is(k, "هذا") && word_is(k + 1, "الشهر")) return 0;
    if (!word_is(k, "الشهر")) return 2;
    const std::string q = word(k + 1) ? *word(k + 1) : std::string();
    if (q == "الجاري" || q == "الحالي") return 0;
    if (is_past_word(q)) return -1;
    if (is_future_word(q)) return 1;
    *length = 1;
    return from ? 0 : 2;
  }

  // Day numbers joined by و ("12 و13", "ال 12 وال 13") from token i; returns
  // the index after the last one.
  size_t day_list(size_t i, std::vector<int>* days) const {
    days->push_back(day_of(tokens_[i]));
    size_t k = i + 1;
    while (k < tokens_.size()) {
      size_t m = k;
      bool joined = false;
      while (m < tokens_.size() && m < k + 2 && is_day_glue(tokens_[m].text)) {
        joined = joined || starts_with(tokens_[m].text, kWaw);
        ++m;
      }
      if (m >= tokens_.size()) break;
      const int d = day_of(tokens_[m]);
      joined = joined || starts_with(tokens_[m].text, kWaw);
      if (d == 0 || !joined) break;
      days->push_back(d);
      k = m + 1;
    }
    return k;
  }

  // Days then a month (and maybe a year), or days "من الشهر الجاري". Adds the
  // dates when `emit`; returns the index after them, or 0 if there are none.
  size_t days_and_month(size_t i, bool emit) {
    if (day_of(tokens_[i]) == 0) return 0;
    std::vector<int> days;
    size_t k = day_list(i, &days);
    const bool from = word_is(k, "من");
    if (from) ++k;
    size_t length = 0;
    const int shift = month_phrase(k, from, &length);
    if (shift != 2) {
      if (!published_) return 0;
      if (emit) {
        int year = published_->year;
        int month = published_->month + shift;
        if (month < 1) {
          month += 12;
          --year;
        } else if (month > 12) {
          month -= 12;
          ++year;
        }
        for (const int d : days) add(Date{year, month, d});
      }
      return k + length;
    }
    if (word_is(k, "شهر")) ++k;
    const int month = month_at(k, &length);
    if (month <= 0) return 0;
    k += length;
    // "23 يوليو/تموز": the same month in a second set of names.
    size_t length2 = 0;
    if (k < tokens_.size() && gap(k - 1).find('/') != std::string_view::npos &&
        month_at(k, &length2) == month) {
      k += length2;
    }
    // "23 مايو العام 2017": the year may follow a word for year.
    const size_t year_at = is_year_word(k) ? k + 1 : k;
    const int year = year_at < tokens_.size() ? year_of(tokens_[year_at]) : 0;
    if (year) k = year_at;
    if (year == 0 && !published_) return 0;
    // "15 مايو الماضي", "24 يونيو المقبل", "29 مايو الجاري".
    int direction = 2;  // 2: none
    if (year == 0 && k < tokens_.size()) {
      const std::string& q = tokens_[k].text;
      direction = is_past_word(q)                    ? -1
                  : is_future_word(q)                ? 1
                  : (q == "الجاري" || q == "الحالي") ? 0
                                                     : 2;
    }
    if (emit) {
      for (const int d : days) {
        if (year) {
          add(Date{year, month, d});
        } else {
          add_relative(month, d, direction);
        }
      }
    }
    return year ? k + 1 : direction != 2 ? k + 1 : k;
  }

  // Day and month without a year. `direction` -1 (الماضي): the latest on or
  // before publication; +1 (المقبل): the first on or after it; 0 (الجاري):
  // the year of publication; otherwise the year that puts it closest to
  // publication.
  void add_relative(int month, int day, int direction) {
    if (direction == 0) return add(Date{published_->year, month, day});
    std::optional<Date> best;
    long best_distance = 0;
    for (int year = published_->year - 1; year <= published_->year + 1; ++year) {
      if (!is_valid_date(year, month, day)) continue;
      const Date d{year, month, day};
      const long offset = day_number(d) - today_;
      if ((direction == -1 && offset > 0) || (direction == 1 && offset < 0)) continue;
      const long distance = std::labs(offset);
      if (!best || distance < best_distance) {
        best = d;
        best_distance = distance;
      }
    }
    if (best) found_.push_back(*best);
  }

  // أمس, البارحة, اليوم, غدا, بعد غد and friends at token i; 0 if none.
  size_t relative_day(size_t i) {
    const Relative r = relative_word(tokens_[i].text);
    switch (r) {
      case Relative::kNone:
        return 0;
      case Relative::kYesterday: {
        if (i > 0 && strip_conjunction(tokens_[i - 1].text) == "اول") {
          add_offset(-2);
          return i + 1;
        }
        if (word_is(i + 1, "الاول")) {
          add_offset(-2);
          return i + 2;
        }
        add_offset(-1);
        return i + 1;
      }
      case Relative::kToday:
        if ((!word(i + 1) || !is_not_today(*word(i + 1))) &&
            (i == 0 || !names_a_day(tokens_[i - 1].text))) {
          add_offset(0);
        }
        return i + 1;
      case Relative::kTomorrow:
        add_offset(1);
        return i + 1;
      case Relative::kBareTomorrow:
        if (i > 0) {
          const std::string_view before = strip_conjunction(tokens_[i - 1].text);
          if (before == "بعد") add_offset(2);
          if (before == "يوم") add_offset(1);
        }
        return i + 1;
    }
    return 0;
  }

  // A weekday at token i, resolved by the qualifier after it.
  size_t weekday_date(size_t i, int weekday) {
    if (i + 1 < tokens_.size() && tokens_[i + 1].is_number && days_and_month(i + 1, false)) {
      return i + 1;  // "الجمعة 23 فبراير": the written date says it
    }
    const int today = weekday_of_day(today_);
    const std::string* next = word(i + 1);
    if (next && is_future_word(*next)) {
      const int ahead = (weekday - today + 7) % 7;
      add_offset(ahead == 0 ? 7 : ahead);
      return i + 2;
    }
    const int back = (today - weekday + 7) % 7;
    if (next && is_past_word(*next)) {
      add_offset(-(back == 0 ? 7 : back));
      return i + 2;
    }
    add_offset(-back);
    return i + 1;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::optional<Date>& published_;
  long today_ = 0;
  std::vector<Date> found_;
};

}  // namespace

std::vector<Date> find_event_dates(std::string_view text, const std::vector<Token>& tokens,
                                   const std::optional<Date>& published) {
  return Scanner(text, tokens, published).run();
}

}  // namespace akhbar
