#include "partition.h"

#include <charconv>

namespace akhbar {

std::optional<Partition> parse_partition(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Partition p;
  const char* k_end = text.data() + slash;
  const char* n_end = text.data() + text.size();
  const auto k = std::from_chars(text.data(), k_end, p.index);
  const auto n = std::from_chars(k_end + 1, n_end, p.count);
  if (k.ec != std::errc() || k.ptr != k_end || n.ec != std::errc() || n.ptr != n_end) return std::nullopt;
  if (slash == 0 || text[0] == '+' || p.index < 1 || p.index > p.count || p.count > kMaxPartitions) {
    return std::nullopt;
  }
  return p;
}

uint64_t fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

uint32_t partition_of(std::string_view id, uint32_t count) {
  return static_cast<uint32_t>(fnv1a64(id) % count) + 1;
}

}  // namespace akhbar
