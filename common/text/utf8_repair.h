// Utf8Repair: makes text safe to hand on — valid UTF-8, no NUL bytes.
//
// repair_utf8() replaces each maximal ill-formed subsequence (Unicode 15,
// §3.9, "U+FFFD substitution of maximal subparts": stray continuation bytes,
// truncated sequences, overlong forms, surrogates, code points above
// U+10FFFF) with `replacement`, by default U+FFFD. remove_nul() drops NUL
// bytes. Both return how many they changed, so that callers can report it.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace akhbar {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// True if `text` is well-formed UTF-8 (NUL bytes are well-formed).
bool is_valid_utf8(std::string_view text);

// Repairs `text` in place; returns the number of ill-formed subsequences
// replaced (0: `text` is unchanged).
size_t repair_utf8(std::string& text, std::string_view replacement = kReplacementCharacter);

// Removes NUL bytes in place; returns how many were removed.
size_t remove_nul(std::string& text);

}  // namespace akhbar
