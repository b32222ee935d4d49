// akhbar-search: parse options, run the search (or a batch of them), print.
// Exit status: 0 success (also when nothing matches), 1 some batch query
// failed, 2 usage or fatal error (output that cannot be written included).
// A pipe closed by its reader (`| head`) ends the run quietly.
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "data_dir.h"
#include "interactive/session.h"
#include "output/article_view.h"
#include "query/query_builder.h"
#include "output/result_printer.h"
#include "search_options.h"
#include "searcher.h"
#include "standard_streams.h"
#include "terminal_output.h"
#include "version.h"

namespace {

constexpr const char* kTool = "akhbar-search: ";

// One line of `in` into `line`, keeping at most `cap` + 1 of its bytes (the
// rest is read and dropped, so that a line without end cannot fill memory).
bool read_line(std::istream& in, std::string& line, size_t cap) {
  line.clear();
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (int c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc()) {
    any = true;
    if (c == '\n') break;
    if (line.size() <= cap) line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

// 0 all answered, 1 some line failed, 2 output lost; `output` tells why.
int answer_lines(akhbar::Searcher& searcher, const akhbar::SearchCommand& c, std::istream& in) {
  auto printer = akhbar::make_json_printer(std::cout);
  akhbar::SearchRequest request = c.request;
  size_t line_no = 0;
  int status = 0;
  while (read_line(in, request.query, akhbar::kMaxQueryBytes)) {
    ++line_no;
    try {
      printer->print(searcher.search(request));
    } catch (const std::exception& e) {  // QueryError, SearchError, bad_alloc: this line only
      std::cerr << c.batch_file << ':' << line_no << ": " << e.what() << '\n';
      akhbar::print_json_error(std::cout, request.query, e.what());
      status = 1;
    }
    if (!std::cout) break;  // the output failed: finish_output says how
  }
  return status;
}

int run_batch(akhbar::Searcher& searcher, const akhbar::SearchCommand& c, bool stdin_closed) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (c.batch_file == "-") {
    if (stdin_closed) {
      std::cerr << kTool << "--batch -: standard input is closed\n";
      return 2;
    }
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(c.batch_file, ec)) {
      std::cerr << kTool << "--batch " << c.batch_file << ": is a directory, not a file of queries\n";
      return 2;
    }
    file.open(c.batch_file);
    if (!file) {
      std::cerr << kTool << "--batch " << c.batch_file << ": cannot read\n";
      return 2;
    }
    in = &file;
  }
  const int status = answer_lines(searcher, c, *in);
  if (in->bad()) {
    std::cerr << kTool << "--batch " << c.batch_file << ": read error\n";
    return 2;
  }
  return status;
}

int search(const akhbar::SearchCommand& c, const akhbar::StandardStreams& streams) {
  akhbar::Searcher searcher(c.db_paths, c.gazetteer_files, c.allow_partial);
  if (!c.batch_file.empty()) {
    // Many queries from one process repay reading every length once.
    searcher.set_length_column(true);
    return run_batch(searcher, c, streams.in_closed);
  }
  // Terminal output: layout, pager, --show, the interactive mode.
  const akhbar::OutputPlan plan = akhbar::plan_output(c, akhbar::TerminalEnv::of(STDOUT_FILENO), getenv("PAGER"));
  if (c.interactive) return akhbar::run_session(searcher, c, plan.text);
  if (!c.show_id.empty()) {
    const std::optional<akhbar::ShownArticle> article = searcher.show(c.show_id, c.request.query);
    if (!article) {
      std::cerr << kTool << "--show " << c.show_id << ": no article with this id\n";
      return 2;
    }
    akhbar::emit(plan, std::cout, [&](std::ostream& out) {
      c.json ? akhbar::print_article_json(out, *article) : akhbar::print_article_text(out, *article, plan.text.layout);
    });
    return 0;
  }
  const akhbar::SearchResults results = searcher.search(c.request);
  akhbar::emit(plan, std::cout, [&](std::ostream& out) {
    (c.json ? akhbar::make_json_printer(out) : akhbar::make_text_printer(out, plan.text))->print(results);
  });
  return 0;
}

// The run's status once its output is written: 2 if it could not be.
int with_output_checked(int status) {
  std::string why;
  switch (akhbar::finish_output(std::cout, &why)) {
    case akhbar::OutputState::Written: return status;
    case akhbar::OutputState::ReaderGone: return status;
    case akhbar::OutputState::Failed: break;
  }
  std::cerr << kTool << "cannot write the results: " << why << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as a failed stream instead
  const akhbar::StandardStreams streams = akhbar::guard_standard_streams();
  try {
    const bool on_terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    const akhbar::SearchCommand c = akhbar::parse_search_options(argc, argv, on_terminal);
    if (streams.out_closed) {
      std::cerr << kTool << "standard output is closed: nowhere to write the results\n";
      return 2;
    }
    if (!c.help_text.empty() || c.version) {
      if (c.version) akhbar::print_version(std::cout, "akhbar-search");
      std::cout << c.help_text;
      return with_output_checked(0);
    }
    akhbar::use_data_dir_option(c.data_dir);
    return with_output_checked(search(c, streams));
  } catch (const akhbar::SearchUsageError& e) {
    std::cerr << kTool << e.what() << "\nTry 'akhbar-search --help'.\n";
  } catch (const std::exception& e) {
    std::cerr << kTool << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << kTool << e.get_description() << '\n';
  } catch (...) {
    std::cerr << kTool << "unexpected error\n";
  }
  return 2;
}
