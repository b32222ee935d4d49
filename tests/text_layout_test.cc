// Widths and wrapping for the terminal (ICU: East Asian width, general
// category, line breaking).
#include <catch2/catch.hpp>

#include "output/text_layout.h"

namespace {

std::vector<std::string> wrapped(const std::string& text, size_t width) {
  const std::u32string t = akhbar::to_utf32(text);
  std::vector<std::string> out;
  for (const auto& r : akhbar::wrap_lines(t, width)) out.push_back(akhbar::to_utf8(t.substr(r.first, r.second - r.first)));
  return out;
}

}  // namespace

TEST_CASE("display widths count Arabic combining marks as zero columns", "[layout]") {
  struct Row {
    const char* text;
    size_t columns;
  };
  const std::vector<Row> rows = {
      {"abc", 3},
      {"دمشق", 4},
      {"عَرَبِيّ", 4},        // four letters; fatha, kasra, shadda take no column
      {"مُحَمَّد", 4},        // damma, fatha, shadda
      {"كتـــاب", 7},         // tatweel is a letter-width stroke
      {"لا\u200D", 2},        // ZERO WIDTH JOINER (Cf)
      {"\u200Fدمشق", 4},      // RIGHT-TO-LEFT MARK (Cf)
      {"中文", 4},            // East Asian wide
      {"٢٠١٨", 4},            // Arabic-Indic digits
      {"", 0},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(akhbar::display_width(std::string_view(row.text)) == row.columns);
  }
}

TEST_CASE("lines wrap at word boundaries to the width", "[layout]") {
  struct Row {
    const char* text;
    size_t width;
    std::vector<std::string> lines;
  };
  const std::vector<Row> rows = {
      {"one two three", 7, {"one two", "three"}},
      {"one two three", 8, {"one two", "three"}},
      {"one two three", 13, {"one two three"}},
      {"one two three", 0, {"one two three"}},
      // Arabic wraps between words, in logical order.
      {"قال الرئيس في بيان", 10, {"قال الرئيس", "في بيان"}},
      // Harakat take no column: "قَالَ الرَّئِيسُ" is 10 columns wide.
      {"قَالَ الرَّئِيسُ في", 10, {"قَالَ الرَّئِيسُ", "في"}},
      // Mixed Arabic, Latin and digits.
      {"أعلنت Reuters في 2018 أن", 12, {"أعلنت", "Reuters في", "2018 أن"}},
      // A word longer than the width is cut; marks stay with their letter.
      {"abcdefghij", 4, {"abcd", "efgh", "ij"}},
      {"عَرَبِيّ", 2, {"عَرَ", "بِيّ"}},
      // Spaces at the end of a line are not counted.
      {"ab    cd", 2, {"ab", "cd"}},
  };
  for (const Row& row : rows) {
    INFO(row.text << " @" << row.width);
    CHECK(wrapped(row.text, row.width) == row.lines);
  }
}

TEST_CASE("laid out text: indents, matches in brackets without colour, ANSI styles with it", "[layout]") {
  akhbar::StyledText p;
  p.add("cease ").add("fire", akhbar::Style::Match).add(" in Syria");
  akhbar::LayoutOptions plain;
  plain.width = 16;
  CHECK(akhbar::lay_out(p, plain, "   ") == "   cease [fire]\n   in Syria\n");
  akhbar::LayoutOptions color;
  color.color = true;
  CHECK(akhbar::lay_out(p, color) == "cease \033[1;31mfire\033[0m in Syria\n");
  // The first line may have its own prefix.
  akhbar::StyledText title;
  title.add("one two three four");
  CHECK(akhbar::lay_out(title, plain, "1. ", "   ") == "1. one two three\n   four\n");
}
