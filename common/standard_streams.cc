#include "standard_streams.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>
#include <iostream>

namespace akhbar {
namespace {

bool reserve_if_closed(int fd, int flags) {
  if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) return false;
  const int opened = open("/dev/null", flags);
  if (opened >= 0 && opened != fd) {
    dup2(opened, fd);
    close(opened);
  }
  return true;
}

// A pipe or socket on `fd` whose other end is closed.
bool reader_gone(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) return false;
  struct pollfd p = {fd, POLLOUT, 0};
  return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
}

}  // namespace

StandardStreams guard_standard_streams() {
  StandardStreams s;
  // In order: open() takes the lowest free number, so 0 is filled first.
  s.in_closed = reserve_if_closed(STDIN_FILENO, O_RDONLY);
  s.out_closed = reserve_if_closed(STDOUT_FILENO, O_WRONLY);
  s.err_closed = reserve_if_closed(STDERR_FILENO, O_WRONLY);
  return s;
}

OutputState finish_output(std::ostream& out, std::string* why) {
  // errno is left as the failed write set it: the printers flush as they
  // finish, and nothing between that and this call touches it.
  out.flush();
  // std::cout writes through stdio (synced): its errors surface on fflush.
  const bool stdio_failed = fflush(stdout) != 0 || ferror(stdout);
  if (out && !(stdio_failed && &out == &std::cout)) return OutputState::Written;
  const int error = errno;
  const int fd = &out == &std::cout ? STDOUT_FILENO : -1;
  if (error == EPIPE || (fd >= 0 && reader_gone(fd))) return OutputState::ReaderGone;
  if (why) *why = error ? std::generic_category().message(error) : "write failed";
  return OutputState::Failed;
}

}  // namespace akhbar
