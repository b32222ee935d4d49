// NER features: what the learned entity tagger (ner_model.h) knows of each
// token, as hashed feature numbers.
//
// For every token of a text: the word, its forms without clitics, prefixes
// and suffixes, shape and length, its entity-lexicon classes (titles, roles,
// kunya and nasab particles, organization triggers, verbs, function words),
// whether it is a known given name, the punctuation around it, the gazetteer
// names (and their types) that cover it, the tag the rule-based extractor
// gives it, and the same kinds of facts about the words at -2..+2.
// A feature number is a hash in [0, kNerFeatureSpace); the model file records
// the space, so changing a feature or the hash means retraining the model.
//
// Thread-safe: const methods only; the gazetteer must outlive the object.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "text/tokenizer.h"

namespace akhbar {

constexpr unsigned kNerFeatureBits = 18;
constexpr uint32_t kNerFeatureSpace = 1u << kNerFeatureBits;

// Feature numbers of each token, in token order.
using NerTokenFeatures = std::vector<std::vector<uint32_t>>;

class NerFeatures {
 public:
  explicit NerFeatures(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // The features of every token of `text`. `rule_mentions` are the rule-based
  // extractor's mentions of the same tokens (find_mentions without a model).
  // REQUIRES: tokens == tokenize(text).
  NerTokenFeatures extract(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<Mention>& rule_mentions) const;

 private:
  const Gazetteer& gazetteer_;
};

// The sequences the tagger labels one at a time: token ranges [first, last)
// between line breaks of `text`. REQUIRES: tokens == tokenize(text).
std::vector<std::pair<size_t, size_t>> ner_sequences(std::string_view text,
                                                     const std::vector<Token>& tokens);

}  // namespace akhbar
