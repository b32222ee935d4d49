#include "query/query_reading.h"

#include <algorithm>

#include <xapian.h>

#include "text/normalizer.h"
#include "query/query_builder.h"
#include "index/schema.h"
#include "text/stopwords.h"
#include "text/string_util.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

const char* const kFieldPrefixes[] = {"title:", "عنوان:"};
const char* const kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

// Arabic writers quote with guillemets and curly quotes; the parser knows
// only the ASCII double quote.
std::string unify_quotes(const std::string& s) {
  static const char* const kQuotes[] = {"\u00AB", "\u00BB", "\u201C", "\u201D", "\u201E"};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool quote = false;
    for (const char* q : kQuotes) {
      const std::string_view qv(q);
      if (s.compare(i, qv.size(), qv) == 0) {
        out.push_back('"');
        i += qv.size();
        quote = true;
        break;
      }
    }
    if (!quote) out.push_back(s[i++]);
  }
  return out;
}

// The query's top-level items: words and "phrases" (with a leading + or -
// kept), in order. Empty when the query has groups, which are Xapian's.
std::vector<std::string> top_level_items(const std::string& text, bool& grouped) {
  std::vector<std::string> items;
  grouped = false;
  for (size_t i = 0; i < text.size();) {
    if (is_ascii_space(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    if (text[i] == '-' || text[i] == '+') ++i;
    if (i < text.size() && text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      i = close == std::string::npos ? text.size() : close + 1;
    }
    while (i < text.size() && !is_ascii_space(text[i])) {
      if (text[i] == '(' || text[i] == ')') grouped = true;
      ++i;
    }
    items.push_back(text.substr(start, i - start));
  }
  return items;
}

bool is_operator(const std::string& item) {
  return is_query_operator(item) || item == "+" || item == "-";
}

// A plain word that the parser drops as a stop word.
bool is_stop_item(const std::string& item) {
  if (item.empty() || item[0] == '"' || item[0] == '+' || item[0] == '-') return false;
  return is_stopword(item);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

// "title: سوريا" -> "title:سوريا"; a prefix at the end is dropped.
std::string join_empty_prefixes(std::string text, std::vector<std::string>& notes) {
  for (const char* prefix : kFieldPrefixes) {
    const std::string p(prefix);
    for (size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      size_t next = at + p.size();
      if (next < text.size() && !is_ascii_space(text[next])) continue;
      while (next < text.size() && is_ascii_space(text[next])) ++next;
      const std::string field = p.substr(0, p.size() - 1);
      if (next == text.size()) {
        text.erase(at);
        notes.push_back("'" + field + ":' with no word after it was left out");
      } else {
        text.erase(at + p.size(), next - at - p.size());
        const size_t end = text.find_first_of(" \t\n\r", at);
        notes.push_back("read '" + field + ": …' as " + text.substr(at, end == std::string::npos ? end : end - at));
      }
    }
  }
  return text;
}

bool parses(const std::string& text) {
  Xapian::QueryParser qp;
  for (const char* prefix : kFieldPrefixes) {
    qp.add_prefix(std::string(prefix, std::char_traits<char>::length(prefix) - 1), schema::kTitle);
  }
  try {
    qp.parse_query(text, kQueryParseFlags);
    return true;
  } catch (const Xapian::QueryParserError&) {
    return false;
  }
}

// Operators with nothing to join are left out: the rest is read as words.
std::string drop_stray_operators(const std::string& text, std::vector<std::string>& notes) {
  bool grouped = false;
  std::vector<std::string> kept, dropped;
  for (std::string& item : top_level_items(text, grouped)) {
    (is_operator(item) ? dropped : kept).push_back(std::move(item));
  }
  std::string out = join(kept);
  // Unbalanced parentheses or quotes: read as words alone.
  if (!parses(out)) {
    for (char& c : out) {
      if (c == '(' || c == ')' || c == '"') c = ' ';
    }
    notes.push_back("parentheses and quotes that do not pair were read as spaces");
  }
  if (!dropped.empty()) notes.push_back("operators with nothing to join were left out: " + join(dropped));
  return out;
}

// Parentheses outside quotes must pair: which words a group was meant to
// hold cannot be guessed.
void check_parentheses(const std::string& text, const std::string& query) {
  long depth = 0, open = 0, close = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++open, ++depth;
    if (c == ')') ++close, --depth;
    if (depth < 0) break;
  }
  if (depth == 0) return;
  throw QueryError("the parentheses of the query '" + query + "' do not pair (" + std::to_string(open) +
                   " '(' and " + std::to_string(close) + " ')'" + (depth < 0 ? ", a ')' before its '('" : "") +
                   ")");
}

// An unclosed quote runs to the end of the query: closed there, and said.
void close_quote(std::string& text, std::vector<std::string>& notes) {
  if (std::count(text.begin(), text.end(), '"') % 2 == 0) return;
  const size_t open = text.rfind('"');
  if (tokenize(text.substr(open + 1)).empty()) {
    text.erase(open, 1);
    notes.push_back("a quote with no word after it was left out");
    return;
  }
  while (!text.empty() && is_ascii_space(text.back())) text.pop_back();
  text += '"';
  notes.push_back("the unclosed quote was read as a phrase to the end: " + text.substr(open));
}

// Only stop words, unquoted: too common to mean anything alone.
void check_not_only_stop_words(const std::string& text, const std::string& query) {
  if (text.find('"') != std::string::npos) return;  // a phrase is meant as typed
  const std::vector<Token> tokens = tokenize(text);
  for (const Token& t : tokens) {
    if (!is_stopword(t.text) && !is_operator(text.substr(t.begin, t.end - t.begin))) return;
  }
  throw QueryError("the query '" + query + "' has only stop words (too common to search for)");
}

}  // namespace

bool is_query_operator(std::string_view word) {
  for (const std::string_view op : kOperators) {
    if (word == op) return true;
    if (word.size() > op.size() && word.substr(0, op.size()) == op && word[op.size()] == '/') return true;
  }
  return false;
}

QueryReading read_query(const std::string& query) {
  NormalizeOptions options;
  options.fold_case = false;  // keep AND/OR/NOT; the parser lowercases words itself
  QueryReading r;
  r.text = join_empty_prefixes(unify_quotes(normalize(query, options)), r.notes);
  if (!tokenize(r.text).empty()) check_parentheses(r.text, query);  // else: no word, said below
  close_quote(r.text, r.notes);
  const bool has_operator = r.text.find_first_of("+-\"()") != std::string::npos ||
                            r.text.find_first_of("ABDEJNORTX") != std::string::npos;
  if (has_operator && !parses(r.text)) r.text = drop_stray_operators(r.text, r.notes);
  if (tokenize(r.text).empty()) {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
      QueryReading browse;
      browse.notes.push_back("no words: every article the filters let through, newest first");
      return browse;
    }
    throw QueryError("the query '" + query + "' has no word to search for");
  }
  check_not_only_stop_words(r.text, query);
  bool grouped = false;
  const std::vector<std::string> items = top_level_items(r.text, grouped);
  std::vector<std::string> excluded;
  bool positive = grouped;
  for (const std::string& item : items) {
    if (item.size() > 1 && item[0] == '-') {
      excluded.push_back(item.substr(1));
    } else if (is_operator(item) || !is_stop_item(item)) {
      positive = true;
    }
  }
  if (!positive && !excluded.empty()) {
    r.text = join(excluded);
    r.pure_negative = true;
    r.notes.push_back("every article except those with: " + r.text);
  }
  return r;
}

}  // namespace akhbar
