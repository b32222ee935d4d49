// EntityExtractor: finds the places, persons and organizations an article
// mentions, as gazetteer ids (gazetteer.h).
//
// Works on the tokens of tokenizer.h (normalized words with byte offsets into
// the original text) and on that original text, whose punctuation between
// tokens ends names. In order:
//   1. gazetteer variants, with the clitics و ف ب ك ل and ال / لل attached or
//      not (وبدمشق, للامم المتحده); the longest match wins, so a place inside
//      a longer name (الجيش العربي السوري) is not a place;
//   2. organizations after trigger nouns (وزاره الخارجيه السعوديه, حزب
//      البعث, شركه موتورولا), absorbing the places inside them;
//   3. persons after titles and roles (الرئيس السوري بشار الاسد, وزير
//      الخارجيه الروسي سيرغي لافروف), kunyas (ابو محمد الاحمدي) and known
//      given names followed by a name (محمد الاحمدي);
//   4. later (and earlier) mentions of a name found in 2–3, by its surname.
// Persons and organizations found by rule and unknown to the gazetteer get the
// id "p:" / "o:" + their normalized name.
// With a learned model (ner_model.h), the names are those the model tags,
// with the rules' findings among its features, linked to gazetteer ids as
// entity_linker.h says; without one, the rules' names. A nationality adjective (السوري,
// الكويتيان) counts as its country. The opening dateline of a wire article
// (dateline.h) gives the article's origin.
//
// Never stems: names are matched on normalized tokens only.
// Thread-safe: const methods only; the gazetteer must outlive the extractor.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/gazetteer.h"
#include "text/tokenizer.h"

namespace akhbar {

// One entity mention, over tokens [first_token, last_token] (inclusive) of the
// token vector given to find_mentions().
struct Mention {
  size_t first_token = 0;
  size_t last_token = 0;
  EntityKind kind = EntityKind::Place;
  std::string id;
  // True for a proper name, the span a named-entity tagger marks. False for a
  // nationality adjective (السوري → c:SY) and for an organization described by
  // a trigger noun (وزاره الخارجيه): they count in facets, not in NER tags.
  bool is_name = true;
};

// The entities of one article, each id once, most mentioned first (ties: first
// mentioned first).
struct ArticleEntities {
  std::vector<std::string> places;         // includes the origin
  std::vector<std::string> persons;
  std::vector<std::string> organizations;
  std::string origin;                      // dateline place id; "" if none
  // id → display name, for the person and organization ids that the
  // gazetteer does not know (p:/o: + the name's key, name_key.h): the first
  // full mention as written in the article (hamza, ta marbuta kept;
  // diacritics, tatweel and the leading clitics و ف ب ك ل removed), e.g.
  // {"o:وزاره الخارجيه الروسيه", "وزارة الخارجية الروسية"}. The id stays
  // the key so that spelling variants merge. A generic body (وزاره الداخليه)
  // carries the article's country (article_country.h) in its id and its
  // name: {"o:وزاره الداخليه (السعوديه)", "وزارة الداخلية (السعودية)"}; with
  // no country it is left out, as are names that cannot be names
  // (entity_plausibility.h). In order of first mention; each id once.
  std::vector<std::pair<std::string, std::string>> names;
};

class NerModel;
struct NerSpan;

struct ExtractorOptions {
  // Names come from the learned model: `model`, or when null the default
  // model file (NerModel::shared_default(); rules only if it is missing).
  // False: rules only.
  bool use_model = true;
  const NerModel* model = nullptr;  // not owned; must outlive the extractor
  // Step 4 above: find the other mentions of names found by rule.
  bool propagate_names = true;
  // Organizations described by a trigger noun (وزاره الخارجيه) are kept.
  bool descriptive_organizations = true;
  // Persons and organizations unknown to the gazetteer whose names cannot be
  // names, or name a kind of body only, stay out of extract()'s lists
  // (entity_plausibility.h). False: every name found counts.
  bool plausible_names_only = true;
};

class EntityExtractor {
 public:
  explicit EntityExtractor(const Gazetteer& gazetteer, ExtractorOptions options = {});

  // The mentions in `text`, ordered by position, never overlapping.
  // REQUIRES: tokens == tokenize(text) (offsets into `text`).
  std::vector<Mention> find_mentions(std::string_view text, const std::vector<Token>& tokens) const;
  // The proper names in `text` as a named-entity annotation marks them (the
  // BIO view of akhbar-tag --conll), places unknown to the gazetteer included.
  // REQUIRES: tokens == tokenize(text).
  std::vector<NerSpan> find_names(std::string_view text, const std::vector<Token>& tokens) const;
  // The mentions found by the rules alone (what the model takes as features).
  std::vector<Mention> find_rule_mentions(std::string_view text,
                                          const std::vector<Token>& tokens) const;

  // The entities of an article. Names found in the title help in the body and
  // the reverse. REQUIRES: each token vector is tokenize() of its text.
  ArticleEntities extract(std::string_view title, const std::vector<Token>& title_tokens,
                          std::string_view body, const std::vector<Token>& body_tokens) const;
  // The same, tokenizing title and body itself.
  ArticleEntities extract(std::string_view title, std::string_view body) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  // The learned model in use; nullptr: rules only.
  const NerModel* model() const { return model_; }

 private:
  const Gazetteer& gazetteer_;
  ExtractorOptions options_;
  const NerModel* model_ = nullptr;

  std::vector<NerSpan> learned_spans(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Mention>& rules) const;
};

}  // namespace akhbar
