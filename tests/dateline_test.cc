// Datelines: the place a wire article was filed from, read from the opening
// words of its body.
#include <catch2/catch.hpp>

#include "test_support.h"

#include <string>
#include <vector>

#include "entities/dateline.h"
#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "text/tokenizer.h"

namespace {

const akhbar::EntityExtractor& extractor() {
  const akhbar::Gazetteer& g = akhbar::testing::default_gazetteer();
  static const akhbar::EntityExtractor e(g);
  return e;
}

std::string origin(const std::string& body) {
  const std::vector<akhbar::Token> tokens = akhbar::tokenize(body);
  return akhbar::find_origin(body, tokens, extractor().find_mentions(body, tokens));
}

}  // namespace

TEST_CASE("the dateline that opens a wire article gives its origin", "[entities]") {
  struct Case {
    const char* body;
    const char* origin;
  };
  const Case cases[] = {
      {"دمشق – وكالات : قال مسؤول سوري", "g:170654"},
      {"دمشق - وكالات: قال مسؤول سوري", "g:170654"},
      {"القاهرة (رويترز) - أعلنت الحكومة", "g:360630"},
      {"بيروت - ا ف ب: اندلعت اشتباكات", "g:276781"},
      {"بيروت - أ.ف.ب: اندلعت اشتباكات", "g:276781"},
      {"دبي، الإمارات العربية المتحدة (CNN)— قال الإعلامي", "g:292223"},
      {"واشنطن، الولايات المتحدة الأمريكية (CNN) -- قال وزير", "g:4140963"},
      {"الرياض: أعلنت وزارة الداخلية", "g:108410"},
      {"عمّان - بترا - استقبل", "c:OM"},  // عمان is Oman first, as in text matching
      {"\"غزة - وكالات\" قصفت الطائرات", "g:281133"},
      {"بغداد/ رويترز/ قال", "g:98182"},
  };
  for (const Case& c : cases) {
    SECTION(c.body) { CHECK(origin(c.body) == c.origin); }
  }
}

TEST_CASE("a body that does not open with a dateline has no origin", "[entities]") {
  const char* bodies[] = {
      "",
      "قال مسؤول في دمشق - وكالات",               // the place is not first
      "دمشق تعلن الحداد العام",                   // no closing mark
      "دمشق وبيروت تتفقان على",                    // no closing mark
      "وزارة الخارجية: بيان",                      // not a place
      "السوري - وكالات: قال",                      // an adjective, not a place
      "مرحبا دمشق - وكالات",                       // not at the start
  };
  for (const char* body : bodies) {
    SECTION(body) { CHECK(origin(body).empty()); }
  }
}
