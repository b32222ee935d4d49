#include "text/stopwords.h"

#include <iterator>
#include <string>
#include <unordered_set>

namespace akhbar {
namespace {

// Normalized spelling (normalizer.h): ى → ي, ة → ه, أ إ آ → ا, ؤ ئ → ء.
// Left out on purpose, though often listed as stop words: ام (also "mother"),
// امام (also "imam"), قال (reported speech carries the news), عام, اليوم.
const char* const kStopwords[] = {
    // Prepositions.
    "في", "من", "الي", "علي", "عن", "مع", "حتي", "منذ", "خلال", "بين", "عند", "لدي", "نحو",
    "حول", "ضد", "دون", "عبر", "ضمن", "تحت", "فوق", "بعد", "قبل", "اثناء", "سوي", "مثل",
    // The same with a conjunction.
    "وفي", "ومن", "وعلي", "والي", "وعن", "ومع", "وحتي", "ومنذ", "وخلال", "وبين", "وعند", "ولدي",
    "ونحو", "وحول", "وضد", "ودون", "وعبر", "وضمن", "وبعد", "وقبل", "ومثل", "ففي", "فمن",
    // With an attached pronoun.
    "فيه", "فيها", "فيهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "اليه", "اليها",
    "اليهم", "عنه", "عنها", "عنهم", "معه", "معها", "معهم", "لديه", "لديها", "لديهم", "بينهم",
    "بينها", "بينهما", "له", "لها", "لهم", "لهما", "به", "بها", "بهم", "عندها", "عنده",
    "وفيه", "وفيها", "ومنها", "ومنهم", "وعليه", "ولديه", "وله", "ولها", "ولهم", "وبها",
    // Personal pronouns.
    "هو", "هي", "هم", "هما", "هن", "انا", "نحن", "انت", "انتم", "انتما", "انتن", "وهو", "وهي",
    "وهم", "فهو", "فهي",
    // Demonstratives.
    "هذا", "هذه", "هذان", "هذين", "هاتان", "هاتين", "هءلاء", "ذلك", "تلك", "ذاك", "اولءك",
    "هناك", "هنا", "هنالك", "وهذا", "وهذه", "وذلك", "وتلك", "وهناك", "وهنا", "بذلك", "بهذا",
    "بهذه", "لذلك", "لهذا", "لهذه", "كذلك", "وكذلك", "فهذا",
    // Relative pronouns.
    "الذي", "التي", "الذين", "اللذان", "اللذين", "اللتان", "اللتين", "اللاتي", "اللواتي",
    "والذي", "والتي", "والذين",
    // Particles: negation, affirmation, conjunction, interrogation, condition.
    "ان", "انه", "انها", "انهم", "انهما", "اننا", "لان", "لانه", "لانها", "بان", "بانه",
    "بانها", "وان", "وانه", "وانها", "فان", "فانه", "لكن", "لكنه", "لكنها", "ولكن", "لا", "لم",
    "لن", "ما", "ماذا", "لماذا", "متي", "كيف", "اين", "هل", "قد", "لقد", "وقد", "فقد", "ثم",
    "او", "بل", "اذا", "اذ", "لو", "لولا", "كي", "لكي", "الا", "سوف", "اما", "ولا", "ولم", "ولن",
    "وما", "فلا", "فما", "واذا", "كما", "وكما", "بينما", "عندما", "حيث", "وحيث", "حين", "حينما",
    "كلما", "فيما", "بعدما", "ربما", "انما", "لما", "مما", "ممن", "عما", "كيفما",
    // Quantifiers and adverbs of degree.
    "كل", "وكل", "بعض", "جميع", "غير", "اي", "ايه", "كلا", "كلتا", "ايضا", "فقط", "جدا", "نفس",
    "عده", "سواء",
    // Auxiliary verbs.
    "كان", "كانت", "كانوا", "كانا", "يكون", "تكون", "يكن", "تكن", "وكان", "وكانت", "ليس",
    "ليست", "ليسوا", "لست", "مازال", "لايزال", "لاتزال", "مايزال", "ظل", "ظلت",
};

const std::unordered_set<std::string_view>& stopword_set() {
  static const std::unordered_set<std::string_view> words(std::begin(kStopwords),
                                                          std::end(kStopwords));
  return words;
}

class ArabicStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& term) const override { return is_stopword(term); }
  std::string get_description() const override { return "akhbar-arabic-stopwords"; }
};

}  // namespace

bool is_stopword(std::string_view normalized_word) {
  return stopword_set().count(normalized_word) != 0;
}

const Xapian::Stopper* arabic_stopper() {
  static const ArabicStopper stopper;
  return &stopper;
}

}  // namespace akhbar
