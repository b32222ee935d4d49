#include "interactive/session.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "interactive/command_parser.h"
#include "output/article_view.h"
#include "output/terminal.h"

namespace akhbar {
namespace {

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The filter list a facet's values refine.
std::vector<std::string>* filter_of(Filters& f, const std::string& facet) {
  if (facet == "place") return &f.places;
  if (facet == "person" || facet == "organization" || facet == "actor") return &f.actors;
  if (facet == "source") return &f.sources;
  if (facet == "category") return &f.categories;
  return nullptr;
}

volatile sig_atomic_t g_at_prompt = 0;

// Ctrl-C at the prompt drops the line being typed, as in a shell; during a
// search it ends the program as usual. (Readline has restored the
// terminal before calling it: rl_catch_signals.)
void on_interrupt(int signal_number) {
  if (!g_at_prompt) {
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  rl_crlf();
  rl_on_new_line();
  rl_replace_line("", 0);
  rl_redisplay();
}

}  // namespace

Session::Session(Searcher& searcher, const SearchRequest& start, const TextOptions& text, std::ostream& out)
    : searcher_(searcher), request_(start), text_(text), out_(out) {
  text_.number_facets = true;
}

bool Session::handle(const std::string& line) {
  const Command c = parse_command(line);
  const SearchRequest before = request_;
  Filters& f = request_.filters;
  switch (c.kind) {
    case CommandKind::Empty: return true;
    case CommandKind::Quit: return false;
    case CommandKind::Help: out_ << command_help(); return true;
    case CommandKind::Error: out_ << "error: " << c.text << '\n'; return true;
    case CommandKind::Show: show(c.number); return true;
    case CommandKind::Facet: add_facet_filter(c.number); return true;
    case CommandKind::Json:
      json_ = !json_;
      out_ << "JSON output " << (json_ ? "on" : "off") << '\n';
      return true;
    case CommandKind::Query: request_.query = c.text; break;
    case CommandKind::Place: f.places.push_back(c.text); break;
    case CommandKind::Actor: f.actors.push_back(c.text); break;
    case CommandKind::Source: f.sources.push_back(c.text); break;
    case CommandKind::Category: f.categories.push_back(c.text); break;
    case CommandKind::From: f.from = c.date; break;
    case CommandKind::To: f.to = c.date; break;
    case CommandKind::Clear: f = Filters{}; break;
    case CommandKind::Sort: request_.sort = c.text == "date" ? SortOrder::Date : SortOrder::Relevance; break;
    case CommandKind::Next:
      // A page shorter than the limit is the last: with folding, pages count
      // clusters while the total counts articles.
      if (!last_ || last_->hits.size() < request_.limit || request_.offset + request_.limit >= last_->total) {
        out_ << "no further results\n";
        return true;
      }
      request_.offset += request_.limit;
      run(before);
      return true;
    case CommandKind::Prev:
      if (request_.offset == 0) {
        out_ << "already on the first page\n";
        return true;
      }
      request_.offset -= std::min(request_.offset, request_.limit);
      run(before);
      return true;
  }
  request_.offset = 0;  // a new query or filter starts from the first page
  run(before);
  return true;
}

void Session::run(const SearchRequest& before) {
  try {
    SearchResults results = searcher_.search(request_);
    if (json_) {
      make_json_printer(out_)->print(results);
    } else {
      TextOptions text = text_;
      text.first_rank = request_.offset + 1;
      make_text_printer(out_, text)->print(results);
    }
    last_ = std::move(results);
  } catch (const std::exception& e) {
    out_ << "error: " << e.what() << '\n';
    request_ = before;
  } catch (const Xapian::Error& e) {
    out_ << "error: " << e.get_description() << '\n';
    request_ = before;
  }
}

void Session::add_facet_filter(size_t n) {
  const std::vector<NumberedValue> values = last_ ? numbered_facet_values(*last_) : std::vector<NumberedValue>{};
  if (n > values.size()) {
    out_ << "error: no facet value [" << n << "] on the screen\n";
    return;
  }
  const SearchRequest before = request_;
  const NumberedValue& v = values[n - 1];
  std::vector<std::string>* filter = filter_of(request_.filters, v.facet);
  if (!filter) {
    out_ << "error: the " << v.facet << " facet cannot be a filter\n";
    return;
  }
  filter->push_back(v.value.id.empty() ? v.value.value : v.value.id);
  if (!v.value.id.empty()) names_[v.value.id] = v.value.value;
  out_ << "filter " << v.facet << ": " << v.value.value << '\n';
  request_.offset = 0;
  run(before);
}

void Session::show(size_t n) {
  const size_t first = request_.offset + 1;
  if (!last_ || n < first || n - first >= last_->hits.size()) {
    out_ << "error: no result " << n << " on this page\n";
    return;
  }
  try {
    const std::optional<ShownArticle> article = searcher_.show(last_->hits[n - first].id, request_.query);
    if (!article) {
      out_ << "error: the article is no longer in the database\n";
    } else if (json_) {
      print_article_json(out_, *article);
    } else {
      print_article_text(out_, *article, text_.layout);
    }
  } catch (const std::exception& e) {
    out_ << "error: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    out_ << "error: " << e.get_description() << '\n';
  }
}

std::string Session::status_line() const {
  const Filters& f = request_.filters;
  auto named = [this](const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const std::string& v : values) {
      auto it = names_.find(v);
      out.push_back(it == names_.end() ? v : it->second);
    }
    return list(out);
  };
  std::string s = request_.query.empty() ? "[no query]" : "[query: " + request_.query + "]";
  if (!f.places.empty()) s += " [place: " + named(f.places) + "]";
  if (!f.actors.empty()) s += " [actor: " + named(f.actors) + "]";
  if (!f.sources.empty()) s += " [source: " + list(f.sources) + "]";
  if (!f.categories.empty()) s += " [category: " + list(f.categories) + "]";
  if (f.from) s += " [from: " + f.from->iso() + "]";
  if (f.to) s += " [to: " + f.to->iso() + "]";
  s += request_.sort == SortOrder::Date ? " [sort: date]" : " [sort: relevance]";
  if (last_) {
    const size_t shown = last_->hits.size();
    s += " [" + (shown ? std::to_string(request_.offset + 1) + "-" + std::to_string(request_.offset + shown) : "0") +
         " of " + std::to_string(last_->total) + "]";
  }
  return s;
}

std::string history_path(const char* xdg_data_home, const char* home) {
  if (xdg_data_home && *xdg_data_home == '/') return std::string(xdg_data_home) + "/akhbar/history";
  if (home && *home) return std::string(home) + "/.local/share/akhbar/history";
  return "";
}

int run_session(Searcher& searcher, const SearchCommand& command, const TextOptions& text) {
  Session session(searcher, command.request, text, std::cout);
  const std::string history = history_path(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
  if (!history.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(history).parent_path(), ec);
    read_history(history.c_str());  // none yet: nothing to read
  }
  std::signal(SIGINT, on_interrupt);
  std::cout << "akhbar-search: type words to search, :help for the commands, :quit or Ctrl-D to leave\n";
  TextOptions layout = text;
  for (;;) {
    layout.layout.width = wrap_width(TerminalEnv::of(STDOUT_FILENO), layout.layout.bidi);
    session.set_width(layout.layout.width);
    StyledText status;
    status.add(session.status_line(), Style::Dim);
    std::cout << lay_out(status, layout.layout) << std::flush;
    g_at_prompt = 1;
    char* raw = readline("akhbar> ");
    g_at_prompt = 0;
    if (!raw) break;  // Ctrl-D
    const std::string line = raw;
    free(raw);
    if (line.find_first_not_of(" \t") != std::string::npos) add_history(line.c_str());
    if (!session.handle(line)) break;
    std::cout.flush();
  }
  std::cout << '\n';
  if (!history.empty()) {
    stifle_history(1000);
    write_history(history.c_str());  // failure (read-only home) is not fatal
  }
  return 0;
}

}  // namespace akhbar
