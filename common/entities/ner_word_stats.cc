#include "entities/ner_word_stats.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "data_dir.h"

namespace akhbar {
namespace {

constexpr std::string_view kFirstLine = "# akhbar-ner-word-stats 1";

const char* const kContextNames[kNerWordContexts] = {
    "article",   "after_org_noun", "after_title",  "after_given_name",
    "after_place_word", "after_speech_verb", "rule_org", "rule_person",
    "rule_place", "model_org", "model_person", "model_place"};

uint8_t share_bucket(uint32_t part, uint32_t total) {
  if (part == 0 || total == 0) return 0;
  const double share = static_cast<double>(part) / total;
  constexpr double kBounds[] = {0.01, 0.03, 0.1, 0.3, 0.6};
  uint8_t bucket = 1;
  for (double b : kBounds) bucket += share >= b;
  return bucket;
}

// Reads one unsigned field; false when it is not a number.
bool read_count(std::string_view field, uint32_t& out) {
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  return ec == std::errc() && end == field.data() + field.size();
}

}  // namespace

const char* ner_word_context_name(NerWordContext context) { return kContextNames[context]; }

NerWordProfile ner_word_profile(const NerWordCounts& counts) {
  NerWordProfile p;
  for (uint32_t t = counts.total; t && p.frequency < 24; t >>= 1) ++p.frequency;
  for (size_t c = 0; c < kNerWordContexts; ++c) p.share[c] = share_bucket(counts.in[c], counts.total);
  return p;
}

NerWordStats NerWordStats::parse(std::string_view name, std::string_view content) {
  NerWordStats stats;
  size_t line_number = 0;
  while (!content.empty()) {
    const size_t newline = content.find('\n');
    std::string_view line = content.substr(0, newline);
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    ++line_number;
    if (line_number == 1) {
      if (line.substr(0, kFirstLine.size()) != kFirstLine) {
        throw NerWordStatsError(std::string(name) + ": not a word statistics table");
      }
      continue;
    }
    if (line.empty()) continue;
    NerWordCounts counts;
    size_t field = 0;
    std::string_view word;
    bool ok = true;
    while (ok) {
      const size_t tab = line.find('\t');
      const std::string_view value = line.substr(0, tab);
      if (field == 0) word = value;
      else if (field == 1) ok = read_count(value, counts.total);
      else if (field - 2 < kNerWordContexts) ok = read_count(value, counts.in[field - 2]);
      else ok = false;
      ++field;
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (!ok || word.empty() || field != 2 + kNerWordContexts) {
      throw NerWordStatsError(std::string(name) + ":" + std::to_string(line_number) +
                              ": not a word and " + std::to_string(1 + kNerWordContexts) + " counts");
    }
    stats.storage_.emplace_back(word);
    stats.words_[stats.storage_.back()] = ner_word_profile(counts);
  }
  return stats;
}

NerWordStats NerWordStats::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NerWordStatsError(path + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw NerWordStatsError(path + ": cannot read");
  return parse(path, content.str());
}

std::string NerWordStats::default_path() {
  if (const char* env = std::getenv("AKHBAR_NER_WORD_STATS"); env && *env) return env;
  return data_dir() + "/ner/word_stats.tsv";
}

const NerWordStats* NerWordStats::shared_default() {
  static const std::unique_ptr<const NerWordStats> stats = []() -> std::unique_ptr<const NerWordStats> {
    try {
      return std::make_unique<const NerWordStats>(load(default_path()));
    } catch (const std::runtime_error& e) {  // NerWordStatsError, DataDirError
      std::cerr << "akhbar: no word statistics for the entity model (" << e.what() << ")\n";
      return nullptr;
    }
  }();
  return stats.get();
}

}  // namespace akhbar
