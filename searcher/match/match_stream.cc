#include "match/match_stream.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "match/docid_range.h"

namespace akhbar {
namespace {

using Ptr = std::unique_ptr<MatchStream>;

// One term's posting list ("" is every document), opened on the first seek.
class TermStream : public MatchStream {
 public:
  TermStream(const Xapian::Database& db, std::string term)
      : db_(db), term_(std::move(term)), bound_(term_.empty() ? db.get_doccount() : db.get_termfreq(term_)) {}

  Xapian::docid seek(Xapian::docid did) override {
    if (done_) return 0;
    if (current_ >= did) return current_;
    if (current_ == 0) {
      it_ = db_.postlist_begin(term_);
      if (did > 1 && it_ != db_.postlist_end(term_)) it_.skip_to(did);
    } else if (did == current_ + 1) {
      ++it_;
    } else {
      it_.skip_to(did);
    }
    if (it_ == db_.postlist_end(term_)) {
      done_ = true;
      return 0;
    }
    return current_ = *it_;
  }
  Xapian::doccount bound() const override { return bound_; }

 private:
  const Xapian::Database& db_;
  std::string term_;
  Xapian::doccount bound_;
  Xapian::PostingIterator it_;
  Xapian::docid current_ = 0;
  bool done_ = false;
};

Xapian::doccount sum_of_bounds(const std::vector<Ptr>& parts) {
  Xapian::doccount n = 0;
  for (const Ptr& p : parts) {
    const Xapian::doccount b = p->bound();
    n = b > Xapian::doccount(-1) - n ? Xapian::doccount(-1) : n + b;
  }
  return n;
}

class NothingStream : public MatchStream {
 public:
  Xapian::docid seek(Xapian::docid) override { return 0; }
  Xapian::doccount bound() const override { return 0; }
};

class OrStream : public MatchStream {
 public:
  explicit OrStream(std::vector<Ptr> parts) : parts_(std::move(parts)) {}
  Xapian::docid seek(Xapian::docid did) override {
    Xapian::docid best = 0;
    for (const Ptr& p : parts_) {
      const Xapian::docid d = p->seek(did);
      if (d != 0 && (best == 0 || d < best)) best = d;
    }
    return best;
  }
  Xapian::doccount bound() const override { return sum_of_bounds(parts_); }

 private:
  std::vector<Ptr> parts_;
};

// Odd number of parts matching.
class XorStream : public MatchStream {
 public:
  explicit XorStream(std::vector<Ptr> parts) : parts_(std::move(parts)) {}
  Xapian::docid seek(Xapian::docid did) override {
    for (;;) {
      Xapian::docid best = 0;
      size_t count = 0;
      for (const Ptr& p : parts_) {
        const Xapian::docid d = p->seek(did);
        if (d == 0) continue;
        if (best == 0 || d < best) {
          best = d;
          count = 1;
        } else if (d == best) {
          ++count;
        }
      }
      if (best == 0 || count % 2 == 1) return best;
      did = best + 1;
    }
  }
  Xapian::doccount bound() const override { return sum_of_bounds(parts_); }

 private:
  std::vector<Ptr> parts_;
};

// Every part matching. The rarest part leads; the others are skipped to it.
class AndStream : public MatchStream {
 public:
  explicit AndStream(std::vector<Ptr> parts) : parts_(std::move(parts)) {
    std::stable_sort(parts_.begin(), parts_.end(),
                     [](const Ptr& a, const Ptr& b) { return a->bound() < b->bound(); });
  }
  Xapian::docid seek(Xapian::docid did) override {
    Xapian::docid candidate = parts_[0]->seek(did);
    size_t agreed = 1;
    for (size_t i = 1; candidate != 0 && agreed < parts_.size(); i = (i + 1) % parts_.size()) {
      const Xapian::docid d = parts_[i]->seek(candidate);
      if (d == candidate) {
        ++agreed;
      } else {
        candidate = d;
        agreed = 1;
      }
    }
    return candidate;
  }
  Xapian::doccount bound() const override { return parts_[0]->bound(); }

 private:
  std::vector<Ptr> parts_;
};

class AndNotStream : public MatchStream {
 public:
  AndNotStream(Ptr left, Ptr right) : left_(std::move(left)), right_(std::move(right)) {}
  Xapian::docid seek(Xapian::docid did) override {
    for (Xapian::docid d = left_->seek(did); d != 0; d = left_->seek(d + 1)) {
      if (right_->seek(d) != d) return d;
    }
    return 0;
  }
  Xapian::doccount bound() const override { return left_->bound(); }

 private:
  Ptr left_, right_;
};

// Documents whose value in a slot lies in [begin, end] (string order); no
// value, no match.
class ValueRangeStream : public MatchStream {
 public:
  ValueRangeStream(const Xapian::Database& db, Xapian::valueno slot, std::string begin, std::string end)
      : db_(db), slot_(slot), begin_(std::move(begin)), end_(std::move(end)), bound_(db.get_value_freq(slot)) {}

  Xapian::docid seek(Xapian::docid did) override {
    if (done_) return 0;
    if (current_ >= did) return current_;
    if (current_ == 0) {
      it_ = db_.valuestream_begin(slot_);
      if (did > 1 && it_ != db_.valuestream_end(slot_)) it_.skip_to(did);
    } else {
      it_.skip_to(did);
    }
    for (; it_ != db_.valuestream_end(slot_); ++it_) {
      const std::string v = *it_;
      if (begin_ <= v && (end_.empty() || v <= end_)) return current_ = it_.get_docid();
    }
    done_ = true;
    return 0;
  }
  Xapian::doccount bound() const override { return bound_; }

 private:
  const Xapian::Database& db_;
  Xapian::valueno slot_;
  std::string begin_, end_;  // end "": no upper limit
  Xapian::doccount bound_;
  Xapian::ValueIterator it_;
  Xapian::docid current_ = 0;
  bool done_ = false;
};

// A phrase or NEAR of terms, matched by Xapian's own matcher, unweighted,
// on first use. Its positional check reads each term's positions through
// one cursor kept for the whole match; the public API opens a cursor per
// document, which made the same check eight to ten times slower.
class PositionalStream : public MatchStream {
 public:
  // A query of its own (not a part of the caller's), so that no other
  // thread shares its reference counts.
  PositionalStream(const Xapian::Database& db, Xapian::Query::op op, const std::vector<std::string>& terms,
                   Xapian::termcount window, Xapian::docid first, Xapian::docid last)
      : db_(db), query_(op, terms.begin(), terms.end(), window) {
    // Matched once, whole: only over the range the caller will read.
    if (first > 1 || last < db.get_lastdocid()) {
      query_ = Xapian::Query(Xapian::Query::OP_FILTER, query_,
                             Xapian::Query((new DocidRange(first, last))->release()));
    }
    bound_ = db.get_doccount();
    for (const std::string& t : terms) bound_ = std::min(bound_, db.get_termfreq(t));
  }

  Xapian::docid seek(Xapian::docid did) override {
    if (!matched_) match();
    next_ = std::lower_bound(docs_.begin() + next_, docs_.end(), did) - docs_.begin();
    return next_ < docs_.size() ? docs_[next_] : 0;
  }
  Xapian::doccount bound() const override { return bound_; }

 private:
  class Collect : public Xapian::MatchSpy {
   public:
    explicit Collect(std::vector<Xapian::docid>& docs) : docs_(docs) {}
    void operator()(const Xapian::Document& doc, double) override { docs_.push_back(doc.get_docid()); }
   private:
    std::vector<Xapian::docid>& docs_;
  };

  void match() {
    matched_ = true;
    Xapian::Enquire enquire(db_);
    enquire.set_query(query_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Collect collect(docs_);
    enquire.add_matchspy(&collect);
    enquire.get_mset(0, 0, db_.get_doccount());
    std::sort(docs_.begin(), docs_.end());  // the matcher's order is its own
  }

  const Xapian::Database& db_;
  Xapian::Query query_;
  Xapian::doccount bound_;
  bool matched_ = false;
  std::vector<Xapian::docid> docs_;
  size_t next_ = 0;
};

// Xapian 1.4 does not expose a phrase's window; its description does:
// "(a@1 PHRASE 3 b@2 PHRASE 3 c@3)", "(a@1 NEAR 11 b@2)". 0 if it cannot be
// read.
unsigned positional_window(const Xapian::Query& query) {
  const std::string d = query.get_description();
  const std::string marker = query.get_type() == Xapian::Query::OP_NEAR ? " NEAR " : " PHRASE ";
  const size_t at = d.find(marker);
  if (at == std::string::npos) return 0;
  return static_cast<unsigned>(std::strtoul(d.c_str() + at + marker.size(), nullptr, 10));
}

// Nor the slot and limits of a value range: "Query(VALUE_RANGE 2 a b)",
// "Query(VALUE_GE 2 a)", "Query(VALUE_LE 2 b)". Null if a limit holds a
// space or anything else makes the description ambiguous.
Ptr value_range(const Xapian::Database& db, const Xapian::Query& query) {
  std::string d = query.get_description();
  const std::string head = "Query(";
  if (d.compare(0, head.size(), head) != 0 || d.back() != ')') return nullptr;
  d = d.substr(head.size(), d.size() - head.size() - 1);
  std::vector<std::string> words;
  for (size_t at = 0; at <= d.size();) {
    size_t space = d.find(' ', at);
    if (space == std::string::npos) space = d.size();
    words.push_back(d.substr(at, space - at));
    at = space + 1;
  }
  const size_t wanted = query.get_type() == Xapian::Query::OP_VALUE_RANGE ? 4 : 3;
  if (words.size() != wanted || words[1].empty() ||
      words[1].find_first_not_of("0123456789") != std::string::npos) {
    return nullptr;
  }
  const auto slot = static_cast<Xapian::valueno>(std::strtoul(words[1].c_str(), nullptr, 10));
  switch (query.get_type()) {
    case Xapian::Query::OP_VALUE_RANGE:
      if (words[3].empty()) return nullptr;  // would read as "no upper limit"
      return std::make_unique<ValueRangeStream>(db, slot, words[2], words[3]);
    case Xapian::Query::OP_VALUE_GE:
      return std::make_unique<ValueRangeStream>(db, slot, words[2], "");
    default:
      if (words[2].empty()) return nullptr;
      return std::make_unique<ValueRangeStream>(db, slot, "", words[2]);
  }
}

// The docids a stream will be read over.
struct Range {
  Xapian::docid first, last;
};

Ptr make(const Xapian::Database& db, const Xapian::Query& q, Range range);

bool make_parts(const Xapian::Database& db, const Xapian::Query& q, Range range, std::vector<Ptr>& parts) {
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Ptr p = make(db, q.get_subquery(i), range);
    if (!p) return false;
    parts.push_back(std::move(p));
  }
  return !parts.empty();
}

Ptr make(const Xapian::Database& db, const Xapian::Query& q, Range range) {
  using Q = Xapian::Query;
  std::vector<Ptr> parts;
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return std::make_unique<TermStream>(db, *q.get_terms_begin());
    case Q::LEAF_MATCH_ALL:
      return std::make_unique<TermStream>(db, std::string());
    case Q::LEAF_MATCH_NOTHING:
      return std::make_unique<NothingStream>();
    case Q::OP_AND:
    case Q::OP_FILTER:
      if (!make_parts(db, q, range, parts)) return nullptr;
      return parts.size() == 1 ? std::move(parts[0]) : std::make_unique<AndStream>(std::move(parts));
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
      if (!make_parts(db, q, range, parts)) return nullptr;
      return parts.size() == 1 ? std::move(parts[0]) : std::make_unique<OrStream>(std::move(parts));
    case Q::OP_XOR:
      if (!make_parts(db, q, range, parts)) return nullptr;
      return std::make_unique<XorStream>(std::move(parts));
    case Q::OP_AND_NOT: {
      // "The first subquery, and none of the others."
      if (!make_parts(db, q, range, parts)) return nullptr;
      if (parts.size() == 1) return std::move(parts[0]);
      Ptr left = std::move(parts[0]);
      parts.erase(parts.begin());
      Ptr right = parts.size() == 1 ? std::move(parts[0]) : std::make_unique<OrStream>(std::move(parts));
      return std::make_unique<AndNotStream>(std::move(left), std::move(right));
    }
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      // The other parts only add weight.
      return q.get_num_subqueries() ? make(db, q.get_subquery(0), range) : nullptr;
    case Q::OP_PHRASE:
    case Q::OP_NEAR: {
      std::vector<std::string> terms;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Q sub = q.get_subquery(i);
        if (sub.get_type() != Q::LEAF_TERM) return nullptr;
        terms.push_back(*sub.get_terms_begin());
      }
      const unsigned window = positional_window(q);
      if (terms.empty() || window == 0) return nullptr;
      return std::make_unique<PositionalStream>(db, q.get_type(), terms, window, range.first, range.last);
    }
    case Q::OP_VALUE_RANGE:
    case Q::OP_VALUE_GE:
    case Q::OP_VALUE_LE:
      return value_range(db, q);
    default:
      return nullptr;
  }
}

// The leaf whose count stated_match_count() reads (a term, match-all or
// match-nothing), if there is one.
std::optional<Xapian::Query> stated_leaf(const Xapian::Query& query) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::LEAF_TERM:
    case Q::LEAF_MATCH_ALL:
    case Q::LEAF_MATCH_NOTHING:
      return query;
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      if (query.get_num_subqueries() == 0) return std::nullopt;
      return stated_leaf(query.get_subquery(0));
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Xapian::doccount> stated_match_count(const Xapian::Database& db, const Xapian::Query& query,
                                                   const Xapian::MSet* ranked) {
  const std::optional<Xapian::Query> leaf = stated_leaf(query);
  if (!leaf) return std::nullopt;
  // Equal bounds are the count. A term weighed through a posting source
  // (bm25_source.h) is not in the MSet's statistics, which would look its
  // frequency up in the database again.
  if (ranked && ranked->get_matches_lower_bound() == ranked->get_matches_upper_bound()) {
    return ranked->get_matches_lower_bound();
  }
  switch (leaf->get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *leaf->get_terms_begin();
      return ranked ? ranked->get_termfreq(term) : db.get_termfreq(term);
    }
    case Xapian::Query::LEAF_MATCH_ALL:
      return db.get_doccount();
    default:
      return 0;
  }
}

bool has_stated_count(const Xapian::Query& query) { return stated_leaf(query).has_value(); }

bool has_positional(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_PHRASE || query.get_type() == Xapian::Query::OP_NEAR) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_positional(query.get_subquery(i))) return true;
  }
  return false;
}

std::unique_ptr<MatchStream> make_match_stream(const Xapian::Database& db, const Xapian::Query& query,
                                               Xapian::docid first, Xapian::docid last) {
  if (query.empty()) return std::make_unique<NothingStream>();
  return make(db, query, {first, last});
}

}  // namespace akhbar
