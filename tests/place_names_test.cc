// Places as a reader sees them: two places never read alike.
#include <catch2/catch.hpp>

#include "entities/gazetteer.h"
#include "facets/place_names.h"

TEST_CASE("places that share a name are told apart, the others shown as they are", "[entities]") {
  akhbar::Gazetteer g;
  std::vector<akhbar::GazetteerProblem> problems;
  g.add_tsv("t.tsv",
            "r:maghreb\tarea\tالمغرب العربي\n"
            "c:TN\tcountry\tتونس\tTunisia\t\tr:maghreb\n"
            "c:LY\tcountry\tليبيا\tLibya\t\tr:maghreb\n"
            "c:LB\tcountry\tلبنان\tLebanon\n"
            "c:SY\tcountry\tسوريا\tSyria\n"
            "a:LY.77\tregion\tشعبية طرابلس\t\t\tc:LY\n"
            "g:1\tcity\tتونس\tTunis\t\tc:TN\n"
            "g:2\tcity\tطرابلس\tTripoli\t\ta:LY.77\n"
            "g:3\tcity\tطرابلس\tTripoli\t\tc:LB\n"
            "g:4\tcity\tدمشق\tDamascus\t\tc:SY\n"
            "g:5\tarea\tالشمال\n"
            "g:6\tarea\tالشمال\t\t\tc:LB\n"
            "p:x\tperson\tتونس\n",
            problems);
  REQUIRE(problems.empty());
  const akhbar::PlaceNames names(g);
  const std::pair<const char*, const char*> rows[] = {
      {"c:TN", "تونس"},               // the country: the reading a bare name gets
      {"g:1", "تونس (مدينة)"},        // a capital named like its country
      {"g:2", "طرابلس (ليبيا)"},      // the country, not the region between
      {"g:3", "طرابلس (لبنان)"},
      {"g:4", "دمشق"},                // nobody shares it
      {"g:5", "الشمال (منطقة)"},      // in no country
      {"g:6", "الشمال (لبنان)"},
      {"r:maghreb", "المغرب العربي"},
      {"p:x", ""},                    // not a place
      {"g:404", ""},                  // unknown
  };
  for (const auto& [id, shown] : rows) {
    INFO(id);
    CHECK(names.shown(id) == shown);
  }
}
