#include "ordinal_count_spy.h"

#include "schema.h"

namespace akhbar {
namespace {

// Above this many day codes the spy counts days in a map: a dense array
// would cost more to clear than the query saves (one code per calendar day,
// 31 per month; 64 Ki is over 170 years).
constexpr uint32_t kMaxDenseDays = 1u << 16;

}  // namespace

OrdinalCountSpy::OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes,
                                 const FacetColumn* column)
    : sizes_(sizes), column_(column) {
  for (size_t k = 0; k < kFacetKinds; ++k) counts_[k].assign(sizes[k], 0);
  if (column_ && column_->last_day() != 0 &&
      column_->last_day() - column_->first_day() < kMaxDenseDays) {
    first_day_ = column_->first_day();
    dense_days_.assign(column_->last_day() - first_day_ + 1, 0);
  }
}

void OrdinalCountSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    count_column(doc.get_docid());
  } else {
    count(doc.get_value(schema::kSlotFacetOrdinals));
  }
}

void OrdinalCountSpy::count_column(Xapian::docid did) {
  if (const uint32_t day = column_->day(did)) {
    if (!dense_days_.empty()) {
      ++dense_days_[day - first_day_];
    } else {
      ++days_[day];
    }
  }
  const uint32_t* end = column_->end(did);
  for (const uint32_t* e = column_->begin(did); e != end; ++e) {
    const uint32_t ord = *e & FacetColumn::kOrdinalMask;
    std::vector<uint32_t>& counts = counts_[*e >> FacetColumn::kKindShift];
    if (ord >= counts.size()) counts.resize(ord + 1, 0);
    ++counts[ord];
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

std::unordered_map<uint32_t, uint32_t> OrdinalCountSpy::days() const {
  std::unordered_map<uint32_t, uint32_t> out = days_;
  for (uint32_t i = 0; i < dense_days_.size(); ++i) {
    if (dense_days_[i]) out[first_day_ + i] += dense_days_[i];
  }
  return out;
}

}  // namespace akhbar
