#include "match/shard_documents.h"

#include <exception>
#include <functional>
#include <system_error>
#include <thread>

namespace akhbar {
namespace {

// Runs call(k) for each k < n, k = 0 on this thread and the rest on threads
// of their own; rethrows the lowest k's exception once all have ended.
void for_each_shard(size_t n, const std::function<void(size_t)>& call) {
  std::vector<std::exception_ptr> failures(n);
  auto guarded = [&](size_t k) {
    try {
      call(k);
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  size_t k = 1;
  try {
    for (; k < n; ++k) threads.emplace_back(guarded, k);
  } catch (const std::system_error&) {  // no thread to be had: the rest here
  }
  for (size_t rest = k; rest < n; ++rest) guarded(rest);
  if (n > 0) guarded(0);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace

std::vector<Xapian::Document> fetch_documents(const std::vector<Xapian::Database>& shards,
                                              const std::vector<Xapian::docid>& docids) {
  const size_t n = shards.size();
  std::vector<Xapian::Document> docs(docids.size());
  if (n == 0) {
    if (!docids.empty()) throw Xapian::DocNotFoundError("no shard holds document " + std::to_string(docids[0]));
    return docs;
  }
  // Each shard with hits reads its own, in rank order.
  std::vector<std::vector<size_t>> by_shard(n);
  for (size_t i = 0; i < docids.size(); ++i) {
    if (docids[i] == 0) throw Xapian::DocNotFoundError("document 0 does not exist");
    by_shard[(docids[i] - 1) % n].push_back(i);
  }
  std::vector<size_t> busy;
  for (size_t k = 0; k < n; ++k) {
    if (!by_shard[k].empty()) busy.push_back(k);
  }
  for_each_shard(busy.size(), [&](size_t j) {
    const size_t k = busy[j];
    for (size_t i : by_shard[k]) docs[i] = shards[k].get_document((docids[i] - 1) / n + 1);
  });
  return docs;
}

}  // namespace akhbar
