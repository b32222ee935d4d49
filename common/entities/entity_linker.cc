#include "entities/entity_linker.h"

#include <algorithm>

#include "entities/entity_lexicon.h"

namespace akhbar {
namespace {

// The words of tokens [first, last], the first one as `first_word`.
std::string span_text(const std::vector<Token>& tokens, const NerSpan& s, std::string_view first_word) {
  std::string out(first_word);
  for (size_t k = s.first + 1; k <= s.last; ++k) out.append(" ").append(tokens[k].text);
  return out;
}

// The id of a span no rule mention matches; "" for an unknown place.
std::string lookup_id(const Gazetteer& g, const std::vector<Token>& tokens, const NerSpan& s) {
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(tokens[s.first].text, readings);
  for (int r = 0; r < n; ++r) {
    const std::string first = (readings[r].has_article ? "ال" : "") + std::string(readings[r].bare);
    for (const std::string& id : g.resolve(span_text(tokens, s, first), s.kind)) {
      if (g.find(id)) return id;
    }
  }
  if (s.kind == EntityKind::Place) return "";
  // Only the conjunctions و and ف are taken off an unknown name: a ب, ل or
  // ك may be its first letter (بوتين, لافروف, كيري).
  std::string_view first = tokens[s.first].text;
  const int letters = static_cast<int>(first.size() / 2);
  if (letters > 3 && (first.compare(0, 2, "و") == 0 || first.compare(0, 2, "ف") == 0)) {
    first.remove_prefix(2);
  }
  return (s.kind == EntityKind::Person ? "p:" : "o:") + span_text(tokens, s, first);
}

bool overlaps(const Mention& m, const NerSpan& s) {
  return m.first_token <= s.last && s.first <= m.last_token;
}

// A gazetteer name of two words or more, found by the rules: kept whatever
// the model says (قوات سوريا الديمقراطية is no place سوريا).
bool known_long_name(const Gazetteer& g, const Mention& m) {
  return m.is_name && m.last_token > m.first_token && g.find(m.id);
}

// True when the learned spans overlapping `m` are places within it, and
// there is one at least.
bool only_places_inside(const Mention& m, const std::vector<NerSpan>& spans) {
  bool any = false;
  for (const NerSpan& s : spans) {
    if (!overlaps(m, s)) continue;
    if (s.kind != EntityKind::Place || s.first < m.first_token || s.last > m.last_token) return false;
    any = true;
  }
  return any;
}

}  // namespace

std::vector<Mention> link_learned_spans(const Gazetteer& gazetteer, const std::vector<Token>& tokens,
                                        const std::vector<Mention>& rule_mentions,
                                        const std::vector<NerSpan>& spans) {
  std::vector<Mention> out;
  for (const Mention& m : rule_mentions) {
    if (known_long_name(gazetteer, m)) out.push_back(m);
  }
  // A described organization that holds learned places only (وزاره الداخليه
  // السعوديه) absorbs them, as the rules do.
  std::vector<const Mention*> described;
  for (const Mention& m : rule_mentions) {
    const bool clear = std::none_of(out.begin(), out.end(), [&](const Mention& k) {
      return k.first_token <= m.last_token && m.first_token <= k.last_token;
    });
    if (!m.is_name && m.kind == EntityKind::Organization && clear && only_places_inside(m, spans)) {
      described.push_back(&m);
      out.push_back(m);
    }
  }
  const size_t kept = out.size();
  auto is_free = [&](const NerSpan& s) {
    return std::none_of(out.begin(), out.begin() + kept, [&](const Mention& m) { return overlaps(m, s); });
  };
  for (const NerSpan& s : spans) {
    if (!is_free(s)) continue;
    std::string id;
    for (const Mention& m : rule_mentions) {
      if (m.is_name && name_span(tokens, m) == s) id = m.id;
    }
    if (id.empty()) id = lookup_id(gazetteer, tokens, s);
    if (!id.empty()) out.push_back({s.first, s.last, s.kind, std::move(id), true});
  }
  for (const Mention& m : rule_mentions) {
    if (m.is_name || std::find(described.begin(), described.end(), &m) != described.end()) continue;
    const bool free = std::none_of(spans.begin(), spans.end(),
                                   [&](const NerSpan& s) { return overlaps(m, s); });
    if (free) out.push_back(m);
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  return out;
}

}  // namespace akhbar
