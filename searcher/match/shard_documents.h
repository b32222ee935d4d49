// Shard documents: a page's documents read from the shards that hold them,
// every shard at once, each on a thread of its own.
//
// Xapian 1.4 reads the documents of a page over remote shards one round trip
// after another (MSet::fetch() does not overlap them); reading each shard's
// own at the same time overlaps them. `shards` are the databases added, in
// this order, to one combined Xapian::Database, so a docid of the combined
// database is docid (did - 1) / n + 1 of shard (did - 1) % n (Xapian's
// interleaving, n shards).
//
// Thread-safety: each shard is used by one thread only, and the caller must
// not use the shards, or a Database that shares them, until the call
// returns. A Xapian::Error (or any exception) of a shard is rethrown in the
// caller's thread, the lowest shard's first, after every thread has ended.
#pragma once

#include <vector>

#include <xapian.h>

namespace akhbar {

// The documents of `docids` (docids of the combined database), in their
// order, read from their shards (remote ones: data and values at once).
// Throws Xapian::DocNotFoundError for a docid no shard holds.
std::vector<Xapian::Document> fetch_documents(const std::vector<Xapian::Database>& shards,
                                              const std::vector<Xapian::docid>& docids);

}  // namespace akhbar
