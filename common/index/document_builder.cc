#include "index/document_builder.h"

#include <cstdint>
#include <cstdio>

#include "entities/entity_extractor.h"
#include "event_dates.h"
#include "index/schema.h"
#include "text/stemmer.h"
#include "index/stored_article.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

// Title and body positions are kept apart so that a phrase never spans them.
constexpr Xapian::termpos kBodyPositionGap = 100;

// Indexes each word at the next position: its exact form with the position
// and its stem, `wdf` each, except the first `lead_words`, `lead_wdf` each.
void index_words(const std::vector<Token>& tokens, const char* prefix, Xapian::termcount wdf,
                 Xapian::termpos& pos, const BuildOptions& options, Xapian::Document& doc,
                 size_t lead_words = 0, Xapian::termcount lead_wdf = 0) {
  const std::string stem_prefix = std::string(schema::kStem) + prefix;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    ++pos;
    if (token.text.size() > options.max_term_bytes) continue;
    const Xapian::termcount weight = i < lead_words ? lead_wdf : wdf;
    doc.add_posting(prefix + token.text, pos, weight);
    doc.add_term(stem_prefix + stem_word(token.text), weight);
  }
}

void add_boolean_terms(const Article& article, Xapian::Document& doc) {
  doc.add_boolean_term(id_term(article.id));
  if (article.date) {
    const std::string ymd = article.date->yyyymmdd();
    doc.add_boolean_term(schema::kDay + ymd);
    doc.add_boolean_term(schema::kMonth + ymd.substr(0, 6));
    doc.add_boolean_term(schema::kYear + ymd.substr(0, 4));
    doc.add_value(schema::kSlotDate, ymd);
  }
  if (!article.source.empty()) {
    doc.add_boolean_term(schema::kSource + schema::fold_label(article.source));
    doc.add_value(schema::kSlotSource, article.source);
  }
  if (!article.category.empty()) {
    doc.add_boolean_term(schema::kCategory + schema::fold_label(article.category));
    doc.add_value(schema::kSlotCategory, article.category);
  }
}

void add_entities(const ArticleEntities& e, const Gazetteer& gazetteer, Xapian::Document& doc) {
  // A filter on a country must find its cities: each place is indexed with
  // every place that contains it. Facets count only what was mentioned.
  for (const std::string& place : e.places) {
    doc.add_boolean_term(schema::kPlace + place);
    for (const std::string& up : gazetteer.ancestors(place)) doc.add_boolean_term(schema::kPlace + up);
  }
  for (const std::string& p : e.persons) doc.add_boolean_term(schema::kPerson + p);
  for (const std::string& o : e.organizations) doc.add_boolean_term(schema::kOrganization + o);
  if (!e.places.empty()) doc.add_value(schema::kSlotPlaces, schema::serialise_list(e.places));
  if (!e.persons.empty()) doc.add_value(schema::kSlotPersons, schema::serialise_list(e.persons));
  if (!e.organizations.empty()) {
    doc.add_value(schema::kSlotOrganizations, schema::serialise_list(e.organizations));
  }
  if (!e.origin.empty()) {
    doc.add_boolean_term(schema::kOrigin + e.origin);
    doc.add_value(schema::kSlotOrigin, e.origin);
  }
}

void add_event_dates(const std::vector<Date>& dates, Xapian::Document& doc) {
  if (dates.empty()) return;
  std::vector<std::string> values;
  for (const Date& d : dates) {
    const std::string ymd = d.yyyymmdd();
    doc.add_boolean_term(schema::kEventDay + ymd);
    doc.add_boolean_term(schema::kEventMonth + ymd.substr(0, 6));
    doc.add_boolean_term(schema::kEventYear + ymd.substr(0, 4));
    values.push_back(ymd);
  }
  doc.add_value(schema::kSlotEventDates, schema::serialise_list(values));
}

}  // namespace

std::string id_term(const std::string& article_id) {
  // Xapian terms are at most 245 bytes: a longer id keeps its head and a hash
  // of the whole, so distinct long ids stay distinct.
  return schema::kId + schema::bounded_key(article_id, 200, 160);
}


void set_cluster(Xapian::Document& doc, const std::string& key) {
  doc.add_value(schema::kSlotCluster, key);
  doc.add_boolean_term(schema::kCluster + key);
}

Xapian::Document build_document(const Article& article, const BuildOptions& options,
                                EntityNames* names, NearDuplicateSignature* near_duplicate) {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  // Title words are indexed twice: with the title prefix (for title:) and
  // unprefixed with extra weight, so that plain queries favour title hits.
  const std::vector<Token> title = tokenize(article.title);
  index_words(title, schema::kTitle, 1, pos, options, doc);
  pos = 0;
  index_words(title, "", options.title_weight, pos, options, doc);
  pos += kBodyPositionGap;
  const std::vector<Token> body = tokenize(article.body);
  index_words(body, "", 1, pos, options, doc, options.lead_words, options.lead_weight);
  NearDuplicateSignature signature = near_duplicate_signature(body);
  for (const std::string& band : signature.bands) doc.add_boolean_term(band);
  if (!signature.empty()) doc.add_value(schema::kSlotNearDuplicate, signature.packed);
  if (near_duplicate) *near_duplicate = std::move(signature);
  if (options.event_dates) add_event_dates(find_event_dates(article.body, body, article.date), doc);
  if (options.entities) {
    ArticleEntities entities = options.entities->extract(article.title, title, article.body, body);
    add_entities(entities, options.entities->gazetteer(), doc);
    if (names) *names = std::move(entities.names);
  }
  add_boolean_terms(article, doc);
  doc.add_value(schema::kSlotId, article.id);
  doc.set_data(encode_stored(article));
  return doc;
}

}  // namespace akhbar
