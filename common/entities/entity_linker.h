// Entity linking for the learned tagger: turns the name spans the model
// (ner_model.h) found into mentions with gazetteer ids.
//
// A name of two words or more that the rules found in the gazetteer is kept
// as the rules found it, and learned spans overlapping it are dropped. Any
// other span the rule-based extractor also found, with the same extent and kind,
// keeps the rule's id (its gazetteer entry or rule-made id). Any other span
// is looked up in the gazetteer as written, then with the clitics of its first
// word removed (وبدمشق → دمشق); an unknown person or organization gets the
// id "p:" / "o:" + its normalized name without leading clitics, and an
// unknown place is dropped (places need a gazetteer entry for the place
// hierarchy). Rule mentions that are no names (nationality adjectives,
// organizations described by a trigger noun) are kept where no learned span
// overlaps them, and a described organization also where the learned spans
// it overlaps are places inside it (وزاره الداخليه السعوديه), which it
// absorbs; rule names the model did not confirm are dropped.
// Pure function; thread-safe.
#pragma once

#include <vector>

#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "entities/ner_span.h"
#include "text/tokenizer.h"

namespace akhbar {

// Mentions ordered by position, never overlapping.
// REQUIRES: rule_mentions and spans index `tokens`; spans do not overlap.
std::vector<Mention> link_learned_spans(const Gazetteer& gazetteer, const std::vector<Token>& tokens,
                                        const std::vector<Mention>& rule_mentions,
                                        const std::vector<NerSpan>& spans);

}  // namespace akhbar
