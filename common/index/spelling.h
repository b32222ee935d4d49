// Spelling data: the words Xapian's spelling corrector
// (Database::get_spelling_suggestion) may suggest, with how many articles
// use each.
//
// The words are a document's unprefixed terms (schema.h: the normalized
// words of title and body), each counted once per article, so that a word's
// spelling frequency is the number of articles that hold it. Numbers are
// left out. Deleting an article takes its words away again; Xapian's
// compaction (a bulk build's merge) adds the shards' frequencies together.
// Not thread-safe: a WritableDatabase has one writer.
#pragma once

#include <xapian.h>

namespace akhbar {

// True for a term that is a word the corrector may offer.
bool is_spelling_word(const std::string& term);

// Adds (or, on deletion, removes) the words of `doc` to `db`'s spelling data.
void add_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc);
void remove_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace akhbar
