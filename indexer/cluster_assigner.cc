#include "cluster_assigner.h"

#include <functional>

#include "index/schema.h"

namespace akhbar {

void ClusterAssigner::consider(std::string_view packed, std::string_view cluster,
                               const std::string& signature, Best& best) const {
  if (cluster.empty()) return;
  const double similarity = estimated_similarity(packed, signature);
  if (similarity >= threshold_ && similarity > best.similarity) best = Best{similarity, std::string(cluster)};
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

void ClusterAssigner::look_in_job(const NearDuplicateSignature& signature, Best& best) const {
  if (stride_ == 0 || signature.packed.size() + 16 != stride_) return;
  const std::string_view members(members_);
  for (const std::string& band : signature.bands) {
    const auto [first, last] = by_band_.equal_range(std::hash<std::string>{}(band));
    for (auto it = first; it != last; ++it) {
      const std::string_view member = members.substr(size_t{it->second} * stride_, stride_);
      consider(member.substr(0, stride_ - 16), member.substr(stride_ - 16), signature.packed, best);
    }
  }
}

void ClusterAssigner::remember(const NearDuplicateSignature& signature, const std::string& cluster) {
  if (stride_ == 0) stride_ = signature.packed.size() + 16;
  if (signature.packed.size() + 16 != stride_ || cluster.size() != 16) return;
  const auto index = static_cast<uint32_t>(members_.size() / stride_);
  members_ += signature.packed;
  members_ += cluster;
  for (const std::string& band : signature.bands) {
    const uint64_t key = std::hash<std::string>{}(band);
    if (by_band_.count(key) < kMaxCandidatesPerBand) by_band_.emplace(key, index);
  }
}

std::string ClusterAssigner::assign(const std::string& article_id, const NearDuplicateSignature& signature) {
  if (signature.empty()) return cluster_key_of(article_id);
  Best best;
  if (remember_job_) look_in_job(signature, best);
  look_in_database(signature, best);
  std::string cluster = best.cluster.empty() ? cluster_key_of(signature) : best.cluster;
  if (remember_job_) remember(signature, cluster);
  return cluster;
}

}  // namespace akhbar
