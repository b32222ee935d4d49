#include "bulk_builder.h"

#include <sys/resource.h>

#include <filesystem>
#include <system_error>

namespace akhbar {
namespace fs = std::filesystem;

namespace {

// Compacting opens every table of every shard at once (four files each);
// a large job has more than the default soft limit of 1,024 descriptors.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

BulkBuilder::BulkBuilder(std::string target, size_t shard_docs, unsigned writers)
    : target_(std::move(target)), folder_(target_ + ".bulk"), shard_docs_(shard_docs) {
  std::error_code ec;
  fs::remove_all(folder_, ec);  // shards of a job that did not finish
  fs::create_directories(folder_);
  // A writer may lag a whole shard behind the next one being queued.
  for (unsigned i = 0; i < std::max(1u, writers); ++i) {
    queues_.push_back(std::make_unique<WorkQueue<Op>>(shard_docs_ + 1));
  }
  for (auto& q : queues_) writers_.emplace_back([this, &q] { run_writer(*q); });
}

BulkBuilder::~BulkBuilder() {
  stop_writers();
  std::error_code ec;
  fs::remove_all(folder_, ec);
  if (!finished_) fs::remove_all(target_ + ".merged", ec);
}

std::string BulkBuilder::shard_path(size_t shard) const {
  return folder_ + "/" + std::to_string(shard);
}

void BulkBuilder::run_writer(WorkQueue<Op>& ops) {
  std::optional<Xapian::WritableDatabase> db;
  size_t open = 0;
  bool failed = false;
  while (std::optional<Op> op = ops.pop()) {
    if (failed) continue;  // drain, so that write() never blocks
    try {
      if (!db || op->shard != open) {
        if (op->doc) {
          // This writer's shards come in increasing order: the open one is done.
          if (db) db->commit(), db->close();
          db.emplace(shard_path(op->shard), Xapian::DB_CREATE);
          open = op->shard;
        } else {
          // A later duplicate of an id in one of this writer's closed shards.
          Xapian::WritableDatabase older(shard_path(op->shard), Xapian::DB_OPEN);
          older.delete_document(op->term);
          older.commit();
          continue;
        }
      }
      if (op->doc) {
        db->replace_document(op->term, *op->doc);  // replaces within the shard
      } else {
        db->delete_document(op->term);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex_);
      if (!error_) error_ = std::current_exception();
      failed = true;
    }
  }
  try {
    if (db && !failed) db->commit(), db->close();
  } catch (...) {
    std::lock_guard<std::mutex> lock(error_mutex_);
    if (!error_) error_ = std::current_exception();
  }
}

void BulkBuilder::stop_writers() {
  for (auto& q : queues_) q->close();
  for (std::thread& t : writers_) {
    if (t.joinable()) t.join();
  }
}

void BulkBuilder::rethrow_writer_error() {
  std::lock_guard<std::mutex> lock(error_mutex_);
  if (error_) std::rethrow_exception(error_);
}

bool BulkBuilder::write(const std::string& id_term, Xapian::Document doc) {
  rethrow_writer_error();
  if (shards_ == 0 || in_current_ >= shard_docs_) {
    ++shards_;
    in_current_ = 0;
  }
  const size_t here = shards_ - 1;
  auto [it, fresh] = shard_of_.try_emplace(id_term, here);
  const bool moved = !fresh && it->second != here;
  if (moved) {
    // Delete the earlier document where it is, so that the merge keeps
    // only the later one. Rare: an id twice in one job.
    queues_[it->second % queues_.size()]->push(Op{it->second, id_term, std::nullopt});
    it->second = here;
  }
  queues_[here % queues_.size()]->push(Op{here, id_term, std::move(doc)});
  if (fresh || moved) ++in_current_;
  return !fresh;
}

Xapian::doccount BulkBuilder::finish() {
  stop_writers();
  rethrow_writer_error();
  raise_open_file_limit();
  const std::string merged = target_ + ".merged";
  std::error_code ec;
  fs::remove_all(merged, ec);
  {
    Xapian::Database sources(target_);
    for (size_t s = 0; s < shards_; ++s) sources.add_database(Xapian::Database(shard_path(s)));
    sources.compact(merged);
  }
  // Swap the merged database in; the target held no document, so the brief
  // moment without one loses nothing.
  const std::string old = target_ + ".old";
  fs::remove_all(old, ec);
  fs::rename(target_, old);
  fs::rename(merged, target_);
  fs::remove_all(old, ec);
  fs::remove_all(folder_, ec);
  finished_ = true;
  return Xapian::Database(target_).get_doccount();
}

}  // namespace akhbar
