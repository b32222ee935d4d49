// Stopwords: Arabic function words that carry no search meaning on their own
// (prepositions, pronouns, demonstratives, relatives, particles, auxiliary
// verbs), with their common clitic and pronoun forms (وفي, فيها, والتي), about
// 250 words in normalized form (normalizer.h): look up normalized tokens only.
// علي is in (it is على), though it is also the name Ali; ام, امام, قال are out.
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
