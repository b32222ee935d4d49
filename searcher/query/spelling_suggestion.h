// SpellingSuggestion: "did you mean", the query with its misspelled words
// corrected from the database's spelling data (index/spelling.h), as
// Xapian's Database::get_spelling_suggestion proposes each word (at most
// kMaxEditDistance edits away; among several, the one most articles hold).
//
// Only a query that finds few articles is offered one: fewer than
// kSuggestBelow matches, since a query that finds many was most likely
// meant (a rare correct word must not be "corrected" to a common one).
// Operators, field names, numbers and stop words are kept as typed; so is
// a word the spelling data already holds, found by one seek, so that only
// unknown words pay for Xapian's search of near words. Works over several
// local databases; over a remote one (Xapian's remote backend reads no
// spelling data) and one built with --no-spelling it suggests nothing.
// Reads only: thread-safe as a Database is (one per thread).
#pragma once

#include <string>

#include <xapian.h>

namespace akhbar {

inline constexpr size_t kSuggestBelow = 3;
inline constexpr unsigned kMaxEditDistance = 2;

// True when a query that found `total` articles is offered a suggestion.
inline bool wants_suggestion(size_t total) { return total < kSuggestBelow; }

// `text` (a QueryReading's text, before names are marked) with each word
// that has a correction replaced by it; "" when no word has one.
std::string suggest_query(const Xapian::Database& db, const std::string& text);

}  // namespace akhbar
