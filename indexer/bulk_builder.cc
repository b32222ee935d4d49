#include "bulk_builder.h"

#include <filesystem>
#include <system_error>

#include "index/spelling.h"

namespace akhbar {
namespace fs = std::filesystem;

BulkBuilder::BulkBuilder(std::string target, size_t shard_docs, unsigned writers, bool spelling)
    : target_(std::move(target)), folder_(target_ + ".bulk"), shard_docs_(shard_docs),
      spelling_(spelling) {
  std::error_code ec;
  fs::remove_all(folder_, ec);  // shards of a job that did not finish
  fs::create_directories(folder_);
  // A writer may lag a whole batch behind the one being queued.
  for (unsigned i = 0; i < std::max(1u, writers); ++i) {
    queues_.push_back(std::make_unique<WorkQueue<Op>>(shard_docs_ + 1));
  }
  try {
    for (size_t w = 0; w < queues_.size(); ++w) writers_.emplace_back([this, w] { run_writer(w); });
  } catch (...) {  // a thread that cannot start: stop the others before the error leaves
    stop_writers();
    std::error_code ec;
    fs::remove_all(folder_, ec);
    throw;
  }
}

BulkBuilder::~BulkBuilder() {
  stop_writers();
  std::error_code ec;
  fs::remove_all(folder_, ec);
  if (!finished_) fs::remove_all(target_ + ".merged", ec);
}

std::string BulkBuilder::shard_path(size_t writer) const {
  return folder_ + "/" + std::to_string(writer);
}

void BulkBuilder::run_writer(size_t writer) {
  WorkQueue<Op>& ops = *queues_[writer];
  try {
    Xapian::WritableDatabase db(shard_path(writer), Xapian::DB_CREATE);
    size_t since_commit = 0;
    while (std::optional<Op> op = ops.pop()) {
      if (op->doc) {
        db.replace_document(op->term, *op->doc);  // replaces within the shard
        if (++since_commit >= shard_docs_) {
          db.commit();
          since_commit = 0;
        }
      } else {
        db.delete_document(op->term);
      }
    }
    db.commit();
  } catch (...) {
    std::lock_guard<std::mutex> lock(error_mutex_);
    if (!error_) error_ = std::current_exception();
  }
  // After an error, keep draining so that write() never blocks.
  while (ops.pop()) {
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
  if (in_batch_ >= shard_docs_) {
    next_writer_ = (next_writer_ + 1) % queues_.size();
    in_batch_ = 0;
  }
  const size_t here = next_writer_;
  auto [it, fresh] = writer_of_.try_emplace(id_term, here);
  if (!fresh && it->second != here) {
    // Delete the earlier document from the other shard, so that the merge
    // keeps only the later one. Rare: an id twice in one job.
    queues_[it->second]->push(Op{id_term, std::nullopt});
    it->second = here;
  }
  queues_[here]->push(Op{id_term, std::move(doc)});
  ++in_batch_;
  return !fresh;
}

void BulkBuilder::add_spelling_sources(Xapian::Database& sources) const {
  // Each part reads the shards and writes its own database in its thread.
  const unsigned parts = static_cast<unsigned>(queues_.size());
  std::vector<std::exception_ptr> errors(parts);
  auto write_part = [&](unsigned part) {
    try {
      Xapian::WritableDatabase words(spelling_path(part), Xapian::DB_CREATE_OR_OVERWRITE);
      add_spelling_of_all(target_and_shards(), words, part, parts);
    } catch (...) {
      errors[part] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  try {
    for (unsigned part = 1; part < parts; ++part) threads.emplace_back(write_part, part);
  } catch (...) {  // a thread that cannot start: its part is written here
    for (unsigned part = static_cast<unsigned>(threads.size()) + 1; part < parts; ++part) write_part(part);
  }
  write_part(0);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  for (unsigned part = 0; part < parts; ++part) sources.add_database(Xapian::Database(spelling_path(part)));
}

Xapian::Database BulkBuilder::target_and_shards() const {
  Xapian::Database all(target_);
  for (size_t w = 0; w < queues_.size(); ++w) all.add_database(Xapian::Database(shard_path(w)));
  return all;
}

std::string BulkBuilder::spelling_path(unsigned part) const {
  return folder_ + "/spelling-" + std::to_string(part);
}

Xapian::doccount BulkBuilder::finish() {
  stop_writers();
  rethrow_writer_error();
  const std::string merged = target_ + ".merged";
  std::error_code ec;
  fs::remove_all(merged, ec);
  {
    Xapian::Database sources = target_and_shards();
    if (spelling_) add_spelling_sources(sources);
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
