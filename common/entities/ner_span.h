// NER spans and BIO labels: an entity name over a token range as the
// ANERcorp annotation marks it, and the label sequence that encodes spans.
//
// Labels (NerLabel) are the 7 BIO tags over LOC, PERS and ORG; their numbers
// are part of the model file format (ner_model.h): do not change them.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entities/entity_extractor.h"
#include "text/tokenizer.h"

namespace akhbar {

enum NerLabel : uint8_t { kO = 0, kBLoc, kILoc, kBPers, kIPers, kBOrg, kIOrg };
constexpr unsigned kNerLabels = 7;

// A name over tokens [first, last] (inclusive).
struct NerSpan {
  size_t first = 0;
  size_t last = 0;
  EntityKind kind = EntityKind::Place;
  bool operator==(const NerSpan& o) const {
    return first == o.first && last == o.last && kind == o.kind;
  }
};

// "O", "B-LOC", "I-LOC", "B-PERS", "I-PERS", "B-ORG", "I-ORG".
const char* ner_label_name(NerLabel label);
// The label of a tag name; O for anything else (MISC, unknown tags).
NerLabel parse_ner_label(const std::string& tag);
NerLabel begin_label(EntityKind kind);
NerLabel inside_label(EntityKind kind);

// The spans of a label sequence; an I- without a matching B- or I- before it
// opens a span (as conlleval reads it).
std::vector<NerSpan> spans_of(const std::vector<NerLabel>& labels);

// The part of a name mention that NER annotation marks: generic heads before
// a place or organization name (مدينه [حلب], شركه [موتورولا]) and epithets
// after a place (مكه المكرمه) are left out. REQUIRES: m indexes `tokens`.
NerSpan name_span(const std::vector<Token>& tokens, const Mention& m);

}  // namespace akhbar
