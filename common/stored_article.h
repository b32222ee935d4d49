// StoredArticle: the fields an index keeps of each article for display
// (result lists, snippets), encoded in the Xapian document's data.
//
// encode_stored() and decode_stored() are inverses. decode_stored() never
// throws: data it cannot read gives an article with only the fields it could.
#pragma once

#include <string>
#include <vector>

#include "article.h"

namespace akhbar {

struct StoredArticle {
  std::string id, title, body, date /* ISO or empty */, source, category, url, author;
};

std::string encode_stored(const Article& article);
StoredArticle decode_stored(const std::string& data);

}  // namespace akhbar
