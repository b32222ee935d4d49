// akhbar-train-ner: learns the entity model that akhbar-tag and the indexer
// use (common/ner_model.h) from a gold-tagged CoNLL file (ANERcorp), with
// the corpus word statistics of common/ner_word_stats.h; or, with
// --count-words, counts those statistics over unlabelled news.
// The shipped files are made by (corpus/ner/README.md)
//   build/akhbar-train-ner --count-words ../shared/corpora/ant
//       --output corpus/ner/word_stats.tsv
//   build/akhbar-train-ner --train ../shared/ner/anercorp/train.txt
//       --model corpus/ner/anercorp.model
// Exit status: 0 success; 1 when some corpus input was rejected (counting);
// 2 on a usage or fatal error.
#include <boost/program_options.hpp>

#include <fstream>
#include <optional>
#include <iostream>

#include "entities/conll_tagger.h"
#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "entities/ner_model.h"
#include "entities/ner_training.h"
#include "entities/ner_word_counter.h"
#include "entities/ner_word_stats.h"

namespace po = boost::program_options;

namespace {

struct Settings {
  std::string train;
  std::string model;
  std::string sentences;  // "FIRST-LAST", 1-based inclusive; "" for all
  std::string gazetteer_dir;
  std::string word_stats;  // "": NerWordStats::shared_default()
  akhbar::NerTrainOptions options;
  // --count-words: the corpus paths, the table to write, the fewest
  // occurrences a word needs to be kept, the model whose names are counted.
  std::vector<std::string> count_paths;
  std::string output;
  uint32_t min_count = 20;
  std::string count_model;
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

akhbar::Gazetteer load_gazetteer(const Settings& settings) {
  std::vector<akhbar::GazetteerProblem> problems;
  const std::string dir =
      settings.gazetteer_dir.empty() ? akhbar::Gazetteer::default_dir() : settings.gazetteer_dir;
  akhbar::Gazetteer gazetteer = akhbar::Gazetteer::load(dir, {}, problems);
  for (const auto& p : problems) std::cerr << "akhbar-train-ner: " << p.to_string() << '\n';
  return gazetteer;
}

int count_words(const Settings& settings) {
  const akhbar::Gazetteer gazetteer = load_gazetteer(settings);
  std::optional<akhbar::NerModel> model;
  const akhbar::NerWordStats no_stats;
  akhbar::ExtractorOptions options;
  options.use_model = !settings.count_model.empty();
  if (options.use_model) {
    model = akhbar::NerModel::load(settings.count_model);
    options.model = &*model;
    options.word_stats = &no_stats;
  }
  const akhbar::EntityExtractor extractor(gazetteer, options);
  akhbar::NerWordCounter counter(extractor);
  bool rejected = false;
  const size_t articles = akhbar::count_corpus_words(
      settings.count_paths, counter, [&](const akhbar::Problem& p) {
        if (p.severity == akhbar::Problem::Severity::Error) rejected = true;
        std::cerr << "akhbar-train-ner: " << p.to_string() << '\n';
      });
  std::ofstream out(settings.output, std::ios::binary);
  if (!out) throw std::runtime_error(settings.output + ": cannot write");
  counter.write(out, settings.min_count);
  if (!out.flush()) throw std::runtime_error(settings.output + ": cannot write");
  std::cerr << "akhbar-train-ner: " << settings.output << ": " << articles << " articles, "
            << counter.forms() << " word forms\n";
  return rejected ? 1 : 0;
}

int train(const Settings& settings) {
  const akhbar::Gazetteer gazetteer = load_gazetteer(settings);
  std::optional<akhbar::NerWordStats> own_stats;
  const akhbar::NerWordStats* stats = akhbar::NerWordStats::shared_default();
  if (!settings.word_stats.empty()) {
    own_stats = akhbar::NerWordStats::load(settings.word_stats);
    stats = &*own_stats;
  }
  std::ifstream file(settings.train);
  if (!file) throw std::runtime_error(settings.train + ": cannot open");
  const auto sentences = akhbar::read_conll(file);
  const auto [first, last] = sentence_range(settings.sentences, sentences.size());
  akhbar::ExtractorOptions rules_only;
  rules_only.use_model = false;
  const akhbar::EntityExtractor rules(gazetteer, rules_only);
  const auto examples = akhbar::conll_examples(rules, sentences, first, last, {}, stats);
  const akhbar::NerModel model = akhbar::NerModel::train(examples, settings.options);
  model.save(settings.model);
  std::cerr << "akhbar-train-ner: " << settings.model << ": sentences " << first + 1 << "-" << last
            << ", " << model.nonzero_weights() << " non-zero weights, "
            << (stats ? std::to_string(stats->size()) : std::string("no")) << " word statistics\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings s;
  po::options_description desc(
      "Usage: akhbar-train-ner --train FILE --model OUT\n"
      "       akhbar-train-ner --count-words PATH... --output TABLE\nOptions");
  desc.add_options()
      ("help,h", "show this help")
      ("train", po::value(&s.train), "gold-tagged CoNLL file (token TAG per line)")
      ("model", po::value(&s.model), "model file to write")
      ("sentences", po::value(&s.sentences), "FIRST-LAST: train on these sentences only (1-based)")
      ("c", po::value(&s.options.c)->default_value(s.options.c), "SVM C")
      ("epsilon", po::value(&s.options.epsilon)->default_value(s.options.epsilon), "solver tolerance")
      ("name-loss", po::value(&s.options.name_loss)->default_value(s.options.name_loss),
       "loss of a mislabelled name token (outside names: 1)")
      ("threads", po::value(&s.options.threads)->default_value(1),
       "solver threads (1: the same model on every run)")
      ("word-stats", po::value(&s.word_stats),
       "corpus word statistics to train with (default: $AKHBAR_NER_WORD_STATS, else ner/word_stats.tsv "
       "of the data directory; none if missing)")
      ("count-words", po::value(&s.count_paths)->multitoken(),
       "count the word statistics of these corpus files or directories instead of training")
      ("output", po::value(&s.output), "with --count-words: the table to write")
      ("min-count", po::value(&s.min_count)->default_value(s.min_count),
       "with --count-words: keep the words seen at least this often")
      ("count-model", po::value(&s.count_model),
       "with --count-words: also count the names this model (trained without statistics) finds")
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
    if (!s.count_paths.empty()) {
      if (s.output.empty()) throw po::error("--count-words needs --output");
      return count_words(s);
    }
    if (s.train.empty() || s.model.empty()) throw po::error("--train and --model are required");
    return train(s);
  } catch (const po::error& e) {
    std::cerr << "akhbar-train-ner: " << e.what() << "\n" << desc << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "akhbar-train-ner: " << e.what() << '\n';
    return 2;
  }
}
