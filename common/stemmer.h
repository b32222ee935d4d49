// Stemmer: Akhbar's light Arabic stemmer, for normalized words (normalizer.h).
//
// Strips the conjunction/preposition clitics و ف ب ك ل, the article ال and
// their combinations (وال بال كال فال لل وبال ...), and common suffixes
// (plural and dual endings, feminine ه, possessive pronouns), keeping a stem
// of at least 3 letters when the word had 3 or more, so that names and short
// roots survive (بغداد stays بغداد, وزاره → وزار is avoided). Non-Arabic
// words are returned unchanged. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace akhbar {

// The stem of one normalized word.
std::string stem_word(std::string_view normalized_word);

// The same stemmer wrapped for Xapian's QueryParser and TermGenerator.
Xapian::Stem make_xapian_stemmer();

}  // namespace akhbar
