#include "index/near_duplicate.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "index/schema.h"

namespace akhbar {
namespace {

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

constexpr uint64_t kFnvBasis = 1469598103934665603ull;

// SplitMix64's finalizer: a mixing function of good avalanche, one per
// MinHash value through its seed.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::string hex(uint64_t v, int digits) {
  char buf[20];
  snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(v));
  return buf;
}

std::string band_term(size_t band, const uint32_t* rows) {
  uint64_t h = kFnvBasis;
  for (size_t r = 0; r < kBandRows; ++r) {
    const char bytes[4] = {char(rows[r] >> 24), char(rows[r] >> 16), char(rows[r] >> 8), char(rows[r])};
    h = fnv1a(h, std::string_view(bytes, 4));
  }
  // 48 bits: a chance collision among a few million bands is rare, and
  // one is only a candidate, checked against the signature.
  return std::string(schema::kNearDuplicateBand) + char('a' + band) + hex(h >> 16, 12);
}

}  // namespace

NearDuplicateSignature near_duplicate_signature(const std::vector<Token>& body) {
  NearDuplicateSignature sig;
  if (body.size() < std::max(kMinSignatureWords, kShingleWords)) return sig;
  std::vector<uint32_t> mins(kMinHashes, std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i + kShingleWords <= body.size(); ++i) {
    uint64_t h = kFnvBasis;
    for (size_t w = 0; w < kShingleWords; ++w) h = fnv1a(fnv1a(h, body[i + w].text), " ");
    for (size_t k = 0; k < kMinHashes; ++k) {
      const uint32_t v = static_cast<uint32_t>(mix(h ^ (0x51ed270b9a3c1f4dull * (k + 1))) >> 32);
      mins[k] = std::min(mins[k], v);
    }
  }
  for (size_t b = 0; b + kBandRows <= kMinHashes; b += kBandRows) {
    sig.bands.push_back(band_term(b / kBandRows, &mins[b]));
  }
  sig.packed.reserve(2 * kMinHashes);
  for (uint32_t v : mins) {
    sig.packed.push_back(static_cast<char>(v >> 24));
    sig.packed.push_back(static_cast<char>(v >> 16));
  }
  return sig;
}

double estimated_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || a.size() != b.size() || a.size() % 2 != 0) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); i += 2) same += a[i] == b[i] && a[i + 1] == b[i + 1];
  return static_cast<double>(same) / static_cast<double>(a.size() / 2);
}

std::string cluster_key_of(const NearDuplicateSignature& signature) {
  // "s" first: a signature's key differs from that of an id of the same bytes.
  return hex(fnv1a(fnv1a(kFnvBasis, "s"), signature.packed), 16);
}

std::string cluster_key_of(const std::string& article_id) {
  return hex(fnv1a(kFnvBasis, article_id), 16);
}

}  // namespace akhbar
