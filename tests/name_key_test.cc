// Name keys (common/name_key.h): spellings of one unknown name meet in one id.
// Inputs are written as Arabic is printed and normalized first, as the
// extractor's tokens are.
#include <catch2/catch.hpp>

#include <string>

#include "entities/name_key.h"
#include "text/normalizer.h"

namespace {

std::string key(const std::string& written) { return akhbar::name_key(akhbar::normalize(written)); }

}  // namespace

TEST_CASE("spelling variants of one name have one key", "[entities][name_key]") {
  struct Row {
    const char* a;
    const char* b;
  };
  const Row rows[] = {
      {"قوات سوريا الديموقراطية", "قوات سوريا الديمقراطية"},
      {"الحزب الديموقراطي الكردستاني", "الحزب الديمقراطي الكردستاني"},
      {"حركة البيروقراطية", "حركة البيرقراطية"},
      {"الهيئة العليا المستقلة للانتخابات", "الهيئه العليا المستقلة للإنتخابات"},
      {"هيئة المسؤولية الاجتماعية", "هيئة المسئولية الإجتماعية"},
      {"مؤسسة التلفزة التونسية", "مؤسسة التلفزة التونسيه"},
      {"جمعية المستشفى الأميركي", "جمعيه المستشفي الأميركي"},
      {"بالهيئة العامة للجمارك", "الهيئة العامة للجمارك"},
      {"والحزب الشيوعي", "الحزب الشيوعي"},
      {"الباجي قائد السبسي", "الباجي قايد السبسي"},
      {"للبنك المركزي التركي", "البنك المركزي التركي"},
      {"للأمم المتحدة", "الأمم المتحدة"},
      {"وبالمجلس الأعلى", "المجلس الأعلى"},
  };
  for (const Row& r : rows) {
    SECTION(r.a) { CHECK(key(r.a) == key(r.b)); }
  }
}

TEST_CASE("a name key keeps what tells names apart", "[entities][name_key]") {
  struct Row {
    const char* written;
    const char* expected;  // normalized
  };
  const Row rows[] = {
      {"قوات سوريا الديموقراطية", "قوات سوريا الديمقراطيه"},
      {"يوسف الشاهد", "يوسف الشاهد"},      // short words keep their و
      {"محمود عباس", "محمود عباس"},
      {"سعيد", "سعيد"},
      {"الحكومة السعودية", "الحكومه السعوديه"},  // pattern and nisba keep their و
      {"مركز المعلومات", "مركز المعلومات"},
      {"مجلس الوزراء", "مجلس الوزراء"},                  // ي is never dropped: سعيد is not سعد
      {"بالي", "بالي"},                  // too short for ب + ال
      {"باسم يوسف", "باسم يوسف"},        // ب is its first letter
      {"وليد جنبلاط", "وليد جنبلاط"},    // و is its first letter
      {"للتنمية الاجتماعية", "التنميه الاجتماعيه"},
      {"Human Rights Watch", "human rights watch"},
  };
  for (const Row& r : rows) {
    SECTION(r.written) { CHECK(key(r.written) == r.expected); }
  }
}
