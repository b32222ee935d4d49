#include "query/query_builder.h"

#include <cstdio>
#include <vector>

#include "query/date_terms.h"
#include "query/latin_names.h"
#include "query/query_reading.h"
#include "index/schema.h"
#include "text/normalizer.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

namespace akhbar {
namespace {

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

Xapian::Query parse(const std::string& text, bool match_any, bool use_stopper, bool stem,
                    const std::vector<NamedEntity>* names = nullptr);

// Reads kNameField:N (latin_names.h) as the N-th name of a reading: its words
// as written OR its Arabic name OR its index terms, which match without
// weight (boolean terms); for the exact forms (`stem` false), the words alone.
class NameProcessor : public Xapian::FieldProcessor {
 public:
  NameProcessor(const std::vector<NamedEntity>& names, bool stem) : names_(names), stem_(stem) {}

  Xapian::Query operator()(const std::string& str) override {
    const size_t n = str.find_first_not_of("0123456789") == std::string::npos && !str.empty() &&
                             str.size() < 6 ? std::stoul(str) : names_.size();
    if (n >= names_.size()) return Xapian::Query(str);
    const NamedEntity& named = names_[n];
    Xapian::Query written = parse(quoted(named.written), false, true, stem_);
    if (!stem_) return written;
    Xapian::Query arabic = parse(quoted(normalize(named.arabic)), false, true, stem_);
    const Xapian::Query entity(Xapian::Query::OP_OR, named.terms.begin(), named.terms.end());
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_OR, written, arabic),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, entity, 0.0));
  }

 private:
  static std::string quoted(const std::string& words) {
    return words.find(' ') == std::string::npos ? words : '"' + words + '"';
  }
  const std::vector<NamedEntity>& names_;
  bool stem_;
};

Xapian::Query parse(const std::string& text, bool match_any, bool use_stopper, bool stem,
                    const std::vector<NamedEntity>* names) {
  Xapian::QueryParser qp = make_parser(match_any, use_stopper);
  if (!stem) qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  if (names && !names->empty()) qp.add_prefix(kNameField, (new NameProcessor(*names, stem))->release());
  try {
    return qp.parse_query(text, kQueryParseFlags);
  } catch (const Xapian::QueryParserError& e) {  // read_query() leaves none in principle
    throw QueryError("cannot parse query: " + e.get_msg());
  }
}

// The words of a reading; a pure negative reading's are its excluded words,
// any of which excludes an article.
Xapian::Query words_query(const QueryReading& r, bool match_any, bool stem) {
  if (r.text.empty()) return Xapian::Query();
  const bool any = match_any || r.pure_negative;
  Xapian::Query q = parse(r.text, any, true, stem, &r.names);
  // A query of nothing but stop words ("في", "من هو") still means something
  // to its user: search for the words rather than for nothing.
  if (q.empty()) q = parse(r.text, any, false, stem, &r.names);
  return q;
}

Xapian::Query any_of(const char* prefix, const std::vector<std::string>& labels) {
  std::vector<Xapian::Query> terms;
  for (const std::string& label : labels) terms.emplace_back(prefix + schema::fold_label(label));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Dates in the text are boolean terms by day, month and year: a range is
// covered by whole years, then whole months, then single days, so that even
// a range of decades needs only a few dozen terms. Unbounded ends stop at the
// years 1000 and 9999 (what the date parser accepts).
Xapian::Query event_range(const Filters& f) {
  Date d = f.event_from.value_or(Date{1000, 1, 1});
  const Date last = f.event_to.value_or(Date{9999, 12, 31});
  std::vector<Xapian::Query> terms;
  char buf[16];
  while (!(last < d)) {
    if (d.month == 1 && d.day == 1 && !(last < Date{d.year, 12, 31})) {
      snprintf(buf, sizeof buf, "%04d", d.year);
      terms.emplace_back(schema::kEventYear + std::string(buf));
      d = Date{d.year + 1, 1, 1};
    } else if (d.day == 1 && !(last < Date{d.year, d.month, days_in_month(d.year, d.month)})) {
      snprintf(buf, sizeof buf, "%04d%02d", d.year, d.month);
      terms.emplace_back(schema::kEventMonth + std::string(buf));
      d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
    } else {
      terms.emplace_back(schema::kEventDay + d.yyyymmdd());
      if (d.day < days_in_month(d.year, d.month)) {
        ++d.day;
      } else {
        d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
      }
    }
    if (d.year > 9999) break;
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Ids are exact terms: not folded like labels.
Xapian::Query any_id(const char* prefix, const std::vector<std::string>& ids) {
  std::vector<Xapian::Query> terms;
  for (const std::string& id : ids) terms.emplace_back(prefix + id);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query any_term(const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> parts(terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// Over a database, a date range is the date terms it holds in the range
// (date_terms.h). None: the range matches nothing, said the old way.
Xapian::Query event_range(const Filters& f, const Xapian::Database* db) {
  if (db) {
    const std::vector<std::string> terms = covering_date_terms(
        *db, {schema::kEventYear, schema::kEventMonth, schema::kEventDay},
        f.event_from.value_or(Date{1000, 1, 1}), f.event_to.value_or(Date{9999, 12, 31}));
    if (!terms.empty()) return any_term(terms);
  }
  return event_range(f);
}

Xapian::Query date_range(const Filters& f, const Xapian::Database* db) {
  if (db) {
    const std::vector<std::string> terms =
        covering_date_terms(*db, {schema::kYear, schema::kMonth, schema::kDay},
                            f.from.value_or(Date{1000, 1, 1}), f.to.value_or(Date{9999, 12, 31}));
    if (!terms.empty()) return any_term(terms);
  }
  if (f.from && f.to) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, f.from->yyyymmdd(),
                         f.to->yyyymmdd());
  }
  if (f.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, f.from->yyyymmdd());
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, f.to->yyyymmdd());
}

}  // namespace

// Weight of a word's exact form relative to its stem (join_exact_form_boost),
// chosen on the known-item test (docs/ranking.md).
constexpr double kExactFormWeight = 0.25;

constexpr bool is_power_of_two(double x) {
  if (x <= 0) return false;
  while (x < 1) x *= 2;
  while (x > 1) x /= 2;
  return x == 1;
}
// Xapian scales a term's weight before its length part, a posting source's
// (bm25_source.h) after: the two agree to the last bit only when scaling is
// exact, by a power of two. Another factor would reorder near ties.
static_assert(is_power_of_two(kExactFormWeight), "the length column would weigh the boost differently");

Xapian::Query weighted_exact_forms(const Xapian::Query& exact) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, kExactFormWeight);
}

Xapian::Query build_text_query(const std::string& query, bool match_any) {
  return build_text_query(read_query(query), match_any);
}

Xapian::Query build_text_query(const QueryReading& reading, bool match_any) {
  Xapian::Query q = words_query(reading, match_any, true);
  if (reading.pure_negative) return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, q);
  return q;
}

Xapian::Query build_exact_forms(const std::string& query, bool match_any) {
  return build_exact_forms(read_query(query), match_any);
}

Xapian::Query build_exact_forms(const QueryReading& reading, bool match_any) {
  if (reading.pure_negative) return Xapian::Query();  // nothing to prefer among the rest
  return words_query(reading, match_any, false);
}

Xapian::Query build_filter_query(const Filters& f, const Xapian::Database* db) {
  std::vector<Xapian::Query> parts;
  if (!f.sources.empty()) parts.push_back(any_of(schema::kSource, f.sources));
  if (!f.categories.empty()) parts.push_back(any_of(schema::kCategory, f.categories));
  if (f.from || f.to) parts.push_back(date_range(f, db));
  if (f.event_from || f.event_to) parts.push_back(event_range(f, db));
  if (!f.place_ids.empty()) parts.push_back(any_id(schema::kPlace, f.place_ids));
  if (!f.person_ids.empty() || !f.organization_ids.empty()) {
    parts.push_back(Xapian::Query(Xapian::Query::OP_OR, any_id(schema::kPerson, f.person_ids),
                                  any_id(schema::kOrganization, f.organization_ids)));
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query build_search_query(const SearchRequest& request, const Xapian::Database* db) {
  return build_search_query(request, read_query(request.query), db);
}

Xapian::Query build_search_query(const SearchRequest& request, const QueryReading& reading,
                                 const Xapian::Database* db) {
  Xapian::Query text = build_text_query(reading, request.match_any);
  Xapian::Query filter = build_filter_query(request.filters, db);
  if (text.empty()) {
    // No words: browse everything the filters let through, newest first
    // when sorted by date (every document weighs the same).
    text = Xapian::Query::MatchAll;
  }
  if (filter.empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

Xapian::Query join_exact_form_boost(const Xapian::Query& search, const Xapian::Query& exact) {
  if (exact.empty()) return search;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, search, weighted_exact_forms(exact));
}

Xapian::Query build_ranked_query(const SearchRequest& request, const Xapian::Database* db) {
  return join_exact_form_boost(build_search_query(request, db),
                               build_exact_forms(request.query, request.match_any));
}

}  // namespace akhbar
