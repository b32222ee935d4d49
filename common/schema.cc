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
  for_each_in_list(value, [&items](std::string_view item) { items.emplace_back(item); });
  return items;
}

}  // namespace akhbar::schema
