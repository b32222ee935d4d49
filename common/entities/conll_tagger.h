// CoNLL tagging: runs the entity extractor over token-per-line text and
// writes BIO tags, the form in which named-entity taggers are evaluated.
//
// Input: one token per line, optionally followed by whitespace and a tag
// (the last column; kept in ConllSentence::tags, ignored by tagging), a blank line between sentences; a line "-DOCSTART-" starts a new
// document. Output: "token<TAB>TAG" for every input token, in order, TAG one
// of O, B-LOC, I-LOC, B-PERS, I-PERS, B-ORG, I-ORG; a blank line between
// sentences. Only proper names are tagged (EntityExtractor::find_names, with
// the learned model when the extractor has one): a nationality adjective is
// O, as in ANERcorp. Thread-safe (const use of the extractor).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "entities/conll_document.h"
#include "entities/entity_extractor.h"

namespace akhbar {

struct ConllOptions {
  // Sentences per document: names found in one help find them again in the
  // rest of its document. 0: a document runs to the next -DOCSTART- (or the
  // end of the input).
  size_t document_sentences = 0;
};

std::vector<ConllSentence> read_conll(std::istream& in);

// The documents of sentences [first, last), as sentence ranges [begin, end).
std::vector<std::pair<size_t, size_t>> conll_documents(const std::vector<ConllSentence>& sentences,
                                                       size_t first, size_t last,
                                                       const ConllOptions& options);

// Tags for every token of every sentence (same shape as the input).
std::vector<std::vector<std::string>> tag_conll(const EntityExtractor& extractor,
                                                const std::vector<ConllSentence>& sentences,
                                                const ConllOptions& options = {});

void write_conll(std::ostream& out, const std::vector<ConllSentence>& sentences,
                 const std::vector<std::vector<std::string>>& tags);

}  // namespace akhbar
