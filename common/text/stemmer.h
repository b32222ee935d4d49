// Stemmer: Akhbar's light Arabic stemmer, for normalized words (normalizer.h).
//
// Strips clitics in front: the conjunction و (ف only before the article), the
// prepositions ب ل (ك only before the article), the article ال, and their
// combinations (وال بال كال فال لل وبال ولل ...). The article needs 2 letters
// after it (الحق → حق), a bare و or ل 3, a bare ب 4. Then strips at the end one
// possessive pronoun or feminine ه (ها هم هما ه; ته → ت → the stem), one
// number ending (ات ون ين تان; the ين of the dual تين), and the nisba ي, never
// leaving fewer than 3 letters. The dual/plural ان is kept: too many names and
// nouns end in it (لبنان, ايران, برلمان, بيان).
//
// Light stemming cannot tell a clitic from a root letter (وزير, بغداد, لبنان)
// or a suffix from the end of a name (فلسطين, قانون): a built-in list of
// protected words and stems settles the common cases, and a word that reaches
// one, with fewer clitics stripped first, stops there (وزاره → وزار, not زار;
// للبنان → لبنان, not بنان).
//
// Examples: والسيارات → سيار, الفلسطينيين → فلسطين, حكومته → حكوم,
// وبدمشق → دمشق, للامم → امم, بغداد → بغداد, الرقه → رقه.
// Words of 3 letters or fewer, numbers, Latin and mixed words are returned
// unchanged. Deterministic; thread-safe; no allocation but the returned string.
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
