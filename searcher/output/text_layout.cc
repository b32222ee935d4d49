#include "output/text_layout.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "output/bidi_layout.h"

namespace akhbar {
namespace {

using Ranges = std::vector<std::pair<size_t, size_t>>;

const char* escape(Style s) {
  switch (s) {
    case Style::Bold: return "\033[1m";
    case Style::Dim: return "\033[2m";
    case Style::Match: return "\033[1;31m";
    case Style::Plain: break;
  }
  return "\033[0m";
}

// Break opportunities of `text` as code point offsets, ascending, ending
// with text.size().
std::vector<size_t> break_positions(const std::u32string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                                             static_cast<int32_t>(text.size()));
  // UTF-16 offset -> code point offset.
  std::vector<size_t> to_cp(static_cast<size_t>(u.length()) + 1, 0);
  size_t cp = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    to_cp[static_cast<size_t>(i)] = cp++;
  }
  to_cp[static_cast<size_t>(u.length())] = cp;
  std::vector<size_t> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) return {text.size()};
  it->setText(u);
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    out.push_back(to_cp[static_cast<size_t>(b)]);
  }
  if (out.empty() || out.back() != text.size()) out.push_back(text.size());
  return out;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0' || c == U'\u3000'; }

size_t trim_end(const std::u32string& text, size_t begin, size_t end) {
  while (end > begin && is_space(text[end - 1])) --end;
  return end;
}

// Where a line from `begin` must be cut inside a word wider than `width`:
// before the first code point that would overflow and takes a column
// (marks stay with their base); at least one such code point is kept.
size_t hard_cut(const std::u32string& text, size_t begin, size_t end, size_t width) {
  size_t used = 0, i = begin;
  while (i < end) {
    const size_t w = char_width(text[i]);
    if (w > 0 && used + w > width && i > begin) break;
    used += w;
    ++i;
  }
  return i;
}

// `paragraph` with '[' and ']' around each run of matched words, for
// output without colour.
StyledText bracket_matches(const StyledText& p) {
  StyledText out;
  for (size_t i = 0; i < p.text.size(); ++i) {
    const bool match = p.style[i] == Style::Match;
    const bool opens = match && (i == 0 || p.style[i - 1] != Style::Match);
    if (opens) out.text.push_back(U'['), out.style.push_back(Style::Plain);
    out.text.push_back(p.text[i]);
    out.style.push_back(match ? Style::Plain : p.style[i]);
    if (match && (i + 1 == p.text.size() || p.style[i + 1] != Style::Match)) {
      out.text.push_back(U']'), out.style.push_back(Style::Plain);
    }
  }
  return out;
}

}  // namespace

StyledText& StyledText::add(std::string_view utf8, Style s) {
  for (char32_t c : to_utf32(utf8)) {
    text.push_back(c < 0x20 || c == 0x7f ? U' ' : c);
    style.push_back(s);
  }
  return *this;
}

size_t char_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int32_t eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

size_t display_width(const std::u32string& text) {
  size_t w = 0;
  for (char32_t c : text) w += char_width(c);
  return w;
}

size_t display_width(std::string_view utf8) { return display_width(to_utf32(utf8)); }

Ranges wrap_lines(const std::u32string& text, size_t width) {
  if (width == 0 || text.empty()) return {{0, trim_end(text, 0, text.size())}};
  std::vector<size_t> prefix(text.size() + 1, 0);  // columns of text[0, i)
  for (size_t i = 0; i < text.size(); ++i) prefix[i + 1] = prefix[i] + char_width(text[i]);
  const std::vector<size_t> breaks = break_positions(text);
  Ranges lines;
  size_t start = 0, fit = 0;  // fit: the furthest break that fits on the line from start
  size_t k = 0;
  while (k < breaks.size()) {
    const size_t b = breaks[k];
    const size_t end = trim_end(text, start, b);
    if (prefix[end] - prefix[start] <= width) {
      fit = b;
      ++k;
      continue;
    }
    if (fit > start) {
      lines.emplace_back(start, trim_end(text, start, fit));
      start = fit;
    } else {
      const size_t cut = hard_cut(text, start, end, width);
      lines.emplace_back(start, cut);
      start = cut;
      fit = start;
    }
  }
  if (start < text.size() || lines.empty()) lines.emplace_back(start, trim_end(text, start, text.size()));
  if (lines.size() > 1 && lines.back().first == lines.back().second) lines.pop_back();
  return lines;
}

std::string lay_out(const StyledText& paragraph, const LayoutOptions& options, std::string_view first_indent,
                    std::string_view indent) {
  const StyledText p = options.color ? paragraph : bracket_matches(paragraph);
  size_t width = 0;
  if (options.width > 0) {
    const size_t taken = display_width(indent);
    width = options.width > taken + 10 ? options.width - taken : 10;
  }
  const Ranges ranges = wrap_lines(p.text, width);
  VisualParagraph visual;
  if (options.bidi) {
    visual = visual_lines(p, ranges);
  } else {
    for (const auto& r : ranges) {
      visual.lines.push_back({p.text.substr(r.first, r.second - r.first),
                              {p.style.begin() + r.first, p.style.begin() + r.second}});
    }
  }
  std::string out;
  for (size_t i = 0; i < visual.lines.size(); ++i) {
    out.append(i == 0 ? first_indent : indent);
    const size_t used = display_width(visual.lines[i].text);
    if (visual.rtl && width > used) out.append(width - used, ' ');
    out += render(visual.lines[i], options.color);
    out += '\n';
  }
  return out;
}

std::string render(const StyledText& text, bool color) {
  if (!color) return to_utf8(text.text);
  std::string out;
  Style current = Style::Plain;
  for (size_t i = 0; i < text.text.size(); ++i) {
    if (text.style[i] != current) {
      if (current != Style::Plain) out += escape(Style::Plain);
      if (text.style[i] != Style::Plain) out += escape(text.style[i]);
      current = text.style[i];
    }
    out += to_utf8(std::u32string(1, text.text[i]));
  }
  if (current != Style::Plain) out += escape(Style::Plain);
  return out;
}

std::string to_utf8(const std::u32string& text) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()))
      .toUTF8String(out);
  return out;
}

std::u32string to_utf32(std::string_view utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(n) : 0);
  return out;
}

}  // namespace akhbar
