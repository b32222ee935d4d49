#include "list_count_spy.h"

#include "schema.h"

namespace akhbar {

void ListCountMatchSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  // Extraction already lists each id once per article.
  for (std::string& id : schema::unserialise_list(value)) ++counts_[std::move(id)];
}

}  // namespace akhbar
