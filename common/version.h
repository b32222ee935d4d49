// Version: what `--version` prints for every tool: the project's version,
// and the git commit it was built from when built from a checkout
// ("0.2 (git 1a2b3c4d5e)"). Defined in a source generated at build time
// (cmake/version.cmake).
#pragma once

#include <ostream>

namespace akhbar {

extern const char* const kVersion;

// "akhbar-search 0.2 (git …)", a line on what Akhbar is, and where the
// tool finds its data (data_dir.h) or why it finds none.
void print_version(std::ostream& out, const char* tool);

}  // namespace akhbar
