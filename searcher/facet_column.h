// FacetColumn: every document's facet-ordinal value (schema::
// kSlotFacetOrdinals) of one database revision, read once into memory, so
// that counting facets over a broad query costs a lookup by docid per match
// instead of a value read from the index.
//
// A match spy that reads the value through Xapian pays for a value-stream
// seek and a string copy per match; over hundreds of thousands of matches
// that is most of a query's time. The column is built from Xapian's value
// stream for the slot (one sequential pass) and answers for the revision it
// was read at: the searcher rebuilds it when a commit has landed since. About
// 10–20 bytes per document. Immutable once built; safe to share between
// threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace akhbar {

class FacetColumn {
 public:
  // Reads the values of `db`, which must be a single database.
  static FacetColumn load(const Xapian::Database& db);

  Xapian::rev revision() const { return revision_; }

  // The encoded value of `did` (facet_ordinals.h), empty if none.
  std::string_view value(Xapian::docid did) const {
    if (did + 1 >= offsets_.size()) return {};
    return std::string_view(bytes_).substr(offsets_[did], offsets_[did + 1] - offsets_[did]);
  }

  size_t memory_bytes() const { return bytes_.capacity() + offsets_.capacity() * sizeof(uint64_t); }

 private:
  Xapian::rev revision_ = 0;
  std::string bytes_;              // values, in docid order
  std::vector<uint64_t> offsets_;  // value of docid d: [offsets_[d], offsets_[d + 1])
};

}  // namespace akhbar
