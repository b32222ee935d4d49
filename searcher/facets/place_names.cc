#include "facets/place_names.h"

namespace akhbar {
namespace {

bool is_place(EntityType t) { return kind_of(t) == EntityKind::Place; }

const char* kind_word(EntityType t) {
  switch (t) {
    case EntityType::City: return "مدينة";
    case EntityType::Region: return "إقليم";
    default: return "منطقة";
  }
}

}  // namespace

PlaceNames::PlaceNames(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  for (const GazetteerEntry& e : gazetteer.entries()) {
    if (is_place(e.type) && e.type != EntityType::Country) ++uses_[e.arabic];
  }
  // A country's name counts against the other places of that name, not
  // against itself: the country is the reading a bare name gets.
  for (const GazetteerEntry& e : gazetteer.entries()) {
    if (e.type == EntityType::Country) {
      if (auto it = uses_.find(e.arabic); it != uses_.end()) ++it->second;
    }
  }
}

std::string PlaceNames::shown(std::string_view id) const {
  const GazetteerEntry* e = gazetteer_.find(id);
  if (!e || !is_place(e->type)) return "";
  const auto it = uses_.find(e->arabic);
  if (e->type == EntityType::Country || it == uses_.end() || it->second < 2) return e->arabic;
  // The country tells most readers apart; a place named like its country
  // is told by its kind; one in no country by the nearest place around it.
  const GazetteerEntry* around = nullptr;
  for (const std::string& ancestor_id : gazetteer_.ancestors(id)) {
    const GazetteerEntry* a = gazetteer_.find(ancestor_id);
    if (!a || !is_place(a->type)) continue;
    if (a->type == EntityType::Country) {
      if (a->arabic == e->arabic) break;
      return e->arabic + " (" + a->arabic + ")";
    }
    if (!around && a->arabic != e->arabic) around = a;
  }
  return e->arabic + " (" + (around ? around->arabic : std::string(kind_word(e->type))) + ")";
}

}  // namespace akhbar
