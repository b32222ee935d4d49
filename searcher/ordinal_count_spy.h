// OrdinalCountSpy: a Xapian MatchSpy that counts, over every document the
// matcher examines, the publication days and the facet ordinals the
// document carries in schema::kSlotFacetOrdinals (facet_ordinals.h). One
// value read and a few array increments per document: the fast path for
// exact facets over a single database. With a FacetColumn of the revision
// searched, the value comes from memory by docid instead of from the index.
// One spy per query; not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "facet_column.h"
#include "facet_ordinals.h"

namespace akhbar {

class OrdinalCountSpy : public Xapian::MatchSpy {
 public:
  // `sizes`: ordinals given per kind at the time of the query, so that the
  // counters need not grow while counting (they still do if a value says
  // otherwise).
  // `column`, if given, must outlive the spy.
  explicit OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes,
                           const FacetColumn* column = nullptr);

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new OrdinalCountSpy(sizes_, column_); }
  std::string name() const override { return "akhbar.OrdinalCountSpy"; }

  // Documents per ordinal of a kind (index = ordinal; zeros included).
  const std::vector<uint32_t>& counts(FacetKind kind) const {
    return counts_[static_cast<size_t>(kind)];
  }
  // Documents per day_code().
  std::unordered_map<uint32_t, uint32_t> days() const;

 private:
  void count(std::string_view value);
  void count_column(Xapian::docid did);

  std::array<uint32_t, kFacetKinds> sizes_;
  const FacetColumn* column_;
  std::array<std::vector<uint32_t>, kFacetKinds> counts_;
  std::unordered_map<uint32_t, uint32_t> days_;
  // With a column: documents per day code, from first_day_ on.
  uint32_t first_day_ = 0;
  std::vector<uint32_t> dense_days_;
};

}  // namespace akhbar
