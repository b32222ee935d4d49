// Latin-script names in queries: which words of a query are read as a
// gazetteer entity's English name, and that a search finds the articles
// that mention the entity in Arabic.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "query/latin_names.h"
#include "query/query_builder.h"
#include "query/query_reading.h"
#include "test_support.h"

using akhbar::LatinNames;
using akhbar::read_query;
using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::TempDir;
using akhbar::testing::write_file;

TEST_CASE("folding for names: case and diacritics", "[query][latin]") {
  CHECK(akhbar::fold_latin("Damascus") == "damascus");
  CHECK(akhbar::fold_latin("ÉLYSÉE") == "elysee");
  CHECK(akhbar::fold_latin("Mevlüt Çavuşoğlu") == "mevlut cavusoglu");
  CHECK(akhbar::is_latin_word("Damascus"));
  CHECK(akhbar::is_latin_word("Çavuşoğlu"));
  CHECK_FALSE(akhbar::is_latin_word("دمشق"));
  CHECK_FALSE(akhbar::is_latin_word("2018"));
}

TEST_CASE("Latin words that name a gazetteer entity are read as the entity", "[query][latin]") {
  const LatinNames names(akhbar::testing::default_gazetteer());
  struct Row {
    const char* query;
    const char* text;                   // what the parser reads
    std::vector<std::string> terms;     // each marked name's index terms, in order
  };
  const std::vector<Row> rows = {
      {"Damascus", "akhbarname:0", {"XPLg:170654"}},
      {"damascus", "akhbarname:0", {"XPLg:170654"}},
      {"DAMASCUS", "akhbarname:0", {"XPLg:170654"}},
      {"Dámascus", "akhbarname:0", {"XPLg:170654"}},                // diacritics folded
      {"Trump", "akhbarname:0", {"XPEp:trump"}},
      {"ISIS", "akhbarname:0", {"XOGo:isis"}},
      {"Islamic State", "akhbarname:0", {"XOGo:isis"}},             // two words, one name
      {"\"United Nations\"", "akhbarname:0", {"XOGo:un"}},          // a quoted name
      {"United Nations", "akhbarname:0", {"XOGo:un"}},              // unquoted: the longest name
      {"Elysee", "akhbarname:0", {"XOGo:elysee"}},                  // "Élysée" without accents
      {"Fethullah Gulen", "akhbarname:0", {"XPEp:gulen"}},
      {"Damascus Governorate", "akhbarname:0", {"XPLa:SY.13"}},     // longest, not "Damascus"
      {"Trump Damascus", "akhbarname:0 akhbarname:1", {"XPEp:trump", "XPLg:170654"}},
      {"Damascus OR ISIS", "akhbarname:0 OR akhbarname:1", {"XPLg:170654", "XOGo:isis"}},
      {"(Damascus) -ISIS", "(akhbarname:0) -akhbarname:1", {"XPLg:170654", "XOGo:isis"}},
      {"قصف Damascus", "قصف akhbarname:0", {"XPLg:170654"}},
      {"Damascus weather", "akhbarname:0 weather", {"XPLg:170654"}},  // the unknown word stays
      {"weather", "weather", {}},                                     // unknown Latin: as written
      {"دمشق", "دمشق", {}},                                           // Arabic: as today
      {"title:Damascus", "title:Damascus", {}},                       // a field keeps its word
      {"\"Damascus weather\"", "\"Damascus weather\"", {}},           // a phrase that is no name
      {"United", "United", {}},                                       // part of a name only
  };
  for (const Row& row : rows) {
    INFO(row.query);
    akhbar::QueryReading r = read_query(row.query);
    names.mark(r);
    CHECK(r.text == row.text);
    REQUIRE(r.names.size() == row.terms.size());
    for (size_t i = 0; i < row.terms.size(); ++i) {
      CHECK(std::find(r.names[i].terms.begin(), r.names[i].terms.end(), row.terms[i]) != r.names[i].terms.end());
    }
  }
}

TEST_CASE("a marked name matches the words as written OR the entity's terms", "[query][latin]") {
  const LatinNames names(akhbar::testing::default_gazetteer());
  akhbar::QueryReading r = read_query("Damascus");
  names.mark(r);
  const std::string q = akhbar::build_text_query(r, false).get_description();
  CHECK_THAT(q, Catch::Contains("damascus"));        // the literal word
  CHECK_THAT(q, Catch::Contains("XPLg:170654"));     // the place, as --place reads it
  CHECK_THAT(q, Catch::Contains("دمشق"));            // its Arabic name, for ranking
  // The exact-form boost holds only the words as written.
  CHECK_THAT(akhbar::build_exact_forms(r, false).get_description(), !Catch::Contains("XPL"));
}

TEST_CASE("searching a Latin name finds the articles that mention the entity", "[query][latin][e2e]") {
  TempDir dir;
  write_file(dir / "in.jsonl",
             R"({"id":"d1","date":"2018-01-05","title":"قصف في دمشق","body":"شهدت دمشق قصفا عنيفا صباح اليوم"})" "\n"
             R"({"id":"d2","date":"2018-01-06","title":"ترامب يزور الرياض","body":"وصل الرئيس الأمريكي دونالد ترامب إلى الرياض"})" "\n"
             R"({"id":"d3","date":"2018-01-07","title":"اجتماع للأمم المتحدة","body":"عقدت الأمم المتحدة اجتماعا في جنيف"})" "\n"
             R"({"id":"d4","date":"2018-01-08","title":"Weather report","body":"The weather in Damascus is cold"})" "\n");
  const auto indexed = run_command(binary("akhbar-index") + " --no-progress --db " + (dir / "db") + " " + (dir / "in.jsonl"));
  REQUIRE(indexed.status == 0);
  struct Row {
    const char* query;
    std::vector<std::string> ids;  // sorted
  };
  const std::vector<Row> rows = {
      {"Damascus", {"d1", "d4"}},          // the entity (d1) OR the word as written (d4)
      {"damascus", {"d1", "d4"}},
      {"Trump", {"d2"}},
      {"\"United Nations\"", {"d3"}},
      {"United Nations", {"d3"}},
      {"weather", {"d4"}},                 // an unknown word, as written
      {"دمشق", {"d1"}},                    // Arabic as today
  };
  for (const Row& row : rows) {
    INFO(row.query);
    const auto r = run_command(binary("akhbar-search") + " --db " + (dir / "db") + " --json " + shell_quote(row.query));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const nlohmann::json answer = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    for (const auto& hit : answer.at("results")) ids.push_back(hit.at("id"));
    std::sort(ids.begin(), ids.end());
    CHECK(ids == row.ids);
  }
}
