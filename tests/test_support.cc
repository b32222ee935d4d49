#include "test_support.h"

#include "entities/gazetteer.h"

#include <cstdlib>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace akhbar::testing {

TempDir::TempDir() {
  std::random_device rd;
  const auto base = std::filesystem::temp_directory_path();
  for (int i = 0; i < 100; ++i) {
    auto candidate = base / ("akhbar-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

void split_lines(const std::string& from, const std::string& first, const std::string& second, int every) {
  std::istringstream lines(read_file(from));
  std::string line, a, b;
  for (int n = 0; std::getline(lines, line); ++n) (n % every ? b : a) += line + "\n";
  write_file(first, a);
  write_file(second, b);
}

const Gazetteer& default_gazetteer() {
  static const Gazetteer g = [] {
    std::vector<GazetteerProblem> problems;
    return Gazetteer::load(Gazetteer::default_dir(), {}, problems);
  }();
  return g;
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult run_command(const std::string& command_line) {
  TempDir dir;
  const std::string out = dir / "out", err = dir / "err";
  const int raw = std::system((command_line + " >" + out + " 2>" + err).c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

std::string binary(const std::string& name) { return std::string(AKHBAR_BINARY_DIR) + "/" + name; }

std::string source_file(const std::string& relative) {
  return std::string(AKHBAR_SOURCE_DIR) + "/" + relative;
}

Xapian::Document words_document(const std::string& words) {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  for (size_t at = 0; at < words.size();) {
    size_t end = words.find(' ', at);
    if (end == std::string::npos) end = words.size();
    doc.add_posting(words.substr(at, end - at), ++pos);
    at = end + 1;
  }
  return doc;
}

}  // namespace akhbar::testing
