// OrdinalCountSpy: a Xapian MatchSpy that counts, over every document the
// matcher examines, the publication days and the facet ordinals the
// document carries in schema::kSlotFacetOrdinals (facet_ordinals.h). One
// value read and a few array increments per document: the fast path for
// exact facets over a single database. With a FacetColumn of the revision
// searched, the spy only notes each docid during the match and finish()
// counts them from memory afterwards, on two threads when there are many
// (counting is memory-bound and the matcher is single-threaded).
// One spy per query; not thread-safe (finish() uses its own helper thread).
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "facets/facet_column.h"
#include "index/facet_ordinals.h"

namespace akhbar {

class OrdinalCountSpy : public Xapian::MatchSpy {
 public:
  // `sizes`: ordinals given per kind at the time of the query, so that the
  // counters need not grow while counting (they still do if a value says
  // otherwise).
  // `column`, if given, must outlive the spy. From `parallel_min` noted
  // documents on, finish() counts on two threads.
  static constexpr size_t kDefaultParallelMin = 50000;
  explicit OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes,
                           const FacetColumn* column = nullptr,
                           size_t parallel_min = kDefaultParallelMin);

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override {
    return new OrdinalCountSpy(sizes_, column_, parallel_min_);
  }
  std::string name() const override { return "akhbar.OrdinalCountSpy"; }

  // Counts documents found without the matcher (match_stream.h), in
  // ascending docid order; `db` (the one searched, used by this thread only)
  // gives their values when there is no column. Call finish() after.
  void add_matches(std::vector<Xapian::docid> docs, const Xapian::Database& db);

  // Counts the documents noted during the match (with a column). Call after
  // Enquire::get_mset() and before counts() and days(); calling it again
  // does nothing until more documents are noted.
  void finish();
  // Adds the counts of `other`, a spy of the same query over another slice
  // of the same database revision (finishing both first).
  void merge(OrdinalCountSpy& other);

  // Documents per ordinal of a kind (index = ordinal; zeros included).
  const std::vector<uint32_t>& counts(FacetKind kind) const {
    return own_.counts[static_cast<size_t>(kind)];
  }
  // Documents per day_code(), in day order, days without any left out.
  std::vector<std::pair<uint32_t, uint32_t>> days() const;

 private:
  // Counters of one thread.
  struct Tally {
    std::array<std::vector<uint32_t>, kFacetKinds> counts;
    std::vector<uint32_t> dense_days;  // from first_day_ on, with a column
    std::unordered_map<uint32_t, uint32_t> days;
  };

  Tally empty_tally() const;
  void count(std::string_view value);
  void tally(const Xapian::docid* begin, const Xapian::docid* end, Tally& t) const;
  // Adds another tally of the same column into own_.
  void absorb(const Tally& other);

  std::array<uint32_t, kFacetKinds> sizes_;
  const FacetColumn* column_;
  size_t parallel_min_;
  uint32_t first_day_ = 0;
  bool dense_ = false;  // days counted in dense_days
  Tally own_;
  std::vector<Xapian::docid> pending_;  // noted during the match, with a column
};

}  // namespace akhbar
