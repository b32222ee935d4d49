// BidiLayout: the visual order of a paragraph's lines for a terminal that
// lays out characters left to right and does no Arabic shaping, by GNU
// FriBidi (Unicode Bidirectional Algorithm, UAX #9).
//
// The paragraph's direction is found from its first strong character
// (FRIBIDI_PAR_ON) and its embedding levels computed once for the whole
// paragraph; Arabic letters are joined (fribidi_join_arabic) and replaced
// by their presentation forms, lam-alef ligatures included
// (FRIBIDI_FLAGS_ARABIC); each line given (wrap_lines() ranges: lines are
// cut before reordering) is then reordered alone (fribidi_reorder_line,
// rule L2), brackets mirrored in right-to-left runs, and a combining mark
// kept after its base (FRIBIDI_FLAG_REORDER_NSM) so that a terminal draws
// it on the right cell. Explicit bidi marks and embeddings (LRM, RLM,
// LRE..RLO, LRI..PDI), having done their work, are left out of the visual
// lines. Styles follow their characters. Thread-safe.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "output/text_layout.h"

namespace akhbar {

struct VisualParagraph {
  std::vector<StyledText> lines;  // one per range given, in visual order
  bool rtl = false;               // the paragraph's direction is right to left
};

VisualParagraph visual_lines(const StyledText& paragraph, const std::vector<std::pair<size_t, size_t>>& lines);

}  // namespace akhbar
