// The interactive mode's command line: what each typed line means.
#include <catch2/catch.hpp>

#include "interactive/command_parser.h"

using akhbar::CommandKind;

TEST_CASE("interactive lines are queries or commands", "[interactive]") {
  struct Row {
    const char* line;
    CommandKind kind;
    const char* text;  // query, name, sort order or a part of the error
    size_t number;
    const char* date;  // ISO of From/To, "" otherwise
  };
  const std::vector<Row> rows = {
      {"وقف إطلاق النار", CommandKind::Query, "وقف إطلاق النار", 0, ""},
      {"  \"وقف إطلاق النار\" OR هدنة  ", CommandKind::Query, "\"وقف إطلاق النار\" OR هدنة", 0, ""},
      {"", CommandKind::Empty, "", 0, ""},
      {"   ", CommandKind::Empty, "", 0, ""},
      {":place دمشق", CommandKind::Place, "دمشق", 0, ""},
      {":place   الضفة الغربية ", CommandKind::Place, "الضفة الغربية", 0, ""},
      {":actor الأمم المتحدة", CommandKind::Actor, "الأمم المتحدة", 0, ""},
      {":source الجزيرة", CommandKind::Source, "الجزيرة", 0, ""},
      {":category سياسة", CommandKind::Category, "سياسة", 0, ""},
      {":from 2018-02", CommandKind::From, "", 0, "2018-02-01"},
      {":to 2018-02", CommandKind::To, "", 0, "2018-02-28"},
      {":to 2016", CommandKind::To, "", 0, "2016-12-31"},
      {":clear", CommandKind::Clear, "", 0, ""},
      {":next", CommandKind::Next, "", 0, ""},
      {":prev", CommandKind::Prev, "", 0, ""},
      {":show 3", CommandKind::Show, "", 3, ""},
      {":f 12", CommandKind::Facet, "", 12, ""},
      {":sort date", CommandKind::Sort, "date", 0, ""},
      {":sort relevance", CommandKind::Sort, "relevance", 0, ""},
      {":json", CommandKind::Json, "", 0, ""},
      {":help", CommandKind::Help, "", 0, ""},
      {":quit", CommandKind::Quit, "", 0, ""},
      {":q", CommandKind::Quit, "", 0, ""},
      // Mistakes are one-line errors, never a query.
      {":place", CommandKind::Error, ":place wants a name", 0, ""},
      {":from yesterday", CommandKind::Error, ":from wants YYYY, YYYY-MM or YYYY-MM-DD, got 'yesterday'", 0, ""},
      {":to 2018-13", CommandKind::Error, ":to wants YYYY", 0, ""},
      {":show", CommandKind::Error, ":show wants a number from 1, got ''", 0, ""},
      {":show 0", CommandKind::Error, ":show wants a number from 1, got '0'", 0, ""},
      {":f -1", CommandKind::Error, ":f wants a number from 1, got '-1'", 0, ""},
      {":f 99999999999", CommandKind::Error, ":f wants a number from 1", 0, ""},
      {":sort random", CommandKind::Error, ":sort wants date or relevance, got 'random'", 0, ""},
      {":next 2", CommandKind::Error, ":next takes no argument", 0, ""},
      {":plce دمشق", CommandKind::Error, "unknown command ':plce' (:help lists the commands)", 0, ""},
  };
  for (const Row& row : rows) {
    INFO("line: '" << row.line << "'");
    const akhbar::Command c = akhbar::parse_command(row.line);
    CHECK(c.kind == row.kind);
    if (row.kind == CommandKind::Error) {
      CHECK(c.text.find(row.text) != std::string::npos);
    } else {
      CHECK(c.text == row.text);
    }
    CHECK(c.number == row.number);
    CHECK((c.date ? c.date->iso() : std::string()) == row.date);
  }
}
