#include "match/bm25_source.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "match/ranking.h"

namespace akhbar {

static_assert(kBm25.k2 == 0, "Bm25Source leaves out BM25's query-length part");

// The same arithmetic, in the same order, as Xapian 1.4's BM25Weight with
// no relevance set and a leaf of wqf 1, so that the weights come out equal
// to the last bit and ties break alike.
void Bm25Source::init(const Xapian::Database& db) {
  termfreq_ = db.get_termfreq(term_);
  it_ = db.postlist_begin(term_);
  end_ = db.postlist_end(term_);
  started_ = false;
  const double n = db.get_doccount();
  double tw = (n - termfreq_ + 0.5) / (termfreq_ + 0.5);
  // A term in more than a third of the documents keeps a small positive
  // weight, as Xapian gives it, rather than a negative one.
  if (tw < 2) tw = tw * 0.5 + 1;
  const double wqf = 1;
  termweight_ = std::log(tw) * ((kBm25.k3 + 1) * wqf / (kBm25.k3 + wqf)) * (kBm25.k1 + 1);
  const double average = db.get_avlength();
  len_factor_ = average != 0 ? 1 / average : 0;
  // The bound Xapian's matcher prunes with: the weight at the term's largest
  // wdf in the shortest document that could hold it.
  const Xapian::termcount wdf_max = db.get_wdf_upper_bound(term_);
  const double normlen_lb =
      std::max(std::max(wdf_max, db.get_doclength_lower_bound()) * len_factor_, kBm25.min_normlen);
  const double denom = kBm25.k1 * (normlen_lb * kBm25.b + (1 - kBm25.b)) + wdf_max;
  set_maxweight(termfreq_ == 0 || denom <= 0 ? 0 : termweight_ * (wdf_max / denom));
}

void Bm25Source::next(double) {
  if (!started_) {
    started_ = true;
  } else {
    ++it_;
  }
}

void Bm25Source::skip_to(Xapian::docid did, double) {
  started_ = true;
  if (it_ != end_) it_.skip_to(did);
}

double Bm25Source::get_weight() const {
  const double wdf = it_.get_wdf();
  const double normlen = std::max(lengths_.length(*it_) * len_factor_, kBm25.min_normlen);
  const double denom = kBm25.k1 * (normlen * kBm25.b + (1 - kBm25.b)) + wdf;
  return termweight_ * (wdf / denom);
}

namespace {

Xapian::Query rebuilt(Xapian::Query::op op, std::vector<Xapian::Query>& parts) {
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query with_length_column(const Xapian::Query& query, const DocLengths& lengths) {
  const Xapian::Query::op op = query.get_type();
  // A leaf of wqf above 1 (never made by the query parser) is Xapian's.
  if (op == Xapian::Query::LEAF_TERM && query.get_length() == 1) {
    return Xapian::Query((new Bm25Source(*query.get_terms_begin(), lengths))->release());
  }
  const size_t n = query.get_num_subqueries();
  std::vector<Xapian::Query> parts;
  parts.reserve(n);
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
      for (size_t i = 0; i < n; ++i) parts.push_back(with_length_column(query.get_subquery(i), lengths));
      return rebuilt(op, parts);
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
      // Only the first branch is weighed.
      parts.push_back(with_length_column(query.get_subquery(0), lengths));
      for (size_t i = 1; i < n; ++i) parts.push_back(query.get_subquery(i));
      return rebuilt(op, parts);
    default:
      return query;
  }
}

}  // namespace akhbar
