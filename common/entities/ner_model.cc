#include "entities/ner_model.h"

#include "data_dir.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include <dlib/svm_threaded.h>


namespace akhbar {
namespace {

constexpr char kMagic[] = "AKHBAR-NER-1\n";
constexpr unsigned long kEmissionWeights = static_cast<unsigned long>(kNerFeatureSpace) * kNerLabels;

// Whether `label` may follow `previous` (kNerLabels: the sequence start): an
// I- label only continues a name of its type.
bool allowed(unsigned long previous, unsigned long label) {
  if (label == kO || (label - 1) % 2 == 0) return true;
  return previous == label || previous + 1 == label;
}

// dlib's view of the features: a weight per (feature, label), a weight per
// (previous label, label).
class ChainFeatures {
 public:
  typedef NerTokenFeatures sequence_type;

  unsigned long num_features() const { return kEmissionWeights + kNerLabels * kNerLabels; }
  unsigned long order() const { return 1; }
  unsigned long num_labels() const { return kNerLabels; }

  template <typename EXP>
  bool reject_labeling(const sequence_type&, const dlib::matrix_exp<EXP>& y,
                       unsigned long position) const {
    return !allowed(position == 0 ? kNerLabels : y(1), y(0));
  }

  template <typename feature_setter, typename EXP>
  void get_features(feature_setter& set_feature, const sequence_type& x,
                    const dlib::matrix_exp<EXP>& y, unsigned long position) const {
    const unsigned long label = y(0);
    const unsigned long base = label * kNerFeatureSpace;
    for (uint32_t f : x[position]) set_feature(base + f);
    if (position > 0) set_feature(kEmissionWeights + y(1) * kNerLabels + label);
  }
};

using Labeler = dlib::sequence_labeler<ChainFeatures>;
using Weights = dlib::matrix<double, 0, 1>;

template <typename T>
void write_raw(std::ostream& out, T value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T read_raw(std::istream& in) {
  T value{};
  in.read(reinterpret_cast<char*>(&value), sizeof value);
  return value;
}

}  // namespace

struct NerModel::Impl {
  explicit Impl(const Weights& w) : labeler(w, ChainFeatures()), emission(kNerFeatureSpace) {
    for (unsigned long f = 0; f < kNerFeatureSpace; ++f) {
      for (unsigned long label = 0; label < kNerLabels; ++label) {
        emission[f].weight[label] = static_cast<float>(w(label * kNerFeatureSpace + f));
      }
    }
    for (unsigned long k = 0; k < kNerLabels * kNerLabels; ++k) transition[k] = w(kEmissionWeights + k);
  }
  Labeler labeler;
  // The same weights packed for tag(): emission[feature] holds a feature's
  // weight for each label, one row per feature (zeros included) in one
  // cache line, so that a token's rows are read at once; then
  // transition[previous * kNerLabels + label].
  struct alignas(32) Row {
    float weight[8];
  };
  static_assert(kNerLabels <= 8, "a row holds every label");
  std::vector<Row> emission;
  double transition[kNerLabels * kNerLabels];
};

NerModel::NerModel() = default;
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

NerModel NerModel::train(const std::vector<NerExample>& examples, const NerTrainOptions& options) {
  std::vector<NerTokenFeatures> samples;
  std::vector<std::vector<unsigned long>> labels;
  for (const NerExample& e : examples) {
    if (e.features.empty()) continue;
    samples.push_back(e.features);
    labels.emplace_back(e.labels.begin(), e.labels.end());
  }
  dlib::structural_sequence_labeling_trainer<ChainFeatures> trainer;
  trainer.set_c(options.c);
  trainer.set_epsilon(options.epsilon);
  trainer.set_num_threads(options.threads);
  for (unsigned long label = 1; label < kNerLabels; ++label) trainer.set_loss(label, options.name_loss);
  if (options.verbose) trainer.be_verbose();
  Weights w = trainer.train(samples, labels).get_weights();
  // Held as floats, as in the file.
  for (long k = 0; k < w.size(); ++k) w(k) = static_cast<float>(w(k));
  NerModel model;
  model.impl_ = std::make_unique<Impl>(w);
  return model;
}

void NerModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw NerModelError(path + ": cannot write");
  const Weights& w = impl_->labeler.get_weights();
  out.write(kMagic, sizeof kMagic - 1);
  write_raw<uint32_t>(out, kNerFeatureBits);
  write_raw<uint32_t>(out, kNerLabels);
  write_raw<uint32_t>(out, static_cast<uint32_t>(nonzero_weights()));
  for (long k = 0; k < w.size(); ++k) {
    if (w(k) == 0) continue;
    write_raw<uint32_t>(out, static_cast<uint32_t>(k));
    write_raw<float>(out, static_cast<float>(w(k)));
  }
  if (!out.flush()) throw NerModelError(path + ": cannot write");
}

NerModel NerModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NerModelError(path + ": cannot open");
  char magic[sizeof kMagic - 1];
  in.read(magic, sizeof magic);
  if (!in || std::memcmp(magic, kMagic, sizeof magic) != 0) throw NerModelError(path + ": not a model");
  const uint32_t bits = read_raw<uint32_t>(in);
  const uint32_t labels = read_raw<uint32_t>(in);
  const uint32_t n = read_raw<uint32_t>(in);
  if (!in || bits != kNerFeatureBits || labels != kNerLabels) {
    throw NerModelError(path + ": made for other features; retrain it");
  }
  const ChainFeatures fe;
  Weights w = dlib::zeros_matrix<double>(fe.num_features(), 1);
  for (uint32_t k = 0; k < n; ++k) {
    const uint32_t index = read_raw<uint32_t>(in);
    const float value = read_raw<float>(in);
    if (!in || index >= fe.num_features()) throw NerModelError(path + ": truncated or corrupt");
    w(index) = value;
  }
  NerModel model;
  model.impl_ = std::make_unique<Impl>(w);
  return model;
}

std::string NerModel::default_path() {
  if (const char* env = std::getenv("AKHBAR_NER_MODEL"); env && *env) return env;
  return data_dir() + "/ner/anercorp.model";
}

const NerModel* NerModel::shared_default() {
  static const std::unique_ptr<const NerModel> model = []() -> std::unique_ptr<const NerModel> {
    try {
      return std::make_unique<const NerModel>(load(default_path()));
    } catch (const std::runtime_error& e) {  // NerModelError, DataDirError
      std::cerr << "akhbar: no entity model (" << e.what() << "); entities found by rules only\n";
      return nullptr;
    }
  }();
  return model.get();
}

std::vector<NerLabel> NerModel::tag(const NerTokenFeatures& features, size_t first,
                                    size_t last) const {
  const size_t n = last - first;
  thread_local std::vector<double> score;  // best path ending in (token, label)
  thread_local std::vector<uint8_t> back;
  score.assign(n * kNerLabels, 0.0);
  back.assign(n * kNerLabels, 0);
  const Impl::Row* rows = impl_->emission.data();
  for (size_t t = 0; t < n; ++t) {
    double* s = &score[t * kNerLabels];
    const NerTokenFeatures::Range token = features[first + t];
    // The rows are scattered over megabytes: ask for all before adding.
    for (uint32_t f : token) __builtin_prefetch(&rows[f]);
    for (uint32_t f : token) {
      const float* w = rows[f].weight;
      for (unsigned l = 0; l < kNerLabels; ++l) s[l] += w[l];
    }
    for (unsigned l = 0; l < kNerLabels; ++l) {
      if (t == 0) {
        if (!allowed(kNerLabels, l)) s[l] = -1e300;
        continue;
      }
      double best = -1e300;
      for (unsigned p = 0; p < kNerLabels; ++p) {
        const double v = score[(t - 1) * kNerLabels + p] + impl_->transition[p * kNerLabels + l];
        if (allowed(p, l) && v > best) {
          best = v;
          back[t * kNerLabels + l] = static_cast<uint8_t>(p);
        }
      }
      s[l] += best;
    }
  }
  std::vector<NerLabel> labels(n, kO);
  if (n == 0) return labels;
  unsigned l = 0;
  for (unsigned k = 1; k < kNerLabels; ++k) {
    if (score[(n - 1) * kNerLabels + k] > score[(n - 1) * kNerLabels + l]) l = k;
  }
  for (size_t t = n; t-- > 0;) {
    labels[t] = static_cast<NerLabel>(l);
    l = back[t * kNerLabels + l];
  }
  return labels;
}

std::vector<NerLabel> NerModel::tag_with_dlib(const NerTokenFeatures& sequence) const {
  if (sequence.empty()) return {};
  const std::vector<unsigned long> best = impl_->labeler(sequence);
  std::vector<NerLabel> labels;
  labels.reserve(best.size());
  for (unsigned long l : best) labels.push_back(static_cast<NerLabel>(l));
  return labels;
}

size_t NerModel::nonzero_weights() const {
  const Weights& w = impl_->labeler.get_weights();
  size_t n = 0;
  for (long k = 0; k < w.size(); ++k) n += w(k) != 0;
  return n;
}

}  // namespace akhbar
