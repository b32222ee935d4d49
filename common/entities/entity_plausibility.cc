#include "entities/entity_plausibility.h"

#include <initializer_list>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/entity_lexicon.h"
#include "entities/name_key.h"
#include "text/normalizer.h"
#include "text/stopwords.h"
#include "text/string_util.h"

namespace akhbar {
namespace {

// Each list is written as Arabic is printed and normalized when the table is
// built. They are grammar and generic vocabulary, never names.

// Particles, conjunctive adverbs and connectives (ما-compounds above all):
// a clause starts after them, a name never contains them.
constexpr const char* kParticles =
    "حسبما كلما مثلما ريثما طالما لطالما بينما عندما حينما كيفما أينما حيثما وفقما "
    "بعدما قبلما فيما مما ممن عما عمن لما كأن كأنما وكأن لعل ليت إنما انما عسى ربما "
    "سوى إلا الا كي لكي لكيلا لئلا بل بلى نعم كلا إذن اذن لولا ألا أما إما إذ اذ "
    "لاسيما سيما خصوصا خاصة لاحقا سابقا حاليا أيضا ايضا بعد قبل حين حيث أنذاك آنذاك "
    "حينذاك عندئذ حينئذ يومئذ بحسب حسب جراء إثر اثر لدى لدي وسط ضمن عبر نحو قرابة حوالي "
    "أكثر أقل جدا فقط كذا هكذا هنا هناك ذلك تلك هذا هذه هؤلاء الذي التي الذين اللذين "
    "منذ مذ خلال أثناء اثناء طيلة طوال بسبب نتيجة إزاء ازاء تجاه بشأن حيال لأجل "
    "بدون دون غير مقابل بخصوص حول عن في من الى إلى مع ضد وفق وفقا طبقا تبعا "
    "كما أن ان إن لكن لكنه لكنها ولكن وهو وهي أنه انه أنها انها إنه إنها";

// Verbs that news text puts next to names: an edge of a tagged span is
// never one of them (شارل خاض مسارا).
constexpr const char* kVerbs =
    "خاض يخوض خاضت شن يشن شنت أكد اكد يؤكد أعلن اعلن يعلن قال يقول قالت تقول أضاف "
    "يضيف أشار يشير أوضح يوضح كشف يكشف ذكر يذكر أفاد يفيد نقل ينقل تابع يتابع "
    "أصبح يصبح بات يبيت ظل يظل صار يصير كان يكون كانت تكون ليس ليست سيكون ستكون "
    "تمكن يتمكن استطاع يستطيع حاول يحاول قرر يقرر رفض يرفض وافق يوافق طالب يطالب "
    "دعا يدعو اعتبر يعتبر يرى رأى أعرب يعرب شدد يشدد نفى ينفي أبدى يبدي أثار يثير "
    "جاء يأتي جرى يجري تم يتم يمكن يجب ينبغي بدأ يبدأ انطلق ينطلق استمر يستمر "
    "شهد يشهد عرف يعرف عرفت تعرف يعد تعد يعتبر وصف يوصف يعمل عمل عملت تعمل "
    "فاز يفوز خسر يخسر تأهل يتأهل سجل يسجل لعب يلعب أحرز يحرز حقق يحقق نال ينال "
    "قتل يقتل قتلت أصيب يصاب اعتقل يعتقل أطلق يطلق هاجم يهاجم استهدف يستهدف "
    "أقيم يقام أقيمت تقام نظم ينظم نظمت تنظم احتضن يحتضن احتضنت تحتضن افتتح يفتتح "
    "شارك يشارك شاركت تشارك حضر يحضر قدم يقدم قدمت تقدم أكدت أعلنت أضافت أشارت "
    "أوضحت كشفت ذكرت أفادت نقلت تابعت أصبحت باتت ظلت صارت وقال وقالت وأضاف وأكد "
    "ناهز يناهز ناهزت تناهز يبلغ بلغ بلغت تبلغ "
    "مسارا فريدا جديدا كبيرا واسعا كثيرا قليلا مؤكدا مضيفا مشيرا موضحا قائلا";

// Generic nouns of news text that a tagger takes for a body or a person when
// they follow a trigger word (فرقه رقص, حركه النزوح): activities and events,
// never the last word of a body's name. Abstract nouns that do end names
// (حركه النهضه, حزب التحرير, مؤسسه التلفزه) are not here.
constexpr const char* kGenericNouns =
    "رقص الرقص غناء الغناء نزوح النزوح لجوء اللجوء تهريب التهريب احتجاج الاحتجاج "
    "احتجاجات الاحتجاجات تظاهر التظاهر مظاهرات المظاهرات إضراب الإضراب الإضرابات "
    "اعتصام الاعتصام مهرجان المهرجان مسابقة المسابقة معرض المعرض ندوة الندوة "
    "ملتقى الملتقى الجائزة جائزة "
    "المعنية المختصة المسؤولة المعني المختص المسؤول المذكورة المذكور نفسها نفسه "
    "ذاتها ذاته كلها كله جميعها جميعهم بأكمله بأكملها وغيرها وغيره";

// Common nouns and adjectives that make a phrase a thing, wherever they
// stand in it (شبكه الانترنت, التيار الكهربائي, مواقع التواصل الاجتماعي).
constexpr const char* kThingWords =
    "الإنترنت الانترنت الأنترنت الإنترنيت الكهربائي الكهربائية التواصل "
    "الهاتف الهاتفية الإلكتروني الالكتروني";

// Bodies inside any organization (مجلس الاداره, لجنه التحكيم, الجمعيه
// العموميه): with their trigger noun they name no one body.
constexpr const char* kInternalBodies =
    "الإدارة الادارة إدارة ادارة التحكيم الحكام التنظيم الانضباط المسابقات الأمناء الامناء "
    "العمومية الخبراء التحقيق المتابعة الطوارئ الأزمة التسيير الإشراف";

// Modifiers that leave a trigger noun a fragment of a longer name, whatever
// the country (الهيئه العامه [للرياضه], الاتحاد الدولي [لكره القدم]).
constexpr const char* kFragmentModifiers = "العامة العام العمومية الدولي الدولية";

// Heads that need a complement to be a name (ديلي تلغراف, ذا تايمز, دار
// الحياه): they may begin a name, never be one alone or end one.
constexpr const char* kHeads = "ديلي ذا ذي دار بيت";

// Ordinals and dates end a prize or a round, not a body's name
// (مؤسسه التلفزه التونسيه الجائزه الثانيه).
constexpr const char* kOrdinals =
    "الأولى الأول الثانية الثاني الثالثة الثالث الرابعة الرابع الخامسة الخامس "
    "الأخيرة الأخير المقبلة المقبل الماضية الماضي السابقة السابق الجديدة الجديد";

// Words after a trigger noun that leave the body generic (وزاره الداخليه,
// الهيئه العامه, البنك المركزي, المحكمه العليا).
constexpr const char* kGenericModifiers =
    "العامة العام العمومية العليا الأعلى المركزي المركزية الوطني الوطنية الاتحادي "
    "الاتحادية الشعبي الشعبية الدستوري الدستورية الإداري الإدارية الابتدائية "
    "الاستئناف التنفيذي التنفيذية التشريعي التشريعية المستقلة المستقل الدائمة الدائم "
    "الخارجية الداخلية الدفاع المالية العدل الصحة التربية التعليم العالي الإعلام "
    "الثقافة الزراعة الفلاحة العدلية القضائية النقل الاقتصاد التجارة الصناعة الطاقة النفط البيئة السياحة "
    "الأنباء الانباء الشباب الرياضة العمل الشؤون الاجتماعية الدينية الأوقاف الاتصالات الإسكان "
    "التخطيط الري الخزانة الأمن الوزراء النواب الشورى الشيوخ الأمة الدولة "
    "الحكومة الجمهورية العسكري العسكرية الإسلامي الإسلامية الخاصة الخاص للانتخابات "
    "الانتخابات الانتخابية المحلية المحلي البلدية البلدي الجهوية الجهوي الإقليمية "
    "الإقليمي التونسية الرياضية للإعلام للاتصال للشباب للثقافة للصحة للتعليم "
    "المعنية المختصة للعدالة الانتقالية الحقيقة والكرامة";

using WordSet = std::unordered_set<std::string>;

WordSet build(std::initializer_list<const char*> lists) {
  WordSet out;
  for (const char* list : lists) {
    const std::string normalized = normalize(list);
    for (std::string_view w : split(normalized, ' ')) {
      if (!w.empty()) out.insert(std::string(w));
    }
  }
  return out;
}

// The same, each word as name_key() writes it, to look up words of keys.
WordSet build_keys(std::initializer_list<const char*> lists) {
  WordSet out;
  for (const std::string& w : build(lists)) out.insert(name_key(w));
  return out;
}

const WordSet& never_words() {
  static const WordSet s = build({kParticles, kVerbs, kGenericNouns});
  return s;
}

const WordSet& thing_words() {
  static const WordSet s = build({kThingWords});
  return s;
}

const WordSet& internal_bodies() {
  static const WordSet s = build({kInternalBodies});
  return s;
}

const WordSet& heads() {
  static const WordSet s = build({kHeads});
  return s;
}

const WordSet& ordinals() {
  static const WordSet s = build({kOrdinals});
  return s;
}

const WordSet& generic_modifiers() {
  static const WordSet s = build_keys({kGenericModifiers});
  return s;
}

const WordSet& fragment_modifiers() {
  static const WordSet s = build_keys({kFragmentModifiers});
  return s;
}

// The word without a leading و or ف, when more than three letters remain.
std::string_view without_conjunction(std::string_view w) {
  if (w.size() > 8 && (starts_with(w, "و") || starts_with(w, "ف"))) w.remove_prefix(2);
  return w;
}

bool in_set(const WordSet& s, std::string_view w) {
  return s.count(std::string(w)) > 0;
}

// Lexicon classes that no edge of a name may have.
constexpr uint32_t kEdgeClasses = lexicon::kStop | lexicon::kVerb;

// A word that ends a name of `kind` on either side is impossible.
bool bad_edge(std::string_view w) {
  if (never_entity_word(w) || is_stopword(w)) return true;
  return (lexicon::classes(w) | lexicon::classes(without_conjunction(w))) & kEdgeClasses;
}

bool is_connector(std::string_view w) {
  return lexicon::classes(w) & (lexicon::kConnector | lexicon::kKunya);
}

// A single-word name that is a noun of a class, not a name.
bool class_noun(std::string_view w) {
  constexpr uint32_t kNouns = lexicon::kCommon | lexicon::kPersonTitle | lexicon::kRoleHead |
                              lexicon::kOrgTrigger | lexicon::kOrgIntro | lexicon::kNonName |
                              lexicon::kConnector | lexicon::kKunya | lexicon::kNameHead |
                              lexicon::kStatement;
  return (lexicon::classes(w) | lexicon::stem_classes(w)) & kNouns;
}

// Every word of a person's name, but a connector or a known given name (علي
// is also the particle على), may be one of its edges.
bool plausible_person(const Gazetteer& g, const std::vector<std::string_view>& words) {
  if (lexicon::stem_classes(words[0]) & (lexicon::kOrgTrigger | lexicon::kOrgIntro)) return false;
  // عبد + a name is a given name (عبد الرحمن), not who.
  if (words.size() == 2 && words[0] == "عبد") return false;
  size_t connectors = 0;
  for (std::string_view w : words) {
    if (is_connector(w)) {
      ++connectors;
      continue;
    }
    if (bad_edge(w) && g.given_name(w) == Gazetteer::NameClass::None) return false;
  }
  return words.size() - connectors <= 4;
}

bool is_trigger(std::string_view w) {
  return lexicon::stem_classes(w) & (lexicon::kOrgTrigger | lexicon::kOrgIntro);
}

// A trigger noun with an indefinite adjective (منظمه ارهابيه, محكمه تركيه)
// or followed by a body inside every organization (مجلس الاداره, مجلس اداره
// الهيءه): a description, not a name.
bool description(const std::vector<std::string_view>& words) {
  if (words.size() < 2 || !is_trigger(words[0])) return false;
  const std::string_view second = words[1];
  const bool indefinite_nisba = !starts_with(second, "ال") && !starts_with(words[0], "ال") &&
                                (ends_with(second, "يه") || ends_with(second, "ي"));
  if (words.size() == 2 && indefinite_nisba) return true;
  return in_set(internal_bodies(), second);
}

}  // namespace

bool never_entity_word(std::string_view w) {
  const WordSet& s = never_words();
  if (in_set(s, w)) return true;
  w = without_conjunction(w);
  if (in_set(s, w)) return true;
  for (std::string_view p : {"ب", "ل", "ك"}) {
    if (w.size() > 8 && starts_with(w, p) && in_set(s, w.substr(2))) return true;
  }
  if (w.size() > 8 && starts_with(w, "ال") && in_set(s, w.substr(4))) return true;
  return false;
}

bool plausible_name(const Gazetteer& g, EntityKind kind, std::string_view name) {
  if (kind == EntityKind::Place) return true;
  const std::vector<std::string_view> words = split(name, ' ');
  if (words.empty() || words.front().empty()) return false;
  if (in_set(heads(), words.back())) return false;
  if (words.size() == 1 && class_noun(words[0]) &&
      g.given_name(words[0]) == Gazetteer::NameClass::None) {
    return false;
  }
  if (kind == EntityKind::Person) return plausible_person(g, words);
  if (bad_edge(words.front()) || bad_edge(words.back())) return false;
  if (words.size() > 1 && in_set(ordinals(), words.back())) return false;
  for (std::string_view w : words) {
    if ((lexicon::classes(w) & lexicon::kVerb) || in_set(thing_words(), w)) return false;
  }
  return !description(words);
}

bool fragment_body(std::string_view name) {
  const std::vector<std::string_view> words = split(name, ' ');
  if (words.size() < 2 || !is_trigger(words[0])) return false;
  for (size_t k = 1; k < words.size(); ++k) {
    if (!in_set(fragment_modifiers(), words[k])) return false;
  }
  return true;
}

bool generic_body(std::string_view name) {
  const std::vector<std::string_view> words = split(name, ' ');
  if (words.size() < 2) return false;
  if (!(lexicon::stem_classes(words[0]) & (lexicon::kOrgTrigger | lexicon::kOrgIntro))) return false;
  for (size_t k = 1; k < words.size(); ++k) {
    if (!in_set(generic_modifiers(), words[k])) return false;
  }
  return true;
}

}  // namespace akhbar
