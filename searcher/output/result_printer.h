// ResultPrinter: writes SearchResults for a reader — a person at a terminal
// (TextPrinter) or a program (JsonPrinter, one JSON object per line). The
// printers consume results and know nothing of how they were found.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "output/text_layout.h"
#include "search_request.h"

namespace akhbar {

class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;
  virtual void print(const SearchResults& results) = 0;
};

// `color`: ANSI highlighting of matched words (for a terminal).
std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, bool color);

// For a terminal: titles, snippets and lists wrapped and laid out as
// `layout` says (text_layout.h), the date facet as a bar chart
// (date_chart.h) at the layout's width (80 without one).
struct TextOptions {
  LayoutOptions layout;
  size_t first_rank = 1;       // the number of the first hit shown
  bool number_facets = false;  // "[N]" before each value of the listed facets
};
std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const TextOptions& options);

// The facet values a text printer numbers, in its order (value N is
// element N-1): every value of every facet but a non-empty date facet.
struct NumberedValue {
  std::string facet;  // Facet::name
  FacetValue value;
};
std::vector<NumberedValue> numbered_facet_values(const SearchResults& results);

// One JSON object per call, on one line:
// {"query","total","results":[{"id","title","date","source","category","url",
//  "score","snippet","highlights","places":[{"id","name"}],"actors":[{"id","name",
//  "type"}],"origin"}],"facets":{"date":[{"value","count"}],...,"place":[{"value",
//  "count","id"}],"person","organization","actor"}}
// "notes" (present only when the query was read otherwise than typed) lists
// how it was read, one line each (query_reading.h); "missing_shards"
// (present only when some were left out, --allow-partial) names the remote
// shards that did not answer.
// "highlights" lists [start, length] of matched words in the snippet, counted
// in Unicode code points. With ids_only results, each result is {"id","score"}.
std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out);

// A query that could not be answered, as one JSON line: {"query","error"}
// (akhbar-search --batch keeps one output line per input line).
void print_json_error(std::ostream& out, const std::string& query, const std::string& message);

}  // namespace akhbar
