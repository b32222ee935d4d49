// JsonReader: articles from JSON Lines and from JSON documents.
//
// JSON Lines: one object per line, blank lines skipped. A line that is not
// valid JSON, not an object, or nested deeper than 64 levels is reported (an
// Error with its line) and skipped; the other lines are read as usual.
//
// JSON: an array of objects, one object, or a sequence of such values
// (concatenated documents). Read as a stream: memory holds one article, and
// the articles before a syntax error are kept; the error itself ends the
// file with one Error saying where and how many articles were kept. An
// element that is not an object or nests too deeply is reported and skipped.
//
// Keys are matched to article fields by input_names() (corpus_reader.h).
// Strings are taken as they are, numbers printed, null is absent; an array
// of strings and numbers is joined for body (one per line), author and
// category (", "); any other type is reported as a warning and the field
// left empty. Invalid UTF-8 and raw NUL bytes, which a JSON parser rejects,
// reach the article's fields and are repaired and reported there.
#pragma once

#include "readers/input_file.h"

namespace akhbar {

void read_json_lines(InputStream& in, ArticleSink& sink);
void read_json(InputStream& in, ArticleSink& sink);

}  // namespace akhbar
