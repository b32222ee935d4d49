// WordFilter (entities/word_filter.h): never says no to a word it holds,
// and says no to most others.
#include <catch2/catch.hpp>

#include <string>
#include <unordered_map>

#include "entities/gazetteer.h"
#include "entities/word_filter.h"
#include "test_support.h"
#include "text/normalizer.h"

using akhbar::WordFilter;

TEST_CASE("a word filter holds every word added, growing with its map", "[entities][word_filter]") {
  std::unordered_map<std::string, int> map;
  WordFilter filter;
  for (int i = 0; i < 20000; ++i) {
    const std::string key = "كلمة" + std::to_string(i);
    map.emplace(key, i);
    filter.add_key(map, key);
  }
  CHECK(filter.room_for(map.size()));
  for (const auto& entry : map) {
    INFO(entry.first);
    REQUIRE(filter.may_contain(entry.first));
  }
  // Words never added: few pass.
  int passed = 0;
  for (int i = 0; i < 20000; ++i) passed += filter.may_contain("غيرها" + std::to_string(i));
  CHECK(passed < 20000 * 5 / 100);
}

TEST_CASE("a word filter of a few words", "[entities][word_filter]") {
  WordFilter filter(3);
  const char* const held[] = {"دمشق", "بيروت", "الامم"};
  for (const char* w : held) filter.add(w);
  for (const char* w : held) CHECK(filter.may_contain(w));
  CHECK(filter.room_for(3));
  CHECK_FALSE(filter.room_for(1000));
}

TEST_CASE("the gazetteer's filtered lookups find every first word and given name", "[entities][word_filter]") {
  const akhbar::Gazetteer& g = akhbar::testing::default_gazetteer();
  // Words the gazetteer holds as the first word of a name, or as a given name.
  struct Row {
    const char* word;
    bool first_word;
    bool given;
  };
  const Row rows[] = {
      {"دمشق", true, false},
      {"محمد", true, true},   // first word of known persons, and a given name
      {"جورج", true, true},
      {"الذي", false, false},  // a function word: neither
      {"قال", false, false},
  };
  for (const Row& row : rows) {
    INFO(row.word);
    const std::string w = akhbar::normalize(row.word);
    CHECK((g.patterns(w) != nullptr) == row.first_word);
    CHECK((g.given_name(w) != akhbar::Gazetteer::NameClass::None) == row.given);
  }
}
