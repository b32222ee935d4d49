// ClusterAssigner: gives each article of an indexing job its near-duplicate
// cluster (near_duplicate.h): the cluster of the most similar article
// before it whose estimated similarity reaches the threshold, or a new one
// keyed by its own id.
//
// The articles before it are those of the database when the job started
// (found through their band terms) and those of this job so far (kept here,
// in memory, since a bulk build's shards are out of the database's sight
// until the merge). Call assign() in input order, from one thread (the
// writer's). The database is only read and must outlive the assigner.
#pragma once

#include <cstddef>
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

  ClusterAssigner(const Xapian::Database& db, double threshold = kDefaultNearDuplicateSimilarity)
      : db_(db), threshold_(threshold) {}

  // The cluster key of `article_id`, whose body has `signature`.
  std::string assign(const std::string& article_id, const NearDuplicateSignature& signature);

 private:
  struct Best {
    double similarity = 0;
    std::string cluster;
  };
  void consider(std::string_view packed, const std::string& cluster, const std::string& signature,
                Best& best) const;
  void look_in_database(const NearDuplicateSignature& signature, Best& best) const;

  const Xapian::Database& db_;
  double threshold_;
  struct Member {
    std::string packed, cluster;
  };
  std::vector<Member> members_;  // this job's articles with a signature
  std::unordered_map<std::string, std::vector<size_t>> by_band_;  // band term → members_
};

}  // namespace akhbar
