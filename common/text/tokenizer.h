// Tokenizer: splits text into normalized word tokens with ICU word breaks.
//
// tokenize() finds word segments in the ORIGINAL text (ICU BreakIterator,
// root locale), normalizes each one (normalizer.h) and keeps those with a
// letter or digit. Every token carries the byte range of its segment in the
// original text, so that snippets can be cut and highlighted from the text as
// written, diacritics and all. Numbers and Latin words are tokens too.
// A segment that normalizes into several words (e.g. the ligature ﷺ) gives
// several tokens sharing the same byte range. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace akhbar {

struct Token {
  std::string text;   // normalized form (see normalizer.h); never empty
  size_t begin = 0;   // byte offset of the segment in the original text
  size_t end = 0;     // one past its last byte
  bool is_number = false;  // a number: ASCII digits after folding, maybe with
                           // inner separators (2018, 3.5, 1,000)
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace akhbar
