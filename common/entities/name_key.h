// Name keys: the id of a person or organization the gazetteer does not know
// is "p:" / "o:" + the key of its name, so that spellings of one name meet in
// one facet value (قوات سوريا الديموقراطية and قوات سوريا الديمقراطية).
//
// The input is normalized (normalizer.h), which already folds hamza (أ إ آ →
// ا, ؤ ئ → ء), ة → ه and ى → ي. name_key() then folds what normalizing
// leaves apart:
//   - a conjunction or preposition fused with the article of the first word
//     (والحزب, بالهيئه, للامم → الحزب, الهيئه, الامم), when three letters or
//     more follow the article;
//   - a long vowel و written between two consonants that come before a
//     third consonant other than ه, from the third letter of the stem on
//     (after the article), inside a word of seven letters or more
//     (ديموقراطيه → ديمقراطيه, بيروقراطيه → بيرقراطيه): the spelling of
//     foreign words varies there; a short name's و (يوسف, محمود), a nisba's
//     (السعوديه), a pattern's (الحكومه, المعلومات) and a stem's first
//     letter (الوزراء) are kept.
//   - a hamza after an alef inside a word, which is also written ي (قائد,
//     قايد → قايد).
// Words stay separated by one space. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace akhbar {

std::string name_key(std::string_view normalized_name);

// The proclitics name_key() folds into the article of `first_word`
// (بال of بالهيئه, لل of للامم), "" if none: the key's first word is ال +
// what follows them.
std::string_view article_clitics(std::string_view first_word);

}  // namespace akhbar
