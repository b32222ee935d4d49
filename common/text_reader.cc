#include "text_reader.h"

namespace akhbar {

void read_text(InputStream& in, ArticleSink& sink, const std::string& id) {
  Article a;
  a.id = id;
  a.origin_line = 0;
  std::string line;
  while (in.read_line(&line)) {
    if (a.title.empty()) {
      a.title = line;
      trim(&a.title);
      continue;
    }
    a.body += line;
    a.body += '\n';
  }
  sink.deliver(std::move(a));
}

}  // namespace akhbar
