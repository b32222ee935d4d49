// TagOptions: parses akhbar-tag's command line into a TagCommand, checking
// every value. Throws TagUsageError with a one-line message; --help and
// --version fill help_text / version and return.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "entities/conll_tagger.h"

namespace akhbar {

struct TagUsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct TagCommand {
  std::string conll;                    // --conll FILE ('-': standard input)
  std::vector<std::string> gazetteers;  // --gazetteer FILE, repeatable
  std::string data_dir;                 // --data-dir ("" when not given: data_dir.h)
  ConllOptions options;
  std::string help_text;                // non-empty: print it and exit 0
  bool version = false;                 // --version: print it and exit 0
};

TagCommand parse_tag_options(int argc, const char* const argv[]);

}  // namespace akhbar
