#include "sharded_index.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#include <xapian.h>

#include "job_lock.h"

namespace akhbar {
namespace {
namespace fs = std::filesystem;

std::string shard_name(uint32_t k) { return "shard-" + std::to_string(k); }

std::string stub_path(const std::string& dir) { return dir + "/XAPIANDB"; }

// The shard lines of a stub, in order; throws IndexError on any other line.
uint32_t read_stub(const std::string& dir) {
  std::ifstream in(stub_path(dir));
  if (!in) throw IndexError("cannot read " + stub_path(dir));
  std::string line;
  uint32_t shards = 0;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (line != "auto " + shard_name(shards + 1)) {
      throw IndexError(stub_path(dir) + ":" + std::to_string(number) + ": '" + line +
                       "' is not a shard akhbar-index wrote (auto shard-" +
                       std::to_string(shards + 1) +
                       "): not written; index each shard where it is, with --partition K/N");
    }
    ++shards;
  }
  if (shards == 0) throw IndexError(stub_path(dir) + " names no shard: not written");
  return shards;
}

void write_stub(const std::string& dir, uint32_t shards) {
  const std::string tmp = stub_path(dir) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# akhbar-index: an archive of " << shards << " shards; shard K holds partition K/"
        << shards << " (README: Scaling out)\n";
    for (uint32_t k = 1; k <= shards; ++k) out << "auto " << shard_name(k) << '\n';
    out.flush();
    if (!out) throw IndexError("cannot write " + tmp);
  }
  std::error_code ec;
  fs::rename(tmp, stub_path(dir), ec);
  if (ec) throw IndexError("cannot write " + stub_path(dir) + ": " + ec.message());
}

// A folder a first sharded build was killed in holds shards only (and
// their locks and bulk folders): it may be built again.
bool holds_only_shards(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind("shard-", 0) != 0) return false;
  }
  return !ec;
}

// Checks what `dir` is against --shards; returns the number of shards.
uint32_t shards_to_build(const IndexSettings& settings) {
  const std::string& dir = settings.db_path;
  const std::optional<uint32_t> existing = sharded_archive_shards(dir);
  if (existing && settings.shards != 0 && settings.shards != *existing) {
    throw IndexError("database " + dir + " has " + std::to_string(*existing) +
                     " shards, not " + std::to_string(settings.shards) +
                     ": not written (an archive keeps its number of shards)");
  }
  if (!existing) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && holds_only_shards(dir))) {
      throw IndexError("database " + dir +
                       " exists and is not a sharded archive: --shards builds a new archive "
                       "or adds to one");
    }
  }
  if (settings.partition.count > 1) {
    throw IndexError("database " + dir +
                     " is a sharded archive: its jobs route each article to its shard, so "
                     "--partition is not for it");
  }
  return existing ? *existing : settings.shards;
}

void add_summary(IndexSummary& total, const IndexSummary& part) {
  total.read = std::max(total.read, part.read);  // every job reads the whole input
  total.indexed += part.indexed;
  total.replaced += part.replaced;
  total.rejected += part.rejected;
  total.warnings += part.warnings;
  for (const auto& [reason, count] : part.rejection_reasons) total.rejection_reasons[reason] += count;
  total.write_seconds = std::max(total.write_seconds, part.write_seconds);
  total.database_docs += part.database_docs;
}

struct ShardJob {
  IndexSettings settings;
  std::ostringstream problems;
  IndexSummary summary;
  std::string error;
};

// Runs one shard's job; nothing leaves the thread, every error is kept.
void run_shard_job(ShardJob& job, const Gazetteer* gazetteer) {
  try {
    job.summary = run_index_job(job.settings, gazetteer, job.problems);
  } catch (const Xapian::Error& e) {
    job.error = e.get_description();
  } catch (const std::exception& e) {
    job.error = e.what();
  } catch (...) {
    job.error = "unknown error";
  }
}

// One job per shard, all at once; returns them ended.
std::vector<std::unique_ptr<ShardJob>> run_shard_jobs(const IndexSettings& settings, uint32_t shards,
                                                      const Gazetteer* gazetteer) {
  const unsigned cores = settings.threads > 0 ? settings.threads
                                              : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<ShardJob>> jobs;
  for (uint32_t k = 1; k <= shards; ++k) {
    auto job = std::make_unique<ShardJob>();
    job->settings = settings;
    job->settings.db_path = settings.db_path + "/" + shard_name(k);
    job->settings.partition = Partition{k, shards};
    job->settings.reports_unpartitioned = k == 1;
    job->settings.threads = std::max(1u, cores / shards);
    job->settings.progress = false;
    jobs.push_back(std::move(job));
  }
  std::vector<std::thread> threads;
  std::string not_started;
  for (auto& job : jobs) {
    ShardJob* j = job.get();
    try {
      threads.emplace_back([j, gazetteer] { run_shard_job(*j, gazetteer); });
    } catch (const std::system_error& e) {  // the jobs started still end
      j->error = std::string("cannot start a thread: ") + e.what();
    }
  }
  for (std::thread& t : threads) t.join();
  return jobs;
}

IndexSummary run_sharded_index(const IndexSettings& settings, uint32_t shards, std::ostream& problems) {
  const auto start = std::chrono::steady_clock::now();
  set_flush_threshold(settings.commit_every);
  IndexSummary summary;
  const std::optional<Gazetteer> gazetteer = load_job_gazetteer(settings, problems, summary);
  std::error_code ec;
  fs::create_directories(settings.db_path, ec);
  if (ec) throw IndexError("cannot create " + settings.db_path + ": " + ec.message());
  const auto jobs = run_shard_jobs(settings, shards, gazetteer ? &*gazetteer : nullptr);
  std::string error;
  for (const auto& job : jobs) {
    problems << job->problems.str();
    add_summary(summary, job->summary);
    if (!job->error.empty() && error.empty()) error = job->settings.db_path + ": " + job->error;
  }
  if (!error.empty()) throw IndexError(error);
  if (!fs::exists(stub_path(settings.db_path), ec)) write_stub(settings.db_path, shards);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace

std::optional<uint32_t> sharded_archive_shards(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || !fs::exists(stub_path(dir), ec)) return std::nullopt;
  return read_stub(dir);
}

IndexSummary index_archive(const IndexSettings& settings, std::ostream& problems) {
  std::error_code ec;
  const bool stub = fs::is_directory(settings.db_path, ec) && fs::exists(stub_path(settings.db_path), ec);
  if (settings.shards == 0 && !stub) return run_index(settings, problems);
  const JobLock lock(settings.db_path);  // the archive's, beside DIR
  check_job_lock(lock, settings.db_path);
  return run_sharded_index(settings, shards_to_build(settings), problems);
}

}  // namespace akhbar
