#include <catch2/catch.hpp>

#include "index/schema.h"

using akhbar::schema::serialise_list;
using akhbar::schema::unserialise_list;

TEST_CASE("value lists round-trip, including empty and long entries", "[schema]") {
  const std::vector<std::vector<std::string>> rows = {
      {}, {""}, {"g:170654"}, {"c:SY", "g:170654", "c:LB"}, {std::string(300, 'a'), "b"}};
  for (const auto& row : rows) CHECK(unserialise_list(serialise_list(row)) == row);
}

TEST_CASE("a corrupt value list never reads past its end", "[schema]") {
  CHECK(unserialise_list("\x05" "ab") .empty());
  CHECK(unserialise_list("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").empty());
}

TEST_CASE("labels fold case and Arabic spelling for their filter terms", "[schema]") {
  CHECK(akhbar::schema::fold_label("BBC") == "bbc");
  CHECK(akhbar::schema::fold_label("سياسة") == akhbar::schema::fold_label("سياسه"));
}
