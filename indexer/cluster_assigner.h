// ClusterAssigner: gives each article of an indexing job its near-duplicate
// cluster (near_duplicate.h): the cluster of the most similar article
// before it whose estimated similarity reaches the threshold, or a new one
// keyed by its own signature (cluster_key_of(): the first copies of a body in
// two shards start the same cluster); an article without a signature has a
// cluster of its own, keyed by its id.
//
// The articles before it are found through their band terms: in the
// database (a WritableDatabase sees its own uncommitted documents), and,
// when `remember_job` is set, among this job's articles kept here in memory
// (for a bulk build, whose shards are out of the database's sight until
// the merge): about 0.8 KB per article with a signature, for the job's
// length. Call assign() in input order, from one thread (the writer's).
// The database is only read and must outlive the assigner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/near_duplicate.h"

namespace akhbar {

class ClusterAssigner {
 public:
  // Articles looked at per band term at most (in the database, and kept
  // from this job): a band shared by thousands (a boilerplate body) is no
  // use in telling copies apart, and a cluster's later members are found
  // through its first ones.
  static constexpr size_t kMaxCandidatesPerBand = 64;

  ClusterAssigner(const Xapian::Database& db, bool remember_job,
                  double threshold = kDefaultNearDuplicateSimilarity)
      : db_(db), remember_job_(remember_job), threshold_(threshold) {}

  // The cluster key of `article_id`, whose body has `signature`.
  std::string assign(const std::string& article_id, const NearDuplicateSignature& signature);

 private:
  struct Best {
    double similarity = 0;
    std::string cluster;
  };
  void consider(std::string_view packed, std::string_view cluster, const std::string& signature,
                Best& best) const;
  void look_in_database(const NearDuplicateSignature& signature, Best& best) const;
  void look_in_job(const NearDuplicateSignature& signature, Best& best) const;
  void remember(const NearDuplicateSignature& signature, const std::string& cluster);

  const Xapian::Database& db_;
  bool remember_job_;
  double threshold_;
  // This job's articles with a signature, member m at m * stride: its
  // packed signature, then its cluster key.
  std::string members_;
  size_t stride_ = 0;
  std::unordered_multimap<uint64_t, uint32_t> by_band_;  // band term's hash → member
};

}  // namespace akhbar
