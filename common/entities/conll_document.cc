#include "entities/conll_document.h"

#include <algorithm>

namespace akhbar {

ConllDocument make_conll_document(const std::vector<ConllSentence>& sentences, size_t first,
                                  size_t last) {
  ConllDocument doc;
  std::vector<size_t> starts;  // byte offset of each input token
  for (size_t s = first; s < last; ++s) {
    for (size_t k = 0; k < sentences[s].tokens.size(); ++k) {
      if (k > 0) doc.text += ' ';
      starts.push_back(doc.text.size());
      doc.position.emplace_back(s, k);
      doc.text += sentences[s].tokens[k];
    }
    doc.text += '\n';
  }
  doc.tokens = tokenize(doc.text);
  doc.source.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), t.begin);
    doc.source.push_back(static_cast<size_t>(it - starts.begin()) - 1);
  }
  return doc;
}

}  // namespace akhbar
