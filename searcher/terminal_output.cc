#include "terminal_output.h"

#include <sstream>

#include "output/pager.h"

namespace akhbar {

OutputPlan plan_output(const SearchCommand& c, const TerminalEnv& env, const char* pager_env) {
  OutputPlan plan;
  plan.text.layout.color = use_color(c.color, env);
  plan.text.layout.bidi = use_bidi(c.bidi, env);
  plan.text.layout.width = wrap_width(env, plan.text.layout.bidi);
  plan.pager = pager_command(pager_env);
  plan.page = env.is_tty && !c.no_pager && !c.json && !plan.pager.empty();
  plan.rows = env.rows;
  return plan;
}

void emit(const OutputPlan& plan, std::ostream& out, const std::function<void(std::ostream&)>& write) {
  if (!plan.page) {
    write(out);
    return;
  }
  std::ostringstream buffer;
  write(buffer);
  const std::string text = buffer.str();
  if (should_page(text, plan.rows)) {
    page(text, plan.pager, out);
  } else {
    out << text;
  }
  out.flush();
}

}  // namespace akhbar
