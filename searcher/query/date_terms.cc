#include "query/date_terms.h"

#include <cstdlib>

namespace akhbar {
namespace {

// Calls f(term, number) for each term of `db` that is `prefix` followed by
// exactly `digits` digits (the number they spell).
template <typename F>
void for_each_dated(const Xapian::Database& db, const std::string& prefix, size_t digits, F&& f) {
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string term = *it;
    const std::string rest = term.substr(prefix.size());
    if (rest.size() != digits || rest.find_first_not_of("0123456789") != std::string::npos) continue;
    f(term, static_cast<int>(std::strtol(rest.c_str(), nullptr, 10)));
  }
}

}  // namespace

std::vector<std::string> covering_date_terms(const Xapian::Database& db, const DatePrefixes& prefixes,
                                             const Date& from, const Date& to) {
  std::vector<std::string> terms;
  if (to < from) return terms;
  // Inside: the whole span lies in the range; apart: none of it does.
  auto inside = [&](const Date& first, const Date& last) { return !(first < from) && !(to < last); };
  auto apart = [&](const Date& first, const Date& last) { return last < from || to < first; };
  for_each_dated(db, prefixes.year, 4, [&](const std::string& year_term, int y) {
    if (apart({y, 1, 1}, {y, 12, 31})) return;
    if (inside({y, 1, 1}, {y, 12, 31})) {
      terms.push_back(year_term);
      return;
    }
    for_each_dated(db, prefixes.month + Date{y, 1, 1}.yyyymmdd().substr(0, 4), 2, [&](const std::string& month_term, int m) {
      const Date first{y, m, 1}, last{y, m, days_in_month(y, m)};
      if (apart(first, last)) return;
      if (inside(first, last)) {
        terms.push_back(month_term);
        return;
      }
      for_each_dated(db, prefixes.day + Date{y, m, 1}.yyyymmdd().substr(0, 6), 2, [&](const std::string& day_term, int d) {
        if (inside({y, m, d}, {y, m, d})) terms.push_back(day_term);
      });
    });
  });
  return terms;
}

}  // namespace akhbar
