#include "tag_options.h"

#include <boost/program_options.hpp>
#include <sstream>

#include "data_dir.h"
#include "option_values.h"

namespace po = boost::program_options;

namespace akhbar {
namespace {

const char* const kUsage =
    "Usage: akhbar-tag --conll FILE [--gazetteer FILE]...\n"
    "Tags each token of a CoNLL file (one token per line, a blank line between\n"
    "sentences) with the entity Akhbar finds: B-/I- LOC, PERS, ORG, or O.\n\n";
const char* const kExitCodes =
    "\nExit status: 0 success; 1 a gazetteer line was rejected; 2 usage error or\n"
    "fatal error, output that cannot be written included.\n";

}  // namespace

TagCommand parse_tag_options(int argc, const char* const argv[]) {
  TagCommand c;
  std::string document_sentences = "0";
  po::options_description desc("Options");
  desc.add_options()
      ("help,h", "show this help")
      ("version", po::bool_switch(&c.version), "show the version")
      ("conll", po::value(&c.conll), "token-per-line input ('-': standard input)")
      ("gazetteer", po::value(&c.gazetteers)->composing(), "extra gazetteer TSV file (repeatable)")
      ("data-dir", po::value(&c.data_dir), kDataDirHelp)
      ("document-sentences", po::value(&document_sentences),
       "sentences per document for name propagation, 0 to 1000000 (default 0: up to -DOCSTART-)");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::ostringstream help;
      help << kUsage << desc << kExitCodes;
      c.help_text = help.str();
      return c;
    }
    po::notify(vm);
    if (c.version) return c;
    if (c.conll.empty()) throw TagUsageError("no input given (--conll FILE, or '-' for standard input)");
    c.options.document_sentences =
        parse_whole_number(document_sentences, "--document-sentences", 0, 1000000);
  } catch (const po::error& e) {
    throw TagUsageError(e.what());
  } catch (const OptionValueError& e) {
    throw TagUsageError(e.what());
  }
  return c;
}

}  // namespace akhbar
