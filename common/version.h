// Version: what `--version` prints for every tool: the project's version,
// and the git commit it was built from when built from a checkout
// ("0.2 (git 1a2b3c4d5e)"). Defined in a source generated at build time
// (cmake/version.cmake).
#pragma once

#include <ostream>

namespace akhbar {

extern const char* const kVersion;

// "akhbar-search 0.2 (git …)\n" and the licence line, as GNU tools print it.
inline void print_version(std::ostream& out, const char* tool) {
  out << tool << ' ' << kVersion << "\nAkhbar: full-text search for Arabic news archives.\n";
}

}  // namespace akhbar
