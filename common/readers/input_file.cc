#include "readers/input_file.h"

#include <zlib.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include "text/utf8_repair.h"

namespace akhbar {
namespace {

constexpr size_t kChunk = 256 * 1024;
constexpr size_t kMaxMessageBytes = 240;

// gzopen/gzread read plain files as they are, so this is the source for
// every file.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(gzFile file) : file_(file) { gzbuffer(file_, kChunk); }
  ~GzipSource() override { gzclose(file_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t read(char* out, size_t n) override {
    if (!damage_.empty()) return 0;
    // gzread() returns -1 and drops what it had decoded in the call when it
    // meets damage: small calls bound what is lost before corrupt data.
    constexpr size_t kMaxCall = 4096;
    const int got = gzread(file_, out, static_cast<unsigned>(std::min(n, kMaxCall)));
    if (got > 0) return static_cast<size_t>(got);
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (code == Z_BUF_ERROR) {
      damage_ = "truncated gzip";  // zlib: "unexpected end of file"
    } else if (code == Z_ERRNO) {
      damage_ = std::string("read error (") + std::strerror(errno) + ")";
    } else if (code != Z_OK) {
      damage_ = std::string("corrupt gzip (") + (message ? message : "unknown error") + ")";
    }
    return 0;
  }
  std::string damage() const override { return damage_; }

 private:
  gzFile file_;
  std::string damage_;
};

class BufferSource : public ByteSource {
 public:
  explicit BufferSource(std::string_view content) : rest_(content) {}
  size_t read(char* out, size_t n) override {
    const size_t k = std::min(n, rest_.size());
    std::memcpy(out, rest_.data(), k);
    rest_.remove_prefix(k);
    return k;
  }

 private:
  std::string_view rest_;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// One line of valid UTF-8, at most kMaxMessageBytes long.
std::string one_line(std::string s) {
  repair_utf8(s);
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (s.size() > kMaxMessageBytes) {
    size_t n = kMaxMessageBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    s += "...";
  }
  return s;
}

// Trims every field at both ends (the body's inner lines keep their indentation).
void trim_fields(Article& a) {
  for (std::string* f : {&a.id, &a.title, &a.body, &a.date_raw, &a.source, &a.category, &a.url,
                         &a.author}) {
    trim(f);
  }
}

}  // namespace

std::unique_ptr<ByteSource> open_file_source(const std::string& path, std::string* error) {
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    *error = errno != 0 ? std::strerror(errno) : "cannot open";
    return nullptr;
  }
  return std::make_unique<GzipSource>(file);
}

std::unique_ptr<ByteSource> make_buffer_source(std::string_view content) {
  return std::make_unique<BufferSource>(content);
}

InputStream::InputStream(ByteSource& source, size_t max_line_bytes)
    : source_(source), max_line_(max_line_bytes) {
  if (peek(3) == "\xEF\xBB\xBF") pos_ += 3;
}

bool InputStream::fill() {
  if (end_) return false;
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // drop what was consumed
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const size_t got = source_.read(&buffer_[old], kChunk);
  buffer_.resize(old + got);
  if (got == 0) end_ = true;
  return got > 0;
}

std::string_view InputStream::peek(size_t n) {
  while (buffer_.size() - pos_ < n && fill()) {
  }
  return std::string_view(buffer_).substr(pos_, n);
}

bool InputStream::read_line(std::string* line) {
  line->clear();
  cut_ = false;
  in_line_ = false;
  size_t scanned = pos_;  // no '\n' in [pos_, scanned)
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + scanned, '\n', buffer_.size() - scanned);
    const size_t end = nl ? static_cast<const char*>(nl) - buffer_.data() : buffer_.size();
    if (end - pos_ > max_line_) {  // too long: keep its head, drop the rest unheld
      line->assign(buffer_, pos_, max_line_ + 1);  // the byte after tells if a character is split
      cut_utf8(line, max_line_);
      cut_ = true;
      pos_ += max_line_;
      skip_line();
      break;
    }
    if (nl != nullptr) {
      line->assign(buffer_, pos_, end - pos_);
      pos_ = end + 1;
      break;
    }
    const size_t offset = buffer_.size() - pos_;  // fill() may move the bytes
    if (!fill()) {
      if (pos_ == buffer_.size()) return false;
      line->assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      break;
    }
    scanned = pos_ + offset;
  }
  if (!cut_ && !line->empty() && line->back() == '\r') line->pop_back();
  ++line_;
  return true;
}

void InputStream::skip_line() {
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + pos_, '\n', buffer_.size() - pos_);
    if (nl != nullptr) {
      pos_ = static_cast<const char*>(nl) - buffer_.data() + 1;
      return;
    }
    pos_ = buffer_.size();
    if (!fill()) return;
  }
}

bool InputStream::read_part(std::string* part, size_t max) {
  max = std::max<size_t>(max, 4);
  cut_ = false;
  if (peek(max).empty()) return false;
  const std::string_view ahead = std::string_view(buffer_).substr(pos_, max);
  const size_t nl = ahead.find('\n');
  size_t size = nl != std::string_view::npos ? nl + 1 : ahead.size();
  if (nl == std::string_view::npos && size == max) {
    // Do not split a UTF-8 character: back off over continuation bytes.
    size_t back = size;
    while (back > size - 3 && (static_cast<unsigned char>(ahead[back - 1]) & 0xC0) == 0x80) --back;
    if ((static_cast<unsigned char>(ahead[back - 1]) & 0xC0) == 0xC0) size = back - 1;
    if (size == 0) size = max;  // not UTF-8: cut anywhere
  }
  part->assign(ahead.substr(0, size));
  pos_ += size;
  if (!in_line_) ++line_;
  in_line_ = part->back() != '\n';
  return true;
}

std::string* article_field(Article& a, std::string_view name) {
  if (name == "id") return &a.id;
  if (name == "title") return &a.title;
  if (name == "body") return &a.body;
  if (name == "date") return &a.date_raw;
  if (name == "source") return &a.source;
  if (name == "category") return &a.category;
  if (name == "url") return &a.url;
  if (name == "author") return &a.author;
  return nullptr;
}

void trim(std::string* s) {
  size_t b = 0, e = s->size();
  while (b < e && is_space((*s)[b])) ++b;
  while (e > b && is_space((*s)[e - 1])) --e;
  if (b > 0 || e < s->size()) *s = s->substr(b, e - b);
}

bool is_blank(std::string_view s) {
  for (const char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

void cut_utf8(std::string* s, size_t n) {
  if (s->size() <= n) return;
  while (n > 0 && (static_cast<unsigned char>((*s)[n]) & 0xC0) == 0x80) --n;
  s->resize(n);
}

ArticleSink::ArticleSink(std::string file, const ReaderOptions& options,
                         const ArticleCallback& on_article, const ProblemCallback& on_problem)
    : file_(std::move(file)), options_(options), on_article_(on_article), on_problem_(on_problem) {}

void ArticleSink::report(Problem::Severity severity, size_t line, const std::string& id,
                         std::string what) {
  Problem p;
  p.severity = severity;
  p.file = file_;
  p.line = line;
  p.id = one_line(id);
  p.what = one_line(std::move(what));
  on_problem_(p);
}

void ArticleSink::deliver(Article&& a, const std::vector<std::string>& warnings) {
  size_t nul = 0;
  std::string invalid;  // names of the fields repaired
  for (const char* name : kArticleFields) {
    std::string* field = article_field(a, name);
    nul += remove_nul(*field);
    if (repair_utf8(*field) > 0) invalid += std::string(invalid.empty() ? "" : ", ") + name;
  }
  trim_fields(a);
  if (a.id.empty()) a.id = derive_article_id(a);
  a.origin_file = file_;
  for (const std::string& w : warnings) warn(a.origin_line, a.id, w);
  if (nul > 0) warn(a.origin_line, a.id, "NUL bytes removed (" + std::to_string(nul) + ")");
  if (!invalid.empty()) {
    warn(a.origin_line, a.id, "invalid UTF-8 replaced by U+FFFD (in " + invalid + ")");
  }
  if (!a.date_raw.empty()) {
    a.date = parse_date(a.date_raw);
    if (!a.date) warn(a.origin_line, a.id, "unreadable date '" + a.date_raw + "'");
  } else {
    a.date = options_.default_date;
  }
  ++delivered_;
  on_article_(std::move(a));
}

}  // namespace akhbar
