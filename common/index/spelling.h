// Spelling data: the words Xapian's spelling corrector
// (Database::get_spelling_suggestion) may suggest, with how many articles
// use each.
//
// The words are a document's unprefixed terms (schema.h: the normalized
// words of title and body), each counted once per article, so that a word's
// spelling frequency is the number of articles that hold it. Numbers are
// left out. Deleting or replacing an article takes its words away again.
// A bulk build gives its words once, from its shards' vocabulary
// (add_spelling_of_all): the same words and counts.
// Writers gather the counts of many documents in a SpellingCounts and give
// them to Xapian once per word before they commit: Xapian's spelling table
// reads and updates a word's entry on every call, which one call per word
// and article made the largest part of the cost (docs/performance.md).
// Not thread-safe: a WritableDatabase has one writer, which owns its
// SpellingCounts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace akhbar {

// Whether `db` keeps spelling data, as its metadata records (a database
// with documents and no record keeps none). For a database without
// documents, records `wanted` first. Every writer of a database follows its
// record, not its own options: adding and taking away words must match.
bool keeps_spelling(Xapian::WritableDatabase& db, bool wanted);
bool keeps_spelling(const Xapian::Database& db);

// True for a term that is a word the corrector may offer.
bool is_spelling_word(const std::string& term);

// Adds (or, on deletion, removes) the words of `doc` to `db`'s spelling
// data at once: for a few documents.
void add_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc);
void remove_spelling_of(Xapian::WritableDatabase& db, const Xapian::Document& doc);
// Gives the spelling words of `source`'s documents to `out`'s spelling
// data, each with the number of documents holding it, committing `out`
// every `words_per_commit` words and at the end: of the words in term
// order, those whose position is `part` modulo `parts` (so that `parts`
// threads, each with its own databases, share the work). For a bulk build:
// its shards, read as one, give their words once to databases of spelling
// data alone that the merge compacts with them. One call per word, where
// giving each document's words costs one per word and batch of documents,
// each rewriting the spelling table's growing lists.
// REQUIRES: part < parts; `out` is not `source`, nor one of its databases.
void add_spelling_of_all(const Xapian::Database& source, Xapian::WritableDatabase& out,
                         unsigned part = 0, unsigned parts = 1, size_t words_per_commit = 200000);

// Spelling counts gathered in memory until flush().
class SpellingCounts {
 public:
  void add(const Xapian::Document& doc) { count(doc, 1); }
  void remove(const Xapian::Document& doc) { count(doc, -1); }
  // Gives the gathered counts to `db` (before its commit) and forgets them.
  void flush(Xapian::WritableDatabase& db);

 private:
  void count(const Xapian::Document& doc, int64_t by);
  std::unordered_map<std::string, int64_t> delta_;
};

}  // namespace akhbar
