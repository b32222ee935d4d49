#include "match/docid_range.h"

#include <algorithm>

namespace akhbar {

void DocidRange::init(const Xapian::Database& db) {
  end_ = std::min(last_, db.get_lastdocid());
  current_ = 0;
  size_ = end_ >= first_ ? std::min<Xapian::doccount>(end_ - first_ + 1, db.get_doccount()) : 0;
}

void DocidRange::next(double) {
  current_ = current_ == 0 ? std::max<Xapian::docid>(first_, 1) : current_ + 1;
}

void DocidRange::skip_to(Xapian::docid did, double) {
  if (did > current_) current_ = std::max(did, first_);
}

}  // namespace akhbar
