// NerModel: the learned entity tagger, a first-order linear-chain model over
// the BIO labels of ner_span.h with the features of ner_features.h, trained
// as a structural SVM by dlib (structural_sequence_labeling_trainer) and
// decoded by dlib's sequence_labeler (Viterbi).
//
// File format (binary, little-endian; do not change without a new magic):
// "AKHBAR-NER-1\n", uint32 feature bits, uint32 label count, uint32 n, then n
// pairs (uint32 weight index, float weight) of the non-zero weights.
// Weights are held as floats, so a saved and reloaded model predicts exactly
// as the one trained.
//
// Thread-safety: tag() and the other const methods may be called from any
// number of threads. shared_default() loads the default file once per process.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "entities/ner_features.h"
#include "entities/ner_span.h"

namespace akhbar {

// A model file that cannot be read or is not a model.
class NerModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One training sequence: the features of each token and its gold label.
struct NerExample {
  NerTokenFeatures features;
  std::vector<NerLabel> labels;
};

struct NerTrainOptions {
  double c = 300;          // SVM regularization: higher fits the data more closely
  double epsilon = 0.1;    // solver stopping tolerance
  // The loss of mislabelling a token of a name, against 1 for a token
  // outside names: above 1 trades precision for recall.
  double name_loss = 1;
  unsigned threads = 2;    // threads dlib's solver uses
  bool verbose = false;    // dlib's progress on stdout
};

class NerModel {
 public:
  NerModel();
  ~NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;

  // Learns a model from the examples. Deterministic for the same examples
  // and options. REQUIRES: every example has as many labels as tokens.
  static NerModel train(const std::vector<NerExample>& examples, const NerTrainOptions& options);

  // Throws NerModelError when the file cannot be read or is not a model of
  // the current feature space.
  static NerModel load(const std::string& path);
  // Throws NerModelError when the file cannot be written.
  void save(const std::string& path) const;

  // $AKHBAR_NER_MODEL if set (to try another model), else data_dir() +
  // "/ner/anercorp.model" (data_dir.h); throws DataDirError when no data
  // directory is found.
  static std::string default_path();
  // The model at default_path(), loaded at the first call; nullptr when it
  // is missing or unreadable (said once on stderr). Lives until exit.
  static const NerModel* shared_default();

  // The best label of each token of one sequence (Viterbi over per-token
  // label scores). An empty sequence gives an empty result.
  std::vector<NerLabel> tag(const NerTokenFeatures& sequence) const {
    return tag(sequence, 0, sequence.size());
  }
  // The same for the sequence of tokens [first, last) of `features`.
  // REQUIRES: first <= last <= features.size().
  std::vector<NerLabel> tag(const NerTokenFeatures& features, size_t first, size_t last) const;
  // The same decoded by dlib's sequence_labeler, several times slower: what
  // tag() must agree with.
  std::vector<NerLabel> tag_with_dlib(const NerTokenFeatures& sequence) const;

  size_t nonzero_weights() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akhbar
