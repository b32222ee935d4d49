// WordFilter: a blocked Bloom filter over a set of words, to say quickly and
// for most words that are not in the set that they are not, before a hash
// map is asked. The entity steps look up every token in a few read-only
// maps (gazetteer.h, entity_lexicon.h) that hold few of them.
//
// may_contain() is true for every word added, and for a small share of the
// others (about 2 % with the default 16 bits a word); one 64-bit word of the
// filter answers each query.
// Thread-safety: add() before sharing; may_contain() from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace akhbar {

class WordFilter {
 public:
  // Sizes the filter for about `words` words (at least 64 bits).
  explicit WordFilter(size_t words = 0);
  // Sizes it anew for about `words` words and forgets what was added.
  void reset(size_t words);

  void add(std::string_view word);
  // Whether `words` words in all keep the filter as selective as sized.
  bool room_for(size_t words) const { return words * kBitsPerWord <= blocks_.size() * 64; }
  // Adds `key`, a key just put in `map`; when the filter is too small for
  // the map, sizes it anew for twice the map and adds all of its keys.
  template <typename Map>
  void add_key(const Map& map, std::string_view key) {
    if (room_for(map.size())) return add(key);
    reset(2 * map.size());
    for (const auto& entry : map) add(entry.first);
  }
  bool may_contain(std::string_view word) const {
    const uint64_t h = hash(word);
    const uint64_t block = blocks_[(h >> 12) & mask_];
    const uint64_t bits = (1ull << (h & 63)) | (1ull << ((h >> 6) & 63));
    return (block & bits) == bits;
  }

 private:
  static constexpr size_t kBitsPerWord = 16;
  static uint64_t hash(std::string_view word) {
    uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a, then a final mix
    for (unsigned char c : word) h = (h ^ c) * 0x100000001B3ull;
    return (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
  }
  std::vector<uint64_t> blocks_;
  uint64_t mask_ = 0;
};

}  // namespace akhbar
