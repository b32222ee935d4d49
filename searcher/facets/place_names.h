// PlaceNames: how a place is shown in results and facets so that no two
// places read alike. A place whose Arabic display name another place of the
// gazetteer shares gets its parent in brackets — طرابلس (ليبيا), طرابلس
// (لبنان) — or, when its parent has that very name (a capital named like its
// country), the kind of place: تونس (مدينة) beside the country تونس. A name
// nobody shares is shown as it is, and so is a country.
// Immutable once built; thread-safe. The gazetteer must outlive it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "entities/gazetteer.h"

namespace akhbar {

class PlaceNames {
 public:
  explicit PlaceNames(const Gazetteer& gazetteer);

  // The name to show for a place id of the gazetteer; "" for an id it does
  // not know or that is not a place.
  std::string shown(std::string_view id) const;

 private:
  const Gazetteer& gazetteer_;
  std::unordered_map<std::string, int> uses_;  // display name → places bearing it
};

}  // namespace akhbar
