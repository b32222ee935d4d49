// Where a tool finds its data: the option, then AKHBAR_DATA_DIR, then beside
// the executable, then the build-time directory; a given place that does not
// hold the data is an error.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "data_dir.h"
#include "test_support.h"

using akhbar::DataDirError;
using akhbar::find_data_dir;
using akhbar::testing::TempDir;

namespace {

struct ScopedEnv {
  explicit ScopedEnv(const std::string& value) { setenv("AKHBAR_DATA_DIR", value.c_str(), 1); }
  ~ScopedEnv() { unsetenv("AKHBAR_DATA_DIR"); }
};

}  // namespace

TEST_CASE("the data directory: option, environment, then the defaults", "[data]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "data/gazetteer");
  std::filesystem::create_directories(dir / "empty");
  unsetenv("AKHBAR_DATA_DIR");
  CHECK(find_data_dir(dir / "data") == dir / "data");
  CHECK_THROWS_WITH(find_data_dir(dir / "empty"), Catch::Contains("no gazetteer/ folder in it"));
  CHECK_THROWS_WITH(find_data_dir(dir / "nothing"), Catch::Contains("--data-dir") && Catch::Contains("no such directory"));
  {
    ScopedEnv env(dir / "data");
    CHECK(find_data_dir() == dir / "data");
    CHECK(find_data_dir(dir / "data") == dir / "data");  // the option first
  }
  {
    ScopedEnv env(dir / "empty");
    CHECK_THROWS_WITH(find_data_dir(), Catch::StartsWith("AKHBAR_DATA_DIR"));  // no fall-through
  }
  // Nothing given: the build tree's corpus/ (this test runs from the build tree).
  CHECK(std::filesystem::equivalent(find_data_dir(), akhbar::testing::source_file("corpus")));
  const auto defaults = akhbar::default_data_dirs();
  REQUIRE(defaults.size() == 2);
  CHECK_THAT(defaults[0], Catch::EndsWith("/share/akhbar"));  // beside the executable first
}
