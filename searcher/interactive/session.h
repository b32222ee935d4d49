// Session: the interactive mode of akhbar-search (a terminal, no QUERY):
// a query typed at the prompt is run; commands (command_parser.h) refine
// it, page through it and read its results, without retyping.
//
// Session holds the current request (query, filters, page, sort) and the
// last results; handle() carries out one line, printing to the stream it
// was given with the text printer (facet values numbered for :f N) or the
// JSON one, and the current query and filters before every prompt
// (status_line()). A filter the searcher cannot resolve (an unknown place)
// is reported and dropped; the session goes on. Not thread-safe.
//
// run_session() is the prompt: GNU readline, its history kept in
// $XDG_DATA_HOME/akhbar/history or else ~/.local/share/akhbar/history
// (folders created; a history that cannot be read or saved is skipped
// without error). Ctrl-D or :quit leaves; Ctrl-C at the prompt drops the
// line typed. Returns the exit status (0).
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>

#include "output/result_printer.h"
#include "search_options.h"
#include "searcher.h"

namespace akhbar {

class Session {
 public:
  Session(Searcher& searcher, const SearchRequest& start, const TextOptions& text, std::ostream& out);

  // Carries out one line; false when the session is over (:quit).
  bool handle(const std::string& line);
  // The current query, filters, sort and page, on one line.
  std::string status_line() const;
  const SearchRequest& request() const { return request_; }
  // The terminal was resized: lay out to `columns` from now on.
  void set_width(size_t columns) { text_.layout.width = columns; }

 private:
  // Runs request_; on an error, reports it and returns to `before`.
  void run(const SearchRequest& before);
  void add_facet_filter(size_t n);
  void show(size_t n);

  Searcher& searcher_;
  SearchRequest request_;
  TextOptions text_;
  std::ostream& out_;
  bool json_ = false;
  std::optional<SearchResults> last_;
  std::map<std::string, std::string> names_;  // display names of the ids added by :f N
};

// The history file's path ("" if neither XDG_DATA_HOME nor HOME is set).
std::string history_path(const char* xdg_data_home, const char* home);

int run_session(Searcher& searcher, const SearchCommand& command, const TextOptions& text);

}  // namespace akhbar
