// Bm25Source: one term's postings weighed by BM25 as Xapian's BM25Weight
// weighs them with kBm25's parameters (ranking.h), but with each document's
// length read from a DocLengths column instead of Xapian's length list,
// whose lookups are most of the cost of ranking a common word (doc_lengths.h).
// with_length_column() puts a source in place of each weighted term of a
// query: the same matches, in the same order, with the same weights.
//
// Contract: the column is of the revision the query runs on, and outlives
// the query and every Enquire holding it; the database is a single one (the
// column's docids are its own). Only leaves of wqf 1, which is what the
// query parser makes, become sources, and kBm25.k2 is 0, so the query's
// length plays no part. A source under OP_SCALE_WEIGHT is scaled after its
// length part where Xapian scales before: equal only for a power of two
// (query_builder.cc checks its factor). Xapian clones a source for each
// posting list it opens; clones share only the column, which they read.
#pragma once

#include <string>

#include <xapian.h>

#include "match/doc_lengths.h"

namespace akhbar {

class Bm25Source final : public Xapian::PostingSource {
 public:
  Bm25Source(std::string term, const DocLengths& lengths)
      : term_(std::move(term)), lengths_(lengths) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  Xapian::docid get_docid() const override { return *it_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return it_ == end_; }
  double get_weight() const override;
  Xapian::PostingSource* clone() const override { return new Bm25Source(term_, lengths_); }
  std::string name() const override { return "akhbar.Bm25Source"; }
  std::string get_description() const override { return "Bm25Source(" + term_ + ")"; }

 private:
  std::string term_;
  const DocLengths& lengths_;
  Xapian::PostingIterator it_, end_;
  bool started_ = false;  // it_ sits on the first posting before the first move
  Xapian::doccount termfreq_ = 0;
  double termweight_ = 0;  // idf × (k1 + 1)
  double len_factor_ = 0;  // 1 / the average document length
};

// `query` with every term it weighs replaced by a Bm25Source over `lengths`.
// Rewritten: terms of wqf 1, and the weighed branches of AND, OR, XOR,
// AND_MAYBE, AND_NOT and FILTER. Kept as they are: what those operators do not weigh
// (a filter, a negated branch), and every other operator with its terms
// (phrases, scaled and synonym branches, value ranges, ...), which Xapian
// weighs alike, only reading lengths its own way. A phrase rewritten as its
// words from the column ANDed with the phrase unweighted was no faster: its
// words' posting lists are then read twice.
Xapian::Query with_length_column(const Xapian::Query& query, const DocLengths& lengths);

}  // namespace akhbar
