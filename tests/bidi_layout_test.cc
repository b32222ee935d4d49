// The bidi layer: logical lines in, the visual lines a terminal without
// bidi support must be sent. Expectations are written from the Unicode
// Bidirectional Algorithm and the Arabic joining rules by hand (each was
// also checked against the `fribidi` command of Debian's libfribidi-bin).
#include <catch2/catch.hpp>

#include "output/bidi_layout.h"
#include "output/text_layout.h"

using akhbar::StyledText;

namespace {

// The visual lines of `logical` cut at `width` columns (0: one line).
std::vector<std::u32string> visual(const std::string& logical, size_t width = 0) {
  StyledText p;
  p.add(logical);
  std::vector<std::u32string> out;
  for (const StyledText& line : akhbar::visual_lines(p, akhbar::wrap_lines(p.text, width)).lines) {
    out.push_back(line.text);
  }
  return out;
}

}  // namespace

TEST_CASE("a line is reordered for display and its Arabic letters joined", "[bidi]") {
  struct Row {
    const char* logical;
    std::u32string visual;
    const char* why;
  };
  const std::vector<Row> rows = {
      // Pure Arabic: right to left, so reversed; each letter in its joined
      // form: DAL isolated (it never joins forward), MEEM initial, SHEEN
      // medial, QAF final — written last-first.
      {"دمشق", U"\uFED6\uFEB8\uFEE3\uFEA9", "RTL word: reversed, presentation forms"},
      // LAM + ALEF make one ligature (the second cell's filler dropped).
      {"سلام", U"\uFEE1\uFEFC\uFEB3", "lam-alef ligature, final form after a joining letter"},
      {"لا", U"\uFEFB", "isolated lam-alef"},
      // European digits keep their order inside a right-to-left line,
      // which puts the number on the left.
      {"دمشق 2018", U"2018 \uFED6\uFEB8\uFEE3\uFEA9", "number in an RTL paragraph"},
      // A Latin word inside Arabic stays left to right.
      {"قال Reuters إن", U"\uFEE5\uFE87 Reuters \uFEDD\uFE8E\uFED7", "LTR run inside RTL"},
      // A left-to-right paragraph (first strong letter Latin): only the
      // Arabic run is reversed.
      {"abc دمشق def", U"abc \uFED6\uFEB8\uFEE3\uFEA9 def", "RTL run inside LTR"},
      // Brackets are mirrored in a right-to-left run: "(" written first
      // shows on the right as ")".
      {"(القدس)", U"(\uFEB1\uFEAA\uFED8\uFEDF\uFE8D)", "mirrored brackets"},
      // Harakat stay after their letter in memory, so that the terminal
      // draws each on its base's cell.
      {"عَرَبِيّ", U"\uFEF2\u0651\uFE91\u0650\uFEAE\u064E\uFECB\u064E", "combining marks follow their base"},
      {"Hello, world", U"Hello, world", "Latin only: unchanged"},
  };
  for (const Row& row : rows) {
    INFO(row.why << ": " << row.logical);
    const std::vector<std::u32string> lines = visual(row.logical);
    REQUIRE(lines.size() == 1);
    CHECK(akhbar::to_utf8(lines[0]) == akhbar::to_utf8(row.visual));
  }
}

TEST_CASE("a wrapped Arabic paragraph reads top to bottom, each line right to left", "[bidi]") {
  // "واحد اثنان ثلاثة" (one two three) at 10 columns: the logical lines
  // are "واحد اثنان" and "ثلاثة"; the first word is on the first line, at
  // its right end.
  const std::vector<std::u32string> lines = visual("واحد اثنان ثلاثة", 10);
  REQUIRE(lines.size() == 2);
  // اثنان on the left, then واحد on the right, each reversed: ALEF and
  // WAW never join forward, so the letter after them starts a new join
  // (THEH and HAH initial), DAL and NOON end theirs.
  CHECK(akhbar::to_utf8(lines[0]) == akhbar::to_utf8(U"\uFEE5\uFE8E\uFEE8\uFE9B\uFE8D \uFEAA\uFEA3\uFE8D\uFEED"));
  // ثلاثة: THEH initial, LAM-ALEF final ligature, THEH initial, TEH
  // MARBUTA final.
  CHECK(akhbar::to_utf8(lines[1]) == akhbar::to_utf8(U"\uFE94\uFE9B\uFEFC\uFE9B"));
}

TEST_CASE("styles follow their characters through reordering", "[bidi]") {
  StyledText p;
  p.add("قال ").add("الرئيس", akhbar::Style::Match);
  const auto v = akhbar::visual_lines(p, akhbar::wrap_lines(p.text, 0));
  REQUIRE(v.lines.size() == 1);
  CHECK(v.rtl);
  // The matched word, last in logical order, is first (leftmost) on screen.
  const std::vector<akhbar::Style>& style = v.lines[0].style;
  CHECK(style.front() == akhbar::Style::Match);
  CHECK(style.back() == akhbar::Style::Plain);
}

TEST_CASE("laid out with bidi, a right-to-left paragraph is aligned on the right", "[bidi]") {
  akhbar::LayoutOptions options;
  options.width = 20;
  options.bidi = true;
  StyledText p;
  p.add("دمشق");
  // 20 columns: 16 spaces, then the 4 letters.
  CHECK(akhbar::lay_out(p, options) == std::string(16, ' ') + akhbar::to_utf8(U"\uFED6\uFEB8\uFEE3\uFEA9") + "\n");
  StyledText latin;
  latin.add("Damascus");
  CHECK(akhbar::lay_out(latin, options) == "Damascus\n");
}
