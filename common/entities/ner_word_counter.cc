#include "entities/ner_word_counter.h"

#include <algorithm>

#include "entities/entity_lexicon.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "entities/ner_span.h"

namespace akhbar {
namespace {

constexpr uint32_t kOrgNoun = lexicon::kOrgTrigger | lexicon::kOrgIntro;
constexpr uint32_t kTitle = lexicon::kPersonTitle | lexicon::kStrongTitle;
constexpr uint32_t kPlaceWord = lexicon::kPlacePrep | lexicon::kNameHead;

NerWordContext context_of(EntityKind kind, bool learned) {
  switch (kind) {
    case EntityKind::Organization: return learned ? kInModelOrg : kInRuleOrg;
    case EntityKind::Person: return learned ? kInModelPerson : kInRulePerson;
    default: return learned ? kInModelPlace : kInRulePlace;
  }
}

// What the counter needs of one token.
struct CountedToken {
  std::string_view form;  // without article
  bool article = false;
  uint32_t classes = 0;  // lexicon::stem_classes()
  bool given = false;    // a given name that is no common word
};

void read_token(const Gazetteer& g, std::string_view word, CountedToken& t) {
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(word, readings);
  t.form = readings[0].bare;
  t.article = readings[0].has_article;
  t.classes = lexicon::stem_classes(word, lexicon::classes(word), readings, n);
  t.given = g.given_name(word) == Gazetteer::NameClass::Given ||
            g.given_name(readings[n - 1].bare) == Gazetteer::NameClass::Given;
}

// The contexts the token before a word gives it.
void count_left_context(const CountedToken& before, NerWordCounts& c) {
  if (before.classes & kOrgNoun) ++c.in[kAfterOrgNoun];
  if (before.classes & kTitle) ++c.in[kAfterTitle];
  if (before.given) ++c.in[kAfterGivenName];
  if (before.classes & kPlaceWord) ++c.in[kAfterPlaceWord];
  if (before.classes & lexicon::kSpeechVerb) ++c.in[kAfterSpeechVerb];
}

}  // namespace

void NerWordCounter::add(std::string_view text, const std::vector<Token>& tokens) {
  thread_local std::vector<CountedToken> facts;
  thread_local std::vector<NerWordCounts*> slots;
  facts.assign(tokens.size(), CountedToken{});
  slots.assign(tokens.size(), nullptr);
  for (size_t i = 0; i < tokens.size(); ++i) {
    read_token(extractor_.gazetteer(), tokens[i].text, facts[i]);
    auto it = counts_.find(std::string(facts[i].form));
    if (it == counts_.end()) it = counts_.emplace(std::string(facts[i].form), NerWordCounts{}).first;
    slots[i] = &it->second;
  }
  for (const auto& [first, last] : ner_sequences(text, tokens)) {
    for (size_t i = first; i < last; ++i) {
      NerWordCounts& c = *slots[i];
      ++c.total;
      if (facts[i].article) ++c.in[kWithArticle];
      if (i > first) count_left_context(facts[i - 1], c);
    }
  }
  for (const Mention& m : extractor_.find_rule_mentions(text, tokens)) {
    if (!m.is_name) continue;
    const NerSpan s = name_span(tokens, m);
    for (size_t k = s.first; k <= s.last; ++k) ++slots[k]->in[context_of(s.kind, false)];
  }
  if (!extractor_.model()) return;
  for (const NerSpan& s : extractor_.find_names(text, tokens)) {
    for (size_t k = s.first; k <= s.last; ++k) ++slots[k]->in[context_of(s.kind, true)];
  }
}

void NerWordCounter::add(std::string_view text) { add(text, tokenize(text)); }

std::string_view NerWordCounter::stem_of(const std::string& form) const {
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(form, readings);
  std::string_view stem = form;
  uint32_t seen = counts_.at(form).total;
  for (int r = 1; r < n; ++r) {
    const auto it = counts_.find(std::string(readings[r].bare));
    if (it != counts_.end() && it->second.total > 2 * seen) {
      stem = readings[r].bare;
      seen = it->second.total;
    }
  }
  return stem;
}

std::unordered_map<std::string, NerWordCounts> NerWordCounter::stems() const {
  std::unordered_map<std::string, NerWordCounts> out;
  for (const auto& [form, c] : counts_) {
    NerWordCounts& sum = out[std::string(stem_of(form))];
    sum.total += c.total;
    for (size_t k = 0; k < kNerWordContexts; ++k) sum.in[k] += c.in[k];
  }
  return out;
}

void NerWordCounter::write(std::ostream& out, uint32_t min_total) const {
  const std::unordered_map<std::string, NerWordCounts> all = stems();
  std::vector<const std::pair<const std::string, NerWordCounts>*> kept;
  for (const auto& entry : all) {
    if (entry.second.total >= min_total) kept.push_back(&entry);
  }
  std::sort(kept.begin(), kept.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  out << "# akhbar-ner-word-stats 1\tword\ttotal";
  for (size_t c = 0; c < kNerWordContexts; ++c) {
    out << '\t' << ner_word_context_name(static_cast<NerWordContext>(c));
  }
  out << '\n';
  for (const auto* entry : kept) {
    out << entry->first << '\t' << entry->second.total;
    for (uint32_t n : entry->second.in) out << '\t' << n;
    out << '\n';
  }
}

size_t count_corpus_words(const std::vector<std::string>& paths, NerWordCounter& counter,
                          const ProblemCallback& on_problem) {
  return read_corpus(
      paths, ReaderOptions{},
      [&](Article&& a) {
        counter.add(a.title);
        counter.add(a.body);
      },
      on_problem);
}

}  // namespace akhbar
