#include "output/snippet.h"

#include <algorithm>
#include <map>

#include "index/schema.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

// For each token, the matched term it stands for ("" when none).
std::vector<std::string> matched_terms(const std::vector<Token>& tokens, const HighlightTerms& terms) {
  std::vector<std::string> match(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (terms.words.count(tokens[i].text)) {
      match[i] = tokens[i].text;
    } else if (!terms.stems.empty()) {
      std::string s = stem_word(tokens[i].text);
      if (terms.stems.count(s)) match[i] = "Z" + s;
    }
  }
  return match;
}

}  // namespace

HighlightTerms highlight_terms(const Xapian::Query& query) {
  HighlightTerms terms;
  const std::string stem_title = std::string(schema::kStem) + schema::kTitle;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& t = *it;
    if (t.empty()) continue;
    if (t.compare(0, stem_title.size(), stem_title) == 0) {
      terms.stems.insert(t.substr(stem_title.size()));
    } else if (t.compare(0, 1, schema::kStem) == 0) {
      terms.stems.insert(t.substr(1));
    } else if (t.compare(0, 1, schema::kTitle) == 0) {
      terms.words.insert(t.substr(1));
    } else if (!(t[0] >= 'A' && t[0] <= 'Z')) {
      // Other capitalised terms are boolean filters; normalized words are
      // case-folded and never start with a capital.
      terms.words.insert(t);
    }
  }
  return terms;
}

std::vector<std::pair<size_t, size_t>> matched_ranges(const std::string& text, const HighlightTerms& terms) {
  std::vector<std::pair<size_t, size_t>> ranges;
  if (terms.empty()) return ranges;
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<std::string> match = matched_terms(tokens, terms);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::pair<size_t, size_t> range{tokens[i].begin, tokens[i].end};
    if (!match[i].empty() && (ranges.empty() || ranges.back() != range)) ranges.push_back(range);
  }
  return ranges;
}

Snippet make_snippet(const std::string& text, const HighlightTerms& terms, size_t words) {
  Snippet snippet;
  const std::vector<Token> tokens = tokenize(text);
  if (tokens.empty() || words == 0) return snippet;

  const std::vector<std::string> match = matched_terms(tokens, terms);

  // Best window: most distinct terms, then most matches; start a little
  // before the first match in it so the reader gets context.
  size_t best_start = 0, best_distinct = 0, best_hits = 0;
  const size_t lead = std::min<size_t>(words / 4, 5);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (match[i].empty()) continue;
    const size_t start = i >= lead ? i - lead : 0;
    const size_t end = std::min(tokens.size(), start + words);
    std::set<std::string> distinct;
    size_t hits = 0;
    for (size_t j = start; j < end; ++j) {
      if (!match[j].empty()) {
        distinct.insert(match[j]);
        ++hits;
      }
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && hits > best_hits)) {
      best_start = start;
      best_distinct = distinct.size();
      best_hits = hits;
    }
  }
  const size_t end = std::min(tokens.size(), best_start + words);
  const size_t from = best_start == 0 ? 0 : tokens[best_start].begin;
  const size_t to = end == tokens.size() ? text.size() : tokens[end - 1].end;
  snippet.text = text.substr(from, to - from);
  snippet.starts_mid = from > 0;
  snippet.ends_mid = to < text.size();
  for (size_t i = best_start; i < end; ++i) {
    if (match[i].empty()) continue;
    const std::pair<size_t, size_t> range{tokens[i].begin - from, tokens[i].end - from};
    if (snippet.highlights.empty() || snippet.highlights.back() != range) {
      snippet.highlights.push_back(range);
    }
  }
  // Trim surrounding white space and keep the highlights aligned.
  size_t lead_ws = 0;
  while (lead_ws < snippet.text.size() && isspace(static_cast<unsigned char>(snippet.text[lead_ws]))) ++lead_ws;
  size_t tail = snippet.text.size();
  while (tail > lead_ws && isspace(static_cast<unsigned char>(snippet.text[tail - 1]))) --tail;
  snippet.text = snippet.text.substr(lead_ws, tail - lead_ws);
  for (auto& h : snippet.highlights) {
    h.first -= lead_ws;
    h.second -= lead_ws;
  }
  return snippet;
}

}  // namespace akhbar
