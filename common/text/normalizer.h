// Normalizer: the first step of Akhbar's analysis chain, for documents and
// queries alike.
//
// normalize() applies, in order: NFKC (folds presentation forms and lam-alef
// ligatures), removal of harakat (U+064B..U+065F, U+0670) and tatweel (U+0640),
// Quranic annotation marks, alef folding (أ إ آ ٱ → ا), hamza carriers (ؤ ئ → ء,
// so that مسؤول and مسئول meet), ى → ي, ة → ه, Persian/Urdu letters to Arabic
// (ک → ك, ی → ي, ۀ ھ ہ → ه), Arabic-Indic and Persian digits to ASCII, the
// Arabic decimal and thousands separators to '.' and ',', removal of every
// format control (bidi marks, zero-width joiners, BOM, soft hyphen: ICU's
// general category Cf), and (unless disabled) Unicode case folding. Invalid UTF-8 input is treated as
// U+FFFD. Pure function of its input; thread-safe (ICU objects are per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace akhbar {

struct NormalizeOptions {
  // Fold case (Latin, Greek, ...). Off for query strings, so that the
  // operators AND, OR, NOT keep their meaning for the query parser.
  bool fold_case = true;
};

std::string normalize(std::string_view text, const NormalizeOptions& options = {});

// The same on UTF-16 code units (as ICU holds text), appending UTF-8 to `out`.
// For the tokenizer, which breaks words on UTF-16.
void normalize_utf16(const char16_t* text, int32_t length, const NormalizeOptions& options,
                     std::string& out);

}  // namespace akhbar
