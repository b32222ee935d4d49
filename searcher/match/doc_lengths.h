// DocLengths: every document's length (the sum of its wdf, what BM25
// normalizes by) of one database revision, read once into memory.
//
// Xapian 1.4 keeps document lengths in one chunked list and finds a
// document's length by decoding that list forward from the last one asked.
// Ranking a word that occurs in 2% of the documents therefore decodes most
// of the list, most of a one-word query's time. The column costs one
// sequential pass and 4 bytes a document, so it pays in a
// process that answers many queries (akhbar-search --batch), not for one.
// Immutable once loaded; safe to share between threads.
#pragma once

#include <vector>

#include <xapian.h>

namespace akhbar {

class DocLengths {
 public:
  // Reads the lengths of `db` at its current revision. `db` must be a single
  // database: the docids of several searched as one are not their own.
  static DocLengths load(const Xapian::Database& db);

  // The revision read; 0 for a backend without revisions.
  Xapian::rev revision() const { return revision_; }
  // The length of `did`; 0 for a docid the revision does not hold.
  Xapian::termcount length(Xapian::docid did) const {
    return did < lengths_.size() ? lengths_[did] : 0;
  }
  size_t memory_bytes() const { return lengths_.capacity() * sizeof(Xapian::termcount); }

 private:
  Xapian::rev revision_ = 0;
  std::vector<Xapian::termcount> lengths_;  // by docid
};

}  // namespace akhbar
