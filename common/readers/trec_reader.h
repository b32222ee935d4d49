// TrecReader: articles from a TREC-style stream of <DOC> ... </DOC> records
// (ANT, LDC Gigaword and the like), which is not XML: '&' and '<' occur raw.
//
// Only its own tags are markup, in any letter case, on their own lines or
// inline: DOC (attributes allowed: id="..."), DOCNO/DOCID, TITLE/HEADLINE,
// TEXT, ABSTRACT, DATELINE, DATE_TIME/DATE/TIME, SRC/SOURCE, CAT/CATEGORY,
// URL, AUTHOR/BYLINE, and P as a paragraph break. Everything else is text.
// The XML entities (&amp; &lt; &gt; &quot; &apos;) and numeric character
// references are decoded; any other '&' stays as it is.
//
// An article's title is TITLE, else HEADLINE; its body is TEXT, else
// ABSTRACT, else the untagged text of the DOC, with DATELINE put before it;
// its id is DOCNO, else the DOC's id attribute, else derived (warning); its
// date the first of DATE_TIME, DATE, TIME. Reads line by line: memory holds
// one article, whatever the size of the file, and no more of it than
// ReaderOptions::max_article_bytes (the text past that is dropped and the
// record kept, with a warning).
//
// Problems, all warnings (nothing is dropped): a <DOC> left open at the end
// of the input or at the next <DOC> (kept as read), a field left open at the
// next field or </DOC>, text outside <DOC> or untagged text beside TEXT (once
// per file each), a stray closing tag.
#pragma once

#include "readers/input_file.h"

namespace akhbar {

void read_trec(InputStream& in, ArticleSink& sink);

}  // namespace akhbar
