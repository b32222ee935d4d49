// TextLayout: lays out a paragraph of styled text for a terminal: display
// widths, wrapping at word boundaries, optional bidi reordering with Arabic
// shaping (bidi_layout.h), and ANSI styles.
//
// Widths come from ICU: a code point of general category Mn, Me or Cf
// (Arabic harakat, shadda, tatweel's neighbours ZWJ/ZWNJ, bidi marks) takes
// no column, an East Asian Wide or Fullwidth one two, any other one.
// Line breaks come from ICU's line BreakIterator (UAX #14): a line ends at
// a break opportunity, trailing spaces are not counted; a word longer than
// the width is cut at a code point that starts a column. Wrapping happens
// on the logical text, before reordering, so a wrapped Arabic paragraph
// reads top to bottom, each line right to left. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace akhbar {

enum class Style : uint8_t { Plain, Bold, Dim, Match };

// Text as code points with a style each.
struct StyledText {
  std::u32string text;
  std::vector<Style> style;  // one per code point of text

  // Appends UTF-8 (invalid bytes become U+FFFD); newlines, tabs and other
  // control characters become spaces.
  StyledText& add(std::string_view utf8, Style s = Style::Plain);
};

struct LayoutOptions {
  size_t width = 0;    // columns; 0: no wrapping
  bool bidi = false;   // reorder and shape for a terminal without bidi
  bool color = false;  // ANSI styles; without them, Match is shown in [brackets]
};

size_t char_width(char32_t c);
size_t display_width(const std::u32string& text);
size_t display_width(std::string_view utf8);

// [begin, end) code point ranges of the lines of `paragraph` wrapped to
// `width` columns (each line without its trailing spaces; none empty
// unless the paragraph is). width 0: one line.
std::vector<std::pair<size_t, size_t>> wrap_lines(const std::u32string& paragraph, size_t width);

// The paragraph laid out: its first line prefixed with `first_indent`, the
// others with `indent` (of the same width, taken from `width`), each ended
// with '\n'. With bidi and a width, the lines of a right-to-left paragraph
// are aligned on the right edge, where they start.
std::string lay_out(const StyledText& paragraph, const LayoutOptions& options, std::string_view first_indent,
                    std::string_view indent);
inline std::string lay_out(const StyledText& paragraph, const LayoutOptions& options, std::string_view indent = "") {
  return lay_out(paragraph, options, indent, indent);
}

// UTF-8 of `text`, with ANSI escapes for its styles when `color`.
std::string render(const StyledText& text, bool color);

std::string to_utf8(const std::u32string& text);
std::u32string to_utf32(std::string_view utf8);

}  // namespace akhbar
