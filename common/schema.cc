#include "schema.h"

#include <vector>

#include "normalizer.h"

namespace akhbar::schema {

std::string fold_label(std::string_view label) { return normalize(label); }

std::string serialise_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    size_t n = item.size();
    // Length as a varint, then the bytes: compact and self-delimiting.
    while (n >= 0x80) {
      out.push_back(static_cast<char>((n & 0x7f) | 0x80));
      n >>= 7;
    }
    out.push_back(static_cast<char>(n));
    out += item;
  }
  return out;
}

std::vector<std::string> unserialise_list(std::string_view value) {
  std::vector<std::string> items;
  size_t i = 0;
  while (i < value.size()) {
    size_t n = 0;
    int shift = 0;
    while (i < value.size()) {
      unsigned char c = static_cast<unsigned char>(value[i++]);
      n |= static_cast<size_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) break;
      shift += 7;
      if (shift > 56) return items;  // corrupt value: stop, never overrun
    }
    if (n > value.size() - i) return items;
    items.emplace_back(value.substr(i, n));
    i += n;
  }
  return items;
}

}  // namespace akhbar::schema
