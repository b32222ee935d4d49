#include "query/latin_names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

#include "index/schema.h"
#include "text/string_util.h"
#include "text/tokenizer.h"

namespace akhbar {
namespace {

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFD data unavailable");
  return *n;
}

const char* term_prefix(EntityKind kind) {
  switch (kind) {
    case EntityKind::Place: return schema::kPlace;
    case EntityKind::Person: return schema::kPerson;
    case EntityKind::Organization: return schema::kOrganization;
  }
  return schema::kPlace;
}

// The query's pieces: runs of non-space characters, a quoted phrase as one
// piece, and a leading '(' or trailing ')' as pieces of their own.
struct Piece {
  size_t begin, end;
};

std::vector<Piece> pieces_of(const std::string& text) {
  std::vector<Piece> out;
  for (size_t i = 0; i < text.size();) {
    if (is_ascii_space(text[i])) {
      ++i;
      continue;
    }
    if (text[i] == '(' || text[i] == ')') {
      out.push_back({i, i + 1});
      ++i;
      continue;
    }
    const size_t start = i;
    if (text[i] == '-' || text[i] == '+') ++i;
    if (i < text.size() && text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      i = close == std::string::npos ? text.size() : close + 1;
    } else {
      while (i < text.size() && !is_ascii_space(text[i]) && text[i] != ')') ++i;
    }
    out.push_back({start, i});
  }
  return out;
}

// The words of `text` as the tokenizer reads them, one space apart.
std::string join_words(const std::string& text) {
  std::string out;
  for (const Token& t : tokenize(text)) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

// A piece that can be (part of) a name: Latin words, no operator, no field.
bool plain_latin(std::string_view piece) {
  return !piece.empty() && piece.find(':') == std::string_view::npos && !is_query_operator(piece) &&
         is_latin_word(piece);
}

}  // namespace

std::string fold_latin(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd().normalize(s, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  bare.foldCase();
  std::string out;
  bare.toUTF8String(out);
  return out;
}

bool is_latin_word(std::string_view word) {
  bool letter = false;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) != USCRIPT_LATIN) return false;
    letter = true;
  }
  return letter;
}

LatinNames::LatinNames(const Gazetteer& gazetteer) {
  for (const GazetteerEntry& e : gazetteer.entries()) {
    if (e.type == EntityType::Nationality) continue;
    for (const std::string& english : e.english) {
      const std::string key = join_words(fold_latin(english));
      if (key.empty()) continue;
      std::vector<const GazetteerEntry*>& named = by_key_[key];
      if (std::find(named.begin(), named.end(), &e) == named.end()) named.push_back(&e);
    }
  }
}

std::optional<NamedEntity> LatinNames::resolve(std::string_view name) const {
  std::string text(name);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  const auto it = by_key_.find(join_words(fold_latin(text)));
  if (it == by_key_.end()) return std::nullopt;
  NamedEntity named;
  named.written = text;
  named.arabic = it->second.front()->arabic;
  for (const GazetteerEntry* e : it->second) named.terms.push_back(term_prefix(kind_of(e->type)) + e->id);
  return named;
}

void LatinNames::mark(QueryReading& reading) const {
  if (reading.pure_negative || reading.text.empty()) return;
  const std::string& text = reading.text;
  const std::vector<Piece> pieces = pieces_of(text);
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const auto piece = [&](size_t k) { return std::string_view(text).substr(pieces[k].begin, pieces[k].end - pieces[k].begin); };
    const std::string_view first = piece(i);
    const bool signed_piece = first[0] == '-' || first[0] == '+';
    const std::string_view bare = signed_piece ? first.substr(1) : first;
    if (!plain_latin(bare)) continue;
    // The longest run from here that is a name; a signed or quoted piece alone.
    size_t last = i;
    const bool alone = signed_piece || bare[0] == '"';
    while (!alone && last + 1 < pieces.size() && last + 1 - i < kMaxNameWords && piece(last + 1)[0] != '"' &&
           piece(last + 1)[0] != '-' && piece(last + 1)[0] != '+' && plain_latin(piece(last + 1))) {
      ++last;
    }
    for (size_t end = last + 1; end > i; --end) {
      const size_t from = pieces[i].begin + (signed_piece ? 1 : 0);
      const std::string span = text.substr(from, pieces[end - 1].end - from);
      std::optional<NamedEntity> named = resolve(span);
      if (!named) continue;
      out += text.substr(copied, from - copied);
      out += std::string(kNameField) + ":" + std::to_string(reading.names.size());
      copied = pieces[end - 1].end;
      reading.notes.push_back("'" + named->written + "' also finds " + named->arabic);
      reading.names.push_back(std::move(*named));
      i = end - 1;
      break;
    }
  }
  if (reading.names.empty()) return;
  out += text.substr(copied);
  reading.text = out;
}

}  // namespace akhbar
