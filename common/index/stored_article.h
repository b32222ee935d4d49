// StoredArticle: the fields an index keeps of each article for display
// (result lists, snippets), encoded in the Xapian document's data.
//
// encode_stored() and decode_stored() are inverses. The encoding is a
// version byte (1) and the fields as a schema::serialise_list, in the order
// of StoredArticle: every result of every search decodes ten of these, and a
// JSON parse of the body cost more than the search itself. decode_stored()
// also reads the JSON object of databases written before (first byte '{'),
// and never throws: data it cannot read gives an article with only the
// fields it could.
#pragma once

#include <string>
#include <vector>

#include "readers/article.h"

namespace akhbar {

struct StoredArticle {
  std::string id, title, body, date /* ISO or empty */, source, category, url, author;
};

std::string encode_stored(const Article& article);
StoredArticle decode_stored(const std::string& data);

}  // namespace akhbar
