// DocidRange: a Xapian PostingSource that matches every document id in
// [first, last] of the database it runs on, with no weight.
//
// ANDed with a query (OP_FILTER) it restricts the match to one slice of the
// database without changing any weight: the statistics BM25 reads are the
// whole database's. That is what lets the searcher match one query as two
// slices on two threads and merge them into exactly the single-threaded
// answer. Skipping is O(1), so the query's own posting lists drive the
// match and each slice reads only its own part of them (one B-tree seek to
// reach the first docid).
#pragma once

#include <xapian.h>

namespace akhbar {

class DocidRange : public Xapian::PostingSource {
 public:
  DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return size_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }
  Xapian::docid get_docid() const override { return current_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ > end_; }
  Xapian::PostingSource* clone() const override { return new DocidRange(first_, last_); }
  std::string name() const override { return "akhbar.DocidRange"; }

 private:
  Xapian::docid first_, last_;
  Xapian::docid end_ = 0;      // last, or the database's last docid if lower
  Xapian::docid current_ = 0;  // 0: not started
  Xapian::doccount size_ = 0;  // ids in the range (some may be deleted)
};

}  // namespace akhbar
