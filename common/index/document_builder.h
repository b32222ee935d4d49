// DocumentBuilder: turns an analysed Article into the Xapian::Document that
// the schema (schema.h) describes. The analysis chain runs here: tokenize
// (normalizing), stem, and entities when an extractor is given.
//
// build_document() is a pure function of its inputs and may run on several
// threads at once (each call builds its own document). The document's data
// holds the stored fields as JSON (stored_article.h reads them back).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/near_duplicate.h"
#include "readers/article.h"

namespace akhbar {

class EntityExtractor;

struct BuildOptions {
  // Extra within-document frequency for title words: a word in the title
  // says more about the article than one in the body.
  Xapian::termcount title_weight = 3;
  // The lead: the first `lead_words` words of the body weigh `lead_weight`
  // each. News is written lead first (the inverted pyramid): what an article
  // is about is named in its opening, what it mentions in passing comes
  // later. Length and weight chosen on the known-item test, a lead word
  // weighing less than a title word (docs/ranking.md).
  size_t lead_words = 50;
  Xapian::termcount lead_weight = 2;
  // Words longer than this (bytes) are not indexed: Xapian's limit is 245
  // and such "words" are URLs or garbage.
  size_t max_term_bytes = 120;
  // Places, persons, organizations and the dateline origin, as boolean terms
  // and facet values. Not owned; null: no entity extraction.
  const EntityExtractor* entities = nullptr;
  // Dates the body speaks of (event_dates.h), resolved against the
  // publication date, as boolean terms for --event-from/--event-to.
  bool event_dates = true;
};

// Display names (as written) of the persons and organizations found by rule
// and unknown to the gazetteer: id → name. The writer keeps them in the
// database's metadata under entity_name_key(id) (schema.h), for the searcher to show.
using EntityNames = std::vector<std::pair<std::string, std::string>>;

// `names`, when given, receives the EntityNames of this article. The
// document carries the body's near-duplicate band terms and signature
// (near_duplicate.h), which `near_duplicate`, when given, receives too; its
// cluster is the writer's to set (set_cluster), as only the writer knows the
// articles before it.
Xapian::Document build_document(const Article& article, const BuildOptions& options,
                                EntityNames* names = nullptr,
                                NearDuplicateSignature* near_duplicate = nullptr);

// Puts `doc` in the near-duplicate cluster `key` (slot and term, schema.h).
void set_cluster(Xapian::Document& doc, const std::string& key);

// The unique-id term of an article id: what replace_document() keys on.
std::string id_term(const std::string& article_id);

}  // namespace akhbar
