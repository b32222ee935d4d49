// Partition: which of N shards an article belongs to, so that N machines (or
// N processes) given the same input each build one shard of one archive,
// and re-indexing an article reaches the shard that holds it.
//
// Partition K of N (K from 1) holds the articles whose id's 64-bit FNV-1a
// hash (offset basis 14695981039346656037, prime 1099511628211, over the
// id's UTF-8 bytes), modulo N, is K - 1. Stable across builds, machines and
// runs: it is part of the on-disk layout of a sharded archive.
// Pure functions: thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace akhbar {

struct Partition {
  uint32_t index = 1;  // K, 1..count
  uint32_t count = 1;  // N
};

inline constexpr uint32_t kMaxPartitions = 1024;

// "K/N" with 1 <= K <= N <= kMaxPartitions; nullopt otherwise.
std::optional<Partition> parse_partition(std::string_view text);

uint64_t fnv1a64(std::string_view bytes);

// The partition (1..count) an article id falls in. REQUIRES: count >= 1.
uint32_t partition_of(std::string_view id, uint32_t count);

}  // namespace akhbar
