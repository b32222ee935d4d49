// akhbar-tag: tags the tokens of a CoNLL file with the entities Akhbar finds
// (B-/I- LOC, PERS, ORG or O), to measure extraction against annotated text.
// Exit status: 0 success; 1 when a gazetteer line was rejected; 2 on a usage
// or fatal error.
#include <boost/program_options.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "conll_tagger.h"
#include "entity_extractor.h"
#include "gazetteer.h"
#include "option_values.h"

namespace po = boost::program_options;

namespace {

// The sentences of the CoNLL input `path` ('-': standard input). Throws
// std::runtime_error, one line, if it is a directory or cannot be read.
std::vector<akhbar::ConllSentence> read_conll_input(const std::string& path) {
  std::ifstream file;
  if (path != "-") {
    if (std::filesystem::is_directory(path)) {
      throw std::runtime_error(path + ": is a directory, not a CoNLL file");
    }
    file.open(path);
    if (!file) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::vector<akhbar::ConllSentence> sentences = akhbar::read_conll(in);
  if (in.bad()) throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
  return sentences;
}

}  // namespace

int main(int argc, char** argv) {
  std::string conll;
  std::string dir = akhbar::Gazetteer::default_dir();
  std::vector<std::string> user_files;
  akhbar::ConllOptions options;
  std::string document_sentences = "0";
  po::options_description desc("Usage: akhbar-tag --conll FILE [--gazetteer FILE]...\nOptions");
  desc.add_options()
      ("help,h", "show this help")
      ("conll", po::value(&conll)->required(), "token-per-line input ('-': standard input)")
      ("gazetteer", po::value(&user_files)->composing(), "extra gazetteer TSV file (repeatable)")
      ("gazetteer-dir", po::value(&dir), "directory of the default gazetteer files")
      ("document-sentences", po::value(&document_sentences),
       "sentences per document for name propagation, 0 to 1000000 (default 0: up to -DOCSTART-)");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::cout << desc << '\n';
      return 0;
    }
    po::notify(vm);
    options.document_sentences =
        akhbar::parse_whole_number(document_sentences, "--document-sentences", 0, 1000000);
  } catch (const std::exception& e) {  // po::error, OptionValueError
    std::cerr << "akhbar-tag: " << e.what() << "\nTry 'akhbar-tag --help'.\n";
    return 2;
  }
  try {
    std::vector<akhbar::GazetteerProblem> problems;
    const akhbar::Gazetteer gazetteer = akhbar::Gazetteer::load(dir, user_files, problems);
    for (const auto& p : problems) std::cerr << "akhbar-tag: " << p.to_string() << '\n';
    const auto sentences = read_conll_input(conll);
    const akhbar::EntityExtractor extractor(gazetteer);
    akhbar::write_conll(std::cout, sentences, akhbar::tag_conll(extractor, sentences, options));
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "akhbar-tag: cannot write the output: " << std::strerror(errno) << '\n';
      return 2;
    }
    return problems.empty() ? 0 : 1;
  } catch (const std::exception& e) {  // std::bad_alloc included
    std::cerr << "akhbar-tag: " << e.what() << '\n';
    return 2;
  } catch (...) {
    std::cerr << "akhbar-tag: unknown error\n";
    return 2;
  }
}
