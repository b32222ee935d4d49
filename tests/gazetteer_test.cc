// Gazetteer loading (TSV rows, bad lines, merges, user files) and lookups
// (variants, English names, ids, ancestors).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "entities/entity_lexicon.h"
#include "entities/gazetteer.h"
#include "text/normalizer.h"
#include "text/stopwords.h"

using akhbar::EntityKind;
using akhbar::EntityType;
using akhbar::Gazetteer;
using akhbar::GazetteerProblem;

namespace {

// A small world: a country, its region, a city, an actor, a nationality.
constexpr const char* kWorld =
    "# id\ttype\tarabic\tenglish\tvariants\tparents\n"
    "r:levant\tregion\tبلاد الشام\tLevant\tالشام\n"
    "c:SY\tcountry\tسوريا\tSyria\tسورية|الجمهورية العربية السورية\tr:levant\n"
    "a:SY.09\tregion\tمحافظة حلب\tAleppo Governorate\t\tc:SY\n"
    "g:170063\tcity\tحلب\tAleppo\t\ta:SY.09\n"
    "g:170654\tcity\tدمشق\tDamascus|Damas\tالشام\tc:SY\n"
    "o:isis\torganization\tتنظيم الدولة الإسلامية\tIslamic State|ISIS\tداعش|الدولة الإسلامية\n"
    "n:SY\tnationality\tسوري\tSyrian\t\tc:SY\n"
    "\n";

Gazetteer world(std::vector<GazetteerProblem>& problems) {
  Gazetteer g;
  g.add_tsv("world.tsv", kWorld, problems);
  g.check_parents(problems);
  return g;
}

std::string temp_file(const std::string& name, const std::string& content) {
  const std::string path = std::string(AKHBAR_BINARY_DIR) + "/" + name;
  std::ofstream(path) << content;
  return path;
}

}  // namespace

TEST_CASE("gazetteer rows give entries with display name, type, English names and parents",
          "[entities]") {
  std::vector<GazetteerProblem> problems;
  const Gazetteer g = world(problems);
  CHECK(problems.empty());
  CHECK(g.size() == 7);
  CHECK(g.count(EntityType::City) == 2);
  const akhbar::GazetteerEntry* damascus = g.find("g:170654");
  REQUIRE(damascus);
  CHECK(damascus->arabic == "دمشق");
  CHECK(damascus->type == EntityType::City);
  CHECK(damascus->english == std::vector<std::string>{"Damascus", "Damas"});
  CHECK(damascus->parents == std::vector<std::string>{"c:SY"});
  CHECK(g.display_name("o:isis") == "تنظيم الدولة الإسلامية");
  CHECK(g.type("n:SY") == EntityType::Nationality);
  CHECK(g.find("c:XX") == nullptr);
  CHECK(g.display_name("c:XX").empty());
}

TEST_CASE("ids found by rule are displayed by their name", "[entities]") {
  const Gazetteer g;
  CHECK(g.display_name("p:محمد الاحمدي") == "محمد الاحمدي");
  CHECK(g.type("o:وزاره الخارجيه") == EntityType::Organization);
}

TEST_CASE("bad gazetteer lines are skipped and reported with file and line", "[entities]") {
  struct Row {
    const char* line;
    const char* problem;  // part of the message
  };
  const Row rows[] = {
      {"c:SY\tcountry", "expected 3 to 6"},
      {"a\tb\tc\td\te\tf\tg", "expected 3 to 6"},
      {"c:SY\tstate\tسوريا", "unknown type 'state'"},
      {"bad id\tcity\tحلب", "bad id"},
      {"c:SY\tcountry\t", "empty Arabic name"},
      {"c:SY\tcity\tسوريا", "c:SY is already a country"},
      {"g:1\tcity\tحلب\t\t!!!", "variant without a word"},
  };
  for (const Row& row : rows) {
    SECTION(row.line) {
      std::vector<GazetteerProblem> problems;
      Gazetteer g;
      g.add_tsv("a.tsv", "# header\nc:SY\tcountry\tسوريا\n" + std::string(row.line) + "\n", problems);
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].file == "a.tsv");
      CHECK(problems[0].line == 3);
      CHECK_THAT(problems[0].what, Catch::Contains(row.problem));
      CHECK_THAT(problems[0].to_string(), Catch::StartsWith("a.tsv:3: "));
      CHECK(g.find("c:SY"));  // the good line is kept
    }
  }
}

TEST_CASE("an unknown parent is reported at the row that names it", "[entities]") {
  std::vector<GazetteerProblem> problems;
  Gazetteer g;
  g.add_tsv("p.tsv", "g:1\tcity\tحلب\t\t\tc:SY\n", problems);
  g.check_parents(problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].to_string() == "p.tsv:1: unknown parent 'c:SY' of g:1");
}

TEST_CASE("resolve finds ids by variant, article or not, English name and id", "[entities]") {
  std::vector<GazetteerProblem> problems;
  const Gazetteer g = world(problems);
  struct Case {
    const char* text;
    EntityKind kind;
    std::vector<std::string> ids;
  };
  const Case cases[] = {
      {"دمشق", EntityKind::Place, {"g:170654"}},
      {"Damascus", EntityKind::Place, {"g:170654"}},
      {"damascus", EntityKind::Place, {"g:170654"}},
      {"  DAMAS ", EntityKind::Place, {"g:170654"}},
      {"سورية", EntityKind::Place, {"c:SY"}},
      {"سوريّة", EntityKind::Place, {"c:SY"}},               // diacritics
      {"الجمهورية العربية السورية", EntityKind::Place, {"c:SY"}},
      {"Syria", EntityKind::Place, {"c:SY"}},
      {"c:SY", EntityKind::Place, {"c:SY"}},
      {"حلب", EntityKind::Place, {"g:170063"}},
      {"الحلب", EntityKind::Place, {"g:170063"}},            // with the article
      {"الشام", EntityKind::Place, {"g:170654", "r:levant"}},  // later loaded first
      {"شام", EntityKind::Place, {"g:170654", "r:levant"}},    // without it
      {"داعش", EntityKind::Organization, {"o:isis"}},
      {"isis", EntityKind::Organization, {"o:isis"}},
      {"الدولة الاسلامية", EntityKind::Organization, {"o:isis"}},
      {"داعش", EntityKind::Place, {}},                        // wrong kind
      {"سوري", EntityKind::Place, {}},                        // nationalities never
      {"بيروت", EntityKind::Place, {}},
      {"محمد الأحمدي", EntityKind::Person, {"p:محمد الاحمدي"}},  // the rule's id
      {"p:محمد الاحمدي", EntityKind::Person, {"p:محمد الاحمدي"}},
      {"وزارة الخارجية", EntityKind::Organization, {"o:وزاره الخارجيه"}},
  };
  for (const Case& c : cases) {
    SECTION(c.text) { CHECK(g.resolve(c.text, c.kind) == c.ids); }
  }
}

TEST_CASE("ancestors go from a city up to world regions, nearest first", "[entities]") {
  std::vector<GazetteerProblem> problems;
  const Gazetteer g = world(problems);
  CHECK(g.ancestors("g:170063") == std::vector<std::string>{"a:SY.09", "c:SY", "r:levant"});
  CHECK(g.ancestors("c:SY") == std::vector<std::string>{"r:levant"});
  CHECK(g.ancestors("r:levant").empty());
  CHECK(g.ancestors("g:404").empty());
}

TEST_CASE("a row with a known id adds variants and renames the entry", "[entities]") {
  std::vector<GazetteerProblem> problems;
  Gazetteer g = world(problems);
  g.add_tsv("more.tsv", "g:170063\tcity\tمدينة حلب\tHalab\tحلب الشهباء\ta:SY.09\n", problems);
  CHECK(problems.empty());
  const akhbar::GazetteerEntry* aleppo = g.find("g:170063");
  REQUIRE(aleppo);
  CHECK(aleppo->arabic == "مدينة حلب");
  CHECK(aleppo->english == std::vector<std::string>{"Aleppo", "Halab"});
  CHECK(aleppo->parents == std::vector<std::string>{"a:SY.09"});
  CHECK(g.resolve("حلب الشهباء", EntityKind::Place) == std::vector<std::string>{"g:170063"});
  CHECK(g.resolve("halab", EntityKind::Place) == std::vector<std::string>{"g:170063"});
}

TEST_CASE("nationality adjectives are indexed in all their regular forms", "[entities]") {
  std::vector<GazetteerProblem> problems;
  const Gazetteer g = world(problems);
  for (const char* form : {"سوري", "سوريه", "سوريان", "سوريين", "سوريون", "سوريتان", "سوريات"}) {
    SECTION(form) {
      const auto* list = g.patterns(form);
      REQUIRE(list);
      const bool has = std::any_of(list->begin(), list->end(), [&](const akhbar::GazetteerPattern& p) {
        return g.entries()[p.entry].id == "n:SY" && p.article_optional;
      });
      CHECK(has);
    }
  }
}

TEST_CASE("weak and descriptive variant marks are read", "[entities]") {
  std::vector<GazetteerProblem> problems;
  Gazetteer g;
  g.add_tsv("m.tsv", "c:ML\tcountry\tجمهورية مالي\tMali\t?مالي\nr:arab\tregion\tالوطن العربي\t\t~العالم العربي\n",
            problems);
  CHECK(problems.empty());
  const auto* mali = g.patterns("مالي");
  REQUIRE(mali);
  CHECK(mali->front().weak);
  const auto* arab = g.patterns("عالم");
  REQUIRE(arab);
  CHECK(arab->front().descriptive);
  CHECK(arab->front().first_has_article);
  CHECK(g.find("c:ML")->variants == std::vector<std::string>{"جمهورية مالي", "مالي"});
}

TEST_CASE("given names, some marked ambiguous", "[entities]") {
  Gazetteer g;
  g.add_given_names("# comment\nمحمد\n?علي\nجورج\n");
  CHECK(g.given_name("محمد") == Gazetteer::NameClass::Given);
  CHECK(g.given_name("علي") == Gazetteer::NameClass::AmbiguousGiven);
  CHECK(g.given_name("جورج") == Gazetteer::NameClass::Given);
  CHECK(g.given_name("بيت") == Gazetteer::NameClass::None);
}

TEST_CASE("no unambiguous given name normalizes to a function or common word", "[entities]") {
  // Normalization drops hamzas and the ال-like start of foreign names: آنا
  // becomes انا ("I"), إدوار ادوار ("roles"), بان reads as ب + ان ("that").
  // Such a name must be marked '?' or left out, or every "I" is a person.
  std::ifstream in(Gazetteer::default_dir() + "/given_names.txt");
  REQUIRE(in);
  const uint32_t not_a_name = akhbar::lexicon::kStop | akhbar::lexicon::kVerb | akhbar::lexicon::kCommon;
  std::string line;
  size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '?') continue;
    const std::string n = akhbar::normalize(line);
    INFO(line);
    CHECK_FALSE(akhbar::is_stopword(n));
    CHECK((akhbar::lexicon::classes(n) & not_a_name) == 0);
    // A name of three letters that is a clitic (و ف ب ل ك) and a function
    // word; longer ones are names (كولن, not ك + لن).
    for (const char* clitic : {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84", "\xd9\x83"}) {
      if (n.size() == 6 && n.rfind(clitic, 0) == 0) CHECK_FALSE(akhbar::is_stopword(n.substr(2)));
    }
    ++checked;
  }
  CHECK(checked > 800);
}

TEST_CASE("the default gazetteer loads cleanly and a user file overrides it", "[entities]") {
  const std::string user = temp_file("gazetteer_user_test.tsv",
                                     "p:ahmadi\tperson\tأبو محمد الأحمدي\tAbu Mohammed al-Ahmadi\tالأحمدي\n"
                                     "c:SY\tcountry\tسوريا\tSyria\tالقطر العربي السوري\n");
  std::vector<GazetteerProblem> problems;
  const Gazetteer g = Gazetteer::load(Gazetteer::default_dir(), {user}, problems);
  for (const GazetteerProblem& p : problems) INFO(p.to_string());
  CHECK(problems.empty());
  CHECK(g.count(EntityType::Country) > 240);
  CHECK(g.count(EntityType::Person) > 250);
  CHECK(g.count(EntityType::Organization) > 200);
  CHECK(g.resolve("الأحمدي", EntityKind::Person) == std::vector<std::string>{"p:ahmadi"});
  CHECK(g.resolve("القطر العربي السوري", EntityKind::Place) == std::vector<std::string>{"c:SY"});
  CHECK(g.resolve("Damascus", EntityKind::Place).front() == "g:170654");
  CHECK(g.resolve("داعش", EntityKind::Organization) == std::vector<std::string>{"o:isis"});
  CHECK(g.resolve("Trump", EntityKind::Person) == std::vector<std::string>{"p:trump"});
  const std::vector<std::string> up = g.ancestors("g:170063");  // Aleppo
  CHECK(std::find(up.begin(), up.end(), "c:SY") != up.end());
  CHECK(std::find(up.begin(), up.end(), "r:middle-east") != up.end());
  CHECK(std::find(up.begin(), up.end(), "r:levant") != up.end());
  std::remove(user.c_str());
}

TEST_CASE("a user gazetteer file that cannot be read is an error", "[entities]") {
  std::vector<GazetteerProblem> problems;
  CHECK_THROWS_AS(Gazetteer::load(Gazetteer::default_dir(), {"/nonexistent/g.tsv"}, problems),
                  akhbar::GazetteerError);
}
