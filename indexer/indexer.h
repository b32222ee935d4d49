// Indexer: runs one akhbar-index job — read the corpus, check and analyse
// each article, write the documents to the database.
//
// Reading, analysis (several threads) and writing run as a pipeline;
// documents are written in input order, so when an id occurs twice the
// later article wins. Every problem is written to `problems` as one line
// "file:line: id: what" as soon as it is found.
// A database that holds articles is updated in batched commits and is
// consistent at every commit: a crash loses at most the batch in flight,
// and re-running the job completes it (ids are unique). A new, empty one is
// built in shards by several writer threads and merged at the end
// (bulk_builder.h), unless settings.bulk is off: a crash there loses the
// job, which a re-run does again.
// One job at a time writes a database: the job lock (job_lock.h) is held
// from before the database is opened to the end of a bulk build's merge.
// Throws IndexError, with one line, if the database cannot be written: locked
// by another job, not writable, not a directory, or a Xapian database that
// holds documents but is not Akhbar's (schema.h: kSchemaKey); and on a fatal
// error of any stage (a write error, or an exception such as std::bad_alloc
// in the reading or analysis threads), after every thread has stopped.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "entities/gazetteer.h"
#include "index_settings.h"
#include "job_lock.h"

namespace akhbar {

struct IndexError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct IndexSummary {
  size_t read = 0;      // articles handed over by the readers
  size_t indexed = 0;   // written (new or replacing)
  size_t replaced = 0;  // of those, replacing an article already indexed
  size_t rejected = 0;  // articles or files lost, with a reported reason
  size_t warnings = 0;  // problems that lost nothing
  size_t other_partition = 0;  // read but left to another partition (--partition)
  std::map<std::string, size_t> rejection_reasons;
  double seconds = 0;
  // Of `seconds`, the time the pipeline's writing stage spent inside Xapian
  // (adding, replacing, committing): where the time goes when it is most of
  // it. In a bulk build, the time it waited for the writer threads' queues
  // and the final merge.
  double write_seconds = 0;
  size_t database_docs = 0;  // documents in the database at the end
};

IndexSummary run_index(const IndexSettings& settings, std::ostream& problems);

// The parts of run_index, for a caller that runs several jobs at once
// (sharded_index.h). set_flush_threshold sets the process's environment:
// call it before starting threads. load_job_gazetteer reports the
// gazetteer's problems as warnings counted in `summary`; nullopt when
// settings.entities is off. run_index_job runs one job with that gazetteer
// (nullptr: no entities); it may run in several threads at once on
// different databases.
void set_flush_threshold(size_t commit_every);
// Throws IndexError unless `lock`, the job lock of the database at `path`,
// was taken.
void check_job_lock(const JobLock& lock, const std::string& path);
std::optional<Gazetteer> load_job_gazetteer(const IndexSettings& settings, std::ostream& problems,
                                            IndexSummary& summary);
IndexSummary run_index_job(const IndexSettings& settings, const Gazetteer* gazetteer,
                           std::ostream& problems);

// The summary as the user sees it, several lines.
std::string format_summary(const IndexSummary& summary);

}  // namespace akhbar
