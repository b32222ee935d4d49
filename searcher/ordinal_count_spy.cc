#include "ordinal_count_spy.h"

#include "schema.h"

namespace akhbar {

OrdinalCountSpy::OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes,
                                 const FacetColumn* column)
    : sizes_(sizes), column_(column) {
  for (size_t k = 0; k < kFacetKinds; ++k) counts_[k].assign(sizes[k], 0);
}

void OrdinalCountSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    count(column_->value(doc.get_docid()));
  } else {
    count(doc.get_value(schema::kSlotFacetOrdinals));
  }
}

void OrdinalCountSpy::count(std::string_view value) {
  decode_document_facets(
      value, [this](uint32_t day) { ++days_[day]; },
      [this](FacetKind kind, uint32_t ord) {
        std::vector<uint32_t>& counts = counts_[static_cast<size_t>(kind)];
        if (ord >= counts.size()) counts.resize(ord + 1, 0);
        ++counts[ord];
      });
}

}  // namespace akhbar
