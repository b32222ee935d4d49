// NearDuplicate: the near-duplicate signature of an article's body, for
// folding wire copies (the same story carried by several sources) into one
// cluster (docs/near_duplicates.md).
//
// The signature is a MinHash of the body's word shingles: kMinHashes
// minimums, each of the shingles' hashes under its own mixing function.
// The share of equal minimums of two signatures estimates the Jaccard
// similarity of the two shingle sets. To find candidates without comparing
// every pair, the minimums are cut into bands of kBandRows; each band is
// indexed as one boolean term (schema::kNearDuplicateBand), so two bodies
// share a band term with probability 1 - (1 - J^rows)^bands.
//
// The values are stored 16 bits each (schema::kSlotNearDuplicate): a chance
// agreement of two 16-bit halves (1/65536) barely moves an estimate.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace akhbar {

// Words a shingle spans, and how many minimums a signature holds, in bands
// of kBandRows (chosen on ANT: docs/near_duplicates.md).
inline constexpr size_t kShingleWords = 3;
inline constexpr size_t kMinHashes = 64;
inline constexpr size_t kBandRows = 4;
// A body of fewer words has no signature: a few words alike (a caption, a
// stub) do not make two articles copies.
inline constexpr size_t kMinSignatureWords = 20;
// Estimated Jaccard similarity from which an article joins a cluster.
inline constexpr double kDefaultNearDuplicateSimilarity = 0.8;

struct NearDuplicateSignature {
  std::string packed;              // kMinHashes values, 16 bits each (big-endian); "" when none
  std::vector<std::string> bands;  // the band terms, with their prefix
  bool empty() const { return packed.empty(); }
};

// The signature of a body's tokens (normalized words, tokenizer.h); empty
// below kMinSignatureWords words.
NearDuplicateSignature near_duplicate_signature(const std::vector<Token>& body);

// The share of equal values of two packed signatures: 0 when either is
// empty or they differ in length.
double estimated_similarity(std::string_view a, std::string_view b);

// The cluster key an article with a signature starts when it joins none: a
// hash (16 hex digits) of the signature, so that the first copies of one
// body in two shards (or on two machines) start the same cluster and fold
// together when the shards are searched as one. Never a docid: it stays the
// cluster's key when that first article is deleted.
// REQUIRES: !signature.empty().
std::string cluster_key_of(const NearDuplicateSignature& signature);

// The cluster of an article without a signature, which no other joins: a
// hash (16 hex digits) of its id.
std::string cluster_key_of(const std::string& article_id);

}  // namespace akhbar
