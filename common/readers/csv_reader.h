// CsvReader: articles from CSV (RFC 4180) or TSV files, one row per article.
//
// The first row names the columns, matched to article fields by
// input_names() (corpus_reader.h); columns that match nothing are reported
// once. Fields may be quoted ("a, b"), with "" for a quote and line breaks
// inside quotes; rows end with LF or CRLF. The separator is tab for *.tsv,
// else whichever of ',', ';' and tab the header row has most of outside
// quotes (',' on a tie). Reads record by record: memory holds one row.
//
// Problems: a header with neither a title nor a body column is an Error and
// the file is skipped. A row with more or fewer fields than the header is a
// warning; the fields present are used. A quote never closed is an Error for
// that record (at its first line), and the lines after that line are read
// again as rows, so a stray quote loses one row, not the rest of the file.
// Text between a closing quote and the separator is kept, with a warning.
// A line longer than ReaderOptions::max_article_bytes is an Error and is
// skipped; a quoted record that grows past it is skipped like a quote
// never closed (an Error, the lines after its first read again as rows).
#pragma once

#include "readers/input_file.h"

namespace akhbar {

void read_csv(InputStream& in, ArticleSink& sink);

}  // namespace akhbar
