// BulkBuilder: writes the documents of a job into a database that holds none
// yet, faster than adding them to it one commit at a time
// (docs/performance.md).
//
// Why: a Xapian database has one writer, and the writer's work (inverting
// each document, building the B-trees, compressing the stored text) is two
// thirds of a job's CPU time; analysis is the rest. Separate databases can be
// written by several threads at once, and merging them by compaction is
// cheap. So each of `writers` threads writes its
// own shard beside the target, batches of `shard_docs` documents going to
// the writers in turn, each batch one commit; at the end the target (its
// metadata: facet dictionary, display names) and the shards are merged into
// one compact database that replaces the target. One shard per writer, not
// one per batch: compaction keeps each source's posting chunks, and many
// shards make the postings larger.
// Docids follow input order within a writer's shard, not across shards.
//
// Contract: the target holds no document when the builder starts, the
// caller owns the target's WritableDatabase for metadata and closes it
// before finish(); one thread calls write() and finish(). An id written
// twice keeps its later document (the earlier one is deleted from its
// shard). Until finish() returns the target holds no document: a crash
// loses the job, not the archive, and the next run starts again from an
// empty target. The shards live in `target` + ".bulk" and are removed by
// finish() or the destructor. A Xapian error of a writer thread is thrown
// by the next write() or by finish().
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "work_queue.h"

namespace akhbar {

class BulkBuilder {
 public:
  // `spelling`: the merge also compacts databases of the shards' spelling
  // data, written once from their vocabulary (index/spelling.h).
  BulkBuilder(std::string target, size_t shard_docs, unsigned writers, bool spelling = true);
  ~BulkBuilder();
  BulkBuilder(const BulkBuilder&) = delete;
  BulkBuilder& operator=(const BulkBuilder&) = delete;

  // Queues `doc` under its unique id term, which `doc` carries; returns
  // true if it replaces a document written earlier in this job.
  bool write(const std::string& id_term, Xapian::Document doc);

  // Waits for the writers, then merges the target and the shards into the
  // target. Returns the number of documents of the result.
  Xapian::doccount finish();

 private:
  // For a writer thread: add (doc) or delete (no doc) `term` in its shard.
  struct Op {
    std::string term;
    std::optional<Xapian::Document> doc;
  };
  void run_writer(size_t writer);
  void stop_writers();
  void rethrow_writer_error();
  std::string shard_path(size_t writer) const;
  // The target and every writer's shard, read as one database.
  Xapian::Database target_and_shards() const;
  // Adds to `sources` databases beside the shards that hold only the
  // shards' spelling data, one per writer, written by as many threads.
  void add_spelling_sources(Xapian::Database& sources) const;
  std::string spelling_path(unsigned part) const;

  std::string target_, folder_;
  size_t shard_docs_;
  bool spelling_;
  size_t next_writer_ = 0;  // the writer of the batch being queued
  size_t in_batch_ = 0;     // documents queued in that batch
  // id term → the writer whose shard holds its document.
  std::unordered_map<std::string, size_t> writer_of_;
  std::vector<std::unique_ptr<WorkQueue<Op>>> queues_;  // one per writer
  std::vector<std::thread> writers_;
  std::mutex error_mutex_;
  std::exception_ptr error_;
  bool finished_ = false;
};

}  // namespace akhbar
