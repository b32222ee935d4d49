// DateTerms: the fewest of a database's date terms that together cover a
// date range.
//
// The indexer writes every date as three boolean terms: its year, month and
// day (document_builder.cc). A range is covered by the whole years it holds,
// then the whole months, then single days — and only by terms the database
// has, so that a range of decades, or one open at an end, takes a few dozen
// terms rather than thousands. As a filter, the terms are short posting
// lists that lead the match, where a value range would test the date of
// every candidate. Reads the term list; thread-safe as
// far as the Database is.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "date.h"

namespace akhbar {

struct DatePrefixes {
  const char* year;   // + "YYYY"
  const char* month;  // + "YYYYMM"
  const char* day;    // + "YYYYMMDD"
};

// The terms of `db` whose dates all lie in [from, to] and which together
// match every document with a date in it; empty if there are none.
std::vector<std::string> covering_date_terms(const Xapian::Database& db, const DatePrefixes& prefixes,
                                             const Date& from, const Date& to);

}  // namespace akhbar
