#include "output/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace akhbar {
namespace {

std::string env_var(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

size_t to_number(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return 0;
  return static_cast<size_t>(std::stoul(s));
}

}  // namespace

TerminalEnv TerminalEnv::of(int fd) {
  TerminalEnv e;
  e.is_tty = isatty(fd) == 1;
  if (e.is_tty) {
    winsize ws{};
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0) {
      e.columns = ws.ws_col;
      e.rows = ws.ws_row;
    }
  }
  e.term = env_var("TERM");
  e.term_program = env_var("TERM_PROGRAM");
  e.no_color = env_var("NO_COLOR");
  e.vte_version = env_var("VTE_VERSION");
  e.konsole_version = env_var("KONSOLE_VERSION");
  e.mlterm = env_var("MLTERM");
  e.tmux = env_var("TMUX");
  e.sty = env_var("STY");
  e.columns_var = env_var("COLUMNS");
  return e;
}

bool use_color(ColorMode mode, const TerminalEnv& env) {
  switch (mode) {
    case ColorMode::Always: return true;
    case ColorMode::Never: return false;
    case ColorMode::Auto: break;
  }
  return env.is_tty && env.no_color.empty() && env.term != "dumb";
}

bool terminal_does_bidi(const TerminalEnv& env) {
  const bool multiplexer = !env.tmux.empty() || !env.sty.empty() || starts_with(env.term, "screen") ||
                           starts_with(env.term, "tmux");
  if (multiplexer) return false;
  return starts_with(env.term, "mlterm") || !env.mlterm.empty() || !env.konsole_version.empty() ||
         to_number(env.vte_version) >= 5800 || env.term_program == "mintty";
}

bool use_bidi(BidiMode mode, const TerminalEnv& env) {
  switch (mode) {
    case BidiMode::Always: return true;
    case BidiMode::Never: return false;
    case BidiMode::Auto: break;
  }
  return env.is_tty && !terminal_does_bidi(env);
}

size_t wrap_width(const TerminalEnv& env, bool bidi) {
  if (!env.is_tty && !bidi) return 0;
  if (env.is_tty && env.columns > 0) return env.columns;
  const size_t from_var = to_number(env.columns_var);
  return from_var > 0 ? from_var : 80;
}

}  // namespace akhbar
