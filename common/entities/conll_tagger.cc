#include "entities/conll_tagger.h"

#include <algorithm>

#include "entities/ner_span.h"

namespace akhbar {
namespace {

// Tags the sentences [first, last) as one document.
void tag_document(const EntityExtractor& extractor, const std::vector<ConllSentence>& sentences,
                  size_t first, size_t last, std::vector<std::vector<std::string>>& tags) {
  const ConllDocument doc = make_conll_document(sentences, first, last);
  for (const NerSpan& span : extractor.find_names(doc.text, doc.tokens)) {
    const size_t from = doc.source[span.first];
    const size_t to = doc.source[span.last];
    bool free = true;
    for (size_t t = from; t <= to; ++t) {
      free = free && tags[doc.position[t].first][doc.position[t].second] == "O";
    }
    if (!free) continue;
    for (size_t t = from; t <= to; ++t) {
      tags[doc.position[t].first][doc.position[t].second] =
          ner_label_name(t == from ? begin_label(span.kind) : inside_label(span.kind));
    }
  }
}

}  // namespace

std::vector<ConllSentence> read_conll(std::istream& in) {
  std::vector<ConllSentence> sentences;
  ConllSentence current;
  bool new_document = false;
  auto flush = [&] {
    if (current.tokens.empty()) return;
    sentences.push_back(std::move(current));
    current = ConllSentence{};
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t begin = line.find_first_not_of(" \t");
    if (begin == std::string::npos) {
      flush();
      continue;
    }
    const size_t end = line.find_first_of(" \t", begin);
    std::string token = line.substr(begin, end == std::string::npos ? end : end - begin);
    const size_t tag_end = line.find_last_not_of(" \t");
    const size_t tag_begin = line.find_last_of(" \t", tag_end) + 1;  // 0 when one field
    const bool has_tag = end != std::string::npos && line.find_first_not_of(" \t", end) != std::string::npos;
    std::string tag = has_tag ? line.substr(tag_begin, tag_end + 1 - tag_begin) : "O";
    if (token == "-DOCSTART-") {
      flush();
      new_document = true;
      continue;
    }
    if (current.tokens.empty()) {
      current.starts_document = new_document;
      new_document = false;
    }
    current.tokens.push_back(std::move(token));
    current.tags.push_back(std::move(tag));
  }
  flush();
  return sentences;
}

std::vector<std::vector<std::string>> tag_conll(const EntityExtractor& extractor,
                                                const std::vector<ConllSentence>& sentences,
                                                const ConllOptions& options) {
  std::vector<std::vector<std::string>> tags;
  tags.reserve(sentences.size());
  for (const ConllSentence& s : sentences) tags.emplace_back(s.tokens.size(), "O");
  for (const auto& [first, last] : conll_documents(sentences, 0, sentences.size(), options)) {
    tag_document(extractor, sentences, first, last, tags);
  }
  return tags;
}

std::vector<std::pair<size_t, size_t>> conll_documents(const std::vector<ConllSentence>& sentences,
                                                       size_t first, size_t last,
                                                       const ConllOptions& options) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = first;
  for (size_t s = first + 1; s <= last; ++s) {
    const bool end = s == last || sentences[s].starts_document ||
                     (options.document_sentences > 0 && s - start >= options.document_sentences);
    if (!end) continue;
    out.emplace_back(start, s);
    start = s;
  }
  return out;
}

void write_conll(std::ostream& out, const std::vector<ConllSentence>& sentences,
                 const std::vector<std::vector<std::string>>& tags) {
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t k = 0; k < sentences[s].tokens.size(); ++k) {
      out << sentences[s].tokens[k] << '\t' << tags[s][k] << '\n';
    }
    out << '\n';
  }
}

}  // namespace akhbar
