#include <catch2/catch.hpp>

#include "text/utf8_repair.h"

namespace {

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;  // "?" stands for U+FFFD
  size_t replaced;
};

std::string with_fffd(std::string s) {
  std::string out;
  for (const char c : s) {
    if (c == '?') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("repair_utf8 replaces each maximal ill-formed subsequence", "[readers]") {
  const RepairCase kCases[] = {
      {"valid Arabic", "سلام", "سلام", 0},
      {"valid 4-byte", "\xF0\x9F\x93\xB0", "\xF0\x9F\x93\xB0", 0},
      {"stray continuation", "a\x80z", "a?z", 1},
      {"two stray bytes", "a\xFF\xFEz", "a??z", 2},
      {"truncated 2-byte at end", "سلا\xD9", "سلا?", 1},
      {"truncated 3-byte, one subpart", "a\xE2\x82z", "a?z", 1},
      {"overlong", "\xC0\xAF", "??", 2},
      {"overlong 3-byte", "\xE0\x80\xAF", "???", 3},
      {"surrogate", "\xED\xA0\x80", "???", 3},
      {"above U+10FFFF", "\xF4\x90\x80\x80", "????", 4},
      {"windows-1256", "\xD3\xE1\xC7\xE3", "????", 4},
      {"NUL is valid", std::string("a\0b", 3), std::string("a\0b", 3), 0},
  };
  for (const RepairCase& c : kCases) {
    INFO(c.name);
    std::string s = c.input;
    CHECK(akhbar::repair_utf8(s) == c.replaced);
    CHECK(s == with_fffd(c.expected));
    CHECK(akhbar::is_valid_utf8(s));
    CHECK(akhbar::is_valid_utf8(c.input) == (c.replaced == 0));
  }
}

TEST_CASE("repair_utf8 can use another replacement", "[readers]") {
  std::string s = "a\xFFz";
  CHECK(akhbar::repair_utf8(s, "#") == 1);
  CHECK(s == "a#z");
}

TEST_CASE("remove_nul drops NUL bytes and counts them", "[readers]") {
  std::string s("\0ن\0ص\0", 7);
  CHECK(akhbar::remove_nul(s) == 3);
  CHECK(s == "نص");
  CHECK(akhbar::remove_nul(s) == 0);
}
