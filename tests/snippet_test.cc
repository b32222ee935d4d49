// Snippets are cut from the original text and highlight every spelling the
// index folds together.
#include <catch2/catch.hpp>

#include "query/query_builder.h"
#include "output/snippet.h"

using akhbar::highlight_terms;
using akhbar::make_snippet;

namespace {

std::vector<std::string> highlighted(const akhbar::Snippet& s) {
  std::vector<std::string> out;
  for (const auto& [b, e] : s.highlights) out.push_back(s.text.substr(b, e - b));
  return out;
}

}  // namespace

TEST_CASE("highlights show the original spelling of matched words", "[snippet]") {
  struct Row {
    std::string query, text;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"محمد", "قال مُحَمَّد إن الاتفاق صامد", {"مُحَمَّد"}},
      {"القاهرة", "وصل الوفد إلى القاهـــرة أمس", {"القاهـــرة"}},
      {"الامم المتحدة", "دعت الأمم المتحدة إلى التهدئة", {"الأمم", "المتحدة"}},
      {"\"قال محمد\"", "قال مُحَمَّد ثم قال محمد", {"قال", "مُحَمَّد", "قال", "محمد"}},
  };
  for (const Row& row : rows) {
    INFO(row.query);
    const auto terms = highlight_terms(akhbar::build_text_query(row.query, false));
    const auto s = make_snippet(row.text, terms, 30);
    CHECK(s.text == row.text);
    CHECK(highlighted(s) == row.expected);
  }
}

TEST_CASE("the snippet window moves to where the query words are", "[snippet]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "كلمة ";
  text += "انفجار في بيروت ";
  for (int i = 0; i < 200; ++i) text += "كلمة ";
  const auto terms = highlight_terms(akhbar::build_text_query("انفجار بيروت", false));
  const auto s = make_snippet(text, terms, 20);
  CHECK(s.starts_mid);
  CHECK(s.ends_mid);
  CHECK(highlighted(s) == std::vector<std::string>{"انفجار", "بيروت"});
}

TEST_CASE("with nothing to highlight the snippet is the text's opening", "[snippet]") {
  const auto terms = highlight_terms(akhbar::build_text_query("غائب", false));
  const auto s = make_snippet("الجملة الأولى هنا. ثم الثانية.", terms, 3);
  CHECK(s.text == "الجملة الأولى هنا");
  CHECK(s.highlights.empty());
  CHECK(!s.starts_mid);
  CHECK(s.ends_mid);
}

TEST_CASE("boolean filter terms are never highlighted", "[snippet]") {
  akhbar::SearchRequest r;
  r.query = "سوريا";
  r.filters.sources = {"BBC"};
  const auto terms = highlight_terms(akhbar::build_search_query(r));
  CHECK(terms.words.empty());
  CHECK(terms.stems.size() == 1);
}
