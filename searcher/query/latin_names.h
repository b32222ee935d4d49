// Latin names: a query word or phrase written in Latin script that names a
// gazetteer entity (Damascus, Trump, ISIS, "United Nations") matches the
// articles that mention the entity, OR-ed with the words as written.
//
// LatinNames::mark() finds, in a QueryReading's text, each quoted phrase
// and each run of plain Latin-script words (no operator, field prefix or
// sign inside; a signed word stands alone) that is an English name of a
// gazetteer place, person or organization, preferring the longest name at
// each position (at most kMaxNameWords words). Names are compared after
// fold_latin(): case-insensitive, with or without diacritics. Each one found
// is replaced in the text by the token kNameField + ":" + its index in
// reading.names, which the query builder turns into
//   the words as written OR the entity's Arabic name OR its index terms
// (schema.h: XPL for a place and every place in it, as --place reads it;
// XPE/XOG for a person or organization, as --actor reads it). Unknown Latin
// words stay as written; Arabic words are never touched.
// Thread-safe (the gazetteer is only read).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include <string_view>

#include "entities/gazetteer.h"
#include "query/query_reading.h"

namespace akhbar {

inline constexpr const char* kNameField = "akhbarname";
inline constexpr size_t kMaxNameWords = 6;

// Lower case (Unicode case folding) without diacritics (combining marks
// after canonical decomposition), e.g. "Bogotá" -> "bogota".
std::string fold_latin(std::string_view text);

// True if `word` has a letter and every letter is of the Latin script.
bool is_latin_word(std::string_view word);

// The English names of a gazetteer's places, persons and organizations
// (not nationalities), by folded words. Holds pointers into the gazetteer,
// which must outlive it. Immutable once built: thread-safe.
class LatinNames {
 public:
  explicit LatinNames(const Gazetteer& gazetteer);

  // The entity (or entities: one name may have several) that an English
  // name, in any case, with or without diacritics, names; nullopt if none.
  std::optional<NamedEntity> resolve(std::string_view name) const;

  // Marks the names in reading.text, as said above.
  void mark(QueryReading& reading) const;

 private:
  std::unordered_map<std::string, std::vector<const GazetteerEntry*>> by_key_;
};

}  // namespace akhbar
