// IndexSettings: everything akhbar-index was asked to do, validated.
// Filled by the command line (options.cc), read by the indexer (indexer.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "article_check.h"
#include "readers/corpus_reader.h"
#include "index/document_builder.h"
#include "partition.h"

namespace akhbar {

struct IndexSettings {
  std::string db_path;
  std::vector<std::string> inputs;  // files and directories
  ReaderOptions reader;
  ArticleCheckOptions check;
  BuildOptions build;
  std::vector<std::string> gazetteers;  // extra gazetteer files (--gazetteer)
  size_t commit_every = 2000;  // articles per commit (measured: larger batches slow Xapian down)
  unsigned threads = 0;         // analysis threads; 0 = one per core
  bool entities = true;          // extract places and actors
  bool spelling = true;          // spelling data for "did you mean" (index/spelling.h)
  bool bulk = true;              // a new database is built in shards (bulk_builder.h)
  bool progress = false;        // show a progress line (a terminal is watching)
  // --partition K/N: only the articles of partition K of N (partition.h);
  // the others are read and passed over, not rejected.
  Partition partition;
  // Whether this job reports the reader's problems that belong to no
  // article (a file that cannot be read): off for all but one of the
  // jobs of a sharded build, which read the same input.
  bool reports_unpartitioned = true;
  // --shards N: build (or add to) a sharded archive of N shards
  // (sharded_index.h); 0: not asked.
  uint32_t shards = 0;
  // For tests: called when a bulk build has closed the target and is about
  // to merge its shards (the moment another job must still find it locked).
  std::function<void()> before_merge;
};

}  // namespace akhbar
