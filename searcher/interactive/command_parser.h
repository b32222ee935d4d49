// CommandParser: reads one line typed at the interactive prompt into a
// Command. A line not starting with ':' is a query (run from the first
// page, the filters kept); a line starting with ':' is a command:
//   :place NAME   :actor NAME   :source NAME   :category NAME   (add a filter)
//   :from DATE    :to DATE      (YYYY, YYYY-MM or YYYY-MM-DD)
//   :clear        (drop every filter, keep the query)
//   :next  :prev  (pages)       :show N  (read result N)
//   :f N          (add facet value N, as numbered on screen, as a filter)
//   :sort date|relevance        :json  (JSON output on/off)
//   :help         :quit (also :q, :exit)
// A pure function: no I/O, no state. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "date.h"

namespace akhbar {

enum class CommandKind {
  Empty, Query, Place, Actor, Source, Category, From, To, Clear, Next, Prev, Show, Facet, Sort, Json, Help, Quit,
  Error
};

struct Command {
  CommandKind kind = CommandKind::Empty;
  std::string text;           // Query: the query; filters: the name; Sort: "date" or "relevance"; Error: why
  size_t number = 0;          // Show, Facet: N (from 1)
  std::optional<Date> date;   // From: first day; To: last day
};

Command parse_command(std::string_view line);

// The commands, one line each, for :help.
const char* command_help();

}  // namespace akhbar
