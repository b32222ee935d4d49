#include "text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "text/normalizer.h"

namespace akhbar {
namespace {

// Creating a BreakIterator loads rules: once per thread, then reused.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker;
  if (!breaker) {
    UErrorCode status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaker) throw std::runtime_error("ICU word break rules unavailable");
  }
  return *breaker;
}

// Decodes UTF-8 into UTF-16 and records, for each UTF-16 unit, the byte
// offset of its code point; invalid bytes become U+FFFD one byte each, so
// offsets stay exact on any input. Into a plain buffer: appending to a
// UnicodeString one code point at a time cost a tenth of cutting snippets.
void decode(std::string_view text, std::u16string& u16, std::vector<uint32_t>& offsets) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  u16.reserve(text.size());
  offsets.reserve(text.size() + 1);
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0xFFFF) {
      u16.push_back(static_cast<char16_t>(c));
    } else {
      u16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      u16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      offsets.push_back(static_cast<uint32_t>(start));
    }
    offsets.push_back(static_cast<uint32_t>(start));
  }
  offsets.push_back(static_cast<uint32_t>(len));
}

bool has_word_char(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0 && (u_isalpha(c) || u_isdigit(c))) return true;
  }
  return false;
}

void emit(std::string_view normalized, size_t begin, size_t end, bool is_number,
          std::vector<Token>& out) {
  // A compatibility ligature may expand into several words (ﷺ): split them.
  size_t start = 0;
  while (start <= normalized.size()) {
    size_t space = normalized.find(' ', start);
    if (space == std::string_view::npos) space = normalized.size();
    std::string_view word = normalized.substr(start, space - start);
    if (!word.empty() && has_word_char(word)) {
      out.push_back(Token{std::string(word), begin, end, is_number});
    }
    start = space + 1;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  std::u16string u16;
  std::vector<uint32_t> offsets;
  decode(text, u16, offsets);
  // A read-only alias of the buffer: the break iterator reads it in place.
  const icu::UnicodeString alias(false, u16.data(), static_cast<int32_t>(u16.size()));

  icu::BreakIterator& breaker = word_breaker();
  breaker.setText(alias);
  const char16_t* buffer = u16.data();
  std::string normalized;
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    const int32_t status = breaker.getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    normalized.clear();
    normalize_utf16(buffer + start, end - start, NormalizeOptions{}, normalized);
    const bool is_number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
    emit(normalized, offsets[start], offsets[end], is_number, tokens);
  }
  return tokens;
}

}  // namespace akhbar
