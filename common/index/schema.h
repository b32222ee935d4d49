// Schema: how an article is laid out in a Xapian database. The one place that
// defines term prefixes and value slots; docs/schema.md mirrors it.
//
// ON-DISK FORMAT: prefixes and slot numbers are stored in every database.
// Do not change or reuse them; add new ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace akhbar::schema {

// Metadata key every Akhbar database carries (value "1"), written with its
// first document: a database without it is not Akhbar's and is neither
// searched nor written (an empty new database is Akhbar's to fill).
inline constexpr const char* kSchemaKey = "akhbar.schema";

// Metadata key recording whether the database keeps spelling data
// (index/spelling.h): "1" or "0", written when the database is created.
inline constexpr const char* kSpellingKey = "akhbar.spelling";

// Metadata key of the display name (as first written) of a person or an
// organization found by rule and unknown to the gazetteer.
std::string entity_name_key(const std::string& id);

// Free-text terms. Unprefixed: normalized words of title and body, with
// positions (phrases). Stems are Xapian's convention, "Z" + prefix + stem.
inline constexpr const char* kTitle = "S";  // title words, positional; stems "ZS"
inline constexpr const char* kStem = "Z";

// Boolean (filter) terms.
inline constexpr const char* kId = "Q";           // Q<article id>: unique, for replace
inline constexpr const char* kDay = "D";          // D20180223
inline constexpr const char* kMonth = "M";        // M201802
inline constexpr const char* kYear = "Y";         // Y2018
inline constexpr const char* kSource = "XSRC";    // XSRC<folded source>
inline constexpr const char* kCategory = "XCAT";  // XCAT<folded category>
inline constexpr const char* kPlace = "XPL";      // XPL<place id> (with ancestors)
inline constexpr const char* kOrigin = "XOR";     // XOR<place id> (dateline origin)
inline constexpr const char* kPerson = "XPE";     // XPE<actor id>
inline constexpr const char* kOrganization = "XOG";  // XOG<actor id>
inline constexpr const char* kEventDay = "XED";   // XED20180223 (dates in the text)
inline constexpr const char* kEventMonth = "XEM"; // XEM201802: so that a range needs few terms
inline constexpr const char* kEventYear = "XEY";  // XEY2018
// Near-duplicate clusters (near_duplicate.h).
inline constexpr const char* kNearDuplicateBand = "XND";  // XND<band letter><12 hex>: LSH band
inline constexpr const char* kCluster = "XCL";            // XCL<cluster key>: the article's cluster

// Value slots.
enum Slot : Xapian::valueno {
  kSlotDate = 0,          // "YYYYMMDD", absent when the date is unknown
  kSlotSource = 1,        // source as written (display form)
  kSlotCategory = 2,      // category as written
  kSlotPlaces = 3,        // serialized list of place ids (serialise_list)
  kSlotPersons = 4,       // serialized list of person ids
  kSlotOrganizations = 5, // serialized list of organization ids
  kSlotOrigin = 6,        // place id of the dateline
  kSlotEventDates = 7,    // serialized list of "YYYYMMDD"
  kSlotFacetOrdinals = 8, // the document's facet ordinals (facet_ordinals.h)
  kSlotId = 9,            // article id: results as ids need not inflate the stored text
  kSlotNearDuplicate = 10, // MinHash signature of the body (near_duplicate.h), absent for a short body
  kSlotCluster = 11,      // near-duplicate cluster key (16 hex): the collapse key of search
};

// `s` itself if at most `max_bytes` long, else its first `head_bytes`, '#'
// and a hash of the whole (16 hex digits): Xapian terms and metadata keys
// are limited to about 245 bytes, and distinct long strings must stay
// distinct. Stable across builds (it is stored).
std::string bounded_key(std::string_view s, size_t max_bytes, size_t head_bytes);

// Folded form of a source or category for its boolean term: case-folded,
// spaces kept. Used by the indexer and by filters, so both agree.
std::string fold_label(std::string_view label);

// Appends n as a varint (7 bits a byte, low first).
void append_varint(std::string& out, size_t n);

// Encodes a list of strings in one value (each length-prefixed); decodes it.
std::string serialise_list(const std::vector<std::string>& items);
std::vector<std::string> unserialise_list(std::string_view value);

// Calls fn(std::string_view) for each entry, without copying: for counting
// on the hot path. Stops at the first corrupt length, like unserialise_list.
template <typename Fn>
void for_each_in_list(std::string_view value, Fn&& fn) {
  size_t i = 0;
  while (i < value.size()) {
    size_t n = 0;
    int shift = 0;
    while (i < value.size()) {
      const unsigned char c = static_cast<unsigned char>(value[i++]);
      n |= static_cast<size_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) break;
      shift += 7;
      if (shift > 56) return;
    }
    if (n > value.size() - i) return;
    fn(value.substr(i, n));
    i += n;
  }
}

}  // namespace akhbar::schema
