// akhbar-tag: tags the tokens of a CoNLL file with the entities Akhbar finds
// (B-/I- LOC, PERS, ORG or O), to measure extraction against annotated text.
// Exit status: 0 success; 1 when a gazetteer line was rejected; 2 on a usage
// or fatal error, output that cannot be written included (a pipe closed by
// its reader ends the run quietly).
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "entities/conll_tagger.h"
#include "data_dir.h"
#include "entities/entity_extractor.h"
#include "entities/gazetteer.h"
#include "standard_streams.h"
#include "tag_options.h"
#include "version.h"

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
  signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as a failed stream instead
  akhbar::TagCommand c;
  try {
    c = akhbar::parse_tag_options(argc, argv);
  } catch (const akhbar::TagUsageError& e) {
    std::cerr << "akhbar-tag: " << e.what() << "\nTry 'akhbar-tag --help'.\n";
    return 2;
  }
  if (!c.help_text.empty() || c.version) {
    if (c.version) akhbar::print_version(std::cout, "akhbar-tag");
    std::cout << c.help_text << std::flush;
    return std::cout ? 0 : 2;
  }
  try {
    akhbar::use_data_dir_option(c.data_dir);
    std::vector<akhbar::GazetteerProblem> problems;
    const akhbar::Gazetteer gazetteer =
        akhbar::Gazetteer::load(akhbar::Gazetteer::default_dir(), c.gazetteers, problems);
    for (const auto& p : problems) std::cerr << "akhbar-tag: " << p.to_string() << '\n';
    const auto sentences = read_conll_input(c.conll);
    const akhbar::EntityExtractor extractor(gazetteer);
    akhbar::write_conll(std::cout, sentences, akhbar::tag_conll(extractor, sentences, c.options));
    std::string why;
    if (akhbar::finish_output(std::cout, &why) == akhbar::OutputState::Failed) {
      std::cerr << "akhbar-tag: cannot write the output: " << why << '\n';
      return 2;
    }
    return problems.empty() ? 0 : 1;
  } catch (const std::exception& e) {  // std::bad_alloc and DataDirError included
    std::cerr << "akhbar-tag: " << e.what() << '\n';
    return 2;
  } catch (...) {
    std::cerr << "akhbar-tag: unknown error\n";
    return 2;
  }
}
