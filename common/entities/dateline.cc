#include "entities/dateline.h"

#include "entities/entity_lexicon.h"
#include "entities/entity_rules.h"

namespace akhbar {
namespace {

using entity_detail::gap_between;

// A dateline starts within the first bytes of the body (after quotes or
// spaces) and its closing mark comes soon after the place.
constexpr size_t kMaxLead = 8;
constexpr size_t kMaxAgencyWords = 4;
constexpr uint8_t kCloses = entity_detail::kGapDash | entity_detail::kGapParen;

const Mention* mention_at(const std::vector<Mention>& mentions, size_t token) {
  for (const Mention& m : mentions) {
    if (m.first_token == token) return &m;
    if (m.first_token > token) break;
  }
  return nullptr;
}

bool is_place_name(const Mention* m) { return m && m->kind == EntityKind::Place && m->is_name; }

// Punctuation after token i (up to the next token or the end of the text).
uint8_t gap_after(std::string_view body, const std::vector<Token>& tokens, size_t i) {
  const size_t end = i + 1 < tokens.size() ? tokens[i + 1].begin : body.size();
  return gap_between(body, tokens[i].end, end);
}

bool closes(std::string_view body, const std::vector<Token>& tokens, size_t i) {
  const size_t end = i + 1 < tokens.size() ? tokens[i + 1].begin : body.size();
  const std::string_view between = body.substr(tokens[i].end, end - tokens[i].end);
  return (gap_after(body, tokens, i) & kCloses) || between.find(':') != std::string_view::npos;
}

}  // namespace

std::string find_origin(std::string_view body, const std::vector<Token>& tokens,
                        const std::vector<Mention>& mentions) {
  if (tokens.empty() || tokens[0].begin > kMaxLead) return "";
  if (gap_between(body, 0, tokens[0].begin) & ~entity_detail::kGapQuote) return "";
  const Mention* place = mention_at(mentions, 0);
  if (!is_place_name(place)) return "";
  size_t last = place->last_token;
  // "دبي، الامارات العربيه المتحده": the country after a comma.
  if (last + 1 < tokens.size() && gap_after(body, tokens, last) == entity_detail::kGapComma) {
    const Mention* country = mention_at(mentions, last + 1);
    if (is_place_name(country)) last = country->last_token;
  }
  if (closes(body, tokens, last)) return place->id;
  // "دمشق وكالات:", "القاهره رويترز -": agency words, then the mark.
  for (size_t i = last + 1, n = 0; i < tokens.size() && n < kMaxAgencyWords; ++i, ++n) {
    const uint8_t gap = gap_between(body, tokens[i - 1].end, tokens[i].begin);
    if (gap & ~(kCloses | entity_detail::kGapComma)) break;
    const Mention* m = mention_at(mentions, i);
    const bool agency = (lexicon::classes(tokens[i].text) & lexicon::kAgency) ||
                        (m && m->kind == EntityKind::Organization);
    if (!agency) break;
    if (m) i = m->last_token;
    if (closes(body, tokens, i)) return place->id;
  }
  return "";
}

}  // namespace akhbar
