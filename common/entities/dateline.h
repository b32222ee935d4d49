// Dateline: the place a wire article was filed from, read from the words that
// open its body: "دمشق – وكالات :", "القاهرة (رويترز) -", "بيروت - ا ف ب:",
// "دبي، الإمارات العربية المتحدة (CNN)—".
//
// A dateline is a known place (a gazetteer mention starting at the first
// token), optionally followed by a comma and a second place (its country),
// optionally followed by wire agency words (وكالات, رويترز, ا ف ب), and then
// closed by a dash, a colon or a parenthesis in the original text. Only the
// first place counts. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_extractor.h"
#include "text/tokenizer.h"

namespace akhbar {

// The place id of the dateline opening `body`, or "" if it has none.
// REQUIRES: tokens == tokenize(body); mentions are find_mentions(body, tokens).
std::string find_origin(std::string_view body, const std::vector<Token>& tokens,
                        const std::vector<Mention>& mentions);

}  // namespace akhbar
