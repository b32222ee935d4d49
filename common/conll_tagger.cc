#include "conll_tagger.h"

#include <algorithm>

#include "entity_lexicon.h"
#include "tokenizer.h"

namespace akhbar {
namespace {

const char* tag_type(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return "PERS";
    case EntityKind::Organization: return "ORG";
    default: return "LOC";
  }
}

// NER annotation leaves generic heads and epithets out of a name: مدينه
// [حلب], قطاع [غزه], شركه [موتورولا], [مكه] المكرمه.
void trim_to_name(const std::vector<Token>& tokens, EntityKind kind, size_t& first, size_t& last) {
  if (kind == EntityKind::Person) return;
  while (first < last && (lexicon::stem_classes(tokens[first].text) & lexicon::kNameHead)) ++first;
  while (kind == EntityKind::Place && first < last &&
         (lexicon::classes(tokens[last].text) & lexicon::kEpithet)) {
    --last;
  }
}

// Tags the sentences [first, last) as one document.
void tag_document(const EntityExtractor& extractor, const std::vector<ConllSentence>& sentences,
                  size_t first, size_t last, std::vector<std::vector<std::string>>& tags) {
  // The document as text: tokens joined by spaces, one sentence per line.
  std::string text;
  std::vector<size_t> starts;                       // byte offset of each input token
  std::vector<std::pair<size_t, size_t>> position;  // input token → (sentence, index)
  for (size_t s = first; s < last; ++s) {
    for (size_t k = 0; k < sentences[s].tokens.size(); ++k) {
      if (k > 0) text += ' ';
      starts.push_back(text.size());
      position.emplace_back(s, k);
      text += sentences[s].tokens[k];
    }
    text += '\n';
  }
  const std::vector<Token> tokens = tokenize(text);
  // The input token each word comes from.
  auto source = [&](size_t token) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), tokens[token].begin);
    return static_cast<size_t>(it - starts.begin()) - 1;
  };
  for (const Mention& m : extractor.find_mentions(text, tokens)) {
    if (!m.is_name) continue;
    size_t first = m.first_token;
    size_t last = m.last_token;
    trim_to_name(tokens, m.kind, first, last);
    const size_t from = source(first);
    const size_t to = source(last);
    bool free = true;
    for (size_t t = from; t <= to; ++t) {
      free = free && tags[position[t].first][position[t].second] == "O";
    }
    if (!free) continue;
    for (size_t t = from; t <= to; ++t) {
      tags[position[t].first][position[t].second] =
          std::string(t == from ? "B-" : "I-") + tag_type(m.kind);
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
  size_t first = 0;
  for (size_t s = 1; s <= sentences.size(); ++s) {
    const bool end = s == sentences.size() || sentences[s].starts_document ||
                     (options.document_sentences > 0 && s - first >= options.document_sentences);
    if (!end) continue;
    tag_document(extractor, sentences, first, s, tags);
    first = s;
  }
  return tags;
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
