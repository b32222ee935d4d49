#include "job_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace akhbar {

JobLock::JobLock(const std::string& db_path) : path_(db_path + ".lock") {
  fd_ = open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) {
    outcome_ = Outcome::Taken;
  } else if (errno == EWOULDBLOCK) {
    outcome_ = Outcome::Held;
  } else {
    error_ = std::strerror(errno);
  }
}

JobLock::~JobLock() {
  if (fd_ >= 0) close(fd_);  // releases the lock
}

}  // namespace akhbar
