// NerWordCounter: counts, over unlabelled text, the contexts of each word
// that make the word statistics table of the entity tagger
// (ner_word_stats.h), and writes the table.
//
// A word is counted as written, without its article; the table merges each
// such form into its stem: the reading of lexicon::clitic_readings() that
// the counts themselves show to be the word, the least stripped one unless
// a more stripped one is seen more than twice as often (ولبنان → لبنان,
// بالاتحاد → اتحاد; بيروت, seen far more than يروت, stays whole).
// NerWordStats::find() looks a word up the same way: its least stripped
// reading in the table. A word's left-context counts look at the token
// before it in the same line (ner_sequences()); the rule counts come from
// the extractor's rules, the model counts from its learned model when it
// has one (else they stay zero).
//
// Not thread-safe: one counter per thread; merge() joins them.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/ner_word_stats.h"
#include "readers/corpus_reader.h"
#include "text/tokenizer.h"

namespace akhbar {

class NerWordCounter {
 public:
  // `extractor` (and its gazetteer) must outlive the counter.
  explicit NerWordCounter(const EntityExtractor& extractor) : extractor_(extractor) {}

  // Counts the words of one text. REQUIRES: tokens == tokenize(text).
  void add(std::string_view text, const std::vector<Token>& tokens);
  // Counts the words of one text, tokenizing it itself.
  void add(std::string_view text);

  // The counts of each stem, the forms merged as above.
  std::unordered_map<std::string, NerWordCounts> stems() const;
  // The number of forms (words without article) seen.
  size_t forms() const { return counts_.size(); }

  // Writes the table (ner_word_stats.h) of the words seen at least
  // `min_total` times, sorted by their UTF-8 bytes: the same counts give
  // the same file.
  void write(std::ostream& out, uint32_t min_total) const;

 private:
  // The stem a form is merged into (a view of `form` or of a key).
  std::string_view stem_of(const std::string& form) const;

  const EntityExtractor& extractor_;
  std::unordered_map<std::string, NerWordCounts> counts_;  // by form
};

// Counts the title and body of every article read from `paths`
// (read_corpus(), formats detected). Returns the number of articles.
size_t count_corpus_words(const std::vector<std::string>& paths, NerWordCounter& counter,
                          const ProblemCallback& on_problem);

}  // namespace akhbar
