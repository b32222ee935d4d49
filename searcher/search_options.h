// SearchOptions: parses akhbar-search's command line into a SearchCommand
// (the request plus how to run and print it), validating every value.
// Throws UsageError with a one-line message; `--help` fills help_text.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "output/terminal.h"
#include "search_request.h"

namespace akhbar {

struct SearchUsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SearchCommand {
  std::vector<std::string> db_paths;
  std::vector<std::string> gazetteer_files;  // --gazetteer
  SearchRequest request;      // query empty when --batch
  std::string batch_file;     // --batch: one query per line ("-" = stdin)
  bool json = false;
  ColorMode color = ColorMode::Auto;
  bool allow_partial = false;  // --allow-partial: answer without remote shards that are down
  std::string data_dir;       // --data-dir ("" when not given: data_dir.h)
  std::string help_text;      // non-empty: print it and exit 0
  bool version = false;       // --version: print the version and exit 0
  // Terminal output (output/terminal.h, docs/terminal.md).
  std::string show_id;        // --show ID: print this stored article
  BidiMode bidi = BidiMode::Auto;
  bool no_pager = false;      // --no-pager
  bool interactive = false;   // no QUERY on a terminal: the prompt (interactive/session.h)
};

// `on_terminal`: standard input and output are terminals; then a command
// line without QUERY opens the interactive mode instead of being refused.
SearchCommand parse_search_options(int argc, const char* const argv[], bool on_terminal = false);

}  // namespace akhbar
