#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace akhbar {
namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFKC data unavailable");
  return *n;
}

bool is_harakah(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6);  // Quranic marks
}

// The Arabic-script folds; returns 0 to drop the code point.
UChar32 fold_arabic(UChar32 c) {
  if (is_harakah(c) || c == 0x0640) return 0;  // tatweel
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      return 0x0627;  // alef with madda/hamza/wasla → bare alef
    case 0x0624: case 0x0626: return 0x0621;  // hamza on waw/ya → hamza
    case 0x0649: case 0x06CC: case 0x06D2: return 0x064A;  // ى ی ے → ي
    case 0x0629: case 0x06C0: case 0x06BE: case 0x06C1: case 0x06D5: return 0x0647;  // → ه
    case 0x06A9: case 0x06AA: return 0x0643;  // Persian keheh → ك
    case 0x066B: return '.';
    case 0x066C: return ',';
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  if (u_charType(c) == U_FORMAT_CHAR) return 0;  // bidi, ZWJ/ZWNJ, BOM, soft hyphen
  return c;
}

void append_utf8(UChar32 c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, n);
}

}  // namespace

void normalize_utf16(const char16_t* text, int32_t length, const NormalizeOptions& options,
                     std::string& out) {
  // Read-only alias: no copy for text that is already NFKC (most news text).
  const icu::UnicodeString input(false, text, length);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& n = nfkc();
  icu::UnicodeString composed;
  const icu::UnicodeString* src = &input;
  if (!n.isNormalized(input, status) || U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    composed = n.normalize(input, status);
    if (U_FAILURE(status)) composed = input;
    src = &composed;
  }
  const char16_t* s = src->getBuffer();
  const int32_t len = src->length();
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(s, i, len, c);
    c = fold_arabic(c);
    if (c == 0) continue;
    if (options.fold_case && c < 0x0600) {
      // Full folding is only needed outside Arabic; simple folding keeps one
      // code point per code point, which is all Latin news text needs.
      c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    }
    append_utf8(c, out);
  }
}

std::string normalize(std::string_view text, const NormalizeOptions& options) {
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  out.reserve(text.size());
  normalize_utf16(u.getBuffer(), u.length(), options, out);
  return out;
}

}  // namespace akhbar
