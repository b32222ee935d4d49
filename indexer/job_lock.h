// JobLock: keeps a second akhbar-index job away from a database for the
// whole of a job, the final merge of a bulk build included.
//
// Xapian's own write lock lives inside the database directory and is
// released when the writer closes; a bulk build (bulk_builder.h) must close
// the target before it merges its shards and swaps the merged database in,
// and another writer could then take the target and remove the shards. The
// job lock is an exclusive flock() on the file `db_path` + ".lock" beside
// the database, taken before the database is opened and held until the
// object is destroyed; the file is left in place (removing a lock file
// races with the next job that opens it). A lock held by another open file
// description, in this process or another, counts as held.
#pragma once

#include <stdexcept>
#include <string>

namespace akhbar {

class JobLock {
 public:
  enum class Outcome { Taken, Held, Failed };

  // Tries to take the lock once, without waiting. On Failed, error()
  // says why (e.g. "Permission denied").
  explicit JobLock(const std::string& db_path);
  ~JobLock();
  JobLock(const JobLock&) = delete;
  JobLock& operator=(const JobLock&) = delete;

  Outcome outcome() const { return outcome_; }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  Outcome outcome_ = Outcome::Failed;
  std::string error_;
};

}  // namespace akhbar
