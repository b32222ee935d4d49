// ArticleView: prints a ShownArticle (akhbar-search --show ID) for a reader
// at a terminal or for a program.
//
// Text: the title, a line of id, date, source and category, the URL and
// author, the dateline, places (each with the places that hold it),
// persons, organizations and event dates, then the body, paragraph by
// paragraph, wrapped and laid out as `options` says (text_layout.h), the
// query's words styled as matches (in [brackets] without colour).
// JSON: one object on one line:
// {"id","title","date","source","category","url","author","dateline",
//  "places":[{"id","name","in":[names]}],"persons":[{"id","name"}],
//  "organizations":[{"id","name"}],"event_dates":[ISO],"body",
//  "highlights":{"title":[[start,length]],"body":[[start,length]]}}
// with highlights in Unicode code points, as in the search results' JSON.
#pragma once

#include <ostream>

#include "output/text_layout.h"
#include "shown_article.h"

namespace akhbar {

void print_article_text(std::ostream& out, const ShownArticle& article, const LayoutOptions& options);
void print_article_json(std::ostream& out, const ShownArticle& article);

// `text` cut at its newlines into paragraphs (blank ones dropped), the
// bytes in `matches` styled Style::Match and the rest `base`.
std::vector<StyledText> styled_paragraphs(const std::string& text,
                                          const std::vector<std::pair<size_t, size_t>>& matches,
                                          Style base = Style::Plain);

}  // namespace akhbar
