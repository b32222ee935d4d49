// IndexOptions: parses akhbar-index's command line into IndexSettings.
//
// parse_index_options() returns the settings, or throws UsageError with a
// one-line message; `--help` sets `help_text` and returns.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "index_settings.h"

namespace akhbar {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct IndexCommand {
  IndexSettings settings;
  std::string data_dir;   // --data-dir ("" when not given: data_dir.h)
  std::string help_text;  // non-empty: print it and exit 0
  bool version = false;   // --version: print it and exit 0
  // --delete ID... and --delete-from FILE (deleter.h): delete these ids
  // instead of indexing (`deleting` even when the list is empty).
  bool deleting = false;
  std::vector<std::string> delete_ids;
};

IndexCommand parse_index_options(int argc, const char* const argv[]);

}  // namespace akhbar
