#include "entities/ner_training.h"

#include "entities/conll_document.h"
#include "entities/ner_features.h"
#include "entities/ner_span.h"

namespace akhbar {
namespace {

// The gold label of each token of a document.
std::vector<NerLabel> gold_labels(const std::vector<ConllSentence>& sentences,
                                  const ConllDocument& doc) {
  std::vector<NerLabel> labels(doc.tokens.size(), kO);
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    const auto [s, t] = doc.position[doc.source[k]];
    NerLabel l = parse_ner_label(sentences[s].tags[t]);
    const bool continues = k > 0 && doc.source[k - 1] == doc.source[k];
    if (continues && l != kO && (l - 1) % 2 == 0) l = static_cast<NerLabel>(l + 1);
    labels[k] = l;
  }
  return labels;
}

void add_document(const EntityExtractor& rules, const std::vector<ConllSentence>& sentences,
                  size_t first, size_t last, std::vector<NerExample>& out) {
  const ConllDocument doc = make_conll_document(sentences, first, last);
  const std::vector<NerLabel> labels = gold_labels(sentences, doc);
  NerTokenFeatures features = NerFeatures(rules.gazetteer())
                                  .extract(doc.text, doc.tokens, rules.find_rule_mentions(doc.text, doc.tokens));
  for (const auto& [from, to] : ner_sequences(doc.text, doc.tokens)) {
    NerExample e;
    e.features = features.slice(from, to);
    e.labels.assign(labels.begin() + from, labels.begin() + to);
    out.push_back(std::move(e));
  }
}

}  // namespace

std::vector<NerExample> conll_examples(const EntityExtractor& rules,
                                       const std::vector<ConllSentence>& sentences, size_t first,
                                       size_t last, const ConllOptions& options) {
  std::vector<NerExample> out;
  for (const auto& [begin, end] : conll_documents(sentences, first, last, options)) {
    add_document(rules, sentences, begin, end, out);
  }
  return out;
}

}  // namespace akhbar
