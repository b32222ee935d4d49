#include "readers/corpus_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <set>

#include "readers/csv_reader.h"
#include "readers/input_file.h"
#include "readers/json_reader.h"
#include "readers/text_reader.h"
#include "readers/trec_reader.h"

namespace akhbar {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 64 * 1024;   // read to tell the format
constexpr size_t kBinarySniffBytes = 8192;  // a NUL in here: binary

struct Callbacks {
  const ReaderOptions& options;
  const ArticleCallback& on_article;
  const ProblemCallback& on_problem;
};

// "a/b.csv.gz" → "a/b.csv": the name of the content.
std::string without_gz(const std::string& name) {
  return ends_with(lower_ascii(name), ".gz") ? name.substr(0, name.size() - 3) : name;
}

// The extension of the content's name, lower case with its dot (".csv"),
// or "" if it has none.
std::string extension(const std::string& name) {
  return lower_ascii(fs::path(without_gz(name)).extension().string());
}

// A text file's id: its path relative to `root`, without extension.
std::string text_id(const std::string& path, const fs::path& root) {
  fs::path relative = fs::path(without_gz(path)).lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") relative = fs::path(without_gz(path)).filename();
  return relative.replace_extension().generic_string();
}

bool starts_with_doc_tag(std::string_view s) {
  if (s.size() < 5 || lower_ascii(s.substr(0, 4)) != "<doc") return false;
  return s[4] == '>' || s[4] == ' ' || s[4] == '\t';
}

CorpusFormat detect_format(InputStream& in, const std::string& name) {
  const std::string_view head = in.peek(kSniffBytes);
  const size_t start = head.find_first_not_of(" \t\r\n");
  const std::string_view content = start == std::string_view::npos ? "" : head.substr(start);
  const std::string ext = extension(name);
  if (starts_with_doc_tag(content)) return CorpusFormat::Trec;
  const bool json_allowed = ext != ".txt" && ext != ".csv" && ext != ".tsv";
  if (json_allowed && !content.empty() && content[0] == '[') return CorpusFormat::Json;
  if (json_allowed && !content.empty() && content[0] == '{') {
    // JSON Lines end the object on its first line; a pretty-printed
    // document does not.
    const size_t nl = content.find('\n');
    if (nl == std::string_view::npos) return CorpusFormat::JsonLines;
    const size_t last = content.substr(0, nl).find_last_not_of(" \t\r");
    return content[last] == '}' ? CorpusFormat::JsonLines : CorpusFormat::Json;
  }
  if (ext == ".csv" || ext == ".tsv") return CorpusFormat::Csv;
  if (ext == ".jsonl" || ext == ".ndjson") return CorpusFormat::JsonLines;
  if (ext == ".json") return CorpusFormat::Json;
  return CorpusFormat::Text;
}

bool looks_binary(InputStream& in) {
  return in.peek(kBinarySniffBytes).find('\0') != std::string_view::npos;
}

// Reads one input with the configured or detected format. `walked`: found
// in a directory, not named by the user.
void read_input(InputStream& in, ArticleSink& sink, const fs::path& id_root, bool walked) {
  CorpusFormat format = sink.options().format;
  if (format == CorpusFormat::Auto) {
    format = detect_format(in, sink.file());
    if (format == CorpusFormat::Text) {
      const std::string ext = extension(sink.file());
      if (walked && !ext.empty() && ext != ".txt" && ext != ".text") {
        sink.warn(0, "", "skipped: format not recognised (not *.txt; use --format to read it)");
        return;
      }
      if (looks_binary(in)) {
        const std::string what = "skipped: binary file (use --format to read it)";
        walked ? sink.warn(0, "", what) : sink.error(0, "", what);
        return;
      }
    }
  }
  switch (format) {
    case CorpusFormat::Trec: read_trec(in, sink); break;
    case CorpusFormat::JsonLines: read_json_lines(in, sink); break;
    case CorpusFormat::Json: read_json(in, sink); break;
    case CorpusFormat::Csv: read_csv(in, sink); break;
    case CorpusFormat::Text:
    case CorpusFormat::Auto: read_text(in, sink, text_id(sink.file(), id_root)); break;
  }
}

size_t read_file(const std::string& path, const fs::path& id_root, bool walked,
                 const Callbacks& cb) {
  ArticleSink sink(path, cb.options, cb.on_article, cb.on_problem);
  std::string error;
  const std::unique_ptr<ByteSource> source = open_file_source(path, &error);
  if (!source) {
    sink.error(0, "", "cannot open file: " + error);
    return 0;
  }
  InputStream in(*source, cb.options.max_article_bytes);
  read_input(in, sink, id_root, walked);
  const std::string damage = in.damage();
  if (!damage.empty()) {
    sink.error(0, "", damage + ": kept " + std::to_string(sink.delivered()) +
                          " articles read before the damage");
  }
  return sink.delivered();
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Reads every file under `dir` in sorted order, skipping hidden entries and
// directories already read (symlink loops, a directory linked twice).
size_t walk(const fs::path& dir, const fs::path& root, std::set<fs::path>* visited,
            const Callbacks& cb) {
  ArticleSink sink(dir.string(), cb.options, cb.on_article, cb.on_problem);  // for problems
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    sink.error(0, "", "cannot read directory: " + ec.message());
    return 0;
  }
  if (!visited->insert(canonical).second) {
    sink.warn(0, "", "skipped: directory already read (through a symlink)");
    return 0;
  }
  std::vector<fs::path> entries;
  // An unreadable directory is an error (its articles are lost), never
  // skipped in silence: no skip_permission_denied.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!hidden(it->path())) entries.push_back(it->path());
  }
  if (ec) sink.error(0, "", "cannot read directory: " + ec.message());
  std::sort(entries.begin(), entries.end());
  size_t count = 0;
  for (const fs::path& entry : entries) {
    const fs::file_status status = fs::status(entry, ec);  // follows symlinks
    if (fs::is_directory(status)) {
      count += walk(entry, root, visited, cb);
    } else if (fs::is_regular_file(status)) {
      count += read_file(entry.string(), root, true, cb);
    } else if (ec) {  // e.g. a dangling symlink: an entry that cannot be read
      ArticleSink(entry.string(), cb.options, cb.on_article, cb.on_problem)
          .error(0, "", "cannot read: " + ec.message());
    } else {
      ArticleSink(entry.string(), cb.options, cb.on_article, cb.on_problem)
          .warn(0, "", "skipped: not a regular file");
    }
  }
  return count;
}

}  // namespace

std::optional<CorpusFormat> parse_corpus_format(const std::string& name) {
  if (name == "auto") return CorpusFormat::Auto;
  if (name == "trec") return CorpusFormat::Trec;
  if (name == "jsonl") return CorpusFormat::JsonLines;
  if (name == "json") return CorpusFormat::Json;
  if (name == "csv") return CorpusFormat::Csv;
  if (name == "text") return CorpusFormat::Text;
  return std::nullopt;
}

std::string Problem::to_string() const {
  std::string out;
  if (!file.empty()) out += file + (line > 0 ? ":" + std::to_string(line) : "") + ": ";
  if (!id.empty()) out += id + ": ";
  return out + what;
}

std::vector<std::string> input_names(const std::string& field, const ReaderOptions& options) {
  const auto mapped = options.field_map.find(field);
  if (mapped != options.field_map.end()) return {mapped->second};
  static const std::map<std::string, std::vector<std::string>> kAliases = {
      {"id", {"docno"}},        {"title", {"headline"}},
      {"body", {"text", "content"}}, {"date", {"published", "pubdate", "time"}},
      {"source", {"src"}},      {"category", {"cat"}},
      {"url", {"link"}},        {"author", {}},
  };
  std::vector<std::string> names = {field};
  const auto aliases = kAliases.find(field);
  if (aliases != kAliases.end()) {
    names.insert(names.end(), aliases->second.begin(), aliases->second.end());
  }
  names.erase(std::remove_if(names.begin(), names.end(),
                             [&](const std::string& name) {
                               for (const auto& [other, input] : options.field_map) {
                                 if (lower_ascii(input) == lower_ascii(name)) return true;
                               }
                               return false;
                             }),
              names.end());
  return names;
}

size_t article_bytes_for(size_t max_body_bytes) {
  constexpr size_t kOtherFields = 1u << 20;
  if (max_body_bytes > (SIZE_MAX - kOtherFields) / 4) return SIZE_MAX;
  return 4 * max_body_bytes + kOtherFields;
}

std::string derive_article_id(const Article& article) {
  uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64: do not change, ids are stored
  const auto mix = [&hash](std::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  };
  mix(article.title);
  mix("\xFF");  // cannot occur in UTF-8: ("ab", "c") and ("a", "bc") differ
  mix(article.body);
  char buf[20];
  std::snprintf(buf, sizeof buf, "h%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

size_t read_corpus(const std::vector<std::string>& paths, const ReaderOptions& options,
                   const ArticleCallback& on_article, const ProblemCallback& on_problem) {
  const Callbacks cb{options, on_article, on_problem};
  std::set<fs::path> visited;
  size_t count = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      count += walk(path, path, &visited, cb);
    } else if (ec || !fs::exists(status)) {
      ArticleSink(path, options, on_article, on_problem)
          .error(0, "", "cannot read: " + (ec ? ec.message() : "no such file or directory"));
    } else {
      count += read_file(path, fs::path(path).parent_path(), false, cb);
    }
  }
  return count;
}

size_t read_buffer(const std::string& name, const std::string& content,
                   const ReaderOptions& options, const ArticleCallback& on_article,
                   const ProblemCallback& on_problem) {
  ArticleSink sink(name, options, on_article, on_problem);
  const std::unique_ptr<ByteSource> source = make_buffer_source(content);
  InputStream in(*source, options.max_article_bytes);
  read_input(in, sink, fs::path(name).parent_path(), false);
  return sink.delivered();
}

}  // namespace akhbar
