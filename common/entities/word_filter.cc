#include "entities/word_filter.h"

namespace akhbar {

WordFilter::WordFilter(size_t words) { reset(words); }

void WordFilter::reset(size_t words) {
  size_t blocks = 1;
  while (blocks * 64 < words * kBitsPerWord) blocks *= 2;  // a power of two: masked, not divided
  blocks_.assign(blocks, 0);
  mask_ = blocks - 1;
}

void WordFilter::add(std::string_view word) {
  const uint64_t h = hash(word);
  blocks_[(h >> 12) & mask_] |= (1ull << (h & 63)) | (1ull << ((h >> 6) & 63));
}

}  // namespace akhbar
