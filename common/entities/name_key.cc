#include "entities/name_key.h"

#include <vector>

#include "text/string_util.h"

namespace akhbar {
namespace {

// Arabic letters are two bytes in UTF-8 (U+0600..U+06FF).
constexpr size_t kLetter = 2;

// Proclitics with the article of the first word, longest first; لل is ل
// with the article's alef dropped.
constexpr std::string_view kWithArticle[] = {"وبال", "وكال", "فبال", "ولل", "فلل",
                                             "وال",  "فال",  "بال",  "كال", "لل"};

bool is_arabic_letter(std::string_view ch) {
  return ch.size() == kLetter && (static_cast<unsigned char>(ch[0]) & 0xFE) == 0xD8;
}

bool is_consonant(std::string_view ch) {
  return is_arabic_letter(ch) && ch != "ا" && ch != "و" && ch != "ي" && ch != "ء";
}

// The word with a hamza after an alef written ي, and, when it has seven
// letters or more, without a و between two consonants that are followed by
// a third one other than ه, and is the third letter of the stem or later
// (ديموقراطيه, not الوزراء); unchanged unless all its characters are Arabic
// letters.
std::string fold_long_vowels(std::string_view word) {
  const size_t n = word.size() / kLetter;
  if (word.size() % kLetter != 0) return std::string(word);
  std::vector<std::string_view> letters;
  for (size_t k = 0; k < n; ++k) {
    letters.push_back(word.substr(k * kLetter, kLetter));
    if (!is_arabic_letter(letters.back())) return std::string(word);
  }
  // The first letter after the article is the stem's (الوزراء).
  const size_t stem = n > 4 && letters[0] == "ا" && letters[1] == "ل" ? 2 : 0;
  std::string out;
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && k + 1 < n && letters[k] == "ء" && letters[k - 1] == "ا") {
      out.append("ي");
      continue;
    }
    const bool drop = n >= 7 && k >= stem + 2 && k + 2 < n && letters[k] == "و" && is_consonant(letters[k - 1]) &&
                      is_consonant(letters[k + 1]) && is_consonant(letters[k + 2]) &&
                      letters[k + 2] != "ه";
    if (!drop) out.append(letters[k]);
  }
  return out;
}

}  // namespace

std::string_view article_clitics(std::string_view word) {
  for (std::string_view p : kWithArticle) {
    const size_t article = ends_with(p, "ال") ? 2 * kLetter : kLetter;  // لل: ل + ل of ال
    if (starts_with(word, p) && word.size() - p.size() >= 3 * kLetter) {
      return word.substr(0, p.size() - article);
    }
  }
  return {};
}

std::string name_key(std::string_view normalized_name) {
  std::string out;
  bool first = true;
  for (std::string_view word : split(normalized_name, ' ')) {
    if (word.empty()) continue;
    if (!first) out.push_back(' ');
    const std::string_view clitics = first ? article_clitics(word) : std::string_view();
    if (!clitics.empty()) {
      word.remove_prefix(clitics.size());
      if (!starts_with(word, "ال")) {  // لل
        out.append("ا");
      }
    }
    out.append(fold_long_vowels(word));
    first = false;
  }
  return out;
}

}  // namespace akhbar
