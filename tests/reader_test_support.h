// Helpers for the corpus reader tests: run a reader on a buffer or on files
// and keep what it hands over; write gzip files. Not part of the product.
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "readers/corpus_reader.h"

namespace akhbar::testing {

struct ReadResult {
  size_t count = 0;  // what read_corpus/read_buffer returned
  std::vector<Article> articles;
  std::vector<Problem> problems;

  // Problems whose text contains `text`, of the given severity.
  size_t errors_with(const std::string& text) const { return count_with(text, true); }
  size_t warnings_with(const std::string& text) const { return count_with(text, false); }
  size_t errors() const { return errors_with(""); }
  size_t warnings() const { return warnings_with(""); }

  // All problems, one per line, for INFO().
  std::string report() const {
    std::string out;
    for (const Problem& p : problems) {
      out += (p.severity == Problem::Severity::Error ? "E " : "W ") + p.to_string() + "\n";
    }
    return out;
  }

 private:
  size_t count_with(const std::string& text, bool error) const {
    size_t n = 0;
    for (const Problem& p : problems) {
      n += (p.severity == Problem::Severity::Error) == error &&
           p.what.find(text) != std::string::npos;
    }
    return n;
  }
};

inline ReadResult read_buffer_for_test(const std::string& name, const std::string& content,
                                       const ReaderOptions& options = {}) {
  ReadResult r;
  r.count = read_buffer(
      name, content, options, [&](Article&& a) { r.articles.push_back(std::move(a)); },
      [&](const Problem& p) { r.problems.push_back(p); });
  return r;
}

inline ReadResult read_corpus_for_test(const std::vector<std::string>& paths,
                                       const ReaderOptions& options = {}) {
  ReadResult r;
  r.count = read_corpus(
      paths, options, [&](Article&& a) { r.articles.push_back(std::move(a)); },
      [&](const Problem& p) { r.problems.push_back(p); });
  return r;
}

inline void write_gzip(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb9");
  if (f == nullptr) throw std::runtime_error("cannot write " + path);
  const int written = content.empty() ? 0 : gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  if (written != static_cast<int>(content.size())) throw std::runtime_error("gzwrite " + path);
}

}  // namespace akhbar::testing
