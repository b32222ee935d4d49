#include "query/like_query.h"

#include <vector>

#include "index/document_builder.h"
#include "index/schema.h"
#include "query/query_builder.h"

namespace akhbar {
namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Stems say what the article is about, entities whom and where; exact
// forms, dates, sources and the LSH bands only repeat or mislead.
class LikeTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return starts_with(term, schema::kStem) || starts_with(term, schema::kPlace) ||
           starts_with(term, schema::kPerson) || starts_with(term, schema::kOrganization);
  }
};

}  // namespace

Xapian::Query build_like_query(const Xapian::Database& db, const std::string& article_id,
                               Xapian::termcount terms) {
  const std::string id = id_term(article_id);
  Xapian::PostingIterator it = db.postlist_begin(id);
  if (it == db.postlist_end(id)) throw QueryError("--like: no article with id '" + article_id + "'");
  Xapian::RSet rset;
  rset.add_document(*it);
  Xapian::Enquire enquire(db);
  const LikeTermDecider decider;
  const Xapian::ESet eset = enquire.get_eset(terms, rset, &decider);
  std::vector<std::string> chosen(eset.begin(), eset.end());
  if (chosen.empty()) return Xapian::Query::MatchNothing;  // an article of no words: like nothing
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, chosen.begin(), chosen.end()),
                       Xapian::Query(id));
}

}  // namespace akhbar
