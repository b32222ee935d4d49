// Article: one news article as read from a corpus, before analysis.
//
// Readers fill it, analysis reads it. Plain value type; all text is UTF-8
// (readers repair invalid bytes before handing an article on). `origin_file`
// and `origin_line` say where the article started, for error messages.
#pragma once

#include <optional>
#include <string>

#include "date.h"

namespace akhbar {

struct Article {
  std::string id;        // unique within the index; derived from content when absent
  std::string title;
  std::string body;
  std::optional<Date> date;  // publication date; nullopt when unknown or unparseable
  std::string date_raw;      // the date exactly as the source wrote it
  std::string source;
  std::string category;
  std::string url;
  std::string author;

  std::string origin_file;  // path of the file the article came from
  size_t origin_line = 0;   // 1-based line where the article starts (0 = whole file)
};

}  // namespace akhbar
