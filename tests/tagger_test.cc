// CoNLL tagging (akhbar-tag): one output line per input token, in order,
// with BIO tags; names only (adjectives O), generic heads outside names.
#include <catch2/catch.hpp>

#include "test_support.h"

#include <sstream>
#include <string>
#include <vector>

#include "entities/conll_tagger.h"
#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"

namespace {

const akhbar::EntityExtractor& extractor() {
  const akhbar::Gazetteer& g = akhbar::testing::default_gazetteer();
  // The rules alone: the learned model has its own tests (ner_model_test.cc).
  static const akhbar::EntityExtractor e(g, [] {
    akhbar::ExtractorOptions options;
    options.use_model = false;
    return options;
  }());
  return e;
}

// Tags the CoNLL input and returns the output text.
std::string tag(const std::string& conll) {
  std::istringstream in(conll);
  const auto sentences = akhbar::read_conll(in);
  std::ostringstream out;
  akhbar::write_conll(out, sentences, akhbar::tag_conll(extractor(), sentences));
  return out.str();
}

}  // namespace

TEST_CASE("read_conll takes the first field, ignores tags, splits on blank lines", "[entities]") {
  std::istringstream in("قال O\nالرئيس\tO\n\n\n-DOCSTART- O\n\nبيروت B-LOC\r\n");
  const auto sentences = akhbar::read_conll(in);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].tokens == std::vector<std::string>{"قال", "الرئيس"});
  CHECK_FALSE(sentences[0].starts_document);
  CHECK(sentences[1].tokens == std::vector<std::string>{"بيروت"});
  CHECK(sentences[1].starts_document);
}

TEST_CASE("every input token gets exactly one tagged line, in order", "[entities]") {
  struct Case {
    const char* name;
    const char* input;
    const char* output;
  };
  const Case cases[] = {
      {"a person after a title and an adjective",
       "قال O\nالرئيس O\nالسوري O\nبشار B-PERS\nالأسد I-PERS\n. O\n",
       "قال\tO\nالرئيس\tO\nالسوري\tO\nبشار\tB-PERS\nالأسد\tI-PERS\n.\tO\n\n"},
      {"ابن starts a known name (it is a title only before a kinship complement)",
       "زار\nابن\nبطوطة\nطنجة\n",
       "زار\tO\nابن\tB-PERS\nبطوطة\tI-PERS\nطنجة\tB-LOC\n\n"},
      {"clitics stay on their token",
       "وصل\nالوفد\nللأمم\nالمتحدة\nوبدمشق\n",
       "وصل\tO\nالوفد\tO\nللأمم\tB-ORG\nالمتحدة\tI-ORG\nوبدمشق\tB-LOC\n\n"},
      {"punctuation and symbols give O lines",
       "«\nغوغل\n»\n،\n100%\n-\n",
       "«\tO\nغوغل\tB-ORG\n»\tO\n،\tO\n100%\tO\n-\tO\n\n"},
      {"generic heads and epithets stay outside the name",
       "في\nمدينة\nحلب\nو\nقطاع\nغزة\nو\nمكة\nالمكرمة\n",
       "في\tO\nمدينة\tO\nحلب\tB-LOC\nو\tO\nقطاع\tO\nغزة\tB-LOC\nو\tO\nمكة\tB-LOC\nالمكرمة\tO\n\n"},
      {"two sentences, a blank line after each",
       "زار\nباريس\n\nثم\nلندن\n",
       "زار\tO\nباريس\tB-LOC\n\nثم\tO\nلندن\tB-LOC\n\n"},
      {"a company's name without its noun",
       "أرباح\nشركة\nموتورولا\n",
       "أرباح\tO\nشركة\tO\nموتورولا\tB-ORG\n\n"},
      {"descriptive organizations are not tagged",
       "أعلنت\nوزارة\nالخارجية\nالسعودية\nو\nالجيش\nالإسرائيلي\n",
       "أعلنت\tO\nوزارة\tO\nالخارجية\tO\nالسعودية\tO\nو\tO\nالجيش\tO\nالإسرائيلي\tO\n\n"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { CHECK(tag(c.input) == c.output); }
  }
}

TEST_CASE("a token that tokenizes into several words keeps one line", "[entities]") {
  // "ا.ف.ب" and "ﷺ" become several or odd words; each input token still
  // gives one line.
  const std::string out = tag("ا.ف.ب\nﷺ\nدمشق-بيروت\n");
  CHECK(out == "ا.ف.ب\tB-ORG\nﷺ\tO\nدمشق-بيروت\tB-LOC\n\n");
}

TEST_CASE("names found in one sentence are found again in the next", "[entities]") {
  CHECK(tag("قال\nنعوم\nشومسكي\nإن\n\nوأضاف\nشومسكي\n") ==
        "قال\tO\nنعوم\tB-PERS\nشومسكي\tI-PERS\nإن\tO\n\nوأضاف\tO\nشومسكي\tB-PERS\n\n");
}

TEST_CASE("empty input gives empty output", "[entities]") { CHECK(tag("").empty()); }
