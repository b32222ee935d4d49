// akhbar-tag's command line: what it fills, and a one-line error naming the
// option for each bad value.
#include <catch2/catch.hpp>

#include "tag_options.h"

using akhbar::parse_tag_options;
using akhbar::TagUsageError;

namespace {

akhbar::TagCommand parse(std::vector<const char*> args) {
  args.insert(args.begin(), "akhbar-tag");
  return parse_tag_options(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("tag options fill the command", "[options]") {
  const auto c = parse({"--conll", "in.txt", "--gazetteer", "a.tsv", "--gazetteer", "b.tsv", "--data-dir", "d",
                        "--document-sentences", "20"});
  CHECK(c.conll == "in.txt");
  CHECK(c.gazetteers == std::vector<std::string>{"a.tsv", "b.tsv"});
  CHECK(c.data_dir == "d");
  CHECK(c.options.document_sentences == 20);
  CHECK(parse({"--conll", "-"}).options.document_sentences == 0);
  CHECK(parse({"--version"}).version);
  CHECK_THAT(parse({"--help"}).help_text, Catch::Contains("Exit status"));
}

TEST_CASE("bad tag options are one-line usage errors that name the option", "[options]") {
  const std::pair<std::vector<const char*>, const char*> rows[] = {
      {{}, "no input given (--conll FILE"},
      {{"--conll", "x", "--document-sentences", "-1"},
       "--document-sentences must be a whole number from 0 to 1000000, got '-1'"},
      {{"--conll", "x", "--document-sentences", "1000001"}, "--document-sentences must be a whole number"},
      {{"--conll", "x", "--document-sentences", "ten"}, "got 'ten'"},
      {{"--conll"}, "the required argument for option '--conll' is missing"},
      {{"--conll", "x", "--bogus"}, "unrecognised option '--bogus'"},
  };
  for (const auto& [args, message] : rows) {
    INFO(message);
    try {
      parse(args);
      FAIL("accepted");
    } catch (const TagUsageError& e) {
      CHECK_THAT(e.what(), Catch::Contains(message));
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
}
