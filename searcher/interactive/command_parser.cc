#include "interactive/command_parser.h"

#include <utility>

namespace akhbar {
namespace {

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Command error(std::string why) { return {CommandKind::Error, std::move(why), 0, std::nullopt}; }

// N of ":show N" or ":f N": a whole number from 1.
Command numbered(CommandKind kind, const std::string& name, std::string_view arg) {
  const bool digits = !arg.empty() && arg.size() <= 9 && arg.find_first_not_of("0123456789") == std::string_view::npos;
  const size_t n = digits ? std::stoul(std::string(arg)) : 0;
  if (n == 0) return error(name + " wants a number from 1, got '" + std::string(arg) + "'");
  return {kind, "", n, std::nullopt};
}

Command dated(CommandKind kind, const std::string& name, std::string_view arg) {
  const std::optional<Date> d = parse_date_bound(arg, kind == CommandKind::To);
  if (!d) return error(name + " wants YYYY, YYYY-MM or YYYY-MM-DD, got '" + std::string(arg) + "'");
  return {kind, "", 0, d};
}

}  // namespace

Command parse_command(std::string_view line) {
  line = trimmed(line);
  if (line.empty()) return {};
  if (line.front() != ':') return {CommandKind::Query, std::string(line), 0, std::nullopt};
  const size_t space = line.find_first_of(" \t");
  const std::string name(line.substr(0, space));
  const std::string_view arg = space == std::string_view::npos ? std::string_view() : trimmed(line.substr(space));
  struct Bare {
    const char* name;
    CommandKind kind;
  };
  static const Bare kBare[] = {{":clear", CommandKind::Clear}, {":next", CommandKind::Next},
                               {":prev", CommandKind::Prev},   {":json", CommandKind::Json},
                               {":help", CommandKind::Help},   {":quit", CommandKind::Quit},
                               {":q", CommandKind::Quit},      {":exit", CommandKind::Quit}};
  for (const Bare& b : kBare) {
    if (name != b.name) continue;
    if (!arg.empty()) return error(name + " takes no argument");
    return {b.kind, "", 0, std::nullopt};
  }
  static const Bare kNamed[] = {{":place", CommandKind::Place},
                                {":actor", CommandKind::Actor},
                                {":source", CommandKind::Source},
                                {":category", CommandKind::Category}};
  for (const Bare& b : kNamed) {
    if (name != b.name) continue;
    if (arg.empty()) return error(name + " wants a name");
    return {b.kind, std::string(arg), 0, std::nullopt};
  }
  if (name == ":from") return dated(CommandKind::From, name, arg);
  if (name == ":to") return dated(CommandKind::To, name, arg);
  if (name == ":show") return numbered(CommandKind::Show, name, arg);
  if (name == ":f") return numbered(CommandKind::Facet, name, arg);
  if (name == ":sort") {
    if (arg == "date" || arg == "relevance") return {CommandKind::Sort, std::string(arg), 0, std::nullopt};
    return error(":sort wants date or relevance, got '" + std::string(arg) + "'");
  }
  return error("unknown command '" + name + "' (:help lists the commands)");
}

const char* command_help() {
  return "  words...        search (filters kept; a query of words, \"phrases\", OR, NOT, -word)\n"
         "  :place NAME     only articles that mention this place (or a place in it)\n"
         "  :actor NAME     only articles that mention this person or organization\n"
         "  :source NAME    only this source         :category NAME  only this category\n"
         "  :from DATE      published on or after    :to DATE        on or before (YYYY[-MM[-DD]])\n"
         "  :f N            add facet value [N] as a filter\n"
         "  :clear          drop every filter\n"
         "  :next  :prev    next or previous page of results\n"
         "  :show N         read result N\n"
         "  :sort date|relevance   :json (JSON output on/off)   :help   :quit (or Ctrl-D)\n";
}

}  // namespace akhbar
