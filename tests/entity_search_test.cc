// Place and actor facets and filters, end to end on the sample corpus: the
// counts equal what the extractor finds article by article, and filters take
// any name of an entity.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "test_support.h"

using akhbar::testing::binary;
using akhbar::testing::run_command;
using akhbar::testing::shell_quote;
using akhbar::testing::source_file;
using akhbar::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kSample = source_file("corpus/sample.jsonl");

struct Fixture {
  TempDir dir;
  std::string db = dir / "db";
  Fixture() {
    const auto r = run_command(binary("akhbar-index") + " --db " + db + " " + kSample);
    REQUIRE(r.status == 0);
  }
  json search(const std::string& args) const {
    const auto r = run_command(binary("akhbar-search") + " --db " + db + " --json " + args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
  }
};

std::set<std::string> ids(const json& results) {
  std::set<std::string> out;
  for (const auto& hit : results.at("results")) out.insert(hit.at("id").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("entity facets equal the extractor's findings, article by article", "[e2e][entities]") {
  Fixture f;
  std::vector<akhbar::GazetteerProblem> problems;
  const auto gazetteer = akhbar::Gazetteer::load(akhbar::Gazetteer::default_dir(), {}, problems);
  const akhbar::EntityExtractor extractor(gazetteer);
  std::map<std::string, size_t> places, persons, organizations;
  std::istringstream lines(akhbar::testing::read_file(kSample));
  std::string line;
  while (std::getline(lines, line)) {
    const json j = json::parse(line);
    const auto e = extractor.extract(j.value("title", ""), j.value("body", ""));
    for (const auto& id : e.places) ++places[id];
    for (const auto& id : e.persons) ++persons[id];
    for (const auto& id : e.organizations) ++organizations[id];
  }
  REQUIRE(places.size() > 20);
  const json r = f.search("--facet-limit 100000 --limit 0 ''");
  auto facet = [&](const char* name) {
    std::map<std::string, size_t> m;
    for (const auto& v : r.at("facets").at(name)) m[v.at("id")] = v.at("count");
    return m;
  };
  CHECK(facet("place") == places);
  CHECK(facet("person") == persons);
  CHECK(facet("organization") == organizations);
  std::map<std::string, size_t> actors = persons;
  actors.insert(organizations.begin(), organizations.end());
  CHECK(facet("actor") == actors);
}

TEST_CASE("a place filter takes the Arabic name, a variant, the English name or the id", "[e2e][entities]") {
  Fixture f;
  const auto arabic = ids(f.search("--limit 100 --place دمشق ''"));
  REQUIRE(!arabic.empty());
  for (const std::string spelling : {"Damascus", "damascus", "g:170654", "دِمَشق"}) {
    INFO(spelling);
    CHECK(ids(f.search("--limit 100 --place " + shell_quote(spelling) + " ''")) == arabic);
  }
}

TEST_CASE("a country filter includes the articles about its cities", "[e2e][entities]") {
  Fixture f;
  const auto city = ids(f.search("--limit 100 --place Damascus ''"));
  const auto country = ids(f.search("--limit 100 --place Syria ''"));
  REQUIRE(!city.empty());
  for (const auto& id : city) CHECK(country.count(id));
  CHECK(country.size() > city.size());
}

TEST_CASE("an actor filter takes any variant or short form", "[e2e][entities]") {
  Fixture f;
  const auto isis = ids(f.search("--limit 100 --actor داعش ''"));
  REQUIRE(!isis.empty());
  CHECK(ids(f.search("--limit 100 --actor ISIS ''")) == isis);
  CHECK(ids(f.search("--limit 100 --actor " + shell_quote("تنظيم الدولة الإسلامية") + " ''")) == isis);
}

TEST_CASE("results carry their places and actors; an unknown place is an error", "[e2e][entities]") {
  Fixture f;
  const json r = f.search("--place Damascus --limit 1 ''");
  REQUIRE(r.at("results").size() == 1);
  bool has_damascus = false;
  for (const auto& p : r.at("results")[0].at("places")) has_damascus |= p.at("name") == "دمشق";
  CHECK(has_damascus);
  const auto bad = run_command(binary("akhbar-search") + " --db " + f.db + " --place Atlantis ''");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown place 'Atlantis'") != std::string::npos);
}
