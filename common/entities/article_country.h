// The country an article is about, for a generic body it names without one
// (وزاره الداخليه, البنك المركزي): the country of the dateline origin when
// there is one, else the country its places name most (a city or a region
// counts for its country, a nationality adjective for its own), of equal
// counts the one that reached it first. "" when the article names no place in a country.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"

namespace akhbar {

// The country id (c:SA) of `place_id` itself or of its nearest ancestor that
// is a country; "" if none.
std::string country_of(const Gazetteer& gazetteer, const std::string& place_id);

// `mentions` in order of position; `origin` is the dateline place id or "".
std::string article_country(const Gazetteer& gazetteer, const std::string& origin,
                            const std::vector<Mention>& mentions);

}  // namespace akhbar
