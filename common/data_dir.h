// Data directory: where a tool finds Akhbar's data (the gazetteers under
// gazetteer/, the entity model), whether it runs from the build tree, from
// an installed prefix, or from a copy of that prefix moved elsewhere.
//
// Looked for, in order: the tool's --data-dir option; the environment
// variable AKHBAR_DATA_DIR; <the executable's folder>/../share/akhbar (an
// installed or relocated prefix); the directory configured at build time
// (the source tree's corpus/ for a build tree). The first that is given
// (the option, the variable) or that holds a gazetteer/ folder (the others)
// wins; a given one that does not hold the data is an error, not a
// fall-through.
// find_data_dir() is thread-safe (it reads the environment and
// /proc/self/exe only); data_dir() resolves once per process, after
// use_data_dir_option() if main() calls it (before any thread starts).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace akhbar {

struct DataDirError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The data directory, by the order above. `option`: the value of
// --data-dir ("" when not given). Throws DataDirError naming every place
// looked at when none holds the data.
std::string find_data_dir(const std::string& option = "");

// The process's data directory, resolved at the first call: the option
// given to use_data_dir_option(), else find_data_dir(). Gazetteer::default_dir()
// and the entity model read it. Throws DataDirError as find_data_dir().
const std::string& data_dir();

// The tool's --data-dir value (may be ""), for data_dir(); checked here,
// so a directory that does not exist is a usage error at once.
// REQUIRES: called before data_dir(), from one thread.
void use_data_dir_option(const std::string& option);

// The places find_data_dir() looks at when nothing is given, in order: for
// --help texts and error messages.
std::vector<std::string> default_data_dirs();

// The help text line shared by the tools' --data-dir option.
inline constexpr const char* kDataDirHelp =
    "directory of Akhbar's data (gazetteers, entity model); default: $AKHBAR_DATA_DIR, "
    "else ../share/akhbar beside the executable, else the directory configured at build time";

}  // namespace akhbar
