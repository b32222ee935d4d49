#include "index/facet_ordinals.h"

#include <cstdio>

#include "index/schema.h"

namespace akhbar {
namespace {

constexpr char kKindLetter[kFacetKinds] = {'s', 'c', 'p', 'e', 'o'};

// value → ordinal, the indexer's side of the dictionary.
std::string ordinal_key(FacetKind kind, std::string_view value) {
  return std::string("akhbar.ord.") + kKindLetter[static_cast<size_t>(kind)] + '.' +
         schema::bounded_key(value, 200, 160);
}

uint32_t parse_count(const std::string& s) {
  uint32_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return n;
}

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

uint32_t day_code(std::string_view ymd) {
  if (ymd.size() != 8 || !digits(ymd)) return 0;
  const int year = std::stoi(std::string(ymd.substr(0, 4)));
  const int month = std::stoi(std::string(ymd.substr(4, 2)));
  const int day = std::stoi(std::string(ymd.substr(6, 2)));
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return static_cast<uint32_t>(((year - 1000) * 12 + month - 1) * 31 + day);
}

std::string day_from_code(uint32_t code) {
  if (code == 0) return "";
  const uint32_t d = (code - 1) % 31 + 1;
  const uint32_t months = month_of_code(code);
  char out[16];
  snprintf(out, sizeof out, "%04u%02u%02u", months / 12 + 1000, months % 12 + 1, d);
  return out;
}

std::string encode_document_facets(const DocumentFacets& facets) {
  std::string out;
  schema::append_varint(out, facets.day);
  for (const std::vector<uint32_t>& ords : facets.ordinals) {
    schema::append_varint(out, ords.size());
    for (uint32_t ord : ords) schema::append_varint(out, ord);
  }
  return out;
}

std::string facet_value_key(FacetKind kind, uint32_t ordinal) {
  return std::string("akhbar.facet.") + kKindLetter[static_cast<size_t>(kind)] + '.' +
         std::to_string(ordinal);
}

std::string facet_size_key(FacetKind kind) {
  return std::string("akhbar.facets.") + kKindLetter[static_cast<size_t>(kind)];
}

std::string facet_value(const Xapian::Database& db, FacetKind kind, uint32_t ordinal) {
  return db.get_metadata(facet_value_key(kind, ordinal));
}

uint32_t facet_ordinal_count(const Xapian::Database& db, FacetKind kind) {
  return parse_count(db.get_metadata(facet_size_key(kind)));
}

FacetDictionary::FacetDictionary(Xapian::WritableDatabase& db) : db_(db) {
  if (db_.get_doccount() == 0) db_.set_metadata(kFacetOrdinalsMarker, "1");
  for (size_t k = 0; k < kFacetKinds; ++k) size_[k] = facet_ordinal_count(db_, FacetKind(k));
}

uint32_t FacetDictionary::ordinal(FacetKind kind, const std::string& value) {
  auto& known = known_[static_cast<size_t>(kind)];
  if (auto it = known.find(value); it != known.end()) return it->second;
  // Not seen in this run: given in an earlier one, or new.
  const std::string key = ordinal_key(kind, value);
  const std::string stored = db_.get_metadata(key);
  uint32_t ord;
  if (!stored.empty()) {
    ord = parse_count(stored);
  } else {
    uint32_t& size = size_[static_cast<size_t>(kind)];
    ord = size++;
    db_.set_metadata(key, std::to_string(ord));
    db_.set_metadata(facet_value_key(kind, ord), value);
    db_.set_metadata(facet_size_key(kind), std::to_string(size));
  }
  known.emplace(value, ord);
  return ord;
}

void FacetDictionary::annotate(Xapian::Document& doc) {
  DocumentFacets facets;
  facets.day = day_code(doc.get_value(schema::kSlotDate));
  auto add_one = [&](FacetKind kind, Xapian::valueno slot) {
    const std::string value = doc.get_value(slot);
    if (!value.empty()) facets.ordinals[static_cast<size_t>(kind)].push_back(ordinal(kind, value));
  };
  auto add_list = [&](FacetKind kind, Xapian::valueno slot) {
    for (const std::string& value : schema::unserialise_list(doc.get_value(slot))) {
      facets.ordinals[static_cast<size_t>(kind)].push_back(ordinal(kind, value));
    }
  };
  add_one(FacetKind::Source, schema::kSlotSource);
  add_one(FacetKind::Category, schema::kSlotCategory);
  add_list(FacetKind::Place, schema::kSlotPlaces);
  add_list(FacetKind::Person, schema::kSlotPersons);
  add_list(FacetKind::Organization, schema::kSlotOrganizations);
  if (facets == DocumentFacets{}) return;
  doc.add_value(schema::kSlotFacetOrdinals, encode_document_facets(facets));
}

}  // namespace akhbar
