// Fuzzes normalization, tokenization and stemming: any bytes in, tokens out
// whose byte ranges lie inside the input and whose text is never empty.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "text/normalizer.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  (void)akhbar::normalize(input);
  for (const akhbar::Token& t : akhbar::tokenize(input)) {
    if (t.text.empty() || t.begin > t.end || t.end > input.size()) abort();
    (void)akhbar::stem_word(t.text);
  }
  return 0;
}
