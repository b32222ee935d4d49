// Fuzzes the query builder: any query string gives a query or a QueryError.
#include <cstdint>
#include <string>

#include "query/query_builder.h"
#include "output/snippet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  try {
    const Xapian::Query q = akhbar::build_text_query(input, size % 2 == 0);
    (void)akhbar::make_snippet(input, akhbar::highlight_terms(q), 10);
  } catch (const akhbar::QueryError&) {
  }
  return 0;
}
