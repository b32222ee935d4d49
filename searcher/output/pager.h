// Pager: shows long output through the user's pager, as git does.
//
// pager_command() is the command to run: $PAGER if set and not empty, else
// "less -R" (ANSI colours shown). The pager runs as `/bin/sh -c COMMAND`
// with LESS=FRX put in its environment if LESS is unset (quit when the
// text fits one screen, keep colours, leave the text on the screen), and
// LV=-c likewise. page() is called only when standard output is a
// terminal and the text is longer than its rows (should_page()); a pager
// that cannot be started (fork or exec failed, the shell cannot find it:
// status 126 or 127) gives way to writing the text to `fallback`.
// Not thread-safe (it forks and waits).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace akhbar {

// $PAGER or the default; "" or "cat" means no pager.
std::string pager_command(const char* pager_env);

// True if `text` takes more lines than `rows` (0 rows: unknown, page).
bool should_page(const std::string& text, size_t rows);

// Writes `text` through `command`; on failure to start it, to `fallback`.
void page(const std::string& text, const std::string& command, std::ostream& fallback);

}  // namespace akhbar
