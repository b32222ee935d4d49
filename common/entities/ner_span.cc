#include "entities/ner_span.h"

#include "entities/entity_lexicon.h"

namespace akhbar {

const char* ner_label_name(NerLabel label) {
  static const char* const kNames[kNerLabels] = {"O",      "B-LOC", "I-LOC", "B-PERS",
                                                 "I-PERS", "B-ORG", "I-ORG"};
  return label < kNerLabels ? kNames[label] : "O";
}

NerLabel parse_ner_label(const std::string& tag) {
  for (unsigned l = 1; l < kNerLabels; ++l) {
    if (tag == ner_label_name(static_cast<NerLabel>(l))) return static_cast<NerLabel>(l);
  }
  return kO;
}

NerLabel begin_label(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return kBPers;
    case EntityKind::Organization: return kBOrg;
    default: return kBLoc;
  }
}

NerLabel inside_label(EntityKind kind) { return static_cast<NerLabel>(begin_label(kind) + 1); }

std::vector<NerSpan> spans_of(const std::vector<NerLabel>& labels) {
  static const EntityKind kKinds[3] = {EntityKind::Place, EntityKind::Person,
                                       EntityKind::Organization};
  std::vector<NerSpan> out;
  bool open = false;
  for (size_t i = 0; i < labels.size(); ++i) {
    const NerLabel l = labels[i];
    const bool inside = l != kO && (l - 1) % 2 == 1;
    const EntityKind kind = l == kO ? EntityKind::Place : kKinds[(l - 1) / 2];
    if (open && inside && out.back().kind == kind) {
      out.back().last = i;
      continue;
    }
    open = l != kO;
    if (open) out.push_back({i, i, kind});
  }
  return out;
}

NerSpan name_span(const std::vector<Token>& tokens, const Mention& m) {
  NerSpan s{m.first_token, m.last_token, m.kind};
  if (m.kind == EntityKind::Person) return s;
  while (s.first < s.last && (lexicon::stem_classes(tokens[s.first].text) & lexicon::kNameHead)) {
    ++s.first;
  }
  while (m.kind == EntityKind::Place && s.first < s.last &&
         (lexicon::classes(tokens[s.last].text) & lexicon::kEpithet)) {
    --s.last;
  }
  return s;
}

}  // namespace akhbar
