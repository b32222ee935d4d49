#include "ordinal_count_spy.h"

#include "schema.h"

namespace akhbar {

OrdinalCountSpy::OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes) : sizes_(sizes) {
  for (size_t k = 0; k < kFacetKinds; ++k) counts_[k].assign(sizes[k], 0);
}

void OrdinalCountSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(schema::kSlotFacetOrdinals);
  decode_document_facets(
      value, [this](uint32_t day) { ++days_[day]; },
      [this](FacetKind kind, uint32_t ord) {
        std::vector<uint32_t>& counts = counts_[static_cast<size_t>(kind)];
        if (ord >= counts.size()) counts.resize(ord + 1, 0);
        ++counts[ord];
      });
}

}  // namespace akhbar
