// Steps 2–4 of the entity extractor: organizations after trigger nouns,
// persons after titles, kunyas and given names, and name propagation.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "entities/entity_rules.h"
#include "text/normalizer.h"
#include "text/string_util.h"

namespace akhbar::entity_detail {
namespace {

using lexicon::kAgency;
using lexicon::kCommon;
using lexicon::kConnector;
using lexicon::kKunya;
using lexicon::kNonName;
using lexicon::kOrgIntro;
using lexicon::kOrgNamed;
using lexicon::kOrgTrigger;
using lexicon::kPersonTitle;
using lexicon::kPlacePrep;
using lexicon::kRoleHead;
using lexicon::kRoleWord;
using lexicon::kStop;
using lexicon::kSpeechVerb;
using lexicon::kStrongTitle;
using lexicon::kThat;
using lexicon::kVerb;
using NameClass = Gazetteer::NameClass;

constexpr size_t kLetter = 2;          // bytes of an Arabic letter
constexpr size_t kMaxNameTokens = 4;   // a person's name, connectors excluded
constexpr size_t kMaxOrgParts = 5;     // words after an organization's trigger
constexpr size_t kMaxRoleWords = 6;    // words between a title and the name

constexpr uint32_t kNotName = kStop | kVerb | kCommon | kPersonTitle | kRoleHead | kRoleWord |
                              kOrgTrigger | kOrgIntro | kPlacePrep | kAgency;

constexpr std::string_view kHa = "\xd9\x87";     // ه
constexpr std::string_view kAlef = "\xd8\xa7";   // ا

bool is_arabic(std::string_view word) {
  return !word.empty() && (static_cast<unsigned char>(word[0]) & 0xFE) == 0xD8;
}

// An ending of transliterated Slavic, Germanic or Romance surnames that no
// Arabic verb of five letters or more has (ستانيشيف, تيفيز, ستويانوفيتش):
// -يتش -سكي -ينكو -وف -يف -يز. Not the imperfect of استفعل (يستضيف).
bool foreign_surname_shape(std::string_view w) {
  if (w.size() < 5 * kLetter || starts_with(w, "\xd9\x8a\xd8\xb3\xd8\xaa") ||  // يست
      starts_with(w, "\xd8\xaa\xd8\xb3\xd8\xaa")) {                               // تست
    return false;
  }
  for (std::string_view end : {"\xd9\x8a\xd8\xaa\xd8\xb4", "\xd8\xb3\xd9\x83\xd9\x8a",  // يتش سكي
                               "\xd9\x8a\xd9\x86\xd9\x83\xd9\x88", "\xd9\x88\xd9\x81",  // ينكو وف
                               "\xd9\x8a\xd9\x81", "\xd9\x8a\xd8\xb2"}) {                  // يف يز
    if (ends_with(w, end)) return true;
  }
  // A long ا as the fourth of five letters (تورام, يوسال): no imperfect verb
  // has it but the افتعل of hollow roots (يختار, يزداد, يصطاد).
  if (w.size() == 5 * kLetter && w.substr(3 * kLetter, kLetter) == kAlef) {
    const std::string_view third = w.substr(2 * kLetter, kLetter);
    if (third != "\xd8\xaa" && third != "\xd8\xaf" && third != "\xd8\xb7") return true;  // ت د ط
  }
  // A final vowel و or ا (يانكو, توسكانا), not the plural verb ending وا
  // (يقولوا) or the pronouns نا, ها (سيقودنا).
  if (ends_with(w, "\xd9\x88")) return true;
  return ends_with(w, kAlef) && !ends_with(w, "\xd9\x88\xd8\xa7") && !ends_with(w, "\xd9\x86\xd8\xa7") &&
         !ends_with(w, "\xd9\x87\xd8\xa7");
}

// The past with the feminine ت, فعلت (طرحت, صرحت): no long vowel inside,
// unlike the foreign names بيرت, دوست, انيت. Callers exclude given names of
// this shape (رفعت, حكمت).
bool feminine_past(std::string_view w) {
  if (w.size() != 4 * kLetter || !ends_with(w, "\xd8\xaa")) return false;
  for (size_t k = 1; k <= 2; ++k) {
    const std::string_view c = w.substr(k * kLetter, kLetter);
    if (c == kAlef || c == "\xd9\x88" || c == "\xd9\x8a") return false;  // ا و ي
  }
  return true;
}

// A present or future tense verb (يزور, سيلتقي) rather than a name.
bool verb_like(const Analysis& a, size_t i) {
  const std::string_view w = a.tokens[i].text;
  if (a.facts[i].given != NameClass::None || a.facts[i].definite || w.size() < 4 * kLetter) {
    return false;
  }
  if (starts_with(w, "\xd8\xaa\xd8\xb4")) return false;  // تش: foreign names (تشومسكي)
  if (foreign_surname_shape(w)) return false;
  if (feminine_past(w)) return true;
  // است: the past of استفعل (استمرت, استقبل).
  if (w.size() >= 5 * kLetter && starts_with(w, "\xd8\xa7\xd8\xb3\xd8\xaa")) return true;
  return starts_with(w, "\xd9\x8a") || starts_with(w, "\xd8\xaa") ||  // ي ت
         starts_with(w, "\xd8\xb3\xd9\x8a") || starts_with(w, "\xd8\xb3\xd8\xaa");  // سي ست
}

// The text uses the word as a common noun: with the article when it has none
// (سنه, السنه; also after a clitic: بشكل, الشكل), or without it when it has
// one (الحياه, حياه).
bool common_in_text(const Analysis& a, size_t i) {
  const std::string_view word = a.tokens[i].text;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(word, readings);
  for (int r = 0; r < n; ++r) {
    const std::string_view bare = readings[r].bare;
    if (readings[r].has_article ? a.seen(bare) : a.seen_with_article(bare)) return true;
    // An indefinite accusative: جديدا, جديد.
    if (!readings[r].has_article && ends_with(bare, kAlef) && bare.size() >= 4 * kLetter) {
      const std::string_view base = bare.substr(0, bare.size() - kLetter);
      if (a.seen(base) || a.seen_with_article(base)) return true;
    }
    // A possessive suffix: بلاده, البلاد.
    if (!readings[r].has_article && ends_with(bare, kHa) && bare.size() >= 4 * kLetter &&
        a.seen_with_article(bare.substr(0, bare.size() - kLetter))) {
      return true;
    }
  }
  return false;
}

// A conjunction or preposition before the word (والمعتز, للوسي, وأسرته):
// the word starts a new item, it does not continue a name.
bool has_proclitic(const Analysis& a, size_t i) {
  const std::string_view w = a.tokens[i].text;
  if (a.facts[i].prefix_bytes > 0) return true;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(w, readings);
  for (int r = 1; r < n; ++r) {
    const std::string_view stem = w.substr(readings[r].prefix_bytes);
    if (readings[r].has_article && readings[r].prefix_bytes > 0) {
      // وال, بال, لل: a conjunction or preposition and the article; كال
      // only when the text has the word without it (كالديرون is a name,
      // كالبحر is not).
      const bool kaf = starts_with(w.substr(readings[r].prefix_bytes - kLetter), "\xd9\x83");
      if (!kaf || a.seen(readings[r].bare) || a.seen_with_article(readings[r].bare)) return true;
      continue;
    }
    if (a.gazetteer.given_name(stem) != NameClass::None || a.seen(stem)) return true;
  }
  return false;
}

// Whether token i can be part of a person's name; `text_evidence`: also not
// a word the text uses as a common noun.
bool name_like(const Analysis& a, size_t i, bool text_evidence = true) {
  const TokenFacts& f = a.facts[i];
  if (a.tokens[i].is_number || a.owner(i) || !is_arabic(a.tokens[i].text)) return false;
  // على (written with ى) is the preposition, not the name علي.
  if (f.given != NameClass::None) return f.prefix_bytes == 0 && !(f.maqsura && (f.classes & kStop));
  if (f.classes & kNotName) return false;
  if (a.tokens[i].text.size() < 2 * kLetter || verb_like(a, i)) return false;
  return !has_proclitic(a, i) && !(text_evidence && common_in_text(a, i));
}

bool connector(const Analysis& a, size_t i) {
  return a.has_class(i, kConnector) && !a.has_class(i, kStop) && !a.owner(i);
}

// The word as written in the text (hamza, ta marbuta, diacritics).
std::string_view original(const Analysis& a, size_t i) {
  return a.text.substr(a.tokens[i].begin, a.tokens[i].end - a.tokens[i].begin);
}

// Letters of a normalized Arabic word (every letter is two bytes), or 0 when
// the word has other characters.
size_t letter_count(std::string_view w) {
  if (w.size() % kLetter != 0) return 0;
  for (size_t k = 0; k < w.size(); k += kLetter) {
    const unsigned char c = static_cast<unsigned char>(w[k]);
    if (c < 0xD8 || c > 0xDB) return 0;
  }
  return w.size() / kLetter;
}

bool letter_is(std::string_view w, size_t k, std::string_view letter) {
  return w.compare(k * kLetter, kLetter, letter) == 0;
}

constexpr std::string_view kTa = "\xd8\xaa";    // ت
constexpr std::string_view kMim = "\xd9\x85";   // م
constexpr std::string_view kYaLetter = "\xd9\x8a";  // ي

// A derived-noun shape of a bare normalized word (no article) that names do
// not have: the verbal nouns استفعال (استئناف), افتعال (اجتماع), انفعال
// (انسحاب), تفعيل (تشكيل), تفاعل (تعاون), مفاعلة (مساهمة), a long plural in
// ات (تكنولوجيات) and a plural pronoun suffix (مساهماتهم).
bool derived_noun(std::string_view b) {
  const size_t n = letter_count(b);
  if (n < 4) return false;
  if (n == 6 && starts_with(b, "\xd8\xa7\xd8\xb3\xd8\xaa") && letter_is(b, 4, kAlef)) return true;
  if (n == 6 && letter_is(b, 0, kAlef) && letter_is(b, 2, kTa) && letter_is(b, 4, kAlef)) return true;
  if (n == 6 && starts_with(b, "\xd8\xa7\xd9\x86") && letter_is(b, 4, kAlef)) return true;
  if (n == 5 && letter_is(b, 0, kTa) && letter_is(b, 3, kYaLetter)) return true;
  if (n >= 5 && letter_is(b, 0, kTa) && letter_is(b, 2, kAlef)) return true;
  if (n >= 5 && letter_is(b, 0, kMim) && letter_is(b, 2, kAlef) && ends_with(b, kHa)) return true;
  if (n >= 6 && ends_with(b, "\xd8\xa7\xd8\xaa")) return true;                        // ات
  // Participles متفعل, مستفعل (متطور, مستضيف); not the surname متولي.
  if (n >= 5 && (starts_with(b, "\xd9\x85\xd8\xaa") || starts_with(b, "\xd9\x85\xd8\xb3\xd8\xaa")) &&
      !ends_with(b, kYaLetter)) {
    return true;  // مت, مست
  }
  if (n >= 5 && (ends_with(b, "\xd9\x87\xd9\x85") || ends_with(b, "\xd9\x87\xd9\x85\xd8\xa7") ||
                 ends_with(b, "\xd9\x83\xd9\x85") || ends_with(b, "\xd9\x88\xd9\x87\xd8\xa7"))) {  // هم هما كم وها
    return true;
  }
  return false;
}

// A common word as written: in a word list or of a derived-noun shape.
bool common_form(const Gazetteer& g, std::string_view normalized) {
  if (lexicon::classes(normalized) & (kStop | kVerb | kCommon | kNonName)) return true;
  const BareWord b = strip_article(normalized);
  if (g.given_name(b.bare) != NameClass::None) return false;  // التوفيق, الحسين
  if (b.has_article && (lexicon::classes(b.bare) & kNonName)) return true;
  // A definite feminine adjective (الرسمية, الروسية) is no name.
  if (b.has_article && letter_count(b.bare) >= 3 && ends_with(b.bare, "\xd9\x8a\xd9\x87")) return true;
  return derived_noun(b.bare);
}

// A word written with the preposition ب or ل before a common word (بزيادة,
// لأسود, لاستئناف): the clitic shows in a hamza after it, a ta marbuta at the
// end, a common stem, or a stem the text also uses alone.
bool preposition_on_common_word(const Analysis& a, size_t i) {
  const std::string_view w = a.tokens[i].text;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(w, readings);
  for (int r = 1; r < n; ++r) {
    if (!readings[r].preposition || readings[r].has_article) continue;
    const std::string_view stem = w.substr(readings[r].prefix_bytes);
    if (letter_count(stem) < 3 || a.gazetteer.given_name(stem) != NameClass::None) continue;
    // The original spelling after the clitic letters (no diacritics between
    // them in news text; if any, the hamza test just fails).
    const std::string_view orig = original(a, i);
    const std::string_view after = orig.size() > readings[r].prefix_bytes
                                       ? orig.substr(readings[r].prefix_bytes)
                                       : std::string_view();
    const bool hamza = starts_with(after, "\xd8\xa3") || starts_with(after, "\xd8\xa5");  // أ إ
    const bool ta_marbuta = ends_with(orig, "\xd8\xa9");                                    // ة
    if (hamza || ta_marbuta || common_form(a.gazetteer, stem) || a.seen(stem) || a.seen_with_article(stem)) {
      return true;
    }
  }
  return false;
}

// Token i of a name found by rule reads as a common word (task of the
// person check below): a function word, verb, frequent non-name word, a
// derived-noun shape, or a preposition on a common word.
bool common_word(const Analysis& a, size_t i) {
  const TokenFacts& f = a.facts[i];
  // A given name, also an ambiguous one written as a name (علي, not على):
  // the rules that took it already weighed the ambiguity.
  if (f.given == NameClass::Given || (f.given != NameClass::None && !f.maqsura)) return false;
  if (a.has_class(i, kConnector | kKunya)) return false;  // بن, عبد, ابو, ام
  if (a.tokens[i].is_number || !is_arabic(a.tokens[i].text)) return false;
  if (common_form(a.gazetteer, a.tokens[i].text) || common_form(a.gazetteer, a.stem(i))) return true;
  return preposition_on_common_word(a, i);
}

constexpr std::string_view kAbd = "\xd8\xb9\xd8\xa8\xd8\xaf";  // عبد
constexpr std::string_view kAlDin = "\xd8\xa7\xd9\x84\xd8\xaf\xd9\x8a\xd9\x86";  // الدين
constexpr std::string_view kAllah = "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87";  // الله
constexpr std::string_view kYa = "\xd9\x8a";                      // ي

// A family name in the nisba form (الاحمدي, الحريري).
bool nisba(const Analysis& a, size_t i) {
  const std::string_view w = a.tokens[i].text;
  return a.facts[i].definite && w.size() >= 4 * kLetter && !a.facts[i].maqsura &&
         w.compare(w.size() - kYa.size(), kYa.size(), kYa) == 0 && name_like(a, i);
}

// Token i can begin a person's name right after a title or alone. An
// ambiguous given name (علي, also the preposition على) needs a clear name
// after it: another given name, a connector (بن, عبد) or a nisba.
bool name_start(const Analysis& a, size_t i) {
  const TokenFacts& f = a.facts[i];
  if (a.owner(i)) return false;
  if (f.given == NameClass::Given) return true;
  const size_t j = i + 1;
  const bool clear_name_follows =
      j < a.size() && !a.breaks_before(j) &&
      (a.facts[j].given == NameClass::Given || connector(a, j) || nisba(a, j));
  if (f.given == NameClass::AmbiguousGiven) return clear_name_follows && !f.maqsura;
  if (a.stem(i) == kAbd) {  // عبد الله
    return j < a.size() && !a.breaks_before(j) && a.facts[j].definite && !a.owner(j) &&
           !a.has_class(j, kStop | kVerb);
  }
  return name_like(a, i) && !f.definite;
}

std::string join_tokens(const Analysis& a, size_t first, size_t last) {
  std::string out(a.stem(first));
  for (size_t k = first + 1; k <= last; ++k) out.append(" ").append(a.tokens[k].text);
  return out;
}

// A kunya (ابو, ابي) at i inside a name and the word it governs: that word is
// a name whatever it looks like (وقاص reads as و + قاص, طالب as a noun).
bool kunya_follows(const Analysis& a, size_t i) {
  const size_t k = i + 1;
  return k < a.size() && a.has_class(i, kKunya) && !a.breaks_before(i) && !a.breaks_before(k) &&
         !a.owner(i) && !a.tokens[k].is_number && is_arabic(a.tokens[k].text) &&
         a.tokens[k].text.size() >= 2 * kLetter && !a.has_class(k, kStop | kConnector);
}

// و before a name (فيصل ملكاوي وغيث الطراونة, محمد وعلي): the word starts
// the next name of a list. A name that itself begins with و (وليد) does not.
bool coordinated(const Analysis& a, size_t i) {
  const std::string_view w = a.tokens[i].text;
  if (!starts_with(w, "\xd9\x88") || w.size() < 4 * kLetter) return false;  // و
  const TokenFacts& f = a.facts[i];
  if (f.given != NameClass::None && f.prefix_bytes == 0) return false;
  if (a.has_class(i, kConnector) && f.prefix_bytes == 0) return false;  // ولد
  return f.prefix_bytes > 0 || a.gazetteer.given_name(w.substr(kLetter)) != NameClass::None;
}

// Token j cannot continue the name before it: punctuation, the next item of
// a list, a preposition on a common word, or ف and a three-letter verb
// (بالحسن | فرجع ابو هريره).
bool ends_name_before(const Analysis& a, size_t j) {
  if (a.breaks_before(j) || coordinated(a, j) || preposition_on_common_word(a, j)) return true;
  const std::string_view w = a.tokens[j].text;
  return starts_with(w, "\xd9\x81") && letter_count(w) == 4 && a.facts[j].given == NameClass::None;
}

bool clear_end(const Analysis& a, size_t last);

// A particle of a European family name as written in Arabic: van, von,
// de, da, du, del (فان, فون, دي, دا, دو, ديل).
bool foreign_particle(const Analysis& a, size_t i) {
  static const std::unordered_set<std::string_view> particles = {
      "\xd9\x81\xd8\xa7\xd9\x86", "\xd9\x81\xd9\x88\xd9\x86", "\xd8\xaf\xd9\x8a",
      "\xd8\xaf\xd8\xa7", "\xd8\xaf\xd9\x88", "\xd8\xaf\xd9\x8a\xd9\x84"};
  return particles.count(original(a, i)) > 0;
}

// The second particle of a family name after the first: la, der, den (دو
// لا, فان دير, فان دن).
bool second_particle(const Analysis& a, size_t i) {
  static const std::unordered_set<std::string_view> particles = {
      "\xd9\x84\xd8\xa7", "\xd8\xaf\xd9\x8a\xd8\xb1", "\xd8\xaf\xd9\x86"};
  return particles.count(original(a, i)) > 0;
}

// The end of the name starting at `start`; a known person the name runs into
// (بشار حافظ الاسد) gives `known_id` and its end.
size_t name_end(const Analysis& a, size_t start, std::string& known_id) {
  size_t last = start;
  size_t words = 1;
  bool after_kunya = false;
  // عبد الله, عبد الكريم: عبد and the divine name are one name word.
  auto joins_abd = [&](size_t k) {
    return a.stem(k) == kAbd && k + 1 < a.size() && !a.breaks_before(k + 1) &&
           a.facts[k + 1].definite && !a.owner(k + 1) && !a.has_class(k + 1, kStop | kVerb);
  };
  // عبد الكريم counts as a given name: a family name may follow (الخطابي).
  const bool abd_start = joins_abd(start);
  const bool arabic_start = abd_start || a.facts[start].given != NameClass::None ||
                            (start > 0 && a.has_class(start - 1, kKunya));
  if (abd_start) ++last;
  for (size_t j = last + 1; j < a.size() && words < kMaxNameTokens; j = last + 1) {
    if (ends_name_before(a, j)) break;
    // محيي الدين, نصر الله: الدين and الله complete the name word before
    // them (a compound name, not a word of its own).
    if (!a.owner(j) && (a.tokens[j].text == kAlDin || a.tokens[j].text == kAllah) &&
        !connector(a, last)) {
      last = j;
      continue;
    }
    // A nisba ends a name (ابو عبد الله التركي | ودع): only a lineage
    // (ولد المختار) or another family name with the article follows it.
    // A role in construct after the name is an apposition, also when the
    // role word is a given name too (محمد عبد الوهاب | نجم المنتخب).
    if (a.has_class(j, kRoleHead) && j + 1 < a.size() && !a.breaks_before(j + 1) &&
        a.facts[j + 1].definite && !a.has_class(j + 1, kStop | kVerb)) {
      break;
    }
    // The dual of a role in construct after two names (حامد الشريف وجلال
    // محمود | عضوي لجنة الكرة).
    if (ends_with(a.tokens[j].text, kYa) && j + 1 < a.size() && !a.breaks_before(j + 1) &&
        (lexicon::classes(a.tokens[j].text.substr(0, a.tokens[j].text.size() - kLetter)) &
         kRoleHead) != 0) {
      break;
    }
    // Not the divine name after عبد (عبد الغني | ايت باحماد).
    if (last > start && a.facts[last].definite && ends_with(a.tokens[last].text, kYa) &&
        a.stem(last - 1) != kAbd && !a.facts[j].definite && !connector(a, j)) {
      break;
    }
    if (words >= 2 && a.facts[j].given == NameClass::None && !connector(a, j)) {
      // After two name words: a word in ta marbuta is a noun (نزار قباني |
      // قصيده), a word with و starts the next item (فيصل ملكاوي | وغيث).
      // A definite one after Arabic names is a family name (خالد بن حمد العطيه).
      const bool family = arabic_start && a.facts[j].definite && !a.owner(j);
      if ((ends_with(original(a, j), "\xd8\xa9") && !family) ||
          starts_with(a.tokens[j].text, "\xd9\x88")) {
        break;
      }
      // An accusative participle فاعلا (جمال ناصر البدر | شارحا).
      const std::string_view w = a.tokens[j].text;
      if (letter_count(w) == 5 && letter_is(w, 1, kAlef) && ends_with(w, kAlef)) break;
      // A family name with the article needs a known given name, a kunya or
      // عبد before it (عباس محمود العقاد), or is a nisba: not آريين روبن | الهدف.
      if (a.facts[j].definite && !(ends_with(a.tokens[j].text, kYa) && !a.facts[j].maqsura) &&
          !arabic_start) {
        break;
      }
      // A preposition before a three-letter noun (سعيد صيام | بمقر); not a
      // foreign name (فيليب دوست بلازي), which ends in a vowel more often.
      if ((starts_with(w, "\xd8\xa8") || starts_with(w, "\xd9\x84")) && letter_count(w) == 4 &&
          !ends_with(w, kAlef) && !ends_with(w, "\xd9\x88") && !ends_with(w, kYa)) {
        break;
      }
    }
    const bool after_given =
        words == 1 && (abd_start || a.facts[last].given == NameClass::Given);
    if (const Mention* m = a.owner(j)) {
      if (m->kind == EntityKind::Person) {
        known_id = m->id;
        last = m->last_token;
      } else if ((after_given || (arabic_start && words >= 2 && a.facts[j].definite &&
                                  a.facts[last].given != NameClass::None)) &&
                 !m->is_name && m->first_token == m->last_token) {
        last = j;  // جون كندي, محمد المصري: a nisba family name, not a nationality
        ++words;
        continue;
      }
      break;
    }
    // روبن فان بيرسي, ستافان دي ميستورا: a particle of a European family
    // name, written as such (فان, not the conjunction فإن), joins the name
    // word after it.
    if (foreign_particle(a, j) && j + 1 < a.size() && !a.breaks_before(j + 1)) {
      // A second particle after the first (جان مارك دو لا سابليير, فان دير).
      const size_t k = j + 2 < a.size() && !a.breaks_before(j + 2) && second_particle(a, j + 1) ? j + 2 : j + 1;
      if (!a.facts[k].definite && !a.owner(k) && name_like(a, k, false) && !common_word(a, k)) {
        last = k;
        ++words;
        continue;
      }
    }
    // بن سلمان, ال نهيان: a connector and the word it joins.
    if (joins_abd(j)) {
      last = j + 1;
    } else if (connector(a, j) && kunya_follows(a, j + 1)) {
      last = j + 2;  // بن ابي وقاص, بن ابي طالب
      after_kunya = true;
      ++words;
      continue;
    } else if (after_kunya && !connector(a, j) && !ends_with(a.tokens[j].text, kYa)) {
      break;  // علي بن ابي طالب | الخلافه: only a nisba or another link follows
    } else if (connector(a, j) && j + 1 < a.size() && !a.breaks_before(j + 1) &&
               (name_like(a, j + 1) || a.has_class(j + 1, kPersonTitle))) {
      last = joins_abd(j + 1) ? j + 2 : j + 1;
    } else if (after_given && !a.facts[last].definite && a.facts[j].definite &&
               a.facts[j].prefix_bytes == 0 &&
               !(j + 1 < a.size() && a.facts[j + 1].given != NameClass::None &&
                 a.facts[j + 1].prefix_bytes == 0) &&
               a.has_class(j, kPersonTitle | lexicon::kEpithet) && !a.has_class(j, kStop | kVerb) &&
               (clear_end(a, j) || ends_name_before(a, j + 1))) {
      // وطارق السيد | وتامر, حامد الشريف | وجلال: a title right after a given
      // name and at the name's end is the family name; before a name it
      // would be the title of the next person.
      last = j;
    } else if (name_like(a, j) ||
               // سمير شمس | لم, يوسف اسلام | الذي: after a given name, a
               // family name the text also uses as a common noun, when the
               // name ends right after it.
               (after_given && !a.facts[j].definite && name_like(a, j, false) &&
                !ends_with(original(a, j), "\xd8\xa9") && !ends_with(a.tokens[j].text, kHa) &&
                !ends_with(a.tokens[j].text, kAlef) &&
                (clear_end(a, j) || ends_name_before(a, j + 1) ||
                 a.has_class(j + 1, kRoleHead | kPersonTitle | kRoleWord))) ||
               // توفيق الحكيم: after a given name, a family name with the article.
               // محمد بن عبد الكريم الخطابي: a nisba ends a longer chain.
               ((after_given || (words >= 2 && ends_with(a.tokens[j].text, kYa))) &&
                a.facts[j].definite && !a.tokens[j].is_number &&
                !(a.facts[j].classes & kNotName) && is_arabic(a.tokens[j].text) &&
                !has_proclitic(a, j))) {
      last = j;
    } else {
      break;
    }
    ++words;
  }
  while (last > start && connector(a, last)) --last;  // ابي جميل زيان | بن
  return last;
}

// A place mention read through a preposition ب/ل (بدبي, لصنعاء).
bool preposition_place(const Analysis& a, const Mention& m) {
  const std::string_view w = a.tokens[m.first_token].text;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(w, readings);
  bool via_preposition = false;
  for (int r = 0; r < n; ++r) {
    const std::vector<GazetteerPattern>* list = a.gazetteer.patterns(readings[r].bare);
    if (!list) continue;
    for (const GazetteerPattern& p : *list) {
      if (a.gazetteer.entries()[p.entry].id != m.id) continue;
      if (!readings[r].preposition) return false;  // the name as written (لبنان)
      via_preposition = true;
    }
  }
  return via_preposition;
}

// A person found by rule and unknown to the gazetteer must look like a name:
// no word of it reads as a common word, and it has a known given name or
// follows a strong cue (a strong title, a role and its complement, a kunya).
bool plausible_person(const Analysis& a, size_t first, size_t last, bool strong_cue) {
  bool given = false;
  for (size_t k = first; k <= last; ++k) {
    // An ambiguous given name (علي) counts in a longer name: name_start()
    // already asked for a clear name after it.
    if (a.facts[k].given == NameClass::Given ||
        (a.facts[k].given == NameClass::AmbiguousGiven && last > first)) {
      given = true;
    }
    // The word a kunya governs inside the name (بن ابي طالب) is a name
    // whatever it reads as alone.
    const bool governed = k > first && (a.has_class(k - 1, kKunya) || a.tokens[k].text == kAlDin ||
                                        a.tokens[k].text == kAllah);  // محيي الدين
    if (!governed && common_word(a, k)) return false;
  }
  return given || strong_cue;
}

// Adds the person over tokens [first, last] (proclitics of the first word
// excluded from the id), or under `known_id`. A name unknown to the
// gazetteer is added only when plausible_person(); returns whether added.
bool add_person(Analysis& a, size_t first, size_t last, const std::string& known_id,
                bool strong_cue) {
  if (known_id.empty() && !plausible_person(a, first, last, strong_cue)) {
    // A common word that ran on after two name words or more ends the name
    // (وسالم مسعود | مترابط): the name is what comes before it.
    size_t end = last;
    while (end > first + 1 && common_word(a, end)) --end;
    if (end == last || !plausible_person(a, first, end, strong_cue)) return false;
    last = end;
  }
  Mention m;
  m.first_token = first;
  m.last_token = last;
  m.kind = EntityKind::Person;
  m.id = known_id.empty() ? "p:" + join_tokens(a, first, last) : known_id;
  a.add(std::move(m));
  return true;
}

// A nationality adjective in the masculine singular (البرازيلي, not
// البرازيلية or البرازيليين): it can describe the person named after it.
bool nationality_adjective(const Analysis& a, const Mention& m) {
  if (m.kind != EntityKind::Place || m.is_name || m.first_token != m.last_token) return false;
  const std::string_view w = a.tokens[m.first_token].text;
  if (!ends_with(w, kYa)) return false;
  // With the article, also after و or ف (والفرنسي) or a preposition
  // (للكيني كومان رونو: "to the Kenyan ...").
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(w, readings);
  for (int r = 0; r < n; ++r) {
    if (readings[r].has_article) return true;
  }
  return false;
}

// A single word is a name only after a strong title (الرئيس بوش), and never
// a word the text also uses with the article (a common noun).
bool single_name_ok(const Analysis& a, size_t title, size_t word) {
  // An ambiguous given name written as a name (الامام علي, not على).
  const TokenFacts& f = a.facts[word];
  const bool ambiguous = f.given == NameClass::AmbiguousGiven && (f.maqsura || f.prefix_bytes > 0);
  return a.has_class(title, kStrongTitle) && !ambiguous && !a.seen_with_article(a.stem(word));
}


// الرئيس السوري بشار الاسد, وزير الخارجيه الروسي سيرغي لافروف, المتحدث باسم
// الامم المتحده ستيفان دوجاريك: the name after a title and its complement.
bool title_rule(Analysis& a, size_t i) {
  if (!a.has_class(i, kPersonTitle | kRoleHead)) return false;
  bool after_nationality = false;
  for (size_t j = i + 1, steps = 0; j < a.size() && steps < kMaxRoleWords; ++steps) {
    const uint8_t gap = a.facts[j].gap;
    if (gap & (kGapBreak & ~kGapComma)) return false;
    const bool comma = gap & kGapComma;
    if (const Mention* m = a.owner(j)) {
      if (comma || m->kind == EntityKind::Person) return false;
      // الملكة صوفيا, الشيخ زايد: right after a strong title a one-word
      // place name is the person's name.
      if (j == i + 1 && a.has_class(i, kStrongTitle) && m->kind == EntityKind::Place && m->is_name &&
          m->first_token == j && m->last_token == j && a.facts[j].prefix_bytes == 0 &&
          !preposition_place(a, *m) && clear_end(a, j)) {
        a.remove(j);
        Mention person;
        person.first_token = person.last_token = j;
        person.kind = EntityKind::Person;
        person.id = "p:" + std::string(a.stem(j));
        a.add(std::move(person));
        return true;
      }
      after_nationality = nationality_adjective(a, *m);
      j = m->last_token + 1;
      continue;
    }
    // After a comma (وزير الدفاع، جيمس ماتيس،) only a known given name. A
    // first name that looks like a verb (يرلان) is one when a name follows.
    const bool verb_looking_name = verb_like(a, j) && !feminine_past(a.tokens[j].text) &&
                                   !a.facts[j].definite &&
                                   !a.has_class(j, kNotName) && j + 1 < a.size() &&
                                   !a.breaks_before(j + 1) && name_like(a, j + 1);
    // After a title an ambiguous given name starts a name when a name word
    // follows (الدكتور سعيد راتب, ووزير الداخلية سعيد صيام).
    // After a strong title it may stand alone (الامام علي).
    const bool ambiguous_given =
        a.facts[j].given == NameClass::AmbiguousGiven && !a.facts[j].maqsura &&
        a.facts[j].prefix_bytes == 0 && !a.has_class(j, kRoleWord) &&  // باسم
        (a.has_class(i, kStrongTitle) ||
         (j + 1 < a.size() && !a.breaks_before(j + 1) && name_like(a, j + 1)));
    // ... or any name closed by a second comma: an apposition (السناتور
    // الجمهوري، ارلن سبيكتر، اقترح).
    std::string known_id;
    size_t last = j;
    bool closed = false;
    if (comma && a.facts[j].given != NameClass::Given && name_start(a, j)) {
      last = name_end(a, j, known_id);
      closed = last + 1 < a.size() && (a.facts[last + 1].gap & kGapComma) &&
               !(a.facts[last + 1].gap & ~kGapComma);
    }
    if ((name_start(a, j) || verb_looking_name || ambiguous_given) &&
        (!comma || a.facts[j].given == NameClass::Given || closed)) {
      last = name_end(a, j, known_id);
      if (last == j && known_id.empty() && !single_name_ok(a, i, j)) return false;
      // A strong title (الرئيس, الشيخ), or a role with its complement
      // (وزير الخارجية): the name after it needs no known given name.
      // العداء الكيني بونغي ويلفريد: a nationality before the name is as strong.
      // A title with a complement (المتحدثة باسم البيت الابيض) is as strong.
      const bool strong = a.has_class(i, kStrongTitle) || j > i + 1 ||
                          (after_nationality && a.owner(j - 1));
      return add_person(a, j, last, known_id, strong);
    }
    if (comma) return false;
    const TokenFacts& f = a.facts[j];
    const bool role = (f.classes & (kRoleWord | kRoleHead | kPersonTitle)) != 0;
    // A definite noun, or a definite adjective in ي/ية even when listed as a
    // common word (الخبير الاقتصادي, المحلل السياسي).
    const bool adjective = f.definite && (f.classes & kCommon) && !(f.classes & (kStop | kVerb)) &&
                           (ends_with(a.tokens[j].text, kYa) || ends_with(a.tokens[j].text, "\xd9\x8a\xd9\x87"));
    const bool complement = adjective || (f.definite && !(f.classes & (kStop | kVerb | kCommon)));
    // سفير اسرائيل لدى الامم المتحده: لدى links the role to where it serves.
    const bool at = a.tokens[j].text == "\xd9\x84\xd8\xaf\xd9\x8a" && j > i + 1 && j + 1 < a.size() &&
                    a.owner(j + 1) && !a.breaks_before(j + 1);  // لدي
    if (!role && !complement && !at) return false;
    ++j;
  }
  return false;
}


// البرازيلي إيمرسون, والفرنسي ليليان تورام: a name right after a masculine
// nationality adjective, which describes the person it precedes. The name
// must not read as a common word (الموقف الامريكي واضح).
bool nationality_rule(Analysis& a, size_t i) {
  const Mention* m = a.owner(i);
  if (!m || m->last_token != i || !nationality_adjective(a, *m)) return false;
  const size_t j = i + 1;
  if (j >= a.size() || a.breaks_before(j) || a.owner(j) || a.facts[j].definite) return false;
  if (!name_start(a, j) && !name_like(a, j)) return false;
  std::string known_id;
  const size_t last = name_end(a, j, known_id);
  if (last == j && known_id.empty() && a.facts[j].given == NameClass::None) {
    // One unknown word: four letters or more (not تضم, صرخ), no و before it
    // and no pronoun after it (وصلابته), then a clear end or a word with a
    // preposition (لمدة).
    const std::string_view w = a.tokens[j].text;
    if (letter_count(w) < 4 || starts_with(w, "\xd9\x88") || ends_with(w, kHa) ||
        a.seen_with_article(a.stem(j))) {
      return false;
    }
    const size_t k = j + 1;
    const bool preposition = k < a.size() && (starts_with(a.tokens[k].text, "\xd9\x84") ||
                                              starts_with(a.tokens[k].text, "\xd8\xa8"));
    if (!clear_end(a, j) && !preposition) return false;
  }
  return add_person(a, j, last, known_id, /*strong_cue=*/true);
}

// ابو طالب, ابو هريره: after ابو / ابا (not ابي, also "my father") the
// word is a name whatever it reads as alone, unless a function word.
bool governed_by_abu(const Analysis& a, size_t i, size_t j) {
  const std::string_view k = a.stem(i);
  const bool ya = ends_with(k, kYa);
  return !ya && !a.has_class(j, kStop | kThat | kConnector) && !a.tokens[j].is_number &&
         is_arabic(a.tokens[j].text) && letter_count(a.tokens[j].text) >= 3 && !a.facts[j].definite &&
         a.facts[j].prefix_bytes == 0;
}

// ابو محمد الاحمدي, ام كلثوم.
bool kunya_rule(Analysis& a, size_t i) {
  if (!a.has_class(i, kKunya) || i + 1 >= a.size() || a.breaks_before(i + 1)) return false;
  const size_t j = i + 1;
  const NameClass given = a.facts[j].given;
  const bool abu = a.stem(i).size() == 3 * kLetter;  // ابو, ابي (not ام)
  const bool ok = given == NameClass::Given ||
                  (abu && (given == NameClass::AmbiguousGiven || a.stem(j) == kAbd ||
                           (name_like(a, j) && !a.seen_with_article(a.stem(j))) ||
                           governed_by_abu(a, i, j)));
  if (!ok || a.owner(j)) return false;
  std::string known_id;
  const size_t last = name_end(a, j, known_id);
  // After the kunya and its word only a family name with the article, a
  // given name or a lineage go on (ابو مصعب الزرقاوي, not ابو طالب | كثير).
  size_t end = j;
  if (a.stem(j) == kAbd && j + 1 <= last) end = j + 1;
  for (size_t k = end + 1; k <= last; ++k) {
    if (a.owner(k)) {
      end = last;  // a known person the name runs into
      break;
    }
    if (connector(a, k) && k + 1 <= last) {
      end = ++k;
      continue;
    }
    if (!a.facts[k].definite && a.facts[k].given == NameClass::None) break;
    end = k;
  }
  return add_person(a, i, end, known_id, /*strong_cue=*/true);
}

// Whether the words after a name end it clearly: punctuation, the end of
// the text, a function word or a verb.
bool clear_end(const Analysis& a, size_t last) {
  const size_t k = last + 1;
  return k >= a.size() || a.breaks_before(k) || a.has_class(k, kStop | kVerb | kThat);
}

// محمد الاحمدي, جورج بوش: a known given name and at least one more name word;
// an unambiguous given name alone when the name clearly ends (قال محمد).
bool given_name_rule(Analysis& a, size_t i) {
  if (a.facts[i].given == NameClass::None || !name_start(a, i)) return false;
  std::string known_id;
  const size_t last = name_end(a, i, known_id);
  if (last == i && (a.facts[i].given != NameClass::Given || !clear_end(a, i))) return false;
  return add_person(a, i, last, known_id, /*strong_cue=*/false);
}

// وقال فيرجسون إن, واكد نعوم شومسكي ان: the subject of a reporting verb
// followed by ان or a colon.
bool speaker_rule(Analysis& a, size_t i) {
  const size_t j = i + 1;
  if (!a.has_class(i, kSpeechVerb) || j >= a.size() || a.breaks_before(j) || a.owner(j)) {
    return false;
  }
  if (!name_start(a, j) && !(name_like(a, j) && !a.facts[j].definite)) return false;
  std::string known_id;
  size_t last = name_end(a, j, known_id);
  // A role in construct that the name ran into is an apposition (وقال ديفد
  // فرانكلين | امين المتحف): امين is also a given name.
  for (size_t m = j + 1; known_id.empty() && m <= last && m + 1 < a.size(); ++m) {
    if (a.has_class(m, kRoleHead) && a.facts[m + 1].definite && !a.breaks_before(m + 1)) {
      last = m - 1;
      break;
    }
  }
  while (last > j && connector(a, last)) --last;  // not "محمد بن" | امين الحكومة
  const size_t k = last + 1;
  const bool that = k < a.size() && !a.breaks_before(k) && a.has_class(k, kThat);
  const bool colon = k < a.size() && (a.facts[k].gap & kGapStop) &&
                     a.text.substr(a.tokens[last].end, a.tokens[k].begin - a.tokens[last].end)
                             .find(':') != std::string_view::npos;
  // ... followed by ان, a colon, an opening quote (وقالت ابراهيمي «), or
  // an apposition (وقال فلان، رئيس المعهد).
  const bool quote = k < a.size() && (a.facts[k].gap & kGapQuote) && !(a.facts[k].gap & kGapStop);
  const bool apposition = k < a.size() && (a.facts[k].gap & kGapComma || !a.breaks_before(k)) &&
                          a.has_class(k, kRoleHead | kPersonTitle);
  // ... or by a relative clause or whom it was told (الذي, للصحفيين), a
  // statement (في بيان), or عن after أعرب (واعرب فلان عن قلقه).
  const bool joined = k < a.size() && !a.breaks_before(k);
  // لوكالة, لصحيفة, لرويترز; not لوزارة (a statement of the ministry).
  const Mention* outlet = joined ? a.owner(k) : nullptr;
  const bool to_outlet =
      joined && starts_with(a.tokens[k].text, "\xd9\x84") && a.facts[k].prefix_bytes > 0 &&
      (a.has_class(k, kOrgIntro) ||
       (outlet && outlet->kind == EntityKind::Organization && !a.has_class(k, kOrgTrigger)));
  const bool follow =
      joined && ((lexicon::classes(a.tokens[k].text) & lexicon::kSpeakerFollow) || to_outlet);
  const bool statement = joined && k + 1 < a.size() && !a.breaks_before(k + 1) &&
                         a.tokens[k].text == "\xd9\x81\xd9\x8a" &&  // في
                         (lexicon::classes(a.tokens[k + 1].text) & lexicon::kStatement);
  const std::string_view verb = a.tokens[i].text;
  const bool expressed = joined && a.tokens[k].text == "\xd8\xb9\xd9\x86" &&  // عن
                         (starts_with(verb, "\xd8\xa7\xd8\xb9\xd8\xb1\xd8\xa8") ||   // اعرب
                          starts_with(verb.substr(kLetter), "\xd8\xa7\xd8\xb9\xd8\xb1\xd8\xa8"));  // واعرب
  if (!that && !colon && !quote && !apposition && !follow && !statement && !expressed) return false;
  // The frame "وقال X إن" is itself strong evidence of a name.
  return add_person(a, j, last, known_id, /*strong_cue=*/true);
}

}  // namespace

void find_organizations(Analysis& a, bool keep_descriptive) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a.owner(i) || !a.has_class(i, kOrgTrigger | kOrgIntro)) continue;
    const bool intro = a.has_class(i, kOrgIntro);
    size_t last = i;
    size_t parts = 0;
    size_t proper = 0;           // words without the article (foreign names)
    const Mention* inner = nullptr;  // a known organization right after the trigger
    for (size_t j = i + 1; j < a.size() && parts < kMaxOrgParts;) {
      const uint8_t gap = a.facts[j].gap;
      // شركه «غوغل»: a quote may open the name.
      if ((gap & kGapBreak) && !(parts == 0 && gap == kGapQuote)) break;
      if (const Mention* m = a.owner(j)) {
        if (m->kind == EntityKind::Person) break;
        // شركة وساطة بدبي, ممثل المنظمة بصنعاء: a place after a preposition
        // says where, it is not part of the name.
        if (m->kind == EntityKind::Place && m->is_name && preposition_place(a, *m)) {
          break;
        }
        if (parts == 0 && m->kind == EntityKind::Organization && m->is_name) inner = m;
        last = m->last_token;
        j = last + 1;
        ++parts;
        continue;
      }
      const TokenFacts& f = a.facts[j];
      if (a.tokens[j].is_number || (f.classes & (kStop | kVerb | kCommon | kOrgTrigger))) break;
      if (f.definite && !(f.classes & kPersonTitle)) {
        last = j++;
        ++parts;
        continue;
      }
      // مجلس اداره البنك, وزاره شؤون المراه: a noun in construct before a
      // definite one.
      if (!intro && f.given == NameClass::None && j + 1 < a.size() && !a.breaks_before(j + 1) &&
          a.facts[j + 1].definite && !a.owner(j + 1) && is_arabic(a.tokens[j].text) &&
          !has_proclitic(a, j) && !a.has_class(j + 1, kStop | kVerb | kCommon)) {
        last = ++j;
        ++j;
        parts += 2;
        continue;
      }
      if (parts == 0 && intro && f.given == NameClass::None && proper < 2 &&
          a.tokens[j].text.size() >= 2 * kLetter && !verb_like(a, j) && f.prefix_bytes == 0 &&
          !common_in_text(a, j) && !a.facts[i].definite &&  // النادي نفاد: no name
          !ends_with(original(a, j), "\xd8\xa9") &&         // شركة وساطة: a common noun
          !common_form(a.gazetteer, a.tokens[j].text)) {
        last = j++;
        ++proper;
        if (proper == 2 || j >= a.size() || a.breaks_before(j) || a.facts[j].definite) ++parts;
        continue;
      }
      break;
    }
    if (proper > 0 && parts == 0) parts = 1;
    if (parts == 0 || (inner && inner->last_token == last)) continue;
    Mention m;
    m.kind = EntityKind::Organization;
    m.last_token = last;
    if (intro && proper > 0) {
      // شركه موتورولا: the name alone is the organization.
      m.first_token = i + 1;
      m.id = "o:" + join_tokens(a, i + 1, last);
    } else {
      m.first_token = i;
      m.is_name = a.has_class(i, kOrgNamed);
      if (!m.is_name && !keep_descriptive) continue;
      m.id = "o:" + join_tokens(a, i, last);
    }
    a.add(std::move(m));
    i = last;
  }
}

namespace {

// The whole name around a person mention: a lineage after it (خليفة بن
// زايد | آل نهيان) and a person mention right after it, which makes one name
// with it (عباس | محمود العقاد: a short known name before a longer one). A
// known multi-word name keeps its id; anything else is named by its words.
void complete_name(Analysis& a, size_t first) {
  Mention whole = *a.owner(first);
  const GazetteerEntry* known = a.gazetteer.find(whole.id);
  bool known_whole = known && whole.last_token > whole.first_token;
  bool changed = false;
  while (whole.last_token + 1 < a.size()) {
    const size_t j = whole.last_token + 1;
    if (ends_name_before(a, j)) break;
    if (connector(a, j) && !a.has_class(j, kKunya) && j + 1 < a.size() && !a.breaks_before(j + 1)) {
      // آل خليفه: the family name may itself have been taken for a person.
      const Mention* family = a.owner(j + 1);
      // After آل any word is the family's name (آل نهيان, even where the
      // text also writes النهيان).
      const bool al = a.tokens[j].text == "\xd8\xa7\xd9\x84";  // ال (آل)
      const bool family_word = al && !a.has_class(j + 1, kStop) && is_arabic(a.tokens[j + 1].text) &&
                               !a.tokens[j + 1].is_number && a.facts[j + 1].prefix_bytes == 0;
      if (!family ? name_like(a, j + 1) || family_word
                  : family->kind == EntityKind::Person && family->first_token == j + 1 &&
                        family->last_token == j + 1 && !a.gazetteer.find(family->id)) {
        whole.last_token = j + 1;
        changed = true;
        continue;
      }
    }
    // عباس | الفاسي: a nisba after a known name that is one given name makes
    // another person (not خاتمي | الاصلاحي).
    if (whole.first_token == whole.last_token && a.facts[whole.first_token].given != NameClass::None &&
        !a.owner(j) && nisba(a, j)) {
      whole.last_token = j;
      known_whole = false;
      changed = true;
      continue;
    }
    const Mention* next = a.owner(j);
    if (!next || next->kind != EntityKind::Person || next->first_token != j) break;
    // بوش وبلير: two persons, unless the name itself begins with و (وليد).
    if (starts_with(a.tokens[j].text, "\xd9\x88") &&
        a.gazetteer.given_name(a.tokens[j].text) == NameClass::None) {
      break;
    }
    // قاله توفيق الحكيم للوسي يعقوب: a name after a preposition is the
    // object of the phrase, another person.
    if (a.facts[j].prefix_bytes > 0 && a.facts[j].given != NameClass::None &&
        (starts_with(a.tokens[j].text, "\xd9\x84") || starts_with(a.tokens[j].text, "\xd8\xa8"))) {
      break;
    }
    const bool next_known = a.gazetteer.find(next->id) && next->last_token > next->first_token;
    // وانان | محمود عباس: a known full name after a surname is someone else.
    if (next_known && a.facts[whole.last_token].given == NameClass::None) break;
    if (!known_whole && next_known) {
      whole.id = next->id;
      known_whole = true;
    }
    whole.last_token = next->last_token;
    changed = true;
  }
  if (!changed) return;
  if (!known_whole) whole.id = "p:" + join_tokens(a, whole.first_token, whole.last_token);
  a.add(std::move(whole));
}

}  // namespace

void find_persons(Analysis& a) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a.owner(i)) {
      if (nationality_rule(a, i)) {
        while (i + 1 < a.size() && a.owner(i + 1)) ++i;
      }
      continue;
    }
    if (title_rule(a, i) || kunya_rule(a, i) || speaker_rule(a, i) || given_name_rule(a, i)) {
      while (i + 1 < a.size() && a.owner(i + 1)) ++i;
    }
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const Mention* m = a.owner(i);
    if (!m || m->first_token != i || m->kind != EntityKind::Person) continue;
    complete_name(a, i);
    i = a.owner(i)->last_token;
  }
}

namespace {

// An ordinal of a regnal number without its article: اول .. عاشر, and حادي
// (الحادي عشر).
bool regnal_ordinal(std::string_view bare) {
  static const std::unordered_set<std::string> ordinals = [] {
    std::unordered_set<std::string> s;
    for (const char* w : {"اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
                          "عاشر", "حادي"}) {
      s.insert(normalize(w));
    }
    return s;
  }();
  return ordinals.count(std::string(bare)) > 0;
}

// The first word of a name whose surname at `last` is known from another
// mention: up to two given names before it (يحيى | بيرت, تيري | لارسن).
size_t first_name_word(const Analysis& a, size_t last) {
  size_t first = last;
  while (first > 0 && last - first < 2 && !a.breaks_before(first) && !coordinated(a, first)) {
    const size_t k = first - 1;
    if (a.owner(k) || a.facts[k].given == NameClass::None || a.facts[k].prefix_bytes > 0) break;
    if (a.has_class(k, kStop) || !name_like(a, k)) break;  // على, لي
    first = k;
  }
  return first;
}

// The first token of the words before `last` that repeat, in order, the
// words of `m` before its own last token; `last` when none does.
size_t same_words_before(const Analysis& a, const Mention& m, size_t last) {
  size_t first = last;
  size_t src = m.last_token;
  while (first > 0 && src > m.first_token && !a.breaks_before(first) && !a.owner(first - 1) &&
         a.stem(first - 1) == a.stem(src - 1)) {
    --first;
    --src;
  }
  return first;
}

// Token i, the first word of a name found by rule, can name the person
// alone: an unknown foreign-looking name of four letters or more, not a
// given name (محمد alone is anyone), a kunya or a connector.
bool first_name_alone(const Analysis& a, size_t i) {
  const TokenFacts& f = a.facts[i];
  if (f.given != NameClass::None || f.definite || f.prefix_bytes > 0) return false;
  if (f.classes & (kNotName | kConnector | kKunya)) return false;
  const std::string_view w = a.tokens[i].text;
  return letter_count(w) >= 4 && !common_word(a, i) && !common_in_text(a, i);
}

// The last word of a known person's name can name them alone in the same
// text: not a given name (محمد صلاح | صلاح), a connector or a word of a
// closed class; three letters after the article or four without (بري is
// also "by land").
bool known_surname(const Analysis& a, size_t last) {
  const TokenFacts& f = a.facts[last];
  if (f.given != NameClass::None || (f.classes & (kNotName | kConnector | kNonName))) return false;
  const BareWord b = strip_article(a.stem(last));
  if (regnal_ordinal(b.bare)) return false;  // محمد السادس: no surname
  return letter_count(b.bare) >= (b.has_article ? 3u : 4u);
}

}  // namespace

void propagate_names(Analysis& a) {
  // Names found by rule in this text (ids unknown to the gazetteer): a
  // person's surname (last word of two or more) and a foreign organization
  // name (شركه موتورولا → موتورولا). Keys are stems: clitics off.
  std::unordered_map<std::string, Mention> known;
  // Surnames of known persons (محمد صلاح): they only rename a one-word name
  // found by rule (اللاعب صلاح), their gazetteer variants do the rest.
  std::unordered_map<std::string, Mention> known_persons;
  // Keys of `known` that are first names: alone only, not before another
  // name word (خوسي | لويس ثاباتيرو is someone else).
  std::unordered_set<std::string> first_names;
  // Surnames of known persons the text names in full (توفيق الحكيم): the
  // surname alone names them too in this text, even when it is also a
  // common word elsewhere (الحكيم "the wise").
  std::unordered_map<std::string, Mention> surnames;
  for (size_t i = 0; i < a.size(); ++i) {
    const Mention* m = a.owner(i);
    if (m && m->first_token == i && m->last_token > i && m->kind == EntityKind::Person &&
        a.gazetteer.find(m->id)) {
      known_persons.emplace(std::string(a.tokens[m->last_token].text), *m);
      if (known_surname(a, m->last_token)) surnames.emplace(std::string(a.stem(m->last_token)), *m);
    }
    if (!m || m->first_token != i || !m->is_name || a.gazetteer.find(m->id)) continue;
    const size_t last = m->last_token;
    // The foreign first name of a person found by rule also names them
    // alone (د. ليوناردو بوشريف ... ليوناردو كان طبيبا).
    if (m->kind == EntityKind::Person && last > i && first_name_alone(a, i) &&
        known.emplace(std::string(a.stem(i)), *m).second) {
      first_names.emplace(a.stem(i));
    }
    // A person's surname (الاحمدي in محمد الاحمدي; a definite one only as a
    // nisba), a name after a strong title (بوش in الرئيس بوش), or an
    // organization's foreign name.
    const TokenFacts& f = a.facts[last];
    // A definite family name of a person found by rule (عزيز الدويك) names
    // them alone through the same checks as a known person's surname, when
    // the text does not use it as a common word.
    // Not a nisba (الحفصي) or an adjective in ى (العظمى), nor the word a
    // kunya governs (ابو الالكترون) or the second half of a compound name
    // (لطف الزمان): the first word must be a given name.
    if (m->kind == EntityKind::Person && f.definite && last > i &&
        !ends_with(a.tokens[last].text, kYa) && !f.maqsura &&
        a.facts[i].given != NameClass::None && !a.has_class(last - 1, kKunya) &&
        known_surname(a, last) && !common_in_text(a, last) &&
        !common_form(a.gazetteer, a.stem(last))) {
      surnames.emplace(std::string(a.stem(last)), *m);
    }
    if (m->kind == EntityKind::Person ? f.definite && !nisba(a, last)
                                      : last != m->first_token || f.definite) {
      continue;
    }
    if (f.given != NameClass::None || (f.classes & (kNotName | kConnector))) continue;
    const std::string_view word = a.stem(last);
    if (word.size() < 3 * kLetter || !is_arabic(word) || common_in_text(a, last)) continue;
    known.emplace(std::string(word), *m);
  }
  if (known.empty() && known_persons.empty() && surnames.empty()) return;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  std::string key;
  for (size_t i = 0; i < a.size(); ++i) {
    // A one-word name found by rule (وقال شومسكي ان) that is the surname of
    // a longer one takes its id.
    const Mention* owner = a.owner(i);
    const bool single_by_rule = owner && owner->kind == EntityKind::Person &&
                                owner->first_token == i && owner->last_token == i &&
                                !a.gazetteer.find(owner->id);
    if (owner && !single_by_rule) continue;
    const std::string_view word = a.tokens[i].text;
    if (single_by_rule) {
      if (auto it = known_persons.find(std::string(a.stem(i))); it != known_persons.end()) {
        Mention m = it->second;
        m.first_token = first_name_word(a, i);
        m.last_token = i;
        a.add(std::move(m));
        continue;
      }
    }
    const int n = lexicon::clitic_readings(word, readings);
    for (int r = 0; r < n; ++r) {
      key.assign(word.substr(readings[r].prefix_bytes));
      auto it = known.find(key);
      if (it == known.end() || (owner && it->second.last_token == it->second.first_token)) continue;
      if (first_names.count(key) && i + 1 < a.size() && !a.breaks_before(i + 1) && name_like(a, i + 1)) {
        continue;
      }
      Mention m = it->second;
      // The name written again with more of its words before the surname
      // (خوان ميغيل فيلار مير ... وكان فيلار مير).
      const size_t first = readings[r].prefix_bytes == 0 ? same_words_before(a, m, i) : i;
      m.first_token = m.last_token = i;
      if (m.kind == EntityKind::Person && readings[r].prefix_bytes == 0) {
        m.first_token = first < i ? first : first_name_word(a, i);
      }
      a.add(std::move(m));
      break;
    }
    if (a.owner(i) || surnames.empty()) continue;
    for (int r = 0; r < n; ++r) {
      auto it = surnames.find(std::string(word.substr(readings[r].prefix_bytes)));
      if (it == surnames.end()) continue;
      // An adjective agreeing with the noun before it (الرجل الحكيم, حل
      // مشرف), or the first name of someone else (نهيان بن مبارك, جولي كافنر).
      const Mention* prev = i > 0 && !a.breaks_before(i) ? a.owner(i - 1) : nullptr;
      const bool after_noun =
          i > 0 && !a.breaks_before(i) && !(prev && prev->kind == EntityKind::Person) &&
          !a.has_class(i - 1, kPersonTitle | kStop | kVerb | kSpeechVerb | kThat) &&
          a.facts[i - 1].definite == readings[r].has_article;
      // ... or a noun its adjective agrees with (المعلم الجديد).
      const bool name_follows =
          i + 1 < a.size() && !a.breaks_before(i + 1) &&
          (connector(a, i + 1) || name_like(a, i + 1) ||
           (readings[r].has_article && a.facts[i + 1].definite &&
            !a.has_class(i + 1, kStop | kVerb | kThat) &&
            !(a.owner(i + 1) && a.owner(i + 1)->kind == EntityKind::Person)));
      // هذا المعلم: a demonstrative before a definite word makes it a noun.
      static const std::unordered_set<std::string> demonstratives = [] {
        std::unordered_set<std::string> s;
        for (const char* w : {"هذا", "هذه", "ذلك", "تلك", "هؤلاء", "وهذا", "وهذه"}) s.insert(normalize(w));
        return s;
      }();
      const bool demonstrative = readings[r].has_article && i > 0 &&
                                 demonstratives.count(std::string(a.tokens[i - 1].text));
      if (after_noun || name_follows || demonstrative) break;
      Mention m = it->second;
      m.last_token = i;
      m.first_token = readings[r].prefix_bytes == 0 ? first_name_word(a, i) : i;
      a.add(std::move(m));
      break;
    }
  }
}

void drop_named_after(Analysis& a) {
  for (size_t i = 1; i < a.size(); ++i) {
    const Mention* m = a.owner(i);
    if (!m || m->first_token != i || m->kind != EntityKind::Person) continue;
    // The head, or the head and a title (جامعه الملك | فهد, كاس الشيخ | جاسم).
    size_t k = i - 1;
    if (!a.has_class(k, lexicon::kNamedAfter) && k > 0 && a.has_class(k, kPersonTitle) &&
        !a.breaks_before(k)) {
      --k;
    }
    if (a.has_class(k, lexicon::kNamedAfter) && !a.breaks_before(k + 1)) a.remove(i);
  }
}

}  // namespace akhbar::entity_detail
