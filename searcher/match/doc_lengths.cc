#include "match/doc_lengths.h"

namespace akhbar {

DocLengths DocLengths::load(const Xapian::Database& db) {
  DocLengths column;
  try {
    column.revision_ = db.get_revision();
  } catch (const Xapian::UnimplementedError&) {
    // A backend without revisions (in memory): the column is for one use.
  }
  column.lengths_.assign(static_cast<size_t>(db.get_lastdocid()) + 1, 0);
  // The empty term's posting list is every document with its length, in
  // docid order: the one sequential pass.
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    column.lengths_[*it] = it.get_doclength();
  }
  return column;
}

}  // namespace akhbar
