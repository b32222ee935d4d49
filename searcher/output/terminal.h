// Terminal: what akhbar-search knows of where its output goes, and the
// decisions that follow from it (colour, bidi layout, width, height).
//
// The decisions are pure functions of a TerminalEnv (read once from the
// process by TerminalEnv::of(fd)), so that tests can state them as tables.
//
// Colour (`--color auto`): on only for a terminal, off when NO_COLOR is set
// to any non-empty value (no-color.org) or TERM is "dumb".
//
// Bidi layout (`--bidi auto`): on for a terminal that is not known to lay
// out bidirectional text itself, never for a pipe or file. Known to do its
// own bidi layout and Arabic shaping, so left alone:
//   - mlterm (TERM starts with "mlterm", or MLTERM is set);
//   - Konsole (KONSOLE_VERSION is set);
//   - VTE terminals (GNOME Terminal, Tilix, Xfce Terminal...) from VTE
//     0.58 on, which implement the BiDi-in-terminal proposal
//     (VTE_VERSION >= 5800);
//   - mintty (TERM_PROGRAM is "mintty").
// Inside tmux or GNU screen (TMUX or STY set, or TERM starting with
// "screen"/"tmux") the multiplexer lays out cells itself, so layout is on
// even in one of the terminals above. Every other terminal (xterm, kitty,
// Alacritty, Windows Terminal, the Linux console, unknown ones) gets the
// reordered, shaped lines. `--bidi always|never` overrides.
//
// Width: the terminal's columns (TIOCGWINSZ), else $COLUMNS, else 80; for
// a pipe, 0 (no wrapping: a program reads the lines whole), unless bidi
// layout is asked for: reordered lines are for display (`| less -R`), and
// a paragraph must be cut before reordering, so then $COLUMNS or 80.
#pragma once

#include <cstddef>
#include <string>

namespace akhbar {

enum class ColorMode { Auto, Always, Never };
enum class BidiMode { Auto, Always, Never };

struct TerminalEnv {
  bool is_tty = false;
  size_t columns = 0;  // 0: unknown
  size_t rows = 0;     // 0: unknown
  std::string term, term_program, no_color, vte_version, konsole_version, mlterm, tmux, sty, columns_var;

  // The environment of this process, for the terminal on `fd` (if any).
  static TerminalEnv of(int fd);
};

bool use_color(ColorMode mode, const TerminalEnv& env);
bool use_bidi(BidiMode mode, const TerminalEnv& env);
// True if the terminal is known to reorder and shape Arabic itself.
bool terminal_does_bidi(const TerminalEnv& env);
// Columns to wrap text at; 0 for no wrapping (a pipe without bidi).
size_t wrap_width(const TerminalEnv& env, bool bidi = false);

}  // namespace akhbar
