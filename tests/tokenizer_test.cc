// The tokenizer: where words break, what each token says, and that its byte
// range always points at the text as written.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/tokenizer.h"

using akhbar::Token;
using akhbar::tokenize;

namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

std::string original(const std::string& text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

}  // namespace

TEST_CASE("words split on spaces and Arabic punctuation", "[analysis][tokenizer]") {
  using V = std::vector<std::string>;
  struct Row {
    std::string input;
    V expected;
  };
  const std::vector<Row> rows = {
      {"قال الرئيس", V{"قال", "الرءيس"}},
      {"دمشق، بيروت؛ عمان", V{"دمشق", "بيروت", "عمان"}},  // Arabic comma and semicolon
      {"هل وصل؟ نعم!", V{"هل", "وصل", "نعم"}},             // Arabic question mark
      {"«الأمم المتحدة»", V{"الامم", "المتحده"}},            // guillemets
      {"(القاهرة) - \"غزة\"", V{"القاهره", "غزه"}},
      {"سطر\nسطر\tسطر", V{"سطر", "سطر", "سطر"}},
      {"  ", V{}},
      {"", V{}},
      {"، ؛ ؟ . !", V{}},  // punctuation alone gives nothing
  };
  for (const auto& row : rows) {
    INFO("input: " << row.input);
    CHECK(texts(tokenize(row.input)) == row.expected);
  }
}

TEST_CASE("tokens are normalized", "[analysis][tokenizer]") {
  CHECK(texts(tokenize("إلى المسؤولين في القاهرة")) ==
        std::vector<std::string>{"الي", "المسءولين", "في", "القاهره"});
}

TEST_CASE("byte offsets point at the diacritized original", "[analysis][tokenizer]") {
  const std::string text = "قالَ مُحَمَّدٌ: كـــتاب";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].text == "قال");
  CHECK(original(text, tokens[0]) == "قالَ");
  CHECK(tokens[1].text == "محمد");
  CHECK(original(text, tokens[1]) == "مُحَمَّدٌ");
  CHECK(tokens[2].text == "كتاب");
  CHECK(original(text, tokens[2]) == "كـــتاب");
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[2].end == text.size());
}

TEST_CASE("a word with tatweel or a joiner inside is one token", "[analysis][tokenizer]") {
  for (const std::string text : {"كـــتاب", "كــتـــاب", "ك\u200Cتاب", "ك\u200Fتاب"}) {
    INFO("input: " << text);
    const auto tokens = tokenize(text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].text == "كتاب");
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == text.size());
  }
}

TEST_CASE("Latin words are tokens, case-folded", "[analysis][tokenizer]") {
  const std::string text = "شاشة MBC مصر و The Voice";
  CHECK(texts(tokenize(text)) ==
        std::vector<std::string>{"شاشه", "mbc", "مصر", "و", "the", "voice"});
}

TEST_CASE("numbers are tokens in ASCII digits and say so", "[analysis][tokenizer]") {
  const std::string text = "عام ٢٠١٨ و 15 قتيلا و ٣٫٥ مليون";
  const auto tokens = tokenize(text);
  std::vector<std::string> numbers;
  for (const auto& t : tokens) {
    if (t.is_number) numbers.push_back(t.text);
  }
  CHECK(numbers == std::vector<std::string>{"2018", "15", "3.5"});
  for (const auto& t : tokens) {
    INFO("token: " << t.text);
    if (t.text == "2018") CHECK(original(text, t) == "٢٠١٨");
    if (t.text == "عام" || t.text == "قتيلا" || t.text == "مليون") CHECK_FALSE(t.is_number);
  }
}

TEST_CASE("a ligature that stands for several words gives several tokens",
          "[analysis][tokenizer]") {
  const std::string text = "النبي ﷺ قال";
  const auto tokens = tokenize(text);
  CHECK(texts(tokens) ==
        std::vector<std::string>{"النبي", "صلي", "الله", "عليه", "وسلم", "قال"});
  REQUIRE(tokens.size() == 6);
  for (size_t i = 1; i <= 4; ++i) {
    INFO("token " << i);
    CHECK(original(text, tokens[i]) == "ﷺ");  // all four share the ligature's range
  }
}

TEST_CASE("presentation forms are matched by their plain letters", "[analysis][tokenizer]") {
  const std::string text = "ﺍﻟﺴﻼﻡ عليكم";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].text == "السلام");
  CHECK(original(text, tokens[0]) == "ﺍﻟﺴﻼﻡ");
}

TEST_CASE("invalid UTF-8 does not crash and offsets stay in range", "[analysis][tokenizer]") {
  const std::vector<std::string> inputs = {
      std::string("\xFF\xFE"),
      std::string("ab\xFF") + "cd كتاب",
      std::string("كتاب\xD8"),               // truncated final letter
      std::string("\xD9") + "كتاب",          // stray lead byte
      std::string("كت\xE2\x82") + "اب",      // truncated 3-byte sequence inside a word
      std::string("\xC0\x80\xED\xA0\x80 x"),  // overlong NUL, surrogate
  };
  for (const auto& text : inputs) {
    INFO("input bytes: " << text.size());
    const auto tokens = tokenize(text);
    for (const auto& t : tokens) {
      CHECK_FALSE(t.text.empty());
      CHECK(t.begin < t.end);
      CHECK(t.end <= text.size());
    }
  }
  const std::string text = std::string("\xD9") + "كتاب";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].text == "كتاب");
  CHECK(original(text, tokens[0]) == "كتاب");
}
