// Internal to the entity extractor (entity_extractor.cc, entity_rules.cc):
// the per-text state the matching steps share. Not a public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/entity_lexicon.h"
#include "entities/gazetteer.h"
#include "text/tokenizer.h"

namespace akhbar::entity_detail {

// Punctuation found in the text before a token.
enum Gap : uint8_t {
  kGapComma = 1u << 0,    // , ، ؛ ;
  kGapStop = 1u << 1,     // . ! ? ؟ : and line breaks
  kGapQuote = 1u << 2,    // " « » “ ” '
  kGapParen = 1u << 3,    // ( ) [ ]
  kGapDash = 1u << 4,     // - – — / |
  kGapOther = 1u << 5,    // any other symbol (#, *, ...)
};
constexpr uint8_t kGapBreak = kGapComma | kGapStop | kGapQuote | kGapParen | kGapDash | kGapOther;

// Punctuation classes of the bytes text[begin, end).
uint8_t gap_between(std::string_view text, size_t begin, size_t end);

struct TokenFacts {
  uint32_t classes = 0;   // lexicon classes of the word, or of its stem after و/ف
                          // (titles and triggers also after ب/ل/ك)
  uint8_t gap = 0;        // punctuation before the token
  bool definite = false;  // the stem starts with ال (or the word with لل)
  Gazetteer::NameClass given = Gazetteer::NameClass::None;  // of the word or its stem
  uint8_t prefix_bytes = 0;  // proclitics before the stem that gave `classes`/`given`
  bool maqsura = false;      // written with a final ى (على, not the name علي)
};

// The state of one text while the steps run.
class Analysis {
 public:
  Analysis(const Gazetteer& gazetteer, std::string_view text, const std::vector<Token>& tokens);

  const Gazetteer& gazetteer;
  std::string_view text;
  const std::vector<Token>& tokens;
  std::vector<TokenFacts> facts;

  size_t size() const { return tokens.size(); }
  // The mention covering token i, or nullptr.
  const Mention* owner(size_t i) const;
  // Adds a mention; the mentions it overlaps are removed (absorbed).
  void add(Mention m);
  // Removes the mention covering token i, if any.
  void remove(size_t i);
  // Live mentions, ordered by position.
  std::vector<Mention> take_mentions();

  // The word without the proclitics found by TokenFacts (والرئيس → الرئيس).
  std::string_view stem(size_t i) const;
  bool has_class(size_t i, uint32_t cls) const { return (facts[i].classes & cls) != 0; }
  bool breaks_before(size_t i) const { return (facts[i].gap & kGapBreak) != 0; }
  // Whether the text also has ال + word: then word is a common noun (سنه,
  // السنه), not a name.
  bool seen_with_article(std::string_view word) const;
  bool seen(std::string_view word) const {
    return std::binary_search(vocabulary_.begin(), vocabulary_.end(), word);
  }

 private:
  std::vector<std::string_view> vocabulary_;  // every token of the text, sorted, once each
  std::vector<Mention> mentions_;  // removed ones have an empty id
  std::vector<int> owner_;         // token → index into mentions_, or -1
};

// Step 1: gazetteer variants, longest match first.
void match_gazetteer(Analysis& a);
// Step 2: organizations after trigger nouns.
void find_organizations(Analysis& a, bool keep_descriptive);
// Step 3: persons after titles, kunyas and given names.
void find_persons(Analysis& a);
// Step 4: other mentions of the names found by rule.
void propagate_names(Analysis& a);
// Step 5: a person's name that names a thing (جائزه نوبل) is no mention.
void drop_named_after(Analysis& a);

}  // namespace akhbar::entity_detail
