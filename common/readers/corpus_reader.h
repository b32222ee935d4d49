// CorpusReader: turns corpus files into Articles, one format per reader.
//
// read_corpus() walks files and directories (recursively, in sorted order,
// skipping hidden entries, following a symlinked directory only once),
// opens each file (gzip transparently, by magic number, not by name), picks
// the reader for the configured or detected format and hands each article to
// `on_article`. A problem with one article or one file is reported to
// `on_problem` and reading goes on with the next article or file: one broken
// record never loses the others. Problems are reported once each. A damaged
// file (truncated or corrupt gzip, read error) keeps the articles read
// before the damage and is reported as an Error; so is a directory or an
// entry that cannot be read (permission denied, a dangling symlink). A
// special file (FIFO, socket, device) found in a directory is skipped with a
// warning.
//
// Format detection (CorpusFormat::Auto), on the decompressed content: "<DOC"
// at the start (after a BOM and white space) is TREC; "[" is JSON; "{" is
// JSON Lines, or JSON when the first line does not end the object; otherwise
// by extension (before any ".gz"): .csv .tsv CSV, .jsonl .ndjson JSON Lines,
// .json JSON, anything else text. A .txt, .csv or .tsv file is never taken
// for JSON. When Auto falls back to text: in a directory walked, only files
// named *.txt, *.text or without extension are read (others are skipped with
// a warning); a file with a NUL byte in its first 8 KiB is skipped as binary
// (a warning when walked, an Error when named). Explicit formats read every
// file.
//
// Readers guarantee to `on_article`: valid UTF-8 in every field (invalid bytes
// replaced by U+FFFD, reported as a warning), no NUL bytes (removed, warned),
// origin_file/origin_line set, white space trimmed at both ends of every
// field, a non-empty id (derive_article_id() when the source has none),
// `date` parsed when the source had one it could read (an unreadable date is
// reported as a warning and left unknown; with none, default_date applies).
// Readers do NOT reject empty or oversized articles: that is the indexer's
// policy (article_check.h). Not thread-safe; use one call per thread.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readers/article.h"

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

// The canonical fields of an article, as named in ReaderOptions::field_map.
inline constexpr const char* kArticleFields[] = {"id",     "title",    "body", "date",
                                                 "source", "category", "url",  "author"};

struct ReaderOptions {
  CorpusFormat format = CorpusFormat::Auto;
  // Canonical field (id, title, body, date, source, category, url, author) →
  // name of the field in the input, for JSON and CSV: --field body=content.
  // Default: see input_names().
  std::map<std::string, std::string> field_map;
  // Date for articles whose source gives none (the text format has none);
  // --date. An article whose date is present but unreadable keeps no date.
  std::optional<Date> default_date;
  // The most bytes of decompressed input one article may take (its line,
  // record or document, markup and escapes included): longer input is read
  // on and dropped, never held, whatever the size of the file. What each
  // format keeps: a text file, TREC record or JSON string is cut to this
  // length (warning); a CSV line or record, a JSON Lines line or JSON
  // element over twice this (JSON, once its strings are cut) is an Error
  // and is skipped (JSON: the rest of the file). See article_bytes_for().
  size_t max_article_bytes = 17u << 20;
};

// max_article_bytes for bodies of up to `max_body_bytes` (article_check.h):
// four times as much, for escapes (JSON writes an Arabic letter of 2 bytes
// as 6, "\u0627") and markup, and 1 MiB for the other fields.
size_t article_bytes_for(size_t max_body_bytes);

// The names under which JSON keys and CSV columns may hold canonical field
// `field`, best first, compared without regard to ASCII case: the
// field_map entry if there is one; else the field's own name and its
// aliases (id: docno; title: headline; body: text, content; date:
// published, pubdate, time; source: src; category: cat; url: link), leaving
// out names that field_map gives to another field.
std::vector<std::string> input_names(const std::string& field, const ReaderOptions& options);

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

// A stable id for an article that has none: "h" and the 64-bit FNV-1a hash
// of its title and body in 16 hex digits. Stable across builds and runs.
std::string derive_article_id(const Article& article);

}  // namespace akhbar
