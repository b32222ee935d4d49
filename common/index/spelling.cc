#include "index/spelling.h"

#include "index/schema.h"

#include <string>

namespace akhbar {

bool keeps_spelling(const Xapian::Database& db) { return db.get_metadata(schema::kSpellingKey) == "1"; }

bool keeps_spelling(Xapian::WritableDatabase& db, bool wanted) {
  if (db.get_doccount() == 0 && db.get_metadata(schema::kSpellingKey).empty()) {
    db.set_metadata(schema::kSpellingKey, wanted ? "1" : "0");
  }
  return keeps_spelling(static_cast<const Xapian::Database&>(db));
}

bool is_spelling_word(const std::string& term) {
  if (term.size() < 2) return false;
  const unsigned char first = static_cast<unsigned char>(term[0]);
  if (first >= 'A' && first <= 'Z') return false;  // a prefixed term
  return term.find_first_not_of("0123456789") != std::string::npos;
}

void add_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (is_spelling_word(term)) db.add_spelling(term, 1);
  }
}

void remove_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (is_spelling_word(term)) db.remove_spelling(term, 1);
  }
}

void add_spelling_of_all(const Xapian::Database& source, Xapian::WritableDatabase& out,
                         unsigned part, unsigned parts, size_t words_per_commit) {
  size_t since_commit = 0, position = 0;
  for (Xapian::TermIterator t = source.allterms_begin(); t != source.allterms_end(); ++t) {
    const std::string term = *t;
    if (!is_spelling_word(term) || position++ % parts != part) continue;
    out.add_spelling(term, t.get_termfreq());
    if (++since_commit == words_per_commit) {  // Xapian holds a commit's words in memory
      out.commit();
      since_commit = 0;
    }
  }
  out.commit();
}

}  // namespace akhbar

namespace akhbar {

void SpellingCounts::count(const Xapian::Document& doc, int64_t by) {
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (is_spelling_word(term)) delta_[term] += by;
  }
}

void SpellingCounts::flush(Xapian::WritableDatabase& db) {
  for (const auto& entry : delta_) {
    if (entry.second > 0) db.add_spelling(entry.first, static_cast<Xapian::termcount>(entry.second));
    if (entry.second < 0) db.remove_spelling(entry.first, static_cast<Xapian::termcount>(-entry.second));
  }
  delta_.clear();
}

}  // namespace akhbar
