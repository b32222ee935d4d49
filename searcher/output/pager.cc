#include "output/pager.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace akhbar {

std::string pager_command(const char* pager_env) {
  const std::string command = pager_env && *pager_env ? pager_env : "less -R";
  return command == "cat" ? "" : command;
}

bool should_page(const std::string& text, size_t rows) {
  if (rows == 0) return true;
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) >= rows;
}

void page(const std::string& text, const std::string& command, std::ostream& fallback) {
  int fds[2];
  if (command.empty() || pipe(fds) != 0) {
    fallback << text;
    return;
  }
  fallback.flush();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    fallback << text;
    return;
  }
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    close(fds[1]);
    setenv("LESS", "FRX", 0);
    setenv("LV", "-c", 0);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[0]);
  // The reader may quit before the end (q in less): SIGPIPE is ignored by
  // akhbar-search, and a short write simply ends the output.
  size_t at = 0;
  while (at < text.size()) {
    const ssize_t n = write(fds[1], text.data() + at, text.size() - at);
    if (n <= 0) break;
    at += static_cast<size_t>(n);
  }
  close(fds[1]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) break;
  }
  const bool not_started = WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127);
  if (not_started) fallback << text;
}

}  // namespace akhbar
