// CorpusReader: turns corpus files into Articles, one format per reader.
//
// read_corpus() walks files and directories (recursively, following no
// symlink loops), opens each file (gzip transparently, by magic number, not by
// name), picks the reader for the configured or detected format and hands
// each article to `on_article`. A problem with one article or one file is
// reported to `on_problem` and reading goes on with the next article or file:
// one broken record never loses the others. Problems are reported once each.
//
// Readers guarantee to `on_article`: valid UTF-8 in every field (invalid bytes
// replaced by U+FFFD, reported as a warning), no NUL bytes (removed, warned),
// origin_file/origin_line set, `date` parsed when the source had one it could
// read (an unreadable date is reported as a warning and left unknown).
// Readers do NOT reject empty or oversized articles: that is the indexer's
// policy (article_check.h). Not thread-safe; use one call per thread.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "article.h"

namespace akhbar {

enum class CorpusFormat { Auto, Trec, JsonLines, Json, Csv, Text };

// "auto", "trec", "jsonl", "json", "csv", "text"; nullopt for anything else.
std::optional<CorpusFormat> parse_corpus_format(const std::string& name);

struct Problem {
  enum class Severity { Warning, Error };  // Error: the article or file was lost
  Severity severity = Severity::Error;
  std::string file;
  size_t line = 0;   // 0 when the problem concerns the whole file
  std::string id;    // article id if known, else empty
  std::string what;  // one line, no trailing newline

  // "file:line: id: what" (parts that are unknown are left out).
  std::string to_string() const;
};

struct ReaderOptions {
  CorpusFormat format = CorpusFormat::Auto;
  // Canonical field (id, title, body, date, source, category, url, author) →
  // name of the field in the input, for JSON and CSV: --field body=content.
  std::map<std::string, std::string> field_map;
  // Date for articles that have none (the text format has none); --date.
  std::optional<Date> default_date;
};

using ArticleCallback = std::function<void(Article&&)>;
using ProblemCallback = std::function<void(const Problem&)>;

// Reads every path (file or directory). Returns the number of articles handed
// to on_article.
size_t read_corpus(const std::vector<std::string>& paths, const ReaderOptions& options,
                   const ArticleCallback& on_article, const ProblemCallback& on_problem);

// Reads one already-decompressed buffer, as if it were the file `name`.
// Format Auto detects from the content. For tests and fuzzing.
size_t read_buffer(const std::string& name, const std::string& content,
                   const ReaderOptions& options, const ArticleCallback& on_article,
                   const ProblemCallback& on_problem);

// A stable id for an article that has none: a hash of its title and body,
// printed as hex, prefixed "h".
std::string derive_article_id(const Article& article);

}  // namespace akhbar
