#include "text/stemmer.h"

#include <cstdint>
#include <unordered_set>

namespace akhbar {
namespace {

// Every letter the normalizer leaves in an Arabic word is 2 bytes of UTF-8
// (U+0600..U+06FF: lead byte 0xD8..0xDB). The stemmer works on those byte
// pairs directly: a letter is the pair as a 16-bit number, and a stem is a
// slice of the input, so the hot path allocates only the returned string.
using Letter = uint16_t;

constexpr Letter letter(char32_t code_point) {
  return static_cast<Letter>(((0xC0 | (code_point >> 6)) << 8) | (0x80 | (code_point & 0x3F)));
}

constexpr Letter kAlef = letter(U'ا');
constexpr Letter kBa = letter(U'ب');
constexpr Letter kTa = letter(U'ت');
constexpr Letter kSin = letter(U'س');
constexpr Letter kFa = letter(U'ف');
constexpr Letter kKaf = letter(U'ك');
constexpr Letter kLam = letter(U'ل');
constexpr Letter kMim = letter(U'م');
constexpr Letter kNun = letter(U'ن');
constexpr Letter kHa = letter(U'ه');
constexpr Letter kWaw = letter(U'و');
constexpr Letter kYa = letter(U'ي');

// A word as a sequence of 2-byte letters.
class Word {
 public:
  explicit Word(std::string_view bytes) : bytes_(bytes), size_(static_cast<int>(bytes.size() / 2)) {}

  // True if every byte pair is one Arabic-script letter.
  bool is_arabic() const {
    if (bytes_.size() % 2 != 0) return false;
    for (size_t i = 0; i < bytes_.size(); i += 2) {
      const auto lead = static_cast<unsigned char>(bytes_[i]);
      const auto trail = static_cast<unsigned char>(bytes_[i + 1]);
      if (lead < 0xD8 || lead > 0xDB || (trail & 0xC0) != 0x80) return false;
    }
    return true;
  }

  int size() const { return size_; }
  std::string_view bytes() const { return bytes_; }

  Letter at(int i) const {
    return static_cast<Letter>((static_cast<unsigned char>(bytes_[2 * i]) << 8) |
                               static_cast<unsigned char>(bytes_[2 * i + 1]));
  }
  Letter last(int k = 0) const { return at(size_ - 1 - k); }

  bool ends_with(Letter a) const { return size_ >= 1 && last() == a; }
  bool ends_with(Letter a, Letter b) const { return size_ >= 2 && last(1) == a && last() == b; }
  bool ends_with(Letter a, Letter b, Letter c) const {
    return size_ >= 3 && last(2) == a && last(1) == b && last() == c;
  }
  bool has_article_at(int i) const { return i + 1 < size_ && at(i) == kAlef && at(i + 1) == kLam; }

  Word drop_front(int k) const { return Word(bytes_.substr(2 * k)); }
  Word drop_back(int k) const { return Word(bytes_.substr(0, 2 * (size_ - k))); }

 private:
  std::string_view bytes_;
  int size_;
};

// The shortest stem left by any rule, in letters.
constexpr int kMinStem = 3;
// The shortest word left after the article: two letters, for the many nouns
// of doubled roots (الحق → حق, الرد → رد).
constexpr int kMinAfterArticle = 2;

// Protected forms: words and stems (as the suffix rules leave them) that the
// stemmer keeps as they are once it reaches them, because their first letter
// only looks like a clitic (وزير, بيان, لجنه), their ending only looks like a
// suffix (فلسطين, قانون, مليون), or their ال is not the article (الله, الاف).
// Chosen by hand among the frequent words of Arabic news whose article form
// (البيان) and bare form (بيان) would otherwise get different stems.
// Normalized spelling (ة → ه, ى → ي, أ إ آ → ا, ؤ ئ → ء).
const char* const kProtected[] = {
    // Nouns and adjectives with و as their first root letter (stems).
    "وزير", "وزار", "وزرا", "وزراء", "وكال", "وكيل", "وكلاء", "ولاي", "ولاء", "وجود", "وصول", "وراء",
    "وقوع", "وقوف", "وفا", "وفاء", "وفاق", "وفيات", "وحد", "وحيد", "واحد", "وسيط", "وسطاء", "وساط",
    "وسيل", "وساءل", "وساءط", "وثيق", "وثاءق", "ورق", "ورقي", "ورش", "ورود", "وطن", "وطني", "وصيف",
    "وصاف", "وداع", "وداءع", "وديع", "وقود", "واقع", "وقاءع", "وادي", "واسع", "والد", "والدي",
    "والي", "وجب", "واجب", "وظيف", "وظاءف", "وعود", "وجه", "وجو", "واجه", "وفود", "ولاد", "وضوح",
    "وقاي", "وقاء", "وتير", "واضح", "وارد", "ودي", "وضعي", "وحشي", "واعد", "وباء", "واصل", "وهمي",
    "وشيك", "وصاي", "وسام", "وراث", "واح", "وعر", "وطيد", "وصي", "واقي", "وافد", "واهي", "وريث",
    "وخيم", "وقت", "وضع", "وعد", "وزن", "ولد", "وفد", "وسط", "وصف", "وعي",
    // Nouns and adjectives with ب as their first root letter (stems).
    "بيان", "بلاد", "بلد", "بلدان", "بلدي", "برنامج", "برامج", "بدا", "بداي", "بداءل", "بناء",
    "بناي", "بيت", "بطول", "بطل", "بطال", "بلاغ", "برميل", "براميل", "برلمان", "بنك", "بنوك",
    "بنكي", "بورص", "بحث", "بحثي", "بحير", "بحري", "بحار", "بعث", "بيء", "بيءي", "بشري", "باحث",
    "بيضاء", "بواب", "بضاءع", "بضاع", "بطاق", "بركان", "براك", "باليست", "بالست", "بارز", "بطار",
    "بارد", "بعيد", "بسيط", "بساط", "بكتيريا", "بكتريا", "بكتير", "بلاستيك", "بدني", "براء", "بديل",
    "برمج", "بندق", "بنادق", "بيتكوين", "بتكوين", "بازار", "بترول", "بالون", "بروتوكول", "بليغ",
    "باهظ", "بيولوج", "بنزين", "برود", "بادي", "بروفيسور", "بلبل", "باقي", "باق", "بريد",
    "بروتين", "بدلاء", "بصم", "باءس", "بصري", "باطل", "بادر", "بيتزا", "بدوي", "بيطر", "بقايا",
    "بطيء", "بكالوريوس", "باخر", "بيروقراط", "بيع", "بعض", "بقاء", "بالغ",
    // Nouns and adjectives with ل as their first root letter (stems).
    "لاعب", "لاعبان", "لجن", "لجان", "لقاء", "ليل", "ليال", "لحظ", "لغه", "لغات", "لقب",
    "لاجء", "لعب", "لجوء", "لير", "لاءح", "لواءح", "لقط", "لوح", "لوحي", "لواء", "لحوم", "لحم",
    "لقاح", "لازم", "لافت", "لاحق", "لهج", "لطيف", "لاسلك", "لصوص", "لوجست", "لاءق", "لوبي",
    "لاذع", "لسان", "لباس", "لمس", "ليبرال", "لاتين", "لفظي", "لعن", "لحاق", "ليزر", "لغوي",
    "لامع", "لورد", "لياق", "لون", "لحن", "لوم",
    // Places, people and brands that begin with و ب ل ف ك.
    "واشنطن", "وهران", "وارسو", "ويلز", "وليد", "وليام", "واتساب", "بغداد", "بيروت", "بريطانيا",
    "بريطان", "برلين", "بروكسل", "باريس", "بكين", "بوتين", "بلجيكا", "بلجيك", "بولندا", "بولند",
    "بلغاريا", "بلغار", "برازيل", "برتغال", "باكستان", "بنغلادش", "بنغازي", "برشلونه", "بايرن",
    "بومبيو", "بوتن", "بشار", "بنيامين", "بيونغ", "بيونغيانغ", "بحرين", "بنتاغون", "بوليساريو",
    "بوندسليغا", "بوروسيا", "بنزرت", "بوتفليق", "بوينغ", "بوريس", "بوسطن", "بودابست", "بارزان",
    "بريكست", "بريكسيت", "باراغواي", "بوليفيا", "بنما", "ليبيا", "ليبي", "لبنان", "لندن", "ليفربول",
    "لاهاي", "لوس", "ليونيل", "لويس", "لوكاس", "لوبان", "لافروف", "ليغا", "لشبونه", "لاتفيا",
    "ليتوانيا", "ليستر", "فلسطين", "كاليفورنيا", "كاليفورني", "فالنسيا",
    // Words whose ending only looks like a suffix.
    "قانون", "مليون", "تلفزيون", "ماكرون", "كانون", "زيتون", "ليمون", "تعاون", "قوات",
    // Words whose ال is not the article.
    "الله", "التي", "الذي", "الان", "الاف", "الي", "الفا", "القت", "القي", "الفي", "الغي", "الغت",
    "اليس", "اليك", "الما", "الكترون", "التزام", "الغاء", "الزام", "الحاق", "القاء",
    "التفاف", "التحاق", "التقاء", "التهاب", "الغام", "العاب", "القاب", "الوان", "الماني", "المان",
    "المانيا", "البانيا",
    // Function words that would otherwise lose a first letter (بينما → ينما).
    "بينما", "بعدما", "بين", "بينهم", "بينهما", "بهذه", "لكن", "لدي", "لديهم", "لدينا", "ليست",
    "ليسوا", "وفقا", "لاحقا", "لافتا", "سيكون", "ستكون", "ماءه",
    // Past tenses of verbs with و as first root letter (وقعت is not و + قعت).
    "وقعت", "وصلت", "وجدت", "وضعت", "وافق", "وافقت", "واصلت", "واجهت", "وصفت",
    // More names whose ending looks like ين.
    "ارجنتين", "عفرين", "تشرين", "تطاوين", "مدنين", "بنقردان",
};

const std::unordered_set<std::string_view>& protected_forms() {
  static const std::unordered_set<std::string_view> forms(std::begin(kProtected),
                                                          std::end(kProtected));
  return forms;
}

bool is_protected(Word w) { return protected_forms().count(w.bytes()) != 0; }

// The masdar pattern تفعيل of roots ending in ن (تحسين, تعيين, تامين): its ين
// is not the plural ending.
bool is_taf_il_of_nun_root(Word w) { return w.size() == 5 && w.at(0) == kTa; }

// The pattern مفعول of roots ending in ن (مضمون, مخزون): its ون is not the
// plural ending.
bool is_maf_ul_of_nun_root(Word w) { return w.size() == 5 && w.at(0) == kMim; }

struct Stem {
  Word word;
  bool is_protected;
};

// Strips, in this order: one possessive pronoun (or the feminine ه, which
// reads the same); then one number ending; then the nisba ي. Stops as soon as
// the word left is a protected form. Never leaves fewer than kMinStem letters.
Stem strip_suffixes(Word w) {
  if (is_protected(w)) return {w, true};
  const int n = w.size();
  // 1. Pronoun: هما هم (on stems of 4+ letters: مساهم, تفاهم keep theirs), ها, ه.
  int cut = 0;
  if (w.ends_with(kHa, kMim, kAlef) && n - 3 >= 4) cut = 3;
  else if (w.ends_with(kHa, kMim) && n - 2 >= 4) cut = 2;
  else if (w.ends_with(kHa, kAlef) && n - 2 >= kMinStem) cut = 2;
  else if (w.ends_with(kHa) && n - 1 >= kMinStem) cut = 1;
  const bool had_pronoun = cut > 0;
  if (had_pronoun) {
    w = w.drop_back(cut);
    if (is_protected(w)) return {w, true};
  }
  // 2. Number and gender. Before a pronoun the feminine ة is written ت
  // (حكومته = حكومة + ه), and the plural ات may leave too short a stem
  // (حياته → حيات → حيا, like حياة).
  const int m = w.size();
  if (w.ends_with(kAlef, kTa)) {
    if (m - 2 >= kMinStem) w = w.drop_back(2);
    else if (had_pronoun && m - 1 >= kMinStem) w = w.drop_back(1);
  } else if (had_pronoun) {
    if (w.ends_with(kTa) && m - 1 >= kMinStem) w = w.drop_back(1);
  } else if (w.ends_with(kWaw, kNun) && m - 2 >= kMinStem && !is_maf_ul_of_nun_root(w)) {
    w = w.drop_back(2);
  } else if (w.ends_with(kYa, kNun) && m - 2 >= kMinStem && !is_taf_il_of_nun_root(w)) {
    w = w.drop_back(2);
    // The dual of a feminine noun: الدولتين → دولت → دول.
    if (w.ends_with(kTa) && w.size() - 1 >= kMinStem) w = w.drop_back(1);
  } else if (w.ends_with(kTa, kAlef, kNun) && m - 3 >= kMinStem && w.last(3) != kSin) {
    w = w.drop_back(3);  // الدولتان; but not باكستان and the other ...ستان
  }
  if (w.size() != m && is_protected(w)) return {w, true};
  // 3. Nisba ي on stems of 4+ letters: فلسطيني → فلسطين; عربي stays.
  if (w.ends_with(kYa) && w.size() - 1 >= 4) w = w.drop_back(1);
  return {w, is_protected(w)};
}

// A place where clitic prefixes may end, in letters from the start.
struct Cut {
  int at;
  bool only_if_protected;  // a reading kept only if it reaches a protected form
};

// The places where clitic prefixes may end, ascending; returns how many were
// written to `cuts`.
//
// Grammar: [conjunction و|ف] [preposition ب|ك|ل] [article ال], where ل + ال
// is written لل. The article needs kMinAfterArticle letters after it. A bare
// ل needs 3 letters after it, a bare ب 4 (so many nouns start with ب: بيان,
// بلاد). ك and ف are taken only before the article: bare they are mostly root
// letters (كبير, فريق). If what follows a clitic reads as an article but leaves
// too short a word (والده, بالغ), the clitic is a root letter, unless a
// protected form follows (بالله, والله).
int prefix_cuts(Word w, Cut cuts[4]) {
  const int n = w.size();
  int count = 0;
  const Letter first = w.at(0);
  const int i = (first == kWaw || first == kFa) ? 1 : 0;  // after the conjunction
  const Letter c = w.at(i);
  int article_end = 0;    // where the article ends, if it may be cut
  int bare_prep_end = 0;  // where a preposition ends, if it may be cut
  bool short_article = false;  // looks like an article, leaves too short a stem
  if (c == kLam && i + 1 < n && w.at(i + 1) == kLam) {
    // لل: ل + ال (للامم), or ل before a word starting with ل (للبنان).
    if (n - (i + 2) >= kMinAfterArticle) article_end = i + 2;
    if (n - (i + 1) >= kMinStem) bare_prep_end = i + 1;
  } else if ((c == kBa || c == kKaf || c == kLam) && w.has_article_at(i + 1)) {
    bare_prep_end = i + 1;
    if (n - (i + 3) >= kMinAfterArticle) article_end = i + 3;
    else short_article = true;
  } else if (w.has_article_at(i)) {
    if (n - (i + 2) >= kMinAfterArticle) article_end = i + 2;
    else short_article = true;
  } else if ((c == kBa && n - (i + 1) >= 4) || (c == kLam && n - (i + 1) >= kMinStem)) {
    bare_prep_end = i + 1;
  }
  bool unsure = short_article;
  if (i == 1) {
    // و also bare (وقال → قال) when 3 letters remain; ف only before the article.
    const bool conjunction =
        first == kWaw ? !(short_article && w.has_article_at(1)) : article_end != 0;
    unsure = unsure || !conjunction;
    if (n - 1 >= kMinStem) cuts[count++] = {1, !conjunction};
  }
  if (bare_prep_end > i) cuts[count++] = {bare_prep_end, unsure};
  if (article_end != 0) cuts[count++] = {article_end, false};
  return count;
}

std::string_view stem_view(std::string_view normalized_word) {
  const Word word(normalized_word);
  if (word.size() <= kMinStem || !word.is_arabic()) return normalized_word;
  // Try the readings from the fewest clitics stripped to the most: the first
  // that reaches a protected form wins (وزاره → وزار, not زار; للبنان →
  // لبنان), otherwise the one with the most clitics stripped.
  Stem best = strip_suffixes(word);
  if (best.is_protected) return best.word.bytes();
  Cut cuts[4];
  const int count = prefix_cuts(word, cuts);
  for (int k = 0; k < count; ++k) {
    const Stem stem = strip_suffixes(word.drop_front(cuts[k].at));
    if (stem.is_protected) return stem.word.bytes();
    if (!cuts[k].only_if_protected) best = stem;
  }
  return best.word.bytes();
}

class ArabicLightStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return stem_word(word); }
  std::string get_description() const override { return "akhbar-arabic-light"; }
};

}  // namespace

std::string stem_word(std::string_view normalized_word) {
  return std::string(stem_view(normalized_word));
}

Xapian::Stem make_xapian_stemmer() { return Xapian::Stem(new ArabicLightStemmer()); }

}  // namespace akhbar
