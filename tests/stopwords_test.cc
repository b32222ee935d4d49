// Stop words: the function words a query may drop, in normalized spelling.
#include <catch2/catch.hpp>

#include <string>

#include <xapian.h>

#include "text/normalizer.h"
#include "text/stopwords.h"

using akhbar::is_stopword;

TEST_CASE("function words are stop words", "[analysis][stopwords]") {
  for (const std::string word :
       {"في", "من", "الي", "علي", "عن", "مع", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك",
        "الذي", "التي", "الذين", "ان", "لا", "لم", "لن", "قد", "ثم", "او", "بل", "حيث", "عند",
        "بعد", "قبل", "بين", "كل", "بعض", "غير", "كان", "كانت"}) {
    INFO("word: " << word);
    CHECK(is_stopword(word));
  }
}

TEST_CASE("function words with a clitic or a pronoun are stop words", "[analysis][stopwords]") {
  for (const std::string word : {"وفي", "ومن", "وعلي", "والتي", "ولا", "فيها", "منهم", "عليه",
                                 "انه", "لها", "بها", "وهو", "لذلك", "ولكن"}) {
    INFO("word: " << word);
    CHECK(is_stopword(word));
  }
}

TEST_CASE("the list is in normalized spelling", "[analysis][stopwords]") {
  // Written with hamza, alef maqsura, ta marbuta: found once normalized.
  for (const std::string written : {"إلى", "على", "حتى", "أن", "إن", "أو", "هؤلاء", "أولئك",
                                    "لدى", "إذا", "عدة", "أيضا"}) {
    INFO("written: " << written);
    CHECK(is_stopword(akhbar::normalize(written)));
  }
  CHECK_FALSE(is_stopword("إلى"));  // unnormalized input is not looked up as such
}

TEST_CASE("content words are not stop words", "[analysis][stopwords]") {
  for (const std::string word : {"قال", "الرءيس", "بغداد", "حكومه", "عام", "اليوم", "ام", "امام",
                                 "وزير", "سيار", "مليون", "قتل", "", "the", "2018"}) {
    INFO("word: " << word);
    CHECK_FALSE(is_stopword(word));
  }
}

TEST_CASE("the Xapian stopper uses the same list and lives for the program",
          "[analysis][stopwords]") {
  const Xapian::Stopper* stopper = akhbar::arabic_stopper();
  REQUIRE(stopper != nullptr);
  CHECK(stopper == akhbar::arabic_stopper());
  CHECK((*stopper)("في"));
  CHECK((*stopper)("والتي"));
  CHECK_FALSE((*stopper)("بغداد"));

  Xapian::QueryParser parser;
  parser.set_stopper(stopper);
  const Xapian::Query query = parser.parse_query("انفجار في بغداد");
  const std::string description = query.get_description();
  INFO(description);
  CHECK(description.find("انفجار") != std::string::npos);
  CHECK(description.find("بغداد") != std::string::npos);
  CHECK(description.find("في") == std::string::npos);
}
