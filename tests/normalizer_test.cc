// The normalizer's rules, one per test case: each table row is written text
// and the form the index and the query parser must both see.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/normalizer.h"

using akhbar::normalize;

namespace {

struct Row {
  std::string input;
  std::string expected;
};

void check_table(const std::vector<Row>& rows, const akhbar::NormalizeOptions& options = {}) {
  for (const auto& row : rows) {
    INFO("input: " << row.input);
    CHECK(normalize(row.input, options) == row.expected);
  }
}

}  // namespace

TEST_CASE("NFKC folds presentation forms and ligatures into plain letters",
          "[analysis][normalizer]") {
  check_table({
      {"ﺑ", "ب"},                  // initial form of ba
      {"ﺍﻟﺴﻼﻡ", "السلام"},         // a word typed in presentation forms
      {"ﻻ", "لا"},                 // lam-alef ligature
      {"ﻷ", "لا"},                 // lam-alef with hamza: NFKC, then alef folding
      {"ﷲ", "الله"},               // the ligature of the name of God
      {"ﷺ", "صلي الله عليه وسلم"},  // one code point, four words
      {"ﬁ", "fi"},                 // Latin ligatures too
  });
}

TEST_CASE("each haraka is removed", "[analysis][normalizer]") {
  check_table({
      {"كَتب", "كتب"},    // fatha U+064E
      {"كُتب", "كتب"},    // damma U+064F
      {"كِتاب", "كتاب"},  // kasra U+0650
      {"كتْب", "كتب"},    // sukun U+0652
      {"مدّ", "مد"},      // shadda U+0651
      {"كتاباً", "كتابا"},  // tanween fath U+064B
      {"كتابٌ", "كتاب"},  // tanween damm U+064C
      {"كتابٍ", "كتاب"},  // tanween kasr U+064D
      {"هٰذا", "هذا"},    // superscript alef U+0670
      {"مُحَمَّدٌ", "محمد"},  // several on one word
  });
}

TEST_CASE("tatweel is removed however long", "[analysis][normalizer]") {
  check_table({{"كـتاب", "كتاب"}, {"القاهـــــرة", "القاهره"}, {"ـ", ""}});
}

TEST_CASE("each alef with hamza, madda or wasla becomes bare alef", "[analysis][normalizer]") {
  check_table({
      {"أحمد", "احمد"},    // U+0623
      {"إسلام", "اسلام"},  // U+0625
      {"آمن", "امن"},      // U+0622
      {"ٱلله", "الله"},    // U+0671 wasla
      {"\u0627\u0654", "ا"},  // alef + combining hamza above composes, then folds
  });
}

TEST_CASE("alef maqsura becomes ya and ta marbuta becomes ha", "[analysis][normalizer]") {
  check_table({
      {"على", "علي"},
      {"مستشفى", "مستشفي"},
      {"مدرسة", "مدرسه"},
      {"الحكومة", "الحكومه"},
  });
}

TEST_CASE("hamza on waw and on ya become bare hamza, so spellings meet",
          "[analysis][normalizer]") {
  check_table({{"مسؤول", "مسءول"}, {"مسئول", "مسءول"}, {"رئيس", "رءيس"}, {"تفاؤل", "تفاءل"}});
  CHECK(normalize("مسؤول") == normalize("مسئول"));
}

TEST_CASE("Persian and Urdu letters become their Arabic counterparts", "[analysis][normalizer]") {
  check_table({
      {"ک", "ك"},          // keheh
      {"ی", "ي"},          // Farsi yeh
      {"ۀ", "ه"},          // heh with yeh above
      {"ھ", "ه"},          // heh doachashmee
      {"کتاب", "كتاب"},
      {"ایران", "ايران"},
  });
}

TEST_CASE("Arabic-Indic and Persian digits become ASCII digits", "[analysis][normalizer]") {
  check_table({
      {"٠١٢٣٤٥٦٧٨٩", "0123456789"},
      {"۰۱۲۳۴۵۶۷۸۹", "0123456789"},
      {"٢٠١٨", "2018"},
      {"٣٫٥", "3.5"},        // Arabic decimal separator
      {"١٬٠٠٠", "1,000"},    // Arabic thousands separator
  });
}

TEST_CASE("bidi controls, joiners and the BOM are removed", "[analysis][normalizer]") {
  check_table({
      {"كتاب\u200E", "كتاب"},   // LEFT-TO-RIGHT MARK
      {"\u200Fكتاب", "كتاب"},   // RIGHT-TO-LEFT MARK
      {"\u202Bكتاب\u202C", "كتاب"},  // RIGHT-TO-LEFT EMBEDDING ... POP
      {"\u2066كتاب\u2069", "كتاب"},  // LEFT-TO-RIGHT ISOLATE ... POP
      {"ك\u061Cتاب", "كتاب"},   // ARABIC LETTER MARK
      {"ك\u200Cتاب", "كتاب"},   // ZERO WIDTH NON-JOINER
      {"ك\u200Dتاب", "كتاب"},   // ZERO WIDTH JOINER
      {"\uFEFFكتاب", "كتاب"},   // BOM
      {"co\u00ADoperate", "cooperate"},  // soft hyphen
  });
}

TEST_CASE("Latin letters fold case by default", "[analysis][normalizer]") {
  check_table({{"BBC", "bbc"}, {"iPhone X", "iphone x"}, {"ÉCOLE", "école"}, {"ΑΘΗΝΑ", "αθηνα"}});
}

TEST_CASE("fold_case = false keeps case, so query operators survive", "[analysis][normalizer]") {
  akhbar::NormalizeOptions keep_case;
  keep_case.fold_case = false;
  check_table({{"سوريا OR لبنان", "سوريا OR لبنان"}, {"NOT", "NOT"}, {"BBC", "BBC"}}, keep_case);
  // The Arabic folds apply all the same.
  CHECK(normalize("الحكومة AND إيران", keep_case) == "الحكومه AND ايران");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and the rest is kept", "[analysis][normalizer]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(normalize(std::string("\xFF") + "ab") == replacement + "ab");
  CHECK(normalize(std::string("كتاب") + "\xD8") == "كتاب" + replacement);  // truncated letter
  CHECK(normalize(std::string("a\xC0\x80z")).find("az") == std::string::npos);  // overlong NUL
}

TEST_CASE("empty and ASCII-only input", "[analysis][normalizer]") {
  CHECK(normalize("").empty());
  CHECK(normalize("2018 - a.b, c!") == "2018 - a.b, c!");
}

TEST_CASE("normalizing twice changes nothing more", "[analysis][normalizer]") {
  for (const std::string text : {"قالَ الرئيسُ إنّ المسؤولين في ﺍﻟﺴﻼﻡ ٢٠١٨", "ﷺ ﻻ آمن ک"}) {
    INFO("input: " << text);
    const std::string once = normalize(text);
    CHECK(normalize(once) == once);
  }
}
