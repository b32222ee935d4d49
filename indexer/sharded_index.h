// Sharded archives on one machine: `akhbar-index --db DIR --shards N`.
//
// Layout: DIR/shard-1 .. DIR/shard-N are Akhbar databases, shard K holding
// the articles of partition K of N (partition.h), and DIR/XAPIANDB is a
// Xapian stub naming them ("auto shard-K", one line each, in order), so
// that akhbar-search (and any Xapian program) opens DIR as one database.
// The stub is written when the first build has finished; until then DIR
// holds only shards and is no archive to search.
//
// A job on a sharded archive runs one job per shard at once (one writer
// each, the analysis threads shared out among them); every job reads the
// whole input and keeps its own partition, so adding, re-indexing or
// replacing an article later reaches the shard that holds it. Problems are
// reported once (by the partition that holds the article), after the jobs
// have ended, in shard order.
// The whole archive is locked by DIR's job lock (job_lock.h) for the job,
// and each shard by its own.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "index_settings.h"
#include "indexer.h"

namespace akhbar {

// The number of shards of the sharded archive at `dir`; nullopt when `dir`
// is not one (missing, a database, empty). Throws IndexError when
// DIR/XAPIANDB exists but is not a stub of shards akhbar-index wrote (a
// remote shard, say, is indexed where it is served, with --partition).
std::optional<uint32_t> sharded_archive_shards(const std::string& dir);

// Runs the job that `settings` asks for: on a sharded archive when
// settings.shards is set or settings.db_path is one, else run_index().
// Throws IndexError when --shards disagrees with what DIR is (a database
// that is not sharded, another number of shards, --partition with it).
IndexSummary index_archive(const IndexSettings& settings, std::ostream& problems);

}  // namespace akhbar
