// The fields an index keeps for display: what is encoded reads back, data
// from older databases (JSON) still reads, and damaged data never throws.
#include <catch2/catch.hpp>

#include "index/stored_article.h"

using akhbar::decode_stored;
using akhbar::encode_stored;

TEST_CASE("stored fields read back as written", "[stored]") {
  akhbar::Article a;
  a.id = "ANT-1";
  a.title = "مجلس الأمن يجتمع";
  a.body = "قال المتحدث \"اليوم\"\n\tإن الاجتماع… {\"x\":1} \\ " + std::string(70000, 'b');
  a.date = akhbar::Date{2018, 2, 23};
  a.source = "وكالة الأنباء";
  a.url = "https://example.org/a?b=c&d";
  const akhbar::StoredArticle s = decode_stored(encode_stored(a));
  CHECK(s.id == a.id);
  CHECK(s.title == a.title);
  CHECK(s.body == a.body);
  CHECK(s.date == "2018-02-23");
  CHECK(s.source == a.source);
  CHECK(s.category.empty());
  CHECK(s.url == a.url);
  CHECK(s.author.empty());

  akhbar::Article empty;
  const akhbar::StoredArticle e = decode_stored(encode_stored(empty));
  CHECK(e.id.empty());
  CHECK(e.body.empty());
  CHECK(e.date.empty());
}

TEST_CASE("data written as JSON by earlier versions still reads", "[stored]") {
  const akhbar::StoredArticle s = decode_stored(
      R"({"author":"","body":"نص","category":"سياسة","date":"2018-02-23","id":"x1","source":"S","title":"عنوان","url":""})");
  CHECK(s.id == "x1");
  CHECK(s.title == "عنوان");
  CHECK(s.body == "نص");
  CHECK(s.category == "سياسة");
  CHECK(s.date == "2018-02-23");
}

TEST_CASE("damaged stored data gives the fields it can and never throws", "[stored]") {
  akhbar::Article a;
  a.id = "id-7";
  a.title = "عنوان";
  a.body = "نص طويل";
  const std::string good = encode_stored(a);
  for (size_t cut = 0; cut < good.size(); ++cut) {
    INFO(cut);
    akhbar::StoredArticle s;
    REQUIRE_NOTHROW(s = decode_stored(good.substr(0, cut)));
    if (cut > 1 + 1 + a.id.size()) CHECK(s.id == a.id);
  }
  for (const char* bad : {"", "{", "{\"id\":", "[1,2]", "\x02garbage", "\x01\xff\xff\xff\xff\xff"}) {
    INFO(bad);
    CHECK_NOTHROW(decode_stored(bad));
    CHECK(decode_stored(bad).id.empty());
  }
}
