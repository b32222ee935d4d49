#include "output/bidi_layout.h"

#include <fribidi.h>

namespace akhbar {
namespace {

// What fribidi_shape() leaves in place of the second letter of a ligature.
constexpr FriBidiChar kLigatureFill = 0xFEFF;

bool is_bidi_control(FriBidiChar c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

VisualParagraph visual_lines(const StyledText& paragraph, const std::vector<std::pair<size_t, size_t>>& lines) {
  const FriBidiStrIndex n = static_cast<FriBidiStrIndex>(paragraph.text.size());
  const std::vector<FriBidiChar> logical(paragraph.text.begin(), paragraph.text.end());
  std::vector<FriBidiCharType> types(logical.size());
  std::vector<FriBidiBracketType> brackets(logical.size());
  std::vector<FriBidiLevel> levels(logical.size());
  std::vector<FriBidiArabicProp> joining(logical.size());
  std::vector<FriBidiChar> shaped = logical;
  std::vector<FriBidiStrIndex> map(logical.size());
  for (FriBidiStrIndex i = 0; i < n; ++i) map[static_cast<size_t>(i)] = i;

  FriBidiParType direction = FRIBIDI_PAR_ON;
  fribidi_get_bidi_types(logical.data(), n, types.data());
  fribidi_get_bracket_types(logical.data(), n, types.data(), brackets.data());
  const bool leveled = n == 0 || fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction,
                                                                      levels.data()) != 0;
  const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  if (leveled && n > 0) {
    fribidi_get_joining_types(logical.data(), n, joining.data());
    fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
    fribidi_shape(flags, levels.data(), n, joining.data(), shaped.data());
  }

  VisualParagraph out;
  out.rtl = leveled && n > 0 && FRIBIDI_IS_RTL(direction);
  for (const auto& [begin, end] : lines) {
    const FriBidiStrIndex off = static_cast<FriBidiStrIndex>(begin);
    const FriBidiStrIndex len = static_cast<FriBidiStrIndex>(end - begin);
    // A line FriBidi cannot reorder (out of memory) is left in logical order.
    if (leveled && len > 0 &&
        fribidi_reorder_line(flags, types.data(), len, off, direction, levels.data(), nullptr, map.data()) == 0) {
      for (size_t i = begin; i < end; ++i) map[i] = static_cast<FriBidiStrIndex>(i);
    }
    StyledText line;
    for (size_t v = begin; v < end; ++v) {
      const size_t l = static_cast<size_t>(map[v]);
      if ((shaped[l] == kLigatureFill && logical[l] != kLigatureFill) || is_bidi_control(logical[l])) continue;
      line.text.push_back(static_cast<char32_t>(shaped[l]));
      line.style.push_back(paragraph.style[l]);
    }
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace akhbar
