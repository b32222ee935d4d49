// Decisions about the terminal: colour, bidi layout, width.
#include <catch2/catch.hpp>

#include "output/pager.h"
#include "output/terminal.h"

using akhbar::BidiMode;
using akhbar::ColorMode;
using akhbar::TerminalEnv;

namespace {

TerminalEnv tty(const std::string& term) {
  TerminalEnv e;
  e.is_tty = true;
  e.term = term;
  return e;
}

}  // namespace

TEST_CASE("colour follows --color, NO_COLOR, TERM=dumb and whether output is a terminal", "[terminal]") {
  struct Row {
    ColorMode mode;
    bool is_tty;
    const char* term;
    const char* no_color;
    bool color;
  };
  const std::vector<Row> rows = {
      {ColorMode::Auto, true, "xterm-256color", "", true},
      {ColorMode::Auto, false, "xterm-256color", "", false},  // a pipe
      {ColorMode::Auto, true, "xterm-256color", "1", false},  // NO_COLOR, any non-empty value
      {ColorMode::Auto, true, "xterm-256color", "0", false},
      {ColorMode::Auto, true, "dumb", "", false},
      {ColorMode::Always, false, "dumb", "1", true},           // asked for: always
      {ColorMode::Never, true, "xterm-256color", "", false},
  };
  for (const Row& row : rows) {
    TerminalEnv e = tty(row.term);
    e.is_tty = row.is_tty;
    e.no_color = row.no_color;
    INFO(row.term << " tty=" << row.is_tty << " NO_COLOR=" << row.no_color);
    CHECK(akhbar::use_color(row.mode, e) == row.color);
  }
}

TEST_CASE("bidi layout is on for a terminal not known to do its own, never for a pipe", "[terminal]") {
  struct Row {
    const char* what;
    TerminalEnv env;
    bool bidi;
  };
  TerminalEnv pipe;
  pipe.term = "xterm";
  TerminalEnv vte_new = tty("xterm-256color"), vte_old = tty("xterm-256color");
  vte_new.vte_version = "7600";
  vte_old.vte_version = "5202";
  TerminalEnv konsole = tty("xterm-256color");
  konsole.konsole_version = "230804";
  TerminalEnv mintty = tty("xterm");
  mintty.term_program = "mintty";
  TerminalEnv konsole_tmux = konsole;
  konsole_tmux.tmux = "/tmp/tmux-0/default,1,0";
  const std::vector<Row> rows = {
      {"xterm", tty("xterm-256color"), true},
      {"kitty", tty("xterm-kitty"), true},
      {"alacritty", tty("alacritty"), true},
      {"Linux console", tty("linux"), true},
      {"pipe", pipe, false},
      {"mlterm", tty("mlterm"), false},
      {"GNOME Terminal, VTE 0.76", vte_new, false},
      {"VTE 0.52, before its bidi", vte_old, true},
      {"Konsole", konsole, false},
      {"mintty", mintty, false},
      {"tmux inside Konsole", konsole_tmux, true},
      {"screen", tty("screen-256color"), true},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(akhbar::use_bidi(BidiMode::Auto, row.env) == row.bidi);
  }
  CHECK(akhbar::use_bidi(BidiMode::Always, pipe));
  CHECK_FALSE(akhbar::use_bidi(BidiMode::Never, tty("xterm")));
}

TEST_CASE("text wraps at the terminal's width, $COLUMNS, 80, and not at all in a pipe", "[terminal]") {
  TerminalEnv e = tty("xterm");
  e.columns = 120;
  CHECK(akhbar::wrap_width(e) == 120);
  e.columns = 0;
  e.columns_var = "100";
  CHECK(akhbar::wrap_width(e) == 100);
  e.columns_var = "wide";
  CHECK(akhbar::wrap_width(e) == 80);
  e.is_tty = false;
  e.columns = 120;
  CHECK(akhbar::wrap_width(e) == 0);
  // Reordered lines in a pipe (`--bidi always | less -R`) are still cut to
  // a screen's width, before reordering.
  CHECK(akhbar::wrap_width(e, true) == 80);
  e.columns_var = "100";
  CHECK(akhbar::wrap_width(e, true) == 100);
}

TEST_CASE("the pager is $PAGER or less -R, for text longer than the screen", "[terminal]") {
  CHECK(akhbar::pager_command(nullptr) == "less -R");
  CHECK(akhbar::pager_command("") == "less -R");
  CHECK(akhbar::pager_command("most") == "most");
  CHECK(akhbar::pager_command("cat") == "");
  CHECK(akhbar::should_page("a\nb\nc\n", 2));
  CHECK_FALSE(akhbar::should_page("a\nb\n", 3));
}
