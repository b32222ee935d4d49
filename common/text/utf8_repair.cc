#include "text/utf8_repair.h"

#include <algorithm>

namespace akhbar {
namespace {

// Length of the well-formed UTF-8 sequence starting at `i`, or 0 if the bytes
// there are ill-formed; `*bad` is then the length of the maximal subpart to
// replace (at least 1). Follows Table 3-7 of the Unicode standard.
size_t sequence_length(std::string_view s, size_t i, size_t* bad) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    const bool ok = i + k < s.size() &&
                    (k == 1 ? byte(i + k) >= lo && byte(i + k) <= hi
                            : byte(i + k) >= 0x80 && byte(i + k) <= 0xBF);
    if (!ok) {
      *bad = k;
      return 0;
    }
  }
  return need + 1;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    const size_t n = sequence_length(text, i, &bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t repair_utf8(std::string& text, std::string_view replacement) {
  if (is_valid_utf8(text)) return 0;
  std::string out;
  out.reserve(text.size() + 16);
  size_t replaced = 0;
  for (size_t i = 0; i < text.size();) {
    size_t bad = 0;
    const size_t n = sequence_length(text, i, &bad);
    if (n > 0) {
      out.append(text, i, n);
      i += n;
    } else {
      out.append(replacement);
      ++replaced;
      i += bad;
    }
  }
  text.swap(out);
  return replaced;
}

size_t remove_nul(std::string& text) {
  const size_t before = text.size();
  text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
  return before - text.size();
}

}  // namespace akhbar
