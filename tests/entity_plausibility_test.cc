// Entity plausibility (common/entity_plausibility.h) and the country of a
// generic body (common/article_country.h): golden tables of names written by
// hand, checked on the default gazetteer.
#include <catch2/catch.hpp>

#include "test_support.h"

#include <string>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/entity_plausibility.h"
#include "entities/gazetteer.h"
#include "entities/name_key.h"
#include "text/normalizer.h"

using akhbar::EntityKind;

namespace {

const akhbar::Gazetteer& gazetteer() { return akhbar::testing::default_gazetteer(); }

bool plausible(EntityKind kind, const char* written) {
  return akhbar::plausible_name(gazetteer(), kind, akhbar::normalize(written));
}

struct Row {
  EntityKind kind;
  const char* name;
};

}  // namespace

TEST_CASE("function words, verbs and fragments are no names", "[entities][plausibility]") {
  const Row rows[] = {
      {EntityKind::Person, "حسبما"},
      {EntityKind::Person, "بينما"},
      {EntityKind::Person, "شارل خاض مسارا فريدا"},
      {EntityKind::Person, "محمد قال"},
      {EntityKind::Person, "في تونس"},
      {EntityKind::Person, "الرئيس"},
      {EntityKind::Organization, "رقص"},
      {EntityKind::Organization, "حركة النزوح"},
      {EntityKind::Organization, "ديلي"},
      {EntityKind::Organization, "الهيئة"},
      {EntityKind::Organization, "مؤسسة التلفزة التونسية الجائزة الثانية"},
      {EntityKind::Organization, "هيئة المهرجان في"},
      {EntityKind::Person, "عمر ناهز"},                 // عن عمر ناهز 80 عاما
      {EntityKind::Person, "عبد الرحمن"},               // a given name, not who
      {EntityKind::Person, "إتحاد بن قردان"},
      {EntityKind::Organization, "منظمة ارهابية"},      // indefinite: a description
      {EntityKind::Organization, "محكمة تركية"},
      {EntityKind::Organization, "مجلس الإدارة"},       // every company has one
      {EntityKind::Organization, "لجنة التحكيم"},
      {EntityKind::Organization, "مجلس إدارة الهيئة العامة للرياضة"},
      {EntityKind::Organization, "التيار الكهربائي"},
      {EntityKind::Organization, "شبكة التواصل الإجتماعي"},
  };
  for (const Row& r : rows) {
    SECTION(r.name) { CHECK_FALSE(plausible(r.kind, r.name)); }
  }
}

TEST_CASE("names stay names", "[entities][plausibility]") {
  const Row rows[] = {
      {EntityKind::Person, "علي لعريض"},        // علي is also the particle على
      {EntityKind::Person, "عبد الله بن عبد العزيز آل سعود"},
      {EntityKind::Person, "يوسف الشاهد"},
      {EntityKind::Person, "ماكرون"},
      {EntityKind::Organization, "ديلي تلغراف"},
      {EntityKind::Organization, "قوات سوريا الديمقراطية"},
      {EntityKind::Organization, "مؤسسة التلفزة التونسية"},
      {EntityKind::Organization, "حركة النهضة"},
      {EntityKind::Organization, "حركة فتح"},
      {EntityKind::Organization, "الحزب الاجتماعي الديمقراطي"},
      {EntityKind::Organization, "التيار الصدري"},
      {EntityKind::Organization, "الهيئة العليا المستقلة للانتخابات"},
  };
  for (const Row& r : rows) {
    SECTION(r.name) { CHECK(plausible(r.kind, r.name)); }
  }
}

TEST_CASE("a trigger noun with generic words is a generic body", "[entities][plausibility]") {
  struct GenericRow {
    const char* name;
    bool generic;
  };
  const GenericRow rows[] = {
      {"وزارة الداخلية", true},           {"البنك المركزي", true},
      {"الهيئة العامة", true},            {"المحكمة العليا", true},
      {"المحكمة الابتدائية", true},       {"مجلس الوزراء", true},
      {"وزارة الفلاحة", true},            {"الشرطة العدلية", true},
      {"وزارة الداخلية السعودية", false}, {"البنك المركزي التونسي", false},
      {"حركة النهضة", false},             {"الهيئة العامة للجمارك", false},
  };
  for (const GenericRow& r : rows) {
    SECTION(r.name) {
      CHECK(akhbar::generic_body(akhbar::name_key(akhbar::normalize(r.name))) == r.generic);
    }
  }
}

TEST_CASE("a trigger noun that is general or international is a fragment", "[entities][plausibility]") {
  CHECK(akhbar::fragment_body(akhbar::name_key(akhbar::normalize("الهيئة العامة"))));
  CHECK(akhbar::fragment_body(akhbar::name_key(akhbar::normalize("الاتحاد الدولي"))));
  CHECK_FALSE(akhbar::fragment_body(akhbar::name_key(akhbar::normalize("الهيئة العامة للجمارك"))));
  CHECK_FALSE(akhbar::fragment_body(akhbar::name_key(akhbar::normalize("وزارة الداخلية"))));
}

TEST_CASE("a generic body takes the article's country, or stays out", "[entities][plausibility]") {
  const akhbar::EntityExtractor extractor(gazetteer());
  struct ArticleRow {
    const char* body;
    std::string expected;  // organization id; "" when none
  };
  const ArticleRow rows[] = {
      {"أعلنت وزارة الداخلية السعودية اليوم عن إجراءات جديدة.", "o:وزاره الداخليه السعوديه"},
      {"الرياض - أعلنت وزارة الداخلية اليوم عن إجراءات جديدة في السعودية.",
       "o:وزاره الداخليه (السعوديه)"},
      {"أعلنت وزارة الداخلية اليوم عن إجراءات جديدة.", ""},
  };
  for (const ArticleRow& r : rows) {
    SECTION(r.body) {
      const akhbar::ArticleEntities e = extractor.extract("", r.body);
      std::vector<std::string> ministries;
      for (const std::string& id : e.organizations) {
        if (id.find("الداخليه") != std::string::npos) ministries.push_back(id);
      }
      if (r.expected.empty()) {
        CHECK(ministries.empty());
      } else {
        REQUIRE(ministries.size() == 1);
        CHECK(ministries[0] == r.expected);
      }
    }
  }
}

TEST_CASE("a name the gazetteer knows under another spelling gets its id", "[entities][plausibility]") {
  const akhbar::EntityExtractor extractor(gazetteer());
  const akhbar::ArticleEntities e =
      extractor.extract("", "وقالت قوات سوريا الديموقراطية في بيان إنها سيطرت على القرية.");
  CHECK(e.organizations == std::vector<std::string>{"o:sdf"});
}
