// Fuzzes what the searcher decodes from a database that may be damaged: the
// stored fields of an article and the facet-ordinal and list values. Any
// bytes decode without a crash, and a value read back re-encodes the same.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/facet_ordinals.h"
#include "index/schema.h"
#include "index/stored_article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  (void)akhbar::decode_stored(input);
  (void)akhbar::schema::unserialise_list(input);

  akhbar::DocumentFacets facets;
  size_t decoded = 0;
  akhbar::decode_document_facets(
      input, [&](uint32_t day) { facets.day = day; },
      [&](akhbar::FacetKind kind, uint32_t ord) {
        facets.ordinals[static_cast<size_t>(kind)].push_back(ord);
        ++decoded;
      });
  // What decoded re-encodes and decodes to the same facets.
  akhbar::DocumentFacets again;
  akhbar::decode_document_facets(
      akhbar::encode_document_facets(facets), [&](uint32_t day) { again.day = day; },
      [&](akhbar::FacetKind kind, uint32_t ord) { again.ordinals[static_cast<size_t>(kind)].push_back(ord); });
  if (!(again == facets) || decoded > size) abort();
  if (const uint32_t code = akhbar::day_code(input)) {
    if (akhbar::day_code(akhbar::day_from_code(code)) != code) abort();
  }
  return 0;
}
