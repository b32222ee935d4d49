// TerminalOutput: how akhbar-search's output goes out, decided once from
// the command line and the terminal (output/terminal.h): the text layout
// (width, colour, bidi) and whether long text goes through the pager
// (output/pager.h: text output on a terminal, unless --no-pager; never
// JSON, never a pipe).
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "output/result_printer.h"
#include "output/terminal.h"
#include "search_options.h"

namespace akhbar {

struct OutputPlan {
  TextOptions text;
  bool page = false;
  std::string pager;  // the pager's command (pager_command())
  size_t rows = 0;    // the terminal's rows (0: unknown)
};

OutputPlan plan_output(const SearchCommand& command, const TerminalEnv& env, const char* pager_env);

// Calls `write` on `out`, or on a buffer then paged when the plan says so
// and the text is longer than the screen.
void emit(const OutputPlan& plan, std::ostream& out, const std::function<void(std::ostream&)>& write);

}  // namespace akhbar
