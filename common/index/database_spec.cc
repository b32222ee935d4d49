#include "index/database_spec.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "text/string_util.h"

namespace akhbar {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxStubDepth = 8;

// "HOST:PORT", "[v6]:PORT" or ":PROGRAM ARGS".
ShardSpec remote_shard(const std::string& where, const std::string& at) {
  ShardSpec s;
  s.remote = true;
  s.name = where;
  if (!where.empty() && where[0] == ':') {
    const size_t space = where.find(' ');
    s.program = where.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    s.arguments = space == std::string::npos ? "" : std::string(trim(where.substr(space + 1)));
    if (s.program.empty()) throw DatabaseSpecError(at + ": 'remote :' names no program");
    return s;
  }
  const size_t colon = where.rfind(':');
  unsigned port = 0;
  const char* end = where.data() + where.size();
  if (colon == std::string::npos || colon == 0 ||
      std::from_chars(where.data() + colon + 1, end, port).ptr != end || port == 0 || port > 65535) {
    throw DatabaseSpecError(at + ": 'remote " + where + "' wants HOST:PORT or :PROGRAM ARGS");
  }
  s.host = where.substr(0, colon);
  if (s.host.size() > 2 && s.host.front() == '[' && s.host.back() == ']') s.host = s.host.substr(1, s.host.size() - 2);
  s.port = port;
  return s;
}

void expand(const std::string& spec, int depth, std::vector<ShardSpec>& out);

void expand_stub(const std::string& file, const fs::path& base, int depth, std::vector<ShardSpec>& out) {
  if (depth > kMaxStubDepth) throw DatabaseSpecError(file + ": stubs nested too deep (one names itself?)");
  std::ifstream in(file);
  if (!in) throw DatabaseSpecError(file + ": cannot read the stub");
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    line = std::string(trim(line));
    if (line.empty() || line[0] == '#') continue;
    const std::string at = file + ":" + std::to_string(n);
    const size_t space = line.find_first_of(" \t");
    const std::string word = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : std::string(trim(line.substr(space)));
    if (word == "remote") {
      out.push_back(remote_shard(rest, at));
    } else if (word == "inmemory") {
      throw DatabaseSpecError(at + ": an in-memory database holds nothing to search");
    } else if (word == "auto" || word == "glass" || word == "chert") {
      if (rest.empty()) throw DatabaseSpecError(at + ": '" + word + "' names no path");
      expand((base / rest).lexically_normal().string(), depth + 1, out);
    } else {
      expand((base / line).lexically_normal().string(), depth + 1, out);
    }
  }
}

void expand(const std::string& spec, int depth, std::vector<ShardSpec>& out) {
  std::error_code ec;
  const fs::path path(spec);
  if (fs::is_directory(path, ec)) {
    if (fs::is_regular_file(path / "XAPIANDB", ec)) {
      expand_stub((path / "XAPIANDB").string(), path, depth, out);
      return;
    }
    ShardSpec s;
    s.name = spec;
    s.path = spec;
    out.push_back(std::move(s));
  } else if (fs::is_regular_file(path, ec)) {
    expand_stub(spec, path.parent_path(), depth, out);
  } else {
    throw DatabaseSpecError("no database at " + spec);
  }
}

}  // namespace

std::vector<ShardSpec> expand_database_spec(const std::string& spec) {
  std::vector<ShardSpec> out;
  expand(spec, 0, out);
  if (out.empty()) throw DatabaseSpecError(spec + ": the stub names no database");
  return out;
}

Xapian::Database open_shard(const ShardSpec& shard) {
  if (!shard.remote) return Xapian::Database(shard.path);
  if (!shard.program.empty()) return Xapian::Remote::open(shard.program, shard.arguments);
  return Xapian::Remote::open(shard.host, shard.port);
}

}  // namespace akhbar
