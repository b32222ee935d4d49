// NER training: learns the entity model (ner_model.h) from gold-tagged
// CoNLL sentences (ANERcorp: token and tag per line; MISC counts as O).
//
// Each document (as tag_conll() splits them) is read as akhbar-tag reads it:
// tokens (tokenizer.h) of the sentences joined into one text, the rule-based
// extractor's mentions as features; a token takes the gold tag of the input
// token it comes from (I- for the second and later tokens of a B- token).
// Deterministic for the same input and options with one solver thread.
// Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <vector>

#include "entities/conll_tagger.h"
#include "entities/entity_extractor.h"
#include "entities/ner_model.h"

namespace akhbar {

// The training sequences of sentences [first, last) of `sentences`.
// REQUIRES: `rules` uses no model (ExtractorOptions::use_model false).
std::vector<NerExample> conll_examples(const EntityExtractor& rules,
                                       const std::vector<ConllSentence>& sentences, size_t first,
                                       size_t last, const ConllOptions& options = {});

}  // namespace akhbar
