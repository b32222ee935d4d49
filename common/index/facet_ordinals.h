// FacetOrdinals: small integers standing for facet values, so that counting a
// facet over a million matches is an array increment per value instead of a
// string lookup (hashing, comparing, copying).
//
// The indexer gives each distinct source, category, place, person and
// organization of a database an ordinal (per kind, from 0), keeps the
// dictionary in the database's metadata, and stores in schema::
// kSlotFacetOrdinals one compact value per document: its publication day and
// the ordinals of its facet values. The dictionary only grows: an ordinal,
// once given, means the same value for the life of the database, so
// re-indexing an article never rewrites another, and xapian-compact (which
// keeps values and metadata) keeps it valid. Ordinals are local to one
// database: several databases searched as one are counted by value instead.
//
// The dictionary is written inside the indexer's transaction, so a crash
// loses ordinals and the documents using them together. Not thread-safe: the
// single writer thread owns a FacetDictionary.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace akhbar {

enum class FacetKind : uint8_t { Source, Category, Place, Person, Organization };
inline constexpr size_t kFacetKinds = 5;

// What one document contributes to the facets.
struct DocumentFacets {
  uint32_t day = 0;  // day_code() of the publication date; 0: no date
  std::array<std::vector<uint32_t>, kFacetKinds> ordinals;

  friend bool operator==(const DocumentFacets& a, const DocumentFacets& b) {
    return a.day == b.day && a.ordinals == b.ordinals;
  }
};

// A day as one integer that keeps date order and reads back without a
// calendar: ((year − 1000) × 12 + month − 1) × 31 + day. Not a day count
// (the 31st of every month has a code), which is all counting needs.
// "YYYYMMDD" → code, 0 if malformed; code → "YYYYMMDD", "" for 0.
uint32_t day_code(std::string_view yyyymmdd);
std::string day_from_code(uint32_t code);
// The month of a day code, as a number that keeps month order: months since
// January 1000 (its year is month_of_code / 12 + 1000).
inline uint32_t month_of_code(uint32_t code) { return code == 0 ? 0 : (code - 1) / 31; }

// The slot value: varints, the day then each kind's count and ordinals.
std::string encode_document_facets(const DocumentFacets& facets);

// Calls on_day(code) once if the value has a day, and on_ordinal(kind, ord)
// for each ordinal; stops quietly at a truncated or corrupt value. Inline:
// it runs once per matching document.
template <typename OnDay, typename OnOrdinal>
void decode_document_facets(std::string_view value, OnDay&& on_day, OnOrdinal&& on_ordinal) {
  size_t i = 0;
  auto next = [&](uint32_t& out) {
    uint32_t v = 0;
    for (int shift = 0; i < value.size() && shift <= 28; shift += 7) {
      const unsigned char c = static_cast<unsigned char>(value[i++]);
      v |= static_cast<uint32_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) {
        out = v;
        return true;
      }
    }
    return false;
  };
  uint32_t day = 0;
  if (!next(day)) return;
  if (day) on_day(day);
  for (size_t k = 0; k < kFacetKinds; ++k) {
    uint32_t n = 0;
    if (!next(n)) return;
    for (uint32_t j = 0; j < n; ++j) {
      uint32_t ord = 0;
      if (!next(ord)) return;
      on_ordinal(static_cast<FacetKind>(k), ord);
    }
  }
}

// Metadata of the dictionary (readers use these; only FacetDictionary writes).
// The marker is set on a database that has held ordinals since it was
// created, so that every document carries them.
inline constexpr const char* kFacetOrdinalsMarker = "akhbar.facet-ordinals";
std::string facet_value_key(FacetKind kind, uint32_t ordinal);  // → the value
std::string facet_size_key(FacetKind kind);                     // → ordinals given

// The value of an ordinal, read from the database's metadata; "" if unknown.
std::string facet_value(const Xapian::Database& db, FacetKind kind, uint32_t ordinal);
// How many ordinals of a kind the database has given.
uint32_t facet_ordinal_count(const Xapian::Database& db, FacetKind kind);

class FacetDictionary {
 public:
  // Marks `db` as carrying ordinals if it holds no document yet.
  explicit FacetDictionary(Xapian::WritableDatabase& db);

  // The ordinal of `value`, given now (and written to the metadata) if new.
  uint32_t ordinal(FacetKind kind, const std::string& value);

  // Reads the facet values a DocumentBuilder stored in `doc` (date, source,
  // category, places, persons, organizations) and adds their ordinals in
  // schema::kSlotFacetOrdinals.
  void annotate(Xapian::Document& doc);

 private:
  Xapian::WritableDatabase& db_;
  std::array<std::unordered_map<std::string, uint32_t>, kFacetKinds> known_;
  std::array<uint32_t, kFacetKinds> size_{};
};

}  // namespace akhbar
