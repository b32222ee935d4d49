#include "facets/facet_column.h"

#include <string>

#include "index/schema.h"

namespace akhbar {

FacetColumn FacetColumn::load(const Xapian::Database& db) {
  static_assert(kFacetKinds <= (1u << (32 - kKindShift)), "facet kinds must fit an entry");
  FacetColumn c;
  c.revision_ = db.get_revision();
  const Xapian::docid last = db.get_lastdocid();
  c.docs_.assign(static_cast<size_t>(last) + 2, Doc{0, 0});
  Xapian::docid next = 0;  // docids below `next` have their offsets set
  for (auto it = db.valuestream_begin(schema::kSlotFacetOrdinals);
       it != db.valuestream_end(schema::kSlotFacetOrdinals); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;  // a commit after get_lastdocid(): not this revision
    for (; next <= did; ++next) c.docs_[next].offset = static_cast<uint32_t>(c.entries_.size());
    const std::string value = *it;
    decode_document_facets(
        value,
        [&](uint32_t day) {
          c.docs_[did].day = day;
          if (c.first_day_ == 0 || day < c.first_day_) c.first_day_ = day;
          if (day > c.last_day_) c.last_day_ = day;
        },
        [&](FacetKind kind, uint32_t ord) {
          if (ord > kOrdinalMask || c.entries_.size() >= UINT32_MAX) {
            c.usable_ = false;
            return;
          }
          c.entries_.push_back(static_cast<uint32_t>(kind) << kKindShift | ord);
        });
  }
  for (; next < c.docs_.size(); ++next) c.docs_[next].offset = static_cast<uint32_t>(c.entries_.size());
  c.entries_.shrink_to_fit();
  return c;
}

}  // namespace akhbar
