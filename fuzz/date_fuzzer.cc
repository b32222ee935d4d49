// Fuzzes the date parser: any text either fails or gives a real date.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (auto d = akhbar::parse_date(input)) {
    if (!akhbar::is_valid_date(d->year, d->month, d->day)) abort();
  }
  (void)akhbar::parse_date_bound(input, false);
  (void)akhbar::parse_date_bound(input, true);
  return 0;
}
