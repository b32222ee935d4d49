// akhbar-train-ner: learns the entity model that akhbar-tag and the indexer
// use (common/ner_model.h) from a gold-tagged CoNLL file (ANERcorp).
// The shipped model, corpus/ner/anercorp.model, is made by
//   build/akhbar-train-ner --train ../shared/ner/anercorp/train.txt
//       --model corpus/ner/anercorp.model
// Exit status: 0 success; 2 on a usage or fatal error.
#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>

#include "entities/conll_tagger.h"
#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "entities/ner_model.h"
#include "entities/ner_training.h"

namespace po = boost::program_options;

namespace {

struct Settings {
  std::string train;
  std::string model;
  std::string sentences;  // "FIRST-LAST", 1-based inclusive; "" for all
  std::string gazetteer_dir = akhbar::Gazetteer::default_dir();
  akhbar::NerTrainOptions options;
};

// Sentence range [first, last) from "FIRST-LAST"; throws po::error.
std::pair<size_t, size_t> sentence_range(const std::string& spec, size_t count) {
  if (spec.empty()) return {0, count};
  size_t first = 0, last = 0;
  char dash = 0;
  std::istringstream in(spec);
  if (!(in >> first >> dash >> last) || dash != '-' || !in.eof() || first < 1 || last < first ||
      last > count) {
    throw po::error("--sentences: '" + spec + "' is not FIRST-LAST within 1-" + std::to_string(count));
  }
  return {first - 1, last};
}

int train(const Settings& settings) {
  std::vector<akhbar::GazetteerProblem> problems;
  const akhbar::Gazetteer gazetteer = akhbar::Gazetteer::load(settings.gazetteer_dir, {}, problems);
  for (const auto& p : problems) std::cerr << "akhbar-train-ner: " << p.to_string() << '\n';
  std::ifstream file(settings.train);
  if (!file) throw std::runtime_error(settings.train + ": cannot open");
  const auto sentences = akhbar::read_conll(file);
  const auto [first, last] = sentence_range(settings.sentences, sentences.size());
  akhbar::ExtractorOptions rules_only;
  rules_only.use_model = false;
  const akhbar::EntityExtractor rules(gazetteer, rules_only);
  const auto examples = akhbar::conll_examples(rules, sentences, first, last);
  const akhbar::NerModel model = akhbar::NerModel::train(examples, settings.options);
  model.save(settings.model);
  std::cerr << "akhbar-train-ner: " << settings.model << ": sentences " << first + 1 << "-" << last
            << ", " << model.nonzero_weights() << " non-zero weights\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings s;
  po::options_description desc("Usage: akhbar-train-ner --train FILE --model OUT\nOptions");
  desc.add_options()
      ("help,h", "show this help")
      ("train", po::value(&s.train)->required(), "gold-tagged CoNLL file (token TAG per line)")
      ("model", po::value(&s.model)->required(), "model file to write")
      ("sentences", po::value(&s.sentences), "FIRST-LAST: train on these sentences only (1-based)")
      ("c", po::value(&s.options.c)->default_value(s.options.c), "SVM C")
      ("epsilon", po::value(&s.options.epsilon)->default_value(s.options.epsilon), "solver tolerance")
      ("name-loss", po::value(&s.options.name_loss)->default_value(s.options.name_loss),
       "loss of a mislabelled name token (outside names: 1)")
      ("threads", po::value(&s.options.threads)->default_value(1),
       "solver threads (1: the same model on every run)")
      ("gazetteer-dir", po::value(&s.gazetteer_dir), "directory of the default gazetteer files")
      ("verbose", po::bool_switch(&s.options.verbose), "show the solver's progress");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::cout << desc << '\n';
      return 0;
    }
    po::notify(vm);
    return train(s);
  } catch (const po::error& e) {
    std::cerr << "akhbar-train-ner: " << e.what() << "\n" << desc << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "akhbar-train-ner: " << e.what() << '\n';
    return 2;
  }
}
