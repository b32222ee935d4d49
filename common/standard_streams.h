// Standard streams: what every tool does with file descriptors 0, 1 and 2
// before it opens anything, and with its output before it exits.
//
// A tool started with a standard stream closed (`<&-`, `>&-`) would hand
// that number to the next file it opens (a database table), then read
// queries from it or write results into it. guard_standard_streams() opens
// /dev/null on each closed one and says which were closed, so that the tool
// can refuse the run that needs them.
// Not thread-safe: call once at the start of main().
#pragma once

#include <ostream>
#include <string>

namespace akhbar {

struct StandardStreams {
  bool in_closed = false, out_closed = false, err_closed = false;
};

StandardStreams guard_standard_streams();

enum class OutputState { Written, ReaderGone, Failed };

// Flushes `out` (standard output or a file), right after the last write to
// it, and says whether everything
// written reached it: ReaderGone when a pipe's reader closed it (as `| head`
// does: not an error, the tool stops quietly), Failed for any other write
// error, with its reason in `why` (e.g. "No space left on device").
// REQUIRES: SIGPIPE ignored, so that a closed pipe shows as EPIPE.
OutputState finish_output(std::ostream& out, std::string* why = nullptr);

}  // namespace akhbar
