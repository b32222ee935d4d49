// TextReader: one article per plain-text file. The first non-blank line is
// the title, the lines after it the body. The id is given by the caller
// (corpus_reader.cc: the path relative to the directory walked, without
// extension); the date is ReaderOptions::default_date; origin_line is 0
// (the whole file). A file longer than ReaderOptions::max_article_bytes is
// cut to that length, with a warning, and the rest of it is not read.
#pragma once

#include <string>

#include "readers/input_file.h"

namespace akhbar {

void read_text(InputStream& in, ArticleSink& sink, const std::string& id);

}  // namespace akhbar
