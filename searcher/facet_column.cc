#include "facet_column.h"

#include "schema.h"

namespace akhbar {

FacetColumn FacetColumn::load(const Xapian::Database& db) {
  FacetColumn c;
  c.revision_ = db.get_revision();
  const Xapian::docid last = db.get_lastdocid();
  c.offsets_.assign(static_cast<size_t>(last) + 2, 0);
  Xapian::docid next = 0;  // docids below `next` have their offsets set
  for (auto it = db.valuestream_begin(schema::kSlotFacetOrdinals);
       it != db.valuestream_end(schema::kSlotFacetOrdinals); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;  // a commit after get_lastdocid(): not this revision
    for (; next <= did; ++next) c.offsets_[next] = c.bytes_.size();
    c.bytes_ += *it;
  }
  for (; next < c.offsets_.size(); ++next) c.offsets_[next] = c.bytes_.size();
  c.bytes_.shrink_to_fit();
  return c;
}

}  // namespace akhbar
