#include "readers/text_reader.h"

#include <algorithm>

namespace akhbar {

void read_text(InputStream& in, ArticleSink& sink, const std::string& id) {
  const size_t max = sink.options().max_article_bytes;
  Article a;
  a.id = id;
  a.origin_line = 0;
  std::vector<std::string> warnings;
  std::string line;
  while (in.read_line(&line)) {
    if (a.title.empty()) {
      a.title = line;
      trim(&a.title);
    } else {
      a.body += line;
      a.body += '\n';
    }
    if (in.line_cut() || a.title.size() + a.body.size() > max) {
      cut_utf8(&a.body, max - std::min(max, a.title.size()));
      warnings.push_back("text longer than " + std::to_string(max) +
                         " bytes: cut, the rest of the file is not read");
      break;
    }
  }
  sink.deliver(std::move(a), warnings);
}

}  // namespace akhbar
