// What build_document() puts in a document for its words: each word's exact
// normalized form at its position and its stem, weighted by where the word
// stands (title, the body's lead, the rest of the body), and a ranking that
// follows those weights.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "query/query_builder.h"
#include "match/ranking.h"
#include "index/schema.h"

using akhbar::Article;
using akhbar::BuildOptions;

namespace {

struct Posting {
  Xapian::termcount wdf = 0;
  std::vector<Xapian::termpos> positions;
};

std::map<std::string, Posting> postings(const Xapian::Document& doc) {
  std::map<std::string, Posting> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    Posting& p = out[*t];
    p.wdf = t.get_wdf();
    for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) p.positions.push_back(*pos);
  }
  return out;
}

Article article(const std::string& id, const std::string& title, const std::string& body) {
  Article a;
  a.id = id;
  a.title = title;
  a.body = body;
  return a;
}

}  // namespace

TEST_CASE("title words, lead words and later body words weigh title, lead and 1", "[builder]") {
  BuildOptions options;
  options.title_weight = 3;
  options.lead_words = 3;
  options.lead_weight = 2;
  // Title: 2 words at positions 1-2; the body starts 100 positions later.
  const Xapian::Document doc = akhbar::build_document(
      article("a", "قمة الرياض", "انعقدت القمة في الرياض أمس وسط حضور كبير"), options);
  const auto terms = postings(doc);

  struct Row {
    std::string term;
    Xapian::termcount wdf;
    std::vector<Xapian::termpos> positions;
  };
  const Row rows[] = {
      // The lead: the first 3 body words, 2 each.
      {"انعقدت", 2, {103}},
      {"في", 2, {105}},
      // In the title (3) and in the lead (2).
      {"القمه", 2, {103 + 1}},
      {"قمه", 3, {1}},
      {"Zقمه", 3 + 2, {}},
      // In the title (3) and after the lead (1).
      {"الرياض", 3 + 1, {2, 106}},
      {"Zرياض", 3 + 1, {}},
      // After the lead.
      {"امس", 1, {107}},
      {"كبير", 1, {110}},
      {"Zكبير", 1, {}},
      // The title's own prefix: for title:, not weighted.
      {"Sقمه", 1, {1}},
      {"Sالرياض", 1, {2}},
  };
  for (const Row& row : rows) {
    INFO(row.term);
    const auto it = terms.find(row.term);
    REQUIRE(it != terms.end());
    CHECK(it->second.wdf == row.wdf);
    CHECK(it->second.positions == row.positions);
  }
}

TEST_CASE("the lead is 50 words at 2 unless set otherwise, and can be switched off",
          "[builder]") {
  CHECK(BuildOptions().lead_words == 50);
  CHECK(BuildOptions().lead_weight == 2);

  std::string body;
  for (int i = 0; i < 60; ++i) body += (i == 49 ? "الخمسين " : i == 50 ? "الحاديه " : "كلمه ");
  const auto lead = postings(akhbar::build_document(article("a", "", body), BuildOptions()));
  CHECK(lead.at("الخمسين").wdf == 2);  // the 50th word
  CHECK(lead.at("الحاديه").wdf == 1);  // the 51st
  CHECK(lead.at("كلمه").wdf == 49 * 2 + 9);

  BuildOptions off;
  off.lead_words = 0;
  const auto flat = postings(akhbar::build_document(article("a", "", body), off));
  CHECK(flat.at("الخمسين").wdf == 1);
  CHECK(flat.at("كلمه").wdf == 58);
}

TEST_CASE("of two articles with the same words, the one whose lead names the query ranks first",
          "[builder][ranking]") {
  // The same eleven words in each, in another order, and a lead of six
  // words: only where the words stand tells the articles apart.
  const std::string opening = "اعلنت الحكومه خطه جديده لدعم الزراعه في المناطق الريفيه هذا العام";
  const std::string closing = "في المناطق الريفيه هذا العام اعلنت الحكومه خطه جديده لدعم الزراعه";
  BuildOptions options;
  options.lead_words = 6;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid opens = db.add_document(akhbar::build_document(article("o", "", opening), options));
  const Xapian::docid closes = db.add_document(akhbar::build_document(article("c", "", closing), options));

  const std::pair<std::string, Xapian::docid> rows[] = {
      {"الزراعه", opens},          // in the opening's lead only
      {"خطه الزراعه", opens},
      {"الحكومة", opens},
      {"المناطق", closes},         // in the closing's lead only
      {"الريفية في هذا العام", closes},
  };
  for (const auto& [query, expected] : rows) {
    INFO(query);
    akhbar::SearchRequest request;
    request.query = query;
    request.match_any = true;
    Xapian::Enquire enquire(db);
    akhbar::configure_ranking(enquire, akhbar::build_ranked_query(request, &db),
                              akhbar::SortOrder::Relevance);
    const Xapian::MSet mset = enquire.get_mset(0, 2);
    REQUIRE(mset.size() == 2);
    CHECK(*mset.begin() == expected);
    CHECK(mset.begin().get_weight() > (++mset.begin()).get_weight());
  }

  // Without a lead the two weigh the same.
  BuildOptions flat;
  flat.lead_words = 0;
  Xapian::WritableDatabase same(std::string(), Xapian::DB_BACKEND_INMEMORY);
  same.add_document(akhbar::build_document(article("o", "", opening), flat));
  same.add_document(akhbar::build_document(article("c", "", closing), flat));
  akhbar::SearchRequest request;
  request.query = "الزراعه";
  Xapian::Enquire enquire(same);
  akhbar::configure_ranking(enquire, akhbar::build_ranked_query(request, &same),
                            akhbar::SortOrder::Relevance);
  const Xapian::MSet mset = enquire.get_mset(0, 2);
  REQUIRE(mset.size() == 2);
  CHECK(mset.begin().get_weight() == (++mset.begin()).get_weight());
}
