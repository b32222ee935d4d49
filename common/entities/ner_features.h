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

// The feature numbers of a run of tokens, in token order, held in one buffer
// (a text's features cost one allocation, not one per token). Built by
// appending each token's features and closing it with end_token().
class NerTokenFeatures {
 public:
  // The features of one token.
  struct Range {
    const uint32_t* first;
    const uint32_t* last;
    const uint32_t* begin() const { return first; }
    const uint32_t* end() const { return last; }
    size_t size() const { return static_cast<size_t>(last - first); }
  };

  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  Range operator[](size_t token) const {
    const uint32_t* base = features_.data();
    return {base + (token ? ends_[token - 1] : 0), base + ends_[token]};
  }

  // Adds a feature to the token being built.
  void add(uint32_t feature) { features_.push_back(feature); }
  // Closes the token being built: the next add() starts the next token.
  void end_token() { ends_.push_back(static_cast<uint32_t>(features_.size())); }
  // Forgets every token, keeping the buffers' memory.
  void clear() {
    features_.clear();
    ends_.clear();
  }
  // A copy of tokens [first, last). REQUIRES: first <= last <= size().
  NerTokenFeatures slice(size_t first, size_t last) const;

 private:
  std::vector<uint32_t> features_;
  std::vector<uint32_t> ends_;  // ends_[i]: one past token i's last feature
};

class NerFeatures {
 public:
  explicit NerFeatures(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // The features of every token of `text`, written over `out`. `rule_mentions`
  // are the rule-based extractor's mentions of the same tokens
  // (find_rule_mentions). REQUIRES: tokens == tokenize(text).
  void extract(std::string_view text, const std::vector<Token>& tokens,
               const std::vector<Mention>& rule_mentions, NerTokenFeatures& out) const;
  // The same, in a new buffer.
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
