// Fuzzes one corpus reader (AKHBAR_FUZZ_FORMAT): any bytes give articles with
// valid UTF-8 and no NUL, and problems, never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <unicode/utf8.h>

#include "readers/corpus_reader.h"

namespace {

bool valid_utf8_without_nul(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c <= 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  akhbar::ReaderOptions options;
  options.format = *akhbar::parse_corpus_format(AKHBAR_FUZZ_FORMAT);
  const std::string input(reinterpret_cast<const char*>(data), size);
  akhbar::read_buffer(
      "fuzz." AKHBAR_FUZZ_FORMAT, input, options,
      [](akhbar::Article&& a) {
        for (const std::string* f : {&a.id, &a.title, &a.body, &a.source, &a.category}) {
          if (!valid_utf8_without_nul(*f)) abort();
        }
      },
      [](const akhbar::Problem& p) {
        if (p.what.find('\n') != std::string::npos) abort();
      });
  return 0;
}
