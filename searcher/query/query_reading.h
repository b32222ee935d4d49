// QueryReading: how a user's query string is read before Xapian parses it,
// so that the query means what it says and the user is told where the
// reading differs from what was typed.
//
// On the normalized text (normalizer.h, case kept; guillemets and curly
// quotes made ASCII):
//   - a field prefix with nothing after it ("title: سوريا") takes the word
//     that follows (title:سوريا), or is left out at the end;
//   - a query whose only words are excluded (-سوريا, -قطر -سوريا, with stop
//     words beside them at most) means every article except those with the
//     words: Xapian's parser would read it as the words themselves;
//   - operators with nothing to join ("سوريا OR", "AND OR", a lone "+") are
//     left out, and the rest is read as words;
//   - a query with no word at all ("(((", "!!!") is a QueryError: it never
//     silently becomes "every article". Only an empty (or blank) string
//     browses: every article the filters let through, newest first, and a
//     note says so.
// Each rewrite adds one note in `notes`, for the printers.
// Thread-safe (pure function).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar {

// How Akhbar asks Xapian's QueryParser to read a query.
inline constexpr unsigned kQueryParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;

struct QueryReading {
  std::string text;                // what Xapian's parser reads
  // Only excluded words: `text` holds them without their '-', and the query
  // is every article AND_NOT any of them.
  bool pure_negative = false;
  std::vector<std::string> notes;  // one line each, in the user's terms
};

// REQUIRES: query.size() <= kMaxQueryBytes (search_request.h).
// Throws QueryError (query_builder.h) for a query that holds no word.
QueryReading read_query(const std::string& query);

}  // namespace akhbar
