#include "facets/ordinal_count_spy.h"

#include <algorithm>
#include <thread>

#include "index/schema.h"

namespace akhbar {
namespace {

// Above this many day codes the spy counts days in a map: a dense array
// would cost more to clear than the query saves (one code per calendar day,
// 31 per month; 64 Ki is over 170 years).
constexpr uint32_t kMaxDenseDays = 1u << 16;

void add_into(std::vector<uint32_t>& into, const std::vector<uint32_t>& from) {
  if (from.size() > into.size()) into.resize(from.size(), 0);
  for (size_t i = 0; i < from.size(); ++i) into[i] += from[i];
}

}  // namespace

OrdinalCountSpy::OrdinalCountSpy(const std::array<uint32_t, kFacetKinds>& sizes,
                                 const FacetColumn* column, size_t parallel_min)
    : sizes_(sizes), column_(column), parallel_min_(std::max<size_t>(parallel_min, 2)) {
  if (column_ && column_->last_day() != 0 &&
      column_->last_day() - column_->first_day() < kMaxDenseDays) {
    first_day_ = column_->first_day();
    dense_ = true;
  }
  own_ = empty_tally();
}

OrdinalCountSpy::Tally OrdinalCountSpy::empty_tally() const {
  Tally t;
  for (size_t k = 0; k < kFacetKinds; ++k) t.counts[k].assign(sizes_[k], 0);
  if (dense_) t.dense_days.assign(column_->last_day() - first_day_ + 1, 0);
  return t;
}

void OrdinalCountSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    pending_.push_back(doc.get_docid());
  } else {
    count(doc.get_value(schema::kSlotFacetOrdinals));
  }
}

void OrdinalCountSpy::add_matches(std::vector<Xapian::docid> docs, const Xapian::Database& db) {
  if (column_) {
    if (pending_.empty()) {
      pending_ = std::move(docs);
    } else {
      pending_.insert(pending_.end(), docs.begin(), docs.end());
    }
    return;
  }
  // One pass along the slot's value stream, as the matcher would read it.
  Xapian::ValueIterator it = db.valuestream_begin(schema::kSlotFacetOrdinals);
  const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotFacetOrdinals);
  for (const Xapian::docid did : docs) {
    if (it == end) break;
    if (it.get_docid() < did) it.skip_to(did);
    if (it == end) break;
    if (it.get_docid() == did) count(*it);
  }
}

void OrdinalCountSpy::tally(const Xapian::docid* begin, const Xapian::docid* end, Tally& t) const {
  // Prefetch distances in documents (docs/performance.md).
  constexpr ptrdiff_t kEntriesAhead = 8, kPositionAhead = 16;
  for (const Xapian::docid* d = begin; d != end; ++d) {
    if (end - d > kPositionAhead) column_->prefetch_position(d[kPositionAhead]);
    if (end - d > kEntriesAhead) column_->prefetch_entries(d[kEntriesAhead]);
    if (const uint32_t day = column_->day(*d)) {
      if (dense_) {
        ++t.dense_days[day - first_day_];
      } else {
        ++t.days[day];
      }
    }
    const uint32_t* last = column_->end(*d);
    for (const uint32_t* e = column_->begin(*d); e != last; ++e) {
      const uint32_t ord = *e & FacetColumn::kOrdinalMask;
      std::vector<uint32_t>& counts = t.counts[*e >> FacetColumn::kKindShift];
      if (ord >= counts.size()) counts.resize(ord + 1, 0);
      ++counts[ord];
    }
  }
}

void OrdinalCountSpy::finish() {
  if (pending_.empty()) return;
  const Xapian::docid* begin = pending_.data();
  const Xapian::docid* end = begin + pending_.size();
  // Below parallel_min_ documents a second thread costs more than it saves
  // (starting it is tens of microseconds; 50,000 documents take about a
  // millisecond to count).
  if (pending_.size() < parallel_min_ || std::thread::hardware_concurrency() < 2) {
    tally(begin, end, own_);
  } else {
    const Xapian::docid* middle = begin + pending_.size() / 2;
    Tally other = empty_tally();
    std::thread helper([&] { tally(begin, middle, other); });
    tally(middle, end, own_);
    helper.join();
    absorb(other);
  }
  pending_.clear();
}

void OrdinalCountSpy::absorb(const Tally& other) {
  for (size_t k = 0; k < kFacetKinds; ++k) add_into(own_.counts[k], other.counts[k]);
  add_into(own_.dense_days, other.dense_days);
  for (const auto& [day, n] : other.days) own_.days[day] += n;
}

void OrdinalCountSpy::merge(OrdinalCountSpy& other) {
  finish();
  other.finish();
  // Same column, so the same dense day range: the tallies add up as they are.
  absorb(other.own_);
}

void OrdinalCountSpy::count(std::string_view value) {
  decode_document_facets(
      value, [this](uint32_t day) { ++own_.days[day]; },
      [this](FacetKind kind, uint32_t ord) {
        std::vector<uint32_t>& counts = own_.counts[static_cast<size_t>(kind)];
        if (ord >= counts.size()) counts.resize(ord + 1, 0);
        ++counts[ord];
      });
}

std::vector<std::pair<uint32_t, uint32_t>> OrdinalCountSpy::days() const {
  // A spy counts days either densely (with a column) or in the map, never both.
  std::vector<std::pair<uint32_t, uint32_t>> out(own_.days.begin(), own_.days.end());
  std::sort(out.begin(), out.end());
  for (uint32_t i = 0; i < own_.dense_days.size(); ++i) {
    if (own_.dense_days[i]) out.emplace_back(first_day_ + i, own_.dense_days[i]);
  }
  return out;
}

}  // namespace akhbar
