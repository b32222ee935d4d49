// Deleter: removes articles from a database by id (akhbar-index --delete,
// --delete-from), a takedown or a retraction without a rebuild.
//
// An article is the one document holding its unique id term (schema::kId);
// deleting it removes every term and value it carries, so totals, facet
// counts (counted over the values of the matching documents) and the facet
// ordinals of the articles that remain stay exact; the ordinal dictionary
// only grows (facet_ordinals.h) and needs no change. The spelling data
// (spelling.h) loses the deleted article's words.
// `db_path` is a database directory or a stub of local shards
// (database_spec.h): each id is looked for in every shard, which holds the
// job lock (job_lock.h) of each, so that no indexing job writes a shard
// meanwhile. A remote shard is refused (delete on its server). All
// deletions are one commit per shard, made after every id was looked for.
// An id found nowhere is reported to `problems` as one line and the others
// go on. Throws IndexError (indexer.h) with one line when a database cannot
// be opened, locked or written.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace akhbar {

struct DeleteSummary {
  size_t asked = 0;          // distinct ids asked for
  size_t deleted = 0;        // found and deleted
  std::vector<std::string> missing;  // not found in any shard
  size_t database_docs = 0;  // documents left, all shards together
};

DeleteSummary run_delete(const std::string& db_path, const std::vector<std::string>& ids,
                         std::ostream& problems);

// The ids of an id list file: one id a line; leading and trailing spaces
// and tabs are trimmed, blank lines and lines whose first other character is
// '#' are skipped. "-" reads standard input. Throws IndexError if the file
// cannot be read.
std::vector<std::string> read_id_list(const std::string& path);

// One line for the user.
std::string format_delete_summary(const DeleteSummary& summary);

}  // namespace akhbar
