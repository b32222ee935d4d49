#include "cluster_assigner.h"

#include "index/schema.h"

namespace akhbar {

void ClusterAssigner::consider(std::string_view packed, const std::string& cluster,
                               const std::string& signature, Best& best) const {
  if (cluster.empty()) return;
  const double similarity = estimated_similarity(packed, signature);
  if (similarity >= threshold_ && similarity > best.similarity) best = Best{similarity, cluster};
}

void ClusterAssigner::look_in_database(const NearDuplicateSignature& signature, Best& best) const {
  if (db_.get_doccount() == 0) return;
  for (const std::string& band : signature.bands) {
    size_t seen = 0;
    for (auto it = db_.postlist_begin(band); it != db_.postlist_end(band) && seen < kMaxCandidatesPerBand;
         ++it, ++seen) {
      const Xapian::Document doc = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
      consider(doc.get_value(schema::kSlotNearDuplicate), doc.get_value(schema::kSlotCluster),
               signature.packed, best);
    }
  }
}

std::string ClusterAssigner::assign(const std::string& article_id, const NearDuplicateSignature& signature) {
  if (signature.empty()) return cluster_key_of(article_id);
  Best best;
  for (const std::string& band : signature.bands) {
    const auto it = by_band_.find(band);
    if (it == by_band_.end()) continue;
    for (size_t m : it->second) consider(members_[m].packed, members_[m].cluster, signature.packed, best);
  }
  look_in_database(signature, best);
  std::string cluster = best.cluster.empty() ? cluster_key_of(article_id) : best.cluster;
  const size_t index = members_.size();
  members_.push_back(Member{signature.packed, cluster});
  for (const std::string& band : signature.bands) {
    std::vector<size_t>& members = by_band_[band];
    if (members.size() < kMaxCandidatesPerBand) members.push_back(index);
  }
  return cluster;
}

}  // namespace akhbar
