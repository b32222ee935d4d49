#include <catch2/catch.hpp>

#include "article_check.h"

using akhbar::Article;
using akhbar::check_article;

TEST_CASE("articles without an id or without text are rejected", "[article_check]") {
  Article a;
  a.title = "عنوان";
  CHECK(check_article(a).rejection == std::string("article has no id"));
  a.id = "x1";
  CHECK(!check_article(a).rejection);
  a.title = " \n\t";
  CHECK(check_article(a).rejection);
  a.body = "نص";
  CHECK(!check_article(a).rejection);
}

TEST_CASE("an oversized body is truncated at a UTF-8 boundary and kept", "[article_check]") {
  Article a;
  a.id = "big";
  a.body = std::string(11, 'x') + "سوريا";  // Arabic letters are 2 bytes each
  akhbar::ArticleCheckOptions o;
  o.max_body_bytes = 14;  // falls inside the second Arabic letter
  const auto c = check_article(a, o);
  CHECK(!c.rejection);
  REQUIRE(c.warning);
  CHECK(a.body == std::string(11, 'x') + "س");
}
