// InputFile: what every corpus reader works with — the decompressed bytes of
// one input file, read line by line, and the sink its articles and problems
// go to.
//
// ByteSource gives the bytes of a file (gzip or plain, told apart by magic
// number) or of a buffer, and says afterwards whether the input ended cleanly
// or was damaged (truncated or corrupt gzip, read error). InputStream reads a
// source in lines, holding one buffer (streaming: memory does not grow with
// the file). ArticleSink applies the guarantees of corpus_reader.h to each
// article before handing it on. None of them is thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_reader.h"
#include "string_util.h"

namespace akhbar {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `out`; 0 at the end of the input or where it
  // is damaged.
  virtual size_t read(char* out, size_t n) = 0;
  // After read() returned 0: empty if the input ended cleanly, else what
  // went wrong, e.g. "truncated gzip".
  virtual std::string damage() const { return {}; }
};

// Opens `path`, decompressing it if it is gzip. nullptr, with *error set to
// the reason, if it cannot be opened.
std::unique_ptr<ByteSource> open_file_source(const std::string& path, std::string* error);

// The bytes of `content`, which must outlive the source.
std::unique_ptr<ByteSource> make_buffer_source(std::string_view content);

class InputStream {
 public:
  // Skips a UTF-8 byte order mark at the start. `source` must outlive this.
  // No line is held longer than `max_line_bytes` (see read_line()).
  explicit InputStream(ByteSource& source, size_t max_line_bytes = SIZE_MAX);

  // Up to `n` of the bytes not read yet, without consuming them.
  std::string_view peek(size_t n);

  // The next line, without its "\n" or "\r\n", in *line; false at the end.
  // A line longer than max_line_bytes is cut: *line holds its first
  // max_line_bytes bytes, the rest is read and dropped without being held,
  // and line_cut() is true until the next call.
  bool read_line(std::string* line);
  bool line_cut() const { return cut_; }

  // For readers that parse across lines (JSON): the next bytes of the
  // current line, at most `max` (at least 4), with the "\n" that ends the
  // line if it is among them, in *part; false at the end. A part ends at a
  // UTF-8 character boundary unless the bytes there are not UTF-8.
  // line_number() is the number of the line the part belongs to.
  bool read_part(std::string* part, size_t max);

  // 1-based number of the line last read; 0 before the first.
  size_t line_number() const { return line_; }

  // See ByteSource::damage(); meaningful once read_line() returned false.
  std::string damage() const { return source_.damage(); }

 private:
  bool fill();  // appends more input to the buffer; false at the end
  void skip_line();  // drops the rest of the current line

  ByteSource& source_;
  const size_t max_line_;
  std::string buffer_;
  size_t pos_ = 0;  // start of the unread bytes in buffer_
  bool end_ = false;
  size_t line_ = 0;
  bool cut_ = false;
  bool in_line_ = false;  // read_part() stopped inside a line
};

// The field of `article` named by a canonical field name ("date" is
// date_raw), or nullptr for an unknown name.
std::string* article_field(Article& article, std::string_view name);

class ArticleSink {
 public:
  // `file` is the name problems and articles carry. The references must
  // outlive the sink.
  ArticleSink(std::string file, const ReaderOptions& options, const ArticleCallback& on_article,
              const ProblemCallback& on_problem);

  const std::string& file() const { return file_; }
  const ReaderOptions& options() const { return options_; }

  // Reports a problem in this file; `what` is made one line of valid UTF-8.
  void report(Problem::Severity severity, size_t line, const std::string& id, std::string what);
  void warn(size_t line, const std::string& id, std::string what) {
    report(Problem::Severity::Warning, line, id, std::move(what));
  }
  void error(size_t line, const std::string& id, std::string what) {
    report(Problem::Severity::Error, line, id, std::move(what));
  }

  // Hands `article` on, after: removing NUL bytes and replacing invalid
  // UTF-8 (one warning each), trimming white space at both ends of every
  // field, parsing date_raw (an unreadable date is a warning;
  // with no date_raw, options().default_date applies), deriving an id when
  // there is none, and setting origin_file. `warnings` are the reader's own
  // findings about the article, reported with its final id.
  void deliver(Article&& article, const std::vector<std::string>& warnings = {});

  // Articles handed on so far.
  size_t delivered() const { return delivered_; }

 private:
  std::string file_;
  const ReaderOptions& options_;
  const ArticleCallback& on_article_;
  const ProblemCallback& on_problem_;
  size_t delivered_ = 0;
};

// Small text helpers the readers share.
void trim(std::string* s);                 // removes ASCII white space at both ends
bool is_blank(std::string_view s);         // only ASCII white space, or empty
// Shortens *s to at most `n` bytes, at a UTF-8 character boundary.
void cut_utf8(std::string* s, size_t n);

}  // namespace akhbar
