#include "query/spelling_suggestion.h"

#include <string_view>

#include "query/query_reading.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

}  // namespace

std::string suggest_query(const Xapian::Database& db, const std::string& text) {
  std::string out;
  size_t copied = 0;
  bool changed = false;
  for (const Token& t : tokenize(text)) {
    const std::string_view written = std::string_view(text).substr(t.begin, t.end - t.begin);
    const bool field = t.end < text.size() && text[t.end] == ':';
    if (t.is_number || field || is_query_operator(written) || is_stopword(t.text)) continue;
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
