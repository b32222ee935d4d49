// Stopwords: Arabic function words that carry no search meaning on their own
// (prepositions, pronouns, particles), in normalized form.
//
// Used by the query side only: documents index every word so that phrases
// with function words still match. Thread-safe (immutable after first use).
#pragma once

#include <string_view>

#include <xapian.h>

namespace akhbar {

bool is_stopword(std::string_view normalized_word);

// A Xapian::Stopper over the same list, for the QueryParser.
// The returned object lives for the whole program.
const Xapian::Stopper* arabic_stopper();

}  // namespace akhbar
