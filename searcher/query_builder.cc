#include "query_builder.h"

#include <vector>

#include "normalizer.h"
#include "schema.h"
#include "stemmer.h"
#include "stopwords.h"

namespace akhbar {
namespace {

// Arabic writers quote with guillemets and curly quotes; the parser knows
// only the ASCII double quote.
std::string unify_quotes(const std::string& s) {
  static const char* const kQuotes[] = {"\u00AB", "\u00BB", "\u201C", "\u201D", "\u201E"};
  std::string out = s;
  for (const char* q : kQuotes) {
    const std::string quote(q);
    for (size_t at = out.find(quote); at != std::string::npos; at = out.find(quote, at + 1)) {
      out.replace(at, quote.size(), "\"");
    }
  }
  return out;
}

Xapian::QueryParser make_parser(bool match_any, bool use_stopper) {
  Xapian::QueryParser qp;
  qp.set_stemmer(make_xapian_stemmer());
  // Arabic has no capital letters, so STEM_SOME stems every word outside
  // phrases: words match by stem, phrases by their exact normalized words.
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  if (use_stopper) qp.set_stopper(arabic_stopper());
  qp.set_default_op(match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  qp.add_prefix("title", schema::kTitle);
  qp.add_prefix("عنوان", schema::kTitle);
  return qp;
}

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE |
                                 Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

Xapian::Query parse(const std::string& text, bool match_any, bool use_stopper) {
  Xapian::QueryParser qp = make_parser(match_any, use_stopper);
  try {
    return qp.parse_query(text, kParseFlags);
  } catch (const Xapian::QueryParserError&) {
    // Operators with nothing to join ("OR", "- + -") are words the user
    // typed: read the query again without operators.
  }
  try {
    return qp.parse_query(text, Xapian::QueryParser::FLAG_PHRASE);
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("cannot parse query: " + e.get_msg());
  }
}

Xapian::Query any_of(const char* prefix, const std::vector<std::string>& labels) {
  std::vector<Xapian::Query> terms;
  for (const std::string& label : labels) terms.emplace_back(prefix + schema::fold_label(label));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Ids are exact terms: not folded like labels.
Xapian::Query any_id(const char* prefix, const std::vector<std::string>& ids) {
  std::vector<Xapian::Query> terms;
  for (const std::string& id : ids) terms.emplace_back(prefix + id);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query date_range(const Filters& f) {
  if (f.from && f.to) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, f.from->yyyymmdd(),
                         f.to->yyyymmdd());
  }
  if (f.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, f.from->yyyymmdd());
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, f.to->yyyymmdd());
}

}  // namespace

Xapian::Query build_text_query(const std::string& query, bool match_any) {
  NormalizeOptions options;
  options.fold_case = false;  // keep AND/OR/NOT; the parser lowercases words itself
  const std::string text = unify_quotes(normalize(query, options));
  Xapian::Query q = parse(text, match_any, true);
  // A query of nothing but stop words ("في", "من هو") still means something
  // to its user: search for the words rather than for nothing.
  if (q.empty()) q = parse(text, match_any, false);
  return q;
}

Xapian::Query build_filter_query(const Filters& f) {
  std::vector<Xapian::Query> parts;
  if (!f.sources.empty()) parts.push_back(any_of(schema::kSource, f.sources));
  if (!f.categories.empty()) parts.push_back(any_of(schema::kCategory, f.categories));
  if (f.from || f.to) parts.push_back(date_range(f));
  if (!f.place_ids.empty()) parts.push_back(any_id(schema::kPlace, f.place_ids));
  if (!f.person_ids.empty() || !f.organization_ids.empty()) {
    parts.push_back(Xapian::Query(Xapian::Query::OP_OR, any_id(schema::kPerson, f.person_ids),
                                  any_id(schema::kOrganization, f.organization_ids)));
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query build_search_query(const SearchRequest& request) {
  Xapian::Query text = build_text_query(request.query, request.match_any);
  Xapian::Query filter = build_filter_query(request.filters);
  if (text.empty()) {
    // No words: browse everything the filters let through, newest first
    // when sorted by date (every document weighs the same).
    text = Xapian::Query::MatchAll;
  }
  if (filter.empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

}  // namespace akhbar
