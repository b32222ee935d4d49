#include "index/schema.h"

#include <cstdint>
#include <cstdio>
#include <vector>

#include "text/normalizer.h"

namespace akhbar::schema {

std::string entity_name_key(const std::string& id) { return "akhbar.name." + id; }

std::string fold_label(std::string_view label) { return normalize(label); }

std::string bounded_key(std::string_view s, size_t max_bytes, size_t head_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char hex[18];
  snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(h));
  return std::string(s.substr(0, head_bytes)) + hex;
}

void append_varint(std::string& out, size_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

std::string serialise_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    // Length, then the bytes: compact and self-delimiting.
    append_varint(out, item.size());
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
