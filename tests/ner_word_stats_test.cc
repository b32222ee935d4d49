// The corpus word statistics of the entity tagger: counting contexts over
// Arabic text, merging clitic forms into stems, the table file, and the
// features it adds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "entities/ner_features.h"
#include "entities/ner_word_counter.h"
#include "entities/ner_word_stats.h"
#include "test_support.h"

using namespace akhbar;

namespace {

const EntityExtractor& rules_only() {
  static const EntityExtractor e(testing::default_gazetteer(), [] {
    ExtractorOptions o;
    o.use_model = false;
    return o;
  }());
  return e;
}

// Lines of news: a trigger noun before an organization, a title before a
// person, place prepositions before a place also written with و.
const char* const kText =
    "أعلنت شركة أرامكو أرباحها\n"
    "فاز الاتحاد على الفيصلي في نادي الاتحاد\n"
    "زار الرئيس ماكرون لبنان\n"
    "وصل ماكرون إلى لبنان\n"
    "في لبنان ولبنان\n";

std::unordered_map<std::string, NerWordCounts> counted() {
  NerWordCounter counter(rules_only());
  counter.add(kText);
  return counter.stems();
}

}  // namespace

TEST_CASE("a word's contexts are counted under its stem", "[ner]") {
  const auto stems = counted();
  // {stem (normalized: ة → ه, ئ → ء), context, count}
  const std::vector<std::tuple<std::string, NerWordContext, uint32_t>> table = {
      {"ارامكو", kAfterOrgNoun, 1}, {"ارامكو", kAfterTitle, 0},
      {"اتحاد", kWithArticle, 2},   {"اتحاد", kAfterOrgNoun, 1},
      {"ماكرون", kAfterTitle, 1},   {"ماكرون", kAfterPlaceWord, 0},
      {"لبنان", kAfterPlaceWord, 2}, {"لبنان", kInRulePlace, 4},
      {"رءيس", kWithArticle, 1},    {"رءيس", kAfterOrgNoun, 0},  // الرئيس normalized
  };
  for (const auto& [stem, context, count] : table) {
    SECTION(stem + " " + ner_word_context_name(context)) {
      REQUIRE(stems.count(stem));
      CHECK(stems.at(stem).in[context] == count);
    }
  }
  SECTION("ولبنان merges into لبنان, seen more than twice as often; ارباحها stays whole") {
    CHECK(stems.at("لبنان").total == 4);
    CHECK(stems.count("ولبنان") == 0);
    CHECK(stems.count("ارباحها") == 1);
  }
}

TEST_CASE("counts become a frequency and a share per context", "[ner]") {
  // {total, in context, frequency, share}
  const std::vector<std::array<uint32_t, 4>> table = {
      {1, 0, 1, 0},       {20, 0, 5, 0},      {1000, 5, 10, 1},   {1000, 20, 10, 2},
      {1000, 50, 10, 3},  {1000, 200, 10, 4}, {1000, 400, 10, 5}, {1000, 700, 10, 6},
      {1u << 30, 1, 24, 1},
  };
  for (const auto& [total, in, frequency, share] : table) {
    NerWordCounts c;
    c.total = total;
    c.in[kAfterTitle] = in;
    const NerWordProfile p = ner_word_profile(c);
    CHECK(p.frequency == frequency);
    CHECK(p.share[kAfterTitle] == share);
    CHECK(p.share[kWithArticle] == 0);
  }
}

TEST_CASE("the table is written, read back and looked up through clitics", "[ner]") {
  NerWordCounter counter(rules_only());
  counter.add(kText);
  std::ostringstream out;
  counter.write(out, 2);
  const NerWordStats stats = NerWordStats::parse("test", out.str());
  CHECK(stats.find("ارامكو") == nullptr);  // seen once
  const NerWordProfile* lebanon = stats.find("لبنان");
  REQUIRE(lebanon != nullptr);
  CHECK(lebanon->frequency == 3);
  CHECK(lebanon->share[kAfterPlaceWord] == 5);
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  CHECK(stats.find(readings, lexicon::clitic_readings("ولبنان", readings)) == lebanon);
  CHECK(stats.find(readings, lexicon::clitic_readings("والاتحاد", readings)) == stats.find("اتحاد"));

  std::ostringstream again;
  counter.write(again, 2);
  CHECK(again.str() == out.str());
}

TEST_CASE("a file that is not a word table is refused with its place", "[ner]") {
  CHECK_THROWS_WITH(NerWordStats::parse("t.tsv", "word\t1\n"), Catch::Contains("t.tsv: not"));
  const std::string header = "# akhbar-ner-word-stats 1\tword\ttotal\n";
  CHECK_THROWS_WITH(NerWordStats::parse("t.tsv", header + "لبنان\t4\t1\n"), Catch::Contains("t.tsv:2"));
  CHECK_THROWS_WITH(NerWordStats::parse("t.tsv", header + "لبنان\t4\t0\t0\t0\t0\tx\t0\t0\t0\t0\t0\t0\t0\n"),
                    Catch::Contains("t.tsv:2"));
  CHECK(NerWordStats::parse("t.tsv", header + "لبنان\t4\t0\t0\t0\t0\t2\t0\t0\t0\t4\t0\t0\t0\n").size() == 1);
  CHECK_THROWS_AS(NerWordStats::load("/nonexistent/word_stats.tsv"), NerWordStatsError);
}

TEST_CASE("word statistics add features and take none away", "[ner]") {
  NerWordCounter counter(rules_only());
  counter.add(kText);
  std::ostringstream out;
  counter.write(out, 1);
  const NerWordStats stats = NerWordStats::parse("test", out.str());
  const std::string text = "زار ماكرون لبنان";
  const std::vector<Token> tokens = tokenize(text);
  const auto rules = rules_only().find_rule_mentions(text, tokens);
  const NerTokenFeatures without = NerFeatures(testing::default_gazetteer()).extract(text, tokens, rules);
  const NerTokenFeatures with = NerFeatures(testing::default_gazetteer(), &stats).extract(text, tokens, rules);
  REQUIRE(with.size() == without.size());
  for (size_t i = 0; i < with.size(); ++i) {
    std::vector<uint32_t> a(without[i].begin(), without[i].end()), b(with[i].begin(), with[i].end());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(std::includes(b.begin(), b.end(), a.begin(), a.end()));
    CHECK(b.size() > a.size());
  }
}
