// LikeQuery: the query of "more like this" (--like ID): the terms that best
// tell the article apart, found by Xapian's relevance feedback (an RSet
// holding the article, Enquire::get_eset) over its stems (Z, ZS) and its
// entities (XPL, XPE, XOG), OR-ed, without the article itself. The caller
// filters it as any query (build_filter_query).
// Throws QueryError (one line) when no article has the id. Thread-safe for
// distinct databases.
#pragma once

#include <string>

#include <xapian.h>

namespace akhbar {

// Expand terms taken from the article: enough to find its copies and its
// near relatives, few enough to rank fast (docs/near_duplicates.md).
inline constexpr Xapian::termcount kLikeTerms = 40;

Xapian::Query build_like_query(const Xapian::Database& db, const std::string& article_id,
                               Xapian::termcount terms = kLikeTerms);

}  // namespace akhbar
