#include "entities/article_country.h"

#include <unordered_map>

namespace akhbar {

std::string country_of(const Gazetteer& g, const std::string& place_id) {
  const GazetteerEntry* e = g.find(place_id);
  if (!e) return "";
  if (e->type == EntityType::Country) return place_id;
  for (const std::string& a : g.ancestors(place_id)) {
    const GazetteerEntry* p = g.find(a);
    if (p && p->type == EntityType::Country) return a;
  }
  return "";
}

std::string article_country(const Gazetteer& g, const std::string& origin,
                            const std::vector<Mention>& mentions) {
  if (std::string c = country_of(g, origin); !c.empty()) return c;
  std::unordered_map<std::string, size_t> counts;
  std::string best;
  size_t best_count = 0;
  for (const Mention& m : mentions) {
    if (m.kind != EntityKind::Place) continue;
    const std::string c = country_of(g, m.id);
    if (c.empty()) continue;
    const size_t n = ++counts[c];
    if (n > best_count) {
      best = c;
      best_count = n;
    }
  }
  return best;
}

}  // namespace akhbar
