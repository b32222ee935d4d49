// FacetColumn: every document's facet ordinals (schema::kSlotFacetOrdinals)
// of one database revision, read once into memory and decoded, so that
// counting facets over a broad query costs a few array reads per match
// instead of a value read from the index and a varint decode.
//
// A match spy that reads the value through Xapian pays for a value-stream
// seek and a string copy per match; over hundreds of thousands of matches
// that is most of a query's time, and decoding the varints was most of what
// remained. The column is built from Xapian's value stream for the slot (one
// sequential pass) and answers for the revision it was read at: the
// searcher rebuilds it when a commit has landed since. About 4 bytes per
// ordinal plus 8 per document. Immutable once built; safe to share between
// threads.
#pragma once

#include <cstdint>
#include <vector>

#include <xapian.h>

#include "index/facet_ordinals.h"
#include "facets/huge_page_allocator.h"

namespace akhbar {

class FacetColumn {
 public:
  // An entry: the kind in the top bits, the ordinal below.
  static constexpr int kKindShift = 28;
  static constexpr uint32_t kOrdinalMask = (1u << kKindShift) - 1;

  // Reads the values of `db`, which must be a single database.
  static FacetColumn load(const Xapian::Database& db);

  Xapian::rev revision() const { return revision_; }
  // False when an ordinal did not fit an entry (over 2^28 values of a kind):
  // count from the index instead.
  bool usable() const { return usable_; }

  // day_code() of the document's publication date, 0 if none or unknown.
  uint32_t day(Xapian::docid did) const { return did + 1 < docs_.size() ? docs_[did].day : 0; }
  // The smallest and largest day codes held (both 0 if no document has one).
  uint32_t first_day() const { return first_day_; }
  uint32_t last_day() const { return last_day_; }

  // The document's entries: [begin, end).
  const uint32_t* begin(Xapian::docid did) const {
    return did + 1 < docs_.size() ? entries_.data() + docs_[did].offset : nullptr;
  }
  const uint32_t* end(Xapian::docid did) const {
    return did + 1 < docs_.size() ? entries_.data() + docs_[did + 1].offset : nullptr;
  }

  // Hints that day(did) and begin(did) will be read soon; then, once that
  // has arrived, that the entries will. Counting a broad query walks the
  // column in docid order with gaps the hardware prefetcher cannot see, so
  // without these hints it waits on memory for most of its time.
  void prefetch_position(Xapian::docid did) const {
    if (did + 1 < docs_.size()) prefetch(&docs_[did]);
  }
  void prefetch_entries(Xapian::docid did) const {
    if (did + 1 >= docs_.size()) return;
    // A document's entries often span two or three cache lines.
    const char* p = reinterpret_cast<const char*>(entries_.data() + docs_[did].offset);
    const char* last = reinterpret_cast<const char*>(entries_.data() + docs_[did + 1].offset);
    for (; p < last; p += 64) prefetch(p);
  }

  size_t memory_bytes() const {
    return entries_.capacity() * sizeof(uint32_t) + docs_.capacity() * sizeof(Doc);
  }

 private:
  // GCC 12 at -O2 drops a __builtin_prefetch whose address it loads inside
  // a loop (seen in tally()); an asm statement stays.
  static void prefetch(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
    __builtin_prefetch(p);
#endif
  }

  Xapian::rev revision_ = 0;
  bool usable_ = true;
  uint32_t first_day_ = 0;
  uint32_t last_day_ = 0;
  // A document's day and where its entries start, side by side: counting
  // reads both, and one cache line then holds them with the next
  // document's start (separate arrays: 63-66 ns per match counted, side by
  // side 60-62).
  struct Doc {
    uint32_t offset;  // entries of docid d: [docs_[d].offset, docs_[d + 1].offset)
    uint32_t day;
  };
  // In huge pages: counting reads a few cache lines per match spread over
  // the whole column, and with 4 KiB pages most reads also missed the TLB.
  template <typename T>
  using Array = std::vector<T, HugePageAllocator<T>>;
  Array<Doc> docs_;          // by docid, one past the last
  Array<uint32_t> entries_;  // (kind << kKindShift) | ordinal, in docid order
};

}  // namespace akhbar
