// ConllDocument: sentences of a token-per-line (CoNLL) file joined into one
// text, as the entity extractor and the learned tagger read them, with the
// map from the text's tokens (tokenizer.h) back to the input tokens.
//
// The text is the tokens of each sentence joined by one space, one sentence
// per line, so a sentence end is a line break between tokens. An input token
// may give no token (punctuation) or several. Immutable once built.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "text/tokenizer.h"

namespace akhbar {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // each token's last column, "O" if it has none
  bool starts_document = false;  // after a -DOCSTART- line
};

struct ConllDocument {
  std::string text;
  std::vector<Token> tokens;                      // tokenize(text)
  std::vector<size_t> source;                     // token → index into position
  std::vector<std::pair<size_t, size_t>> position;  // input token → (sentence, index)
};

// The document made of sentences [first, last).
// REQUIRES: first <= last <= sentences.size().
ConllDocument make_conll_document(const std::vector<ConllSentence>& sentences, size_t first,
                                  size_t last);

}  // namespace akhbar
