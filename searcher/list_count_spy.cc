#include "list_count_spy.h"

#include "schema.h"

namespace akhbar {

void ListCountMatchSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  // Extraction already lists each id once per article.
  schema::for_each_in_list(value, [this](std::string_view id) {
    auto it = counts_.find(id);
    if (it == counts_.end()) it = counts_.emplace(keys_.emplace_back(id), 0).first;
    ++it->second;
  });
}

}  // namespace akhbar
