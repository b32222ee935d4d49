#include "query/spelling_suggestion.h"

#include <string_view>

#include "query/query_reading.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

// Whether the spelling data holds `word` (Xapian 1.4 has no lookup of one
// word's spelling frequency: a seek in the list of spelling words).
bool holds_spelling(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word;
}

}  // namespace

std::string suggest_query(const Xapian::Database& db, const std::string& text) {
  std::string out;
  size_t copied = 0;
  bool changed = false;
  for (const Token& t : tokenize(text)) {
    const std::string_view written = std::string_view(text).substr(t.begin, t.end - t.begin);
    const bool field = t.end < text.size() && text[t.end] == ':';
    if (t.is_number || field || is_query_operator(written) || is_stopword(t.text)) continue;
    // A word the archive holds is kept, and costs one lookup: Xapian's
    // search for near words reads the fragment lists of every letter
    // triple, which for a common word means much of the vocabulary.
    if (holds_spelling(db, t.text)) continue;
    const std::string better = db.get_spelling_suggestion(t.text, kMaxEditDistance);
    if (better.empty() || better == t.text) continue;
    out += text.substr(copied, t.begin - copied) + better;
    copied = t.end;
    changed = true;
  }
  if (!changed) return "";
  return out + text.substr(copied);
}

}  // namespace akhbar
