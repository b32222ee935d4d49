#include "entities/ner_features.h"

#include "entities/entity_lexicon.h"
#include "entities/entity_rules.h"
#include "entities/ner_span.h"

namespace akhbar {
namespace {

// Gap bit for "no token after this one in the sequence" (no Gap uses it).
constexpr uint8_t kEndOfSequence = 0x80;

// Kinds of features; a feature number hashes its kind with its value.
enum Kind : uint8_t {
  kBias = 1, kWord, kBare, kArticle, kPrefix, kSuffix, kLength, kShape, kClass, kStemClass,
  kGiven, kGapBefore, kGapAfter, kGaz, kRule, kRuleOther, kWordPair,
  kNeighbourWord = 40, kNeighbourBare = 50, kNeighbourClass = 60, kNeighbourGaz = 70,
  kNeighbourRule = 80, kNeighbourGiven = 90,
};

uint64_t text_hash(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001B3ull;
  return h;
}

// The feature number of a kind, a small detail and a value's hash.
uint32_t feature_of(uint8_t kind, uint8_t detail, uint64_t value) {
  uint64_t h = value ^ (static_cast<uint64_t>(kind) << 56) ^ (static_cast<uint64_t>(detail) << 48);
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;  // splitmix64's finalizer
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return static_cast<uint32_t>(h ^ (h >> 31)) & (kNerFeatureSpace - 1);
}

uint32_t feature(uint8_t kind, uint8_t detail, std::string_view value = {}) {
  return feature_of(kind, detail, value.empty() ? 0 : text_hash(value));
}

// The first / last n letters of a UTF-8 word.
std::string_view first_letters(std::string_view w, size_t n) {
  size_t b = 0;
  for (size_t k = 0; k < n && b < w.size(); ++k) {
    ++b;
    while (b < w.size() && (static_cast<unsigned char>(w[b]) & 0xC0) == 0x80) ++b;
  }
  return w.substr(0, b);
}

std::string_view last_letters(std::string_view w, size_t n) {
  size_t b = w.size();
  for (size_t k = 0; k < n && b > 0; ++k) {
    --b;
    while (b > 0 && (static_cast<unsigned char>(w[b]) & 0xC0) == 0x80) --b;
  }
  return w.substr(b);
}

size_t letters(std::string_view w) {
  size_t n = 0;
  for (char c : w) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// 0 Arabic, 1 number, 2 Latin, 3 mixed.
uint8_t shape(const Token& t) {
  if (t.is_number) return 1;
  bool ascii = false, other = false;
  for (char c : t.text) (static_cast<unsigned char>(c) < 0x80 ? ascii : other) = true;
  return ascii && other ? 3 : ascii ? 2 : 0;
}

// What the features say of one token, before its neighbours are added.
struct TokenFacts {
  std::string_view word;
  std::string_view bare;        // without proclitics and article
  uint64_t word_hash = 0;       // text_hash() of word and of bare
  uint64_t bare_hash = 0;
  bool article = false;
  uint32_t classes = 0;
  uint32_t stem_classes = 0;
  uint8_t given = 0;
  uint8_t gap_before = 0;
  uint8_t rule = kO;            // BIO label of the rule extractor's name span
  uint8_t rule_other = 0;       // 1 + kind of a mention that is no name
  std::vector<uint8_t> gaz;     // type * 4 + (0 begin, 1 inside, 2 last), +128 if weak
};

// The gazetteer names starting at token i, read through each of its clitic
// readings.
void add_gazetteer(const Gazetteer& g, const std::vector<Token>& tokens, size_t i,
                   const lexicon::CliticReading* readings, int n, std::vector<TokenFacts>& facts) {
  for (int r = 0; r < n; ++r) {
    const std::vector<GazetteerPattern>* list = g.patterns(readings[r].bare);
    if (!list) continue;
    for (const GazetteerPattern& p : *list) {
      if (!p.article_optional && p.first_has_article != readings[r].has_article) continue;
      const size_t length = 1 + p.rest.size();
      if (i + length > tokens.size()) continue;
      bool match = true;
      for (size_t k = 0; match && k < p.rest.size(); ++k) match = tokens[i + 1 + k].text == p.rest[k];
      if (!match) continue;
      const uint8_t type = static_cast<uint8_t>(g.entries()[p.entry].type) * 4 |
                           (p.weak ? 128 : 0) | (p.descriptive ? 64 : 0);
      for (size_t k = 0; k < length; ++k) {
        facts[i + k].gaz.push_back(type | (k == 0 ? 0 : 1));
        if (k + 1 == length && k > 0) facts[i + k].gaz.push_back(type | 2);
      }
    }
  }
}

// Writes the facts of every token over `facts`, whose gazetteer lists keep
// their memory from one text to the next.
void token_facts(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
                 const std::vector<Mention>& rule_mentions, std::vector<TokenFacts>& facts) {
  facts.resize(tokens.size());
  for (TokenFacts& f : facts) {
    std::vector<uint8_t> gaz = std::move(f.gaz);
    gaz.clear();
    f = TokenFacts{};
    f.gaz = std::move(gaz);
  }
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenFacts& f = facts[i];
    f.word = tokens[i].text;
    const int n = lexicon::clitic_readings(f.word, readings);
    f.bare = readings[n - 1].bare;
    f.article = readings[n - 1].has_article;
    f.word_hash = text_hash(f.word);
    f.bare_hash = text_hash(f.bare);
    f.classes = lexicon::classes(f.word);
    f.stem_classes = lexicon::stem_classes(f.word, f.classes, readings, n);
    f.given = static_cast<uint8_t>(g.given_name(f.word));
    if (!f.given) f.given = static_cast<uint8_t>(g.given_name(f.bare)) + 2;
    f.gap_before = entity_detail::gap_between(text, i ? tokens[i - 1].end : 0, tokens[i].begin);
    add_gazetteer(g, tokens, i, readings, n, facts);
  }
  for (const Mention& m : rule_mentions) {
    if (!m.is_name) {
      for (size_t k = m.first_token; k <= m.last_token; ++k) {
        facts[k].rule_other = 1 + static_cast<uint8_t>(m.kind);
      }
      continue;
    }
    const NerSpan s = name_span(tokens, m);
    for (size_t k = s.first; k <= s.last; ++k) {
      facts[k].rule = k == s.first ? begin_label(s.kind) : inside_label(s.kind);
    }
  }
}

void add_bits(NerTokenFeatures& out, uint8_t kind, uint32_t bits) {
  for (; bits; bits &= bits - 1) out.add(feature(kind, static_cast<uint8_t>(__builtin_ctz(bits))));
}

void add_own(const TokenFacts& f, const Token& t, uint8_t gap_after, NerTokenFeatures& out) {
  out.add(feature(kBias, 0));
  out.add(feature_of(kWord, 0, f.word_hash));
  out.add(feature_of(kBare, 0, f.bare_hash));
  out.add(feature(kArticle, f.article));
  for (uint8_t n = 1; n <= 3; ++n) {
    out.add(feature(kPrefix, n, first_letters(f.bare, n)));
    out.add(feature(kSuffix, n, last_letters(f.bare, n)));
  }
  out.add(feature(kLength, static_cast<uint8_t>(std::min<size_t>(letters(f.bare), 9))));
  out.add(feature(kShape, shape(t)));
  add_bits(out, kClass, f.classes);
  add_bits(out, kStemClass, f.stem_classes);
  out.add(feature(kGiven, f.given));
  add_bits(out, kGapBefore, f.gap_before);
  add_bits(out, kGapAfter, gap_after);
  for (uint8_t code : f.gaz) out.add(feature(kGaz, code));
  out.add(feature(kRule, f.rule));
  out.add(feature(kRuleOther, f.rule_other));
}

// Facts of the token at offset d (-2..2) from the current one; "none" outside
// the sequence.
void add_neighbour(const TokenFacts* f, int d, NerTokenFeatures& out) {
  const uint8_t slot = static_cast<uint8_t>(d + 2);
  if (!f) {
    out.add(feature(kNeighbourWord + slot, 0xFF));
    return;
  }
  out.add(feature_of(kNeighbourWord + slot, 0, f->word_hash));
  out.add(feature(kNeighbourRule + slot, f->rule));
  add_bits(out, kNeighbourClass + slot, f->stem_classes);
  if (d == -1 || d == 1) {
    out.add(feature_of(kNeighbourBare + slot, 0, f->bare_hash));
    out.add(feature(kNeighbourGiven + slot, f->given));
    for (uint8_t code : f->gaz) out.add(feature(kNeighbourGaz + slot, code));
  }
}

}  // namespace

std::vector<std::pair<size_t, size_t>> ner_sequences(std::string_view text,
                                                     const std::vector<Token>& tokens) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t first = 0;
  for (size_t i = 1; i <= tokens.size(); ++i) {
    const bool end = i == tokens.size() ||
                     text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end)
                             .find('\n') != std::string_view::npos;
    if (!end) continue;
    out.emplace_back(first, i);
    first = i;
  }
  return out;
}

NerTokenFeatures NerTokenFeatures::slice(size_t first, size_t last) const {
  NerTokenFeatures out;
  for (size_t i = first; i < last; ++i) {
    for (uint32_t f : (*this)[i]) out.add(f);
    out.end_token();
  }
  return out;
}

void NerFeatures::extract(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<Mention>& rule_mentions, NerTokenFeatures& out) const {
  thread_local std::vector<TokenFacts> facts;
  token_facts(gazetteer_, text, tokens, rule_mentions, facts);
  out.clear();
  for (const auto& [first, last] : ner_sequences(text, tokens)) {
    for (size_t i = first; i < last; ++i) {
      const uint8_t gap_after = i + 1 < last ? facts[i + 1].gap_before : kEndOfSequence;
      add_own(facts[i], tokens[i], gap_after, out);
      for (int d = -2; d <= 2; ++d) {
        if (d == 0) continue;
        const long j = static_cast<long>(i) + d;
        const bool inside = j >= static_cast<long>(first) && j < static_cast<long>(last);
        add_neighbour(inside ? &facts[j] : nullptr, d, out);
      }
      const uint64_t word = facts[i].word_hash;
      if (i > first) out.add(feature_of(kWordPair, 0, facts[i - 1].word_hash * 31 + word));
      if (i + 1 < last) out.add(feature_of(kWordPair, 1, word * 31 + facts[i + 1].word_hash));
      out.end_token();
    }
  }
}

NerTokenFeatures NerFeatures::extract(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<Mention>& rule_mentions) const {
  NerTokenFeatures out;
  extract(text, tokens, rule_mentions, out);
  return out;
}

}  // namespace akhbar
