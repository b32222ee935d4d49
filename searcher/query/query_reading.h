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
//   - parentheses that do not pair ("((سوريا", "سوريا)") are a QueryError:
//     which words a group was meant to hold cannot be guessed;
//   - an unclosed quote ("\"وزير الخارجية") is a phrase to the end, and said;
//   - a query of only stop words, unquoted ("في", "من هو"), is a
//     QueryError: the words are in nearly every article;
//   - a query with no word at all ("(((", "!!!") is a QueryError: it never
//     silently becomes "every article". Only an empty (or blank) string
//     browses: every article the filters let through, newest first, and a
//     note says so.
// Each rewrite adds one note in `notes`, for the printers.
// Thread-safe (pure function).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace akhbar {

// How Akhbar asks Xapian's QueryParser to read a query.
inline constexpr unsigned kQueryParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;

// A gazetteer entity named in Latin script in the query (latin_names.h).
struct NamedEntity {
  std::string written;               // as typed, e.g. "United Nations"
  std::string arabic;                // the entity's Arabic display name
  std::vector<std::string> terms;    // its index terms (XPL…, XPE…, XOG…)
};

struct QueryReading {
  std::string text;                // what Xapian's parser reads
  // Only excluded words: `text` holds them without their '-', and the query
  // is every article AND_NOT any of them.
  bool pure_negative = false;
  std::vector<std::string> notes;  // one line each, in the user's terms
  // Names marked in `text` as kNameField:N (latin_names.h), by index N.
  std::vector<NamedEntity> names;
};

// REQUIRES: query.size() <= kMaxQueryBytes (search_request.h).
// Throws QueryError (query_builder.h) for a query that holds no word.
QueryReading read_query(const std::string& query);

// True for a word Xapian's query parser reads as an operator: AND, OR,
// NOT, XOR, NEAR, ADJ, and NEAR/n, ADJ/n.
bool is_query_operator(std::string_view word);

}  // namespace akhbar
