// NerWordStats: what a large unlabelled news corpus says of each word, for
// the learned entity tagger's features (ner_features.h).
//
// For each word stem (a word without its article and without the proclitics
// that the corpus shows to be clitics: ولبنان → لبنان, but بيروت stays
// whole; see ner_word_counter.h), the table holds how often it occurs and,
// of those occurrences, how many are in each context of NerWordContext:
// with the article, right after a word that introduces an organization, a
// person or a place, or inside a name the rule-based extractor or a learned
// model finds. A word's contexts across a corpus are evidence of its type
// that one sentence lacks (نادي الاتحاد: اتحاد often follows نادي).
//
// File format (UTF-8 text; ner_word_counter.h writes it): a first line
// "# akhbar-ner-word-stats 1" and the names of the columns; then one line
// per word: the bare form, its total, and one count per context, in
// NerWordContext order, separated by tabs.
//
// Thread-safe: immutable once loaded. shared_default() loads the default
// file once per process.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "entities/entity_lexicon.h"

namespace akhbar {

// A table file that cannot be read or is not a table.
class NerWordStatsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The contexts counted; their order is the file's column order (do not
// change without a new version in the first line).
enum NerWordContext : uint8_t {
  kWithArticle,       // the word itself takes ال
  kAfterOrgNoun,      // after an organization trigger or intro noun (حزب, شركه)
  kAfterTitle,        // after a person's title (الرئيس, الشيخ)
  kAfterGivenName,    // after a known given name (not an ambiguous one)
  kAfterPlaceWord,    // after a place preposition or head (في, مدينه, شمال)
  kAfterSpeechVerb,   // after a reporting verb (قال, اكدت)
  kInRuleOrg,         // inside an organization name the rules find
  kInRulePerson,
  kInRulePlace,
  kInModelOrg,        // inside an organization name a learned model finds
  kInModelPerson,
  kInModelPlace,
  kNerWordContexts
};

// Column names of the file, in NerWordContext order.
const char* ner_word_context_name(NerWordContext context);

struct NerWordCounts {
  uint32_t total = 0;
  std::array<uint32_t, kNerWordContexts> in{};
};

// The counts of one word cut into the few values features use.
struct NerWordProfile {
  uint8_t frequency = 0;  // 1 + floor(log2(total)), at most 24
  // Per context: 0 never seen in it; else 1..6 for a share of the
  // occurrences below 1%, 3%, 10%, 30%, 60%, and above.
  std::array<uint8_t, kNerWordContexts> share{};
};

NerWordProfile ner_word_profile(const NerWordCounts& counts);

class NerWordStats {
 public:
  NerWordStats() = default;
  NerWordStats(NerWordStats&&) = default;
  NerWordStats& operator=(NerWordStats&&) = default;
  NerWordStats(const NerWordStats&) = delete;
  NerWordStats& operator=(const NerWordStats&) = delete;

  // Throws NerWordStatsError when the file cannot be read or a line is not
  // a word and its counts.
  static NerWordStats load(const std::string& path);
  // The same from text; `name` is used in errors.
  static NerWordStats parse(std::string_view name, std::string_view content);

  // $AKHBAR_NER_WORD_STATS if set, else data_dir() + "/ner/word_stats.tsv"
  // (data_dir.h); throws DataDirError when no data directory is found.
  static std::string default_path();
  // The table at default_path(), loaded at the first call; nullptr when it
  // is missing or unreadable (said once on stderr). Lives until exit.
  static const NerWordStats* shared_default();

  // The profile of a stem, or nullptr when the table lacks it.
  const NerWordProfile* find(std::string_view stem) const {
    const auto it = words_.find(stem);
    return it == words_.end() ? nullptr : &it->second;
  }
  // The profile of a word given its `n` clitic readings: that of the first
  // (least stripped) reading whose bare form the table holds; nullptr if
  // none.
  const NerWordProfile* find(const lexicon::CliticReading* readings, int n) const {
    for (int r = 0; r < n; ++r) {
      if (const NerWordProfile* p = find(readings[r].bare)) return p;
    }
    return nullptr;
  }
  size_t size() const { return words_.size(); }

 private:
  std::deque<std::string> storage_;  // the keys of words_
  std::unordered_map<std::string_view, NerWordProfile> words_;
};

}  // namespace akhbar
