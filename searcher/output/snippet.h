// Snippet: the passage of an article shown under a result, cut from the
// ORIGINAL text (diacritics, tatweel and all) around the words that matched.
//
// HighlightTerms are read off the parsed query: exact normalized words (from
// phrases) and stems (from single words). make_snippet() tokenizes the text
// with the analysis chain, so every spelling variant the index folds is
// highlighted too, picks the window of `words` tokens with the most distinct
// matched terms (the text's opening when nothing matches) and reports the
// byte ranges of the matched words. Thread-safe.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "search_request.h"

namespace akhbar {

struct HighlightTerms {
  std::set<std::string> words;  // normalized words
  std::set<std::string> stems;  // stems (stemmer.h)
  bool empty() const { return words.empty() && stems.empty(); }
};

HighlightTerms highlight_terms(const Xapian::Query& query);

// Byte ranges of every word of `text` that matches `terms`, in order.
std::vector<std::pair<size_t, size_t>> matched_ranges(const std::string& text, const HighlightTerms& terms);

Snippet make_snippet(const std::string& text, const HighlightTerms& terms, size_t words);

}  // namespace akhbar
