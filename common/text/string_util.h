// String utilities: the small byte-string helpers every layer uses, written once.
// Bytes, not characters: ASCII case and ASCII white space only (Arabic has
// no case; Unicode work is ICU's, in normalizer.h and tokenizer.h).
// Pure functions: thread-safe. Views returned point into the argument.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace akhbar {

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline constexpr std::string_view kAsciiSpace = " \t\n\r\f\v";

// `s` without the characters of `chars` at either end.
std::string_view trim(std::string_view s, std::string_view chars = kAsciiSpace);

// The fields of `s` between each `sep`, each trimmed of `chars` (none by
// default); "" gives one empty field.
std::vector<std::string_view> split(std::string_view s, char sep, std::string_view chars = "");

std::string lower_ascii(std::string_view s);

// Code points in the first `bytes` bytes of UTF-8 text (for offsets that
// JSON readers count in characters).
inline size_t utf8_code_points(std::string_view s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace akhbar
