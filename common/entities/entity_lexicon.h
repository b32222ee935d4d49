// Entity lexicon: the closed word classes the entity rules use (titles before
// a person's name, trigger nouns of organizations, function words and verbs
// that end a name, place prepositions), and clitic splitting of words.
//
// All words are in normalized form (normalizer.h). The lists are written in
// entity_lexicon.cc; they are grammar, not names (names live in the
// gazetteer files). Thread-safe: built once, immutable.
#pragma once

#include <cstdint>
#include <string_view>

namespace akhbar::lexicon {

// Bit flags; a word may be in several classes.
enum WordClass : uint32_t {
  kStop = 1u << 0,          // function word: preposition, pronoun, particle (في, الذي, ان)
  kVerb = 1u << 1,          // verb that follows or precedes names (قال, اكد, يزور)
  kCommon = 1u << 2,        // common noun/adjective never part of a name (اليوم, العام, ايضا)
  kPersonTitle = 1u << 3,   // a person's name may follow (الرئيس, الشيخ, الدكتور)
  kRoleHead = 1u << 4,      // role noun taking a complement before the name (وزير, رئيس)
  kRoleWord = 1u << 5,      // may stand in the complement of a role (الخارجيه, السابق, باسم)
  kOrgTrigger = 1u << 6,    // organization noun that is part of the name (وزاره, حزب)
  kOrgIntro = 1u << 7,      // noun introducing an organization's name (شركه, نادي)
  kOrgNamed = 1u << 8,      // with kOrgTrigger: the organization is a proper name (حزب X)
  kConnector = 1u << 9,     // inside a person's name: بن, ابن, عبد, ال (آل), دي, فان
  kKunya = 1u << 10,        // ابو, ام
  kPlacePrep = 1u << 11,    // a place may follow (في, الي, من, مدينه, شمال)
  kAgency = 1u << 12,       // wire agency word of a dateline (وكالات, رويترز)
  kNameHead = 1u << 13,     // generic head before a name, outside it in NER tags (مدينه,
                            // جنوب, قطاع, شركه): مدينه حلب → only حلب is the name
  kEpithet = 1u << 14,      // epithet after a place name, outside it in NER tags (المكرمه)
  kFamilyHead = 1u << 15,   // family or clan noun: the word after it in construct is the
                            // family's name, a person in NER tags (اسره مينغ)
  kStrongTitle = 1u << 16,  // a title after which one word alone is a name (الرئيس بوش)
  kSpeechVerb = 1u << 17,   // reporting verb, its subject is often a name (وقال فلان إن)
  kThat = 1u << 18,         // ان, انه, انها: after a speaker's name
  kNonName = 1u << 19,      // frequent common noun/adjective that is never a person's name
  kNamedAfter = 1u << 20,   // a thing named after a person (جائزه نوبل, مطار محمد الخامس)
                            // (محل, شكوى, مديرية, المهندسين); checked on the word and
                            // on the word without its article
  kSpeakerFollow = 1u << 21,  // after "وقال X": shows X is the speaker (الذي, وهو,
                              // للصحفيين, لوكالة)
  kStatement = 1u << 22,    // a statement in "وقال X في بيان" (بيان, تصريح, مقابلة)
};

// Classes of a normalized word as written (no clitic stripping); 0 if none.
uint32_t classes(std::string_view normalized_word);

// Classes of the word, or when it has none, of the first of its readings
// without proclitics that has some (ومدينه → مدينه).
uint32_t stem_classes(std::string_view normalized_word);

// One way to read a word as proclitics + stem + article: وبالرقه → و + ب +
// ال + رقه. `bare` has no article; `has_article` says whether the stem had
// one (للامم, ل + ال + امم, has it too).
struct CliticReading {
  std::string_view bare;
  bool has_article = false;
  bool preposition = false;  // ب, ل or ك was removed (a place may follow)
  uint8_t prefix_bytes = 0;  // bytes of proclitics removed (article excluded)
};

// The readings of a normalized word, least stripped first: the word itself;
// without و/ف; without ب/ل/ك (after an optional و/ف); لل read as ل + ال.
// Every bare form keeps at least two letters. Returns how many were written.
constexpr int kMaxReadings = 6;
int clitic_readings(std::string_view normalized_word, CliticReading out[kMaxReadings]);

// stem_classes() of a word whose classes() and clitic_readings() (`n` of
// them) are known: no lookup is repeated.
uint32_t stem_classes(std::string_view normalized_word, uint32_t word_classes,
                      const CliticReading* readings, int n);

}  // namespace akhbar::lexicon
