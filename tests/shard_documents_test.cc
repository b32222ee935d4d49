// fetch_documents reads each document from the shard that holds it, as the
// combined database reads it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "match/shard_documents.h"
#include "test_support.h"

using akhbar::testing::TempDir;

namespace {

// Shards of `sizes[k]` documents, whose data names shard and rank.
std::vector<Xapian::Database> make_shards(const TempDir& dir, const std::vector<int>& sizes) {
  std::vector<Xapian::Database> shards;
  for (size_t k = 0; k < sizes.size(); ++k) {
    const std::string path = dir / ("shard-" + std::to_string(k + 1));
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 1; i <= sizes[k]; ++i) {
      Xapian::Document doc;
      doc.set_data("shard " + std::to_string(k + 1) + " doc " + std::to_string(i));
      doc.add_value(9, "v" + std::to_string(k + 1) + "." + std::to_string(i));
      db.add_document(doc);
    }
    db.commit();
    shards.emplace_back(path);
  }
  return shards;
}

Xapian::Database combined(const std::vector<Xapian::Database>& shards) {
  Xapian::Database db;
  for (const Xapian::Database& shard : shards) db.add_database(shard);
  return db;
}

}  // namespace

TEST_CASE("documents are read from their shards as the combined database reads them", "[shards]") {
  TempDir dir;
  const std::vector<Xapian::Database> shards = make_shards(dir, {4, 3, 4});
  const Xapian::Database all = combined(shards);
  // Interleaved: docid 1 is shard 1's first, 2 shard 2's first, 5 shard 2's
  // second; in any order, with repeats.
  const std::vector<Xapian::docid> ids = {5, 1, 2, 10, 3, 5, 7, 12};
  const std::vector<Xapian::Document> docs = akhbar::fetch_documents(shards, ids);
  REQUIRE(docs.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO("docid " << ids[i]);
    CHECK(docs[i].get_data() == all.get_document(ids[i]).get_data());
    CHECK(docs[i].get_value(9) == all.get_document(ids[i]).get_value(9));
  }
  CHECK(docs[0].get_data() == "shard 2 doc 2");
  CHECK(akhbar::fetch_documents(shards, {}).empty());
}

TEST_CASE("a docid no shard holds is Xapian's DocNotFoundError, in the caller's thread", "[shards]") {
  TempDir dir;
  const std::vector<Xapian::Database> shards = make_shards(dir, {2, 2, 1});
  // Shard 3 holds one document: combined docid 6 would be its second.
  CHECK_THROWS_AS(akhbar::fetch_documents(shards, {1, 6}), Xapian::DocNotFoundError);
  CHECK_THROWS_AS(akhbar::fetch_documents(shards, {0}), Xapian::DocNotFoundError);
  CHECK_THROWS_AS(akhbar::fetch_documents({}, {1}), Xapian::DocNotFoundError);
}
