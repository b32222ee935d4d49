#include "entities/entity_extractor.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "entities/dateline.h"
#include "entities/article_country.h"
#include "entities/entity_linker.h"
#include "entities/entity_plausibility.h"
#include "entities/name_key.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "entities/ner_span.h"
#include "text/normalizer.h"
#include "entities/entity_rules.h"

namespace akhbar {
namespace entity_detail {
namespace {

bool is_place_type(EntityType t) { return kind_of(t) == EntityKind::Place && t != EntityType::Nationality; }

// A nationality adjective agrees with a definite noun before it (الحكومه
// السعوديه); after a preposition or a verb the same word is the country (في
// السعوديه).
bool adjective_context(const Analysis& a, size_t i) {
  if (i == 0 || a.breaks_before(i)) return false;
  if (const Mention* m = a.owner(i - 1)) return !m->is_name && m->kind == EntityKind::Place;
  const TokenFacts& prev = a.facts[i - 1];
  return prev.definite && !(prev.classes & (lexicon::kStop | lexicon::kVerb));
}

struct Match {
  const GazetteerPattern* pattern = nullptr;
  size_t length = 0;
};

bool rest_matches(const Analysis& a, size_t i, const GazetteerPattern& p) {
  if (i + 1 + p.rest.size() > a.size()) return false;
  for (size_t k = 0; k < p.rest.size(); ++k) {
    const size_t j = i + 1 + k;
    if (a.tokens[j].text != p.rest[k] || (a.facts[j].gap & (kGapStop | kGapParen | kGapComma))) {
      return false;
    }
  }
  return true;
}

// The best pattern at token i: longest, then least clitic stripping, then
// last loaded. `nationality` receives the best nationality pattern of the
// same length, for the adjective/country choice.
Match best_match(const Analysis& a, size_t i, Match& nationality, Match& place) {
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  const int n = lexicon::clitic_readings(a.tokens[i].text, readings);
  const bool after_place_prep = i > 0 && !a.breaks_before(i) &&
                                (lexicon::classes(a.tokens[i - 1].text) & lexicon::kPlacePrep);
  Match best;
  // A common word as written (باكرا "early") is not a preposition before a
  // place (ب + اكرا, Accra).
  const bool common_word = (a.facts[i].classes & (lexicon::kCommon | lexicon::kStop |
                                                  lexicon::kVerb | lexicon::kNonName)) != 0;
  for (int r = 0; r < n; ++r) {
    if (r > 0 && common_word && readings[r].preposition) continue;
    const std::vector<GazetteerPattern>* list = a.gazetteer.patterns(readings[r].bare);
    if (!list) continue;
    for (const GazetteerPattern& p : *list) {
      const size_t length = 1 + p.rest.size();
      if (length < best.length) break;
      if (!p.article_optional && p.first_has_article != readings[r].has_article) continue;
      const EntityType type = a.gazetteer.entries()[p.entry].type;
      // A weak place name needs a place preposition (في مالي); a weak actor
      // name is checked by match_gazetteer().
      if (p.weak && is_place_type(type) && !(readings[r].preposition || after_place_prep)) continue;
      if (!rest_matches(a, i, p)) continue;
      if (type == EntityType::Nationality) {
        if (!nationality.pattern || length > nationality.length) nationality = {&p, length};
      } else if (is_place_type(type)) {
        if (!place.pattern || length > place.length) place = {&p, length};
      }
      if (length > best.length) best = {&p, length};
    }
  }
  return best;
}

// Adds the mention of a gazetteer match at token i.
void add_match(Analysis& a, size_t i, const Match& best) {
  const GazetteerEntry& e = a.gazetteer.entries()[best.pattern->entry];
  Mention m;
  m.first_token = i;
  m.last_token = i + best.length - 1;
  m.kind = kind_of(e.type);
  if (e.type == EntityType::Nationality) {
    if (e.parents.empty()) return;
    m.id = e.parents.front();
    m.is_name = false;
  } else {
    m.id = e.id;
  }
  // الرئيس عباس: the title is not part of the name. ابن is a title (ابن
  // عمه) and a connector: in a known name it is the name (ابن بطوطه).
  while (m.kind == EntityKind::Person && m.first_token < m.last_token &&
         a.has_class(m.first_token, lexicon::kPersonTitle) &&
         !a.has_class(m.first_token, lexicon::kConnector)) {
    ++m.first_token;
  }
  // الجيش الاسرائيلي, الوطن العربي: descriptions ("~" variants), not names.
  if (best.pattern->descriptive) m.is_name = false;
  a.add(std::move(m));
}

}  // namespace

uint8_t gap_between(std::string_view text, size_t begin, size_t end) {
  uint8_t gap = 0;
  for (size_t k = begin; k < end && k < text.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    switch (c) {
      case ' ': case '\t': case '\r': break;
      case ',': case ';': gap |= kGapComma; break;
      case '.': case '!': case '?': case ':': case '\n': gap |= kGapStop; break;
      case '"': case '\'': gap |= kGapQuote; break;
      case '(': case ')': case '[': case ']': case '{': case '}': gap |= kGapParen; break;
      case '-': case '/': case '|': gap |= kGapDash; break;
      case 0xD8:  // ، U+060C, ؛ U+061B, ؟ U+061F
        if (k + 1 < end) {
          const unsigned char d = static_cast<unsigned char>(text[k + 1]);
          if (d == 0x8C || d == 0x9B) gap |= kGapComma;
          else if (d == 0x9F) gap |= kGapStop;
          else gap |= kGapOther;
          ++k;
        }
        break;
      case 0xC2:  // « U+00AB, » U+00BB, no-break space U+00A0
        if (k + 1 < end) {
          const unsigned char d = static_cast<unsigned char>(text[k + 1]);
          if (d == 0xAB || d == 0xBB) gap |= kGapQuote;
          else if (d != 0xA0) gap |= kGapOther;
          ++k;
        }
        break;
      case 0xE2:  // – — U+2013/2014, “ ” U+201C/201D, … U+2026
        if (k + 2 < end && static_cast<unsigned char>(text[k + 1]) == 0x80) {
          const unsigned char d = static_cast<unsigned char>(text[k + 2]);
          if (d == 0x93 || d == 0x94) gap |= kGapDash;
          else if (d >= 0x98 && d <= 0x9F) gap |= kGapQuote;
          else if (d == 0xA6) gap |= kGapStop;
          else if (d < 0x8B || d > 0x8F) gap |= kGapOther;  // keep zero-width marks silent
          k += 2;
        } else {
          gap |= kGapOther;
        }
        break;
      default:
        if (c < 0x80) gap |= kGapOther;  // ASCII symbols; other bytes are marks or letters
        break;
    }
  }
  return gap;
}

Analysis::Analysis(const Gazetteer& g, std::string_view t, const std::vector<Token>& toks)
    : gazetteer(g), text(t), tokens(toks), facts(toks.size()), owner_(toks.size(), -1) {
  vocabulary_.reserve(toks.size());
  for (const Token& tok : toks) vocabulary_.push_back(tok.text);
  std::sort(vocabulary_.begin(), vocabulary_.end());
  vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
  constexpr uint32_t kAfterPreposition = lexicon::kPersonTitle | lexicon::kRoleHead |
                                         lexicon::kOrgTrigger | lexicon::kOrgIntro |
                                         lexicon::kOrgNamed | lexicon::kKunya |
                                         lexicon::kStrongTitle | lexicon::kNameHead |
                                         lexicon::kStop |
                                         lexicon::kCommon | lexicon::kThat |
                                         lexicon::kNamedAfter | lexicon::kRoleWord |
                                         lexicon::kFamilyHead;
  lexicon::CliticReading readings[lexicon::kMaxReadings];
  for (size_t i = 0; i < toks.size(); ++i) {
    TokenFacts& f = facts[i];
    const std::string_view word = toks[i].text;
    f.gap = gap_between(t, i == 0 ? 0 : toks[i - 1].end, toks[i].begin);
    const std::string_view original = t.substr(toks[i].begin, toks[i].end - toks[i].begin);
    f.maqsura = original.size() >= 2 && original.compare(original.size() - 2, 2, "\xd9\x89") == 0;
    f.classes = lexicon::classes(word);
    f.given = g.given_name(word);
    const int n = lexicon::clitic_readings(word, readings);
    f.definite = readings[0].has_article;
    if (f.given == Gazetteer::NameClass::None) {
      // The first stripped reading that is a known word adds its facts
      // (وقال: a stop word as written, a reporting verb after و).
      for (int r = 1; r < n; ++r) {
        if (readings[r].prefix_bytes == 0) continue;
        const std::string_view s = word.substr(readings[r].prefix_bytes);
        uint32_t cls = lexicon::classes(s);
        if (readings[r].preposition) cls &= kAfterPreposition;
        const Gazetteer::NameClass given = g.given_name(s);
        if (cls == 0 && given == Gazetteer::NameClass::None) continue;
        if (f.classes == 0) {
          f.prefix_bytes = readings[r].prefix_bytes;
          f.definite = readings[r].has_article;
          f.given = given;
        }
        f.classes |= cls;
        break;
      }
    }
  }
  // د. محمد البرادعي: the abbreviated title and its dot do not end a
  // sentence; the name after them follows a strong title.
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].text != "\xd8\xaf" || facts[i + 1].gap != kGapStop) continue;  // د
    const std::string_view between = t.substr(toks[i].end, toks[i + 1].begin - toks[i].end);
    if (between.substr(0, 1) != "." || between.find_first_not_of(' ', 1) != std::string_view::npos) {
      continue;
    }
    facts[i].classes |= lexicon::kPersonTitle | lexicon::kStrongTitle;
    facts[i + 1].gap = 0;
  }
  // Texts that write the final ى as ي (حتي, الي, لدي; common in Egyptian
  // papers) write the preposition على as علي too: before a function word, a
  // definite noun or a number it is the preposition, not the name.
  static const std::unordered_set<std::string> ya_written = {
      normalize("حتى"), normalize("إلى"), normalize("لدى"), normalize("متى")};
  bool ya_for_maqsura = false;
  for (size_t i = 0; i < toks.size() && !ya_for_maqsura; ++i) {
    ya_for_maqsura = !facts[i].maqsura && ya_written.count(std::string(toks[i].text)) > 0;
  }
  static const std::string kAli = normalize("علي");
  for (size_t i = 0; ya_for_maqsura && i + 1 < toks.size(); ++i) {
    if (toks[i].text != kAli || facts[i].maqsura || (facts[i + 1].gap & kGapBreak)) continue;
    const TokenFacts& next = facts[i + 1];
    // After a strong title a function word does not make it one (الامام علي في).
    if (i > 0 && (facts[i - 1].classes & lexicon::kStrongTitle) && !next.definite) continue;
    const std::string_view w = toks[i + 1].text;
    const bool family_name = next.definite && w.size() >= 8 && w.compare(w.size() - 2, 2, "\xd9\x8a") == 0;
    if ((next.definite && !family_name && next.given == Gazetteer::NameClass::None) ||
        toks[i + 1].is_number ||
        (next.classes & (lexicon::kStop | lexicon::kCommon | lexicon::kNonName))) {
      facts[i].maqsura = true;
    }
  }
}

const Mention* Analysis::owner(size_t i) const {
  return owner_[i] < 0 ? nullptr : &mentions_[static_cast<size_t>(owner_[i])];
}

void Analysis::add(Mention m) {
  const int index = static_cast<int>(mentions_.size());
  for (size_t i = m.first_token; i <= m.last_token; ++i) {
    if (owner_[i] >= 0) {
      Mention& old = mentions_[static_cast<size_t>(owner_[i])];
      for (size_t k = old.first_token; k <= old.last_token; ++k) owner_[k] = -1;
      old.id.clear();
    }
  }
  for (size_t i = m.first_token; i <= m.last_token; ++i) owner_[i] = index;
  mentions_.push_back(std::move(m));
}

void Analysis::remove(size_t i) {
  if (owner_[i] < 0) return;
  Mention& old = mentions_[static_cast<size_t>(owner_[i])];
  for (size_t k = old.first_token; k <= old.last_token; ++k) owner_[k] = -1;
  old.id.clear();
}

std::vector<Mention> Analysis::take_mentions() {
  std::vector<Mention> out;
  for (Mention& m : mentions_) {
    if (!m.id.empty()) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& x, const Mention& y) { return x.first_token < y.first_token; });
  mentions_.clear();
  return out;
}

bool Analysis::seen_with_article(std::string_view word) const {
  std::string definite = "\xd8\xa7\xd9\x84";  // ال
  definite.append(word);
  return seen(definite);
}

std::string_view Analysis::stem(size_t i) const {
  return std::string_view(tokens[i].text).substr(facts[i].prefix_bytes);
}

void match_gazetteer(Analysis& a) {
  const std::vector<GazetteerEntry>& entries = a.gazetteer.entries();
  // Weak actor names (الاسد: also "the lion") count after a title, or when
  // the text names the same actor otherwise too.
  std::vector<std::pair<size_t, Match>> pending;
  std::unordered_set<uint32_t> named;
  for (size_t i = 0; i < a.size(); ++i) {
    Match nationality, place;
    Match best = best_match(a, i, nationality, place);
    if (!best.pattern) continue;
    // Country or adjective: السعوديه after a definite noun is an adjective.
    if (nationality.pattern && place.pattern && nationality.length == best.length &&
        place.length == best.length) {
      const EntityType type = entries[best.pattern->entry].type;
      if (type == EntityType::Nationality || is_place_type(type)) {
        best = adjective_context(a, i) ? nationality : place;
      }
    }
    const GazetteerEntry& e = entries[best.pattern->entry];
    if (best.pattern->weak && !is_place_type(e.type)) {
      const bool after_title = i > 0 && !a.breaks_before(i) &&
                               a.has_class(i - 1, lexicon::kPersonTitle | lexicon::kRoleWord);
      if (!after_title) {
        pending.emplace_back(i, best);
        continue;
      }
    }
    named.insert(best.pattern->entry);
    add_match(a, i, best);
    i += best.length - 1;
  }
  for (const auto& [i, match] : pending) {
    if (!named.count(match.pattern->entry)) continue;
    // A definite adjective after the weak name makes it the common noun (الاسد
    // الاسيوي "the Asian lion"), a nationality adjective above all.
    // Not any definite word: the object after a verb and its subject (وجه
    // المالكي الشكر) is one too.
    const size_t k = i + match.length;
    if (k < a.size() && !a.breaks_before(k) && a.facts[k].definite) {
      const Mention* next = a.owner(k);
      const std::string_view w = a.tokens[k].text;
      const bool nisba = !next && w.size() >= 7 * 2 && w.compare(w.size() - 2, 2, "\xd9\x8a") == 0;  // ال + 4 + ي
      if ((next && next->kind == EntityKind::Place && !next->is_name) || nisba) continue;
    }
    bool free = true;
    for (size_t k = i; k < i + match.length; ++k) free = free && !a.owner(k);
    if (free) add_match(a, i, match);
  }
}

}  // namespace entity_detail

using entity_detail::Analysis;

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer, ExtractorOptions options)
    : gazetteer_(gazetteer), options_(options) {
  if (options_.use_model) model_ = options_.model ? options_.model : NerModel::shared_default();
}

std::vector<Mention> EntityExtractor::find_mentions(std::string_view text,
                                                    const std::vector<Token>& tokens) const {
  std::vector<Mention> rules = find_rule_mentions(text, tokens);
  if (!model_) return rules;
  return link_learned_spans(gazetteer_, tokens, rules, learned_spans(text, tokens, rules));
}

std::vector<NerSpan> EntityExtractor::find_names(std::string_view text,
                                                 const std::vector<Token>& tokens) const {
  const std::vector<Mention> rules = find_rule_mentions(text, tokens);
  if (model_) return learned_spans(text, tokens, rules);
  std::vector<NerSpan> spans;
  for (const Mention& m : rules) {
    if (m.is_name) spans.push_back(name_span(tokens, m));
  }
  return spans;
}

std::vector<NerSpan> EntityExtractor::learned_spans(std::string_view text,
                                                    const std::vector<Token>& tokens,
                                                    const std::vector<Mention>& rules) const {
  thread_local NerTokenFeatures features;
  NerFeatures(gazetteer_).extract(text, tokens, rules, features);
  std::vector<NerSpan> spans;
  for (const auto& [first, last] : ner_sequences(text, tokens)) {
    for (NerSpan s : spans_of(model_->tag(features, first, last))) {
      s.first += first;
      s.last += first;
      spans.push_back(s);
    }
  }
  return spans;
}

std::vector<Mention> EntityExtractor::find_rule_mentions(std::string_view text,
                                                         const std::vector<Token>& tokens) const {
  Analysis a(gazetteer_, text, tokens);
  entity_detail::match_gazetteer(a);
  entity_detail::find_organizations(a, options_.descriptive_organizations);
  entity_detail::find_persons(a);
  if (options_.propagate_names) entity_detail::propagate_names(a);
  entity_detail::drop_named_after(a);
  return a.take_mentions();
}

namespace {

// Whether a person id found by rule is a single given name (p:محمد).
bool lone_given_name(const Gazetteer& g, const std::string& id) {
  return id.compare(0, 2, "p:") == 0 && id.find(' ') == std::string::npos &&
         g.given_name(std::string_view(id).substr(2)) != Gazetteer::NameClass::None;
}

// The text of tokens [first, last] as written, without the `skip_letters`
// clitic letters of the first token, diacritics (U+064B–U+065F, U+0670) and
// tatweel (U+0640); tokens joined by one space.
std::string display_text(std::string_view text, const std::vector<Token>& tokens, size_t first,
                         size_t last, size_t skip_letters) {
  std::string out;
  for (size_t k = first; k <= last; ++k) {
    if (k > first) out.push_back(' ');
    const std::string_view w = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    size_t skip = k == first ? skip_letters : 0;
    for (size_t b = 0; b < w.size();) {
      const unsigned char c = static_cast<unsigned char>(w[b]);
      const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
      const std::string_view ch = w.substr(b, len);
      b += len;
      const unsigned cp = len == 2 ? ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(ch[1]) & 0x3Fu) : 0;
      if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) continue;
      if (skip > 0) {
        --skip;
        continue;
      }
      out.append(ch);
    }
  }
  return out;
}

// Ids of one kind, most mentioned first, then first mentioned first.
class Tally {
 public:
  void add(const std::string& id, size_t weight = 1) {
    auto [it, added] = index_.emplace(id, counts_.size());
    if (added) counts_.push_back({id, 0});
    counts_[it->second].count += weight;
  }
  std::vector<std::string> ranked() const {
    std::vector<Count> sorted = counts_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Count& x, const Count& y) { return x.count > y.count; });
    std::vector<std::string> out;
    for (Count& c : sorted) out.push_back(std::move(c.id));
    return out;
  }

 private:
  struct Count {
    std::string id;
    size_t count;
  };
  std::vector<Count> counts_;
  std::unordered_map<std::string, size_t> index_;
};

// The facet value of one mention: `id` ("" to leave it out of the facets)
// and what its display name adds to the text as written (the country of a
// generic body).
struct FacetName {
  std::string id;
  std::string suffix;
};

// Places and gazetteer entries keep their ids. Another person or
// organization gets the gazetteer id its name's key (name_key.h) resolves
// to, else "p:" / "o:" + that key; with
// `check`, an impossible name is left out, and a generic body (الهيئه
// العامه) gets the article's `country` (" (السعوديه)") or is left out.
FacetName facet_name(const Gazetteer& g, const Mention& m, const std::string& country, bool check) {
  if (m.kind == EntityKind::Place || g.find(m.id)) return {m.id, ""};
  const std::string_view name = std::string_view(m.id).substr(2);
  if (check && !plausible_name(g, m.kind, name)) return {};
  // A place's name alone (بن قردان, مانشستر) is no person or body.
  if (check && !g.resolve(name, EntityKind::Place).empty()) return {};
  const std::string key = name_key(name);
  // The gazetteer may know the name under its key (الديموقراطيه → o:sdf).
  for (const std::string& id : g.resolve(key, m.kind)) {
    if (g.find(id)) return {id, ""};
  }
  const std::string prefix = m.id.substr(0, 2);
  if (!check || m.kind != EntityKind::Organization) return {prefix + key, ""};
  if (fragment_body(key)) return {};
  if (!generic_body(key)) return {prefix + key, ""};
  const GazetteerEntry* c = g.find(country);
  if (!c) return {};
  return {prefix + key + " (" + normalize(c->arabic) + ")", " (" + c->arabic + ")"};
}

// Display names of the person and organization ids the gazetteer does not
// know: the first mention with as many words as the name (the full name, not
// a later surname alone), else the first mention, as written.
std::vector<std::pair<std::string, std::string>> display_names(
    const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
    const std::vector<Mention>& mentions, const std::vector<FacetName>& facet) {
  std::vector<std::pair<std::string, std::string>> names;
  std::unordered_map<std::string, size_t> named;  // id → index into names
  std::unordered_set<std::string> full;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const std::string& id = facet[i].id;
    if (id.empty() || m.kind == EntityKind::Place || g.find(m.id)) continue;
    if (m.first_token == m.last_token && lone_given_name(g, m.id)) continue;
    const size_t words = static_cast<size_t>(std::count(m.id.begin(), m.id.end(), ' ')) + 1;
    const bool is_full = m.last_token - m.first_token + 1 == words;
    auto it = named.find(id);
    if (it != named.end() && (full.count(id) || !is_full)) continue;
    // Letters of proclitics before the name: what the written id left out
    // of the first token (وبوزارة → وزارة).
    const std::string_view first = tokens[m.first_token].text;
    const std::string_view id_first = std::string_view(m.id).substr(2, m.id.find(' ', 2) - 2);
    size_t skip = first.size() > id_first.size() && is_full ? (first.size() - id_first.size()) / 2 : 0;
    // And those the key folds into the article (للامم → الامم).
    const std::string_view clitics = is_full ? article_clitics(id_first) : std::string_view();
    skip += clitics.size() / 2;
    const bool alef = !clitics.empty() && id_first.compare(clitics.size(), 4, "ال") != 0;
    std::string display = (alef ? "ا" : "") +
                          display_text(text, tokens, m.first_token, m.last_token, skip) + facet[i].suffix;
    if (it == named.end()) {
      named.emplace(id, names.size());
      names.emplace_back(id, std::move(display));
    } else {
      names[it->second].second = std::move(display);
    }
    if (is_full) full.insert(id);
  }
  return names;
}

}  // namespace

ArticleEntities EntityExtractor::extract(std::string_view title,
                                         const std::vector<Token>& title_tokens,
                                         std::string_view body,
                                         const std::vector<Token>& body_tokens) const {
  // One text, title then body on its own line, so names cross-inform.
  std::string text;
  text.reserve(title.size() + 1 + body.size());
  text.append(title).append("\n").append(body);
  std::vector<Token> tokens = title_tokens;
  const size_t shift = title.size() + 1;
  tokens.reserve(title_tokens.size() + body_tokens.size());
  for (const Token& t : body_tokens) tokens.push_back({t.text, t.begin + shift, t.end + shift, t.is_number});
  std::vector<Mention> mentions = find_mentions(text, tokens);

  ArticleEntities out;
  std::vector<Mention> body_mentions;
  for (const Mention& m : mentions) {
    if (m.first_token < title_tokens.size()) continue;
    Mention b = m;
    b.first_token -= title_tokens.size();
    b.last_token -= title_tokens.size();
    body_mentions.push_back(std::move(b));
  }
  out.origin = find_origin(body, body_tokens, body_mentions);

  // A city with its country's name (الكويت, تونس, الجزائر) means the
  // country unless the text says which (مدينة الكويت): same-name pairs
  // collapse to the country.
  auto same_name_country = [&](const std::string& id) -> std::string {
    const GazetteerEntry* e = gazetteer_.find(id);
    if (!e || e->type != EntityType::City) return id;
    for (const std::string& parent : e->parents) {
      const GazetteerEntry* p = gazetteer_.find(parent);
      if (p && p->type == EntityType::Country && p->arabic == e->arabic) return parent;
    }
    return id;
  };
  auto as_written_country = [&](const Mention& m) {
    const std::string country = same_name_country(m.id);
    if (country == m.id) return m.id;
    // The mention is the bare shared name, not a longer city variant.
    const GazetteerEntry* c = gazetteer_.find(country);
    std::string written;
    for (size_t k = m.first_token; k <= m.last_token; ++k) {
      if (k > m.first_token) written.push_back(' ');
      written.append(tokens[k].text);
    }
    return normalize(c->arabic) == written ? country : m.id;
  };
  if (!out.origin.empty()) out.origin = same_name_country(out.origin);
  for (Mention& m : mentions) {
    if (m.kind == EntityKind::Place) m.id = as_written_country(m);
  }

  // Persons and organizations the gazetteer does not know: ids from their
  // name keys, generic bodies with the article's country, impossible names
  // out (facet_name()).
  const std::string country = article_country(gazetteer_, out.origin, mentions);
  std::vector<FacetName> facet;
  for (const Mention& m : mentions) {
    facet.push_back(facet_name(gazetteer_, m, country, options_.plausible_names_only));
  }

  Tally places, persons, organizations;
  if (!out.origin.empty()) places.add(out.origin);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const std::string& id = facet[i].id;
    if (id.empty()) continue;
    switch (m.kind) {
      case EntityKind::Place: places.add(id); break;
      case EntityKind::Person:
        // A given name alone (قال محمد) is a name, but says not who.
        if (m.first_token != m.last_token || !lone_given_name(gazetteer_, m.id)) persons.add(id);
        break;
      case EntityKind::Organization: organizations.add(id); break;
    }
  }
  out.names = display_names(gazetteer_, text, tokens, mentions, facet);
  out.places = places.ranked();
  out.persons = persons.ranked();
  out.organizations = organizations.ranked();
  return out;
}

ArticleEntities EntityExtractor::extract(std::string_view title, std::string_view body) const {
  return extract(title, tokenize(title), body, tokenize(body));
}

}  // namespace akhbar
