// akhbar-search: parse options, run the search (or a batch of them), print.
// Exit status: 0 success (also when nothing matches), 1 some batch query
// failed, 2 usage or fatal error. A closed output pipe is not an error.
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <iostream>

#include "query_builder.h"
#include "result_printer.h"
#include "search_options.h"
#include "searcher.h"

namespace {

int run_batch(akhbar::Searcher& searcher, const akhbar::SearchCommand& c) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (c.batch_file != "-") {
    file.open(c.batch_file);
    if (!file) {
      std::cerr << "akhbar-search: cannot read " << c.batch_file << '\n';
      return 2;
    }
    in = &file;
  }
  auto printer = akhbar::make_json_printer(std::cout);
  akhbar::SearchRequest request = c.request;
  std::string line;
  size_t line_no = 0;
  int status = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    request.query = line;
    try {
      printer->print(searcher.search(request));
    } catch (const akhbar::QueryError& e) {
      std::cerr << c.batch_file << ':' << line_no << ": " << e.what() << '\n';
      status = 1;
    }
    if (!std::cout) return status;  // reader went away
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as a failed stream instead
  try {
    const akhbar::SearchCommand c = akhbar::parse_search_options(argc, argv);
    if (!c.help_text.empty()) {
      std::cout << c.help_text;
      return 0;
    }
    akhbar::Searcher searcher(c.db_paths, c.gazetteer_files);
    if (!c.batch_file.empty()) {
      // Many queries from one process repay reading every length once.
      searcher.set_length_column(true);
      return run_batch(searcher, c);
    }
    const bool color = c.color == akhbar::ColorMode::Always ||
                       (c.color == akhbar::ColorMode::Auto && isatty(STDOUT_FILENO));
    auto printer = c.json ? akhbar::make_json_printer(std::cout)
                          : akhbar::make_text_printer(std::cout, color);
    printer->print(searcher.search(c.request));
    return 0;
  } catch (const akhbar::SearchUsageError& e) {
    std::cerr << "akhbar-search: " << e.what() << "\nTry 'akhbar-search --help'.\n";
  } catch (const std::exception& e) {
    std::cerr << "akhbar-search: " << e.what() << '\n';
  }
  return 2;
}
