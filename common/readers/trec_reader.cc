#include "readers/trec_reader.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace akhbar {
namespace {

enum Field {
  kNone = -1,
  kDocno,
  kTitle,
  kHeadline,
  kText,
  kAbstract,
  kDateline,
  kDateTime,
  kDate,
  kTime,
  kSource,
  kCategory,
  kUrl,
  kAuthor,
  kFieldCount,
  kDoc = 100,  // not fields: the record itself and paragraph breaks
  kParagraph,
};

struct TagName {
  const char* name;
  int kind;
};

const TagName kTags[] = {
    {"DOC", kDoc},           {"DOCNO", kDocno},       {"DOCID", kDocno},
    {"TITLE", kTitle},       {"HEADLINE", kHeadline}, {"TEXT", kText},
    {"ABSTRACT", kAbstract}, {"DATELINE", kDateline}, {"DATE_TIME", kDateTime},
    {"DATE", kDate},         {"TIME", kTime},         {"SRC", kSource},
    {"SOURCE", kSource},     {"CAT", kCategory},      {"CATEGORY", kCategory},
    {"URL", kUrl},           {"AUTHOR", kAuthor},     {"BYLINE", kAuthor},
    {"P", kParagraph},
};

const char* tag_name(int kind) {
  for (const TagName& t : kTags) {
    if (t.kind == kind) return t.name;
  }
  return "?";
}

struct Tag {
  int kind = kNone;
  bool closing = false;
  std::string_view attributes;
  size_t end = 0;  // just after '>'
};

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The known tag starting at line[lt] == '<', if there is one: "<TEXT>",
// "</TEXT>", "<DOC id="x">". Attributes are allowed on opening tags only.
bool parse_tag(std::string_view line, size_t lt, Tag* tag) {
  size_t i = lt + 1;
  tag->closing = i < line.size() && line[i] == '/';
  if (tag->closing) ++i;
  const size_t name_begin = i;
  while (i < line.size() && ((upper(line[i]) >= 'A' && upper(line[i]) <= 'Z') || line[i] == '_')) {
    ++i;
  }
  const size_t name_size = i - name_begin;
  tag->kind = kNone;
  for (const TagName& t : kTags) {
    if (std::strlen(t.name) != name_size) continue;
    bool same = true;
    for (size_t k = 0; k < name_size && same; ++k) same = upper(line[name_begin + k]) == t.name[k];
    if (same) tag->kind = t.kind;
  }
  if (tag->kind == kNone || i >= line.size()) return false;
  if (line[i] == '>') {
    tag->attributes = {};
    tag->end = i + 1;
    return true;
  }
  if (tag->closing || (line[i] != ' ' && line[i] != '\t')) return false;
  const size_t gt = line.find('>', i);
  if (gt == std::string_view::npos) return false;
  tag->attributes = line.substr(i, gt - i);
  if (tag->attributes.find('<') != std::string_view::npos) return false;
  tag->end = gt + 1;
  return true;
}

// The value of attribute `name` (ASCII case ignored) in ` id="x" type=y`.
std::string attribute(std::string_view attributes, std::string_view name) {
  size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (attributes[i] == ' ' || attributes[i] == '\t')) ++i;
    const size_t key_begin = i;
    while (i < attributes.size() && attributes[i] != '=' && attributes[i] != ' ') ++i;
    const std::string_view key = attributes.substr(key_begin, i - key_begin);
    if (i >= attributes.size() || attributes[i] != '=') continue;
    ++i;
    size_t value_begin = i, value_end;
    if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
      const size_t close = attributes.find(attributes[i], i + 1);
      value_begin = i + 1;
      value_end = close == std::string_view::npos ? attributes.size() : close;
      i = value_end + 1;
    } else {
      while (i < attributes.size() && attributes[i] != ' ' && attributes[i] != '\t') ++i;
      value_end = i;
    }
    bool same = key.size() == name.size();
    for (size_t k = 0; k < key.size() && same; ++k) same = upper(key[k]) == upper(name[k]);
    if (same) return std::string(attributes.substr(value_begin, value_end - value_begin));
  }
  return {};
}

void append_utf8(UChar32 cp, std::string* out) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, cp);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// The code point of a reference body ("amp", "#1575", "#x627"), or 0.
UChar32 entity_value(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return 0;
  UChar32 cp = 0;
  for (const char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return 0;
    cp = cp * (hex ? 16 : 10) + d;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return cp;
}

void decode_entities(std::string* s) {
  if (s->find('&') == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  for (size_t i = 0; i < s->size(); ++i) {
    if ((*s)[i] == '&') {
      const size_t semi = s->find(';', i + 1);
      if (semi != std::string::npos && semi - i <= 10) {
        const UChar32 cp = entity_value(std::string_view(*s).substr(i + 1, semi - i - 1));
        if (cp != 0) {
          append_utf8(cp, &out);
          i = semi;
          continue;
        }
      }
    }
    out.push_back((*s)[i]);
  }
  s->swap(out);
}

// One <DOC> being read.
struct Doc {
  bool open = false;
  size_t line = 0;
  std::array<std::string, kFieldCount> fields;
  std::string id_attribute;
  std::string untagged;  // text inside the DOC but outside every field
  int current = kNone;   // the field being read
  std::vector<std::string> warnings;
  size_t bytes = 0;  // of text held, in fields and untagged
  bool cut = false;  // text dropped past ReaderOptions::max_article_bytes
};

class TrecReader {
 public:
  TrecReader(InputStream& in, ArticleSink& sink) : in_(in), sink_(sink) {}

  void run() {
    std::string line;
    while (in_.read_line(&line)) {
      read_line(line);
      if (in_.line_cut()) on_cut_line();
    }
    if (doc_.open) {
      doc_.warnings.push_back("unterminated <DOC>: kept what was read up to the end of the input");
      finish();
    }
  }

 private:
  void read_line(std::string_view line) {
    size_t pos = 0;
    for (size_t lt = line.find('<'); lt != std::string_view::npos; lt = line.find('<', lt + 1)) {
      Tag tag;
      if (!parse_tag(line, lt, &tag)) continue;
      add_text(line.substr(pos, lt - pos));
      on_tag(tag);
      pos = tag.end;
      lt = tag.end - 1;
    }
    add_text(line.substr(pos));
    add_text("\n");
  }

  // A line longer than max_article_bytes, cut by the input: its tail,
  // tags included, is lost.
  void on_cut_line() {
    if (doc_.open) {
      doc_.cut = true;
    } else {
      sink_.warn(in_.line_number(), "", "line longer than " + std::to_string(max_bytes()) +
                                            " bytes outside <DOC>: cut");
    }
  }

  size_t max_bytes() const { return sink_.options().max_article_bytes; }

  void add_text(std::string_view text) {
    if (text.empty()) return;
    if (!doc_.open) {
      if (!is_blank(text)) report_outside();
      return;
    }
    std::string& field = doc_.current == kNone ? doc_.untagged : doc_.fields[doc_.current];
    if (doc_.bytes + text.size() > max_bytes()) {  // keep what fits, hold no more
      const size_t old = field.size();
      const size_t room = max_bytes() - std::min(max_bytes(), doc_.bytes);
      field.append(text.substr(0, room + 1));  // the byte after tells if a character is split
      cut_utf8(&field, old + room);
      doc_.bytes += field.size() - old;
      doc_.cut = true;
      return;
    }
    field.append(text);
    doc_.bytes += text.size();
  }

  void on_tag(const Tag& tag) {
    if (tag.kind == kDoc) {
      tag.closing ? close_doc() : open_doc(tag);
    } else if (!doc_.open) {
      report_outside();  // a field tag outside <DOC> is text outside <DOC>
    } else if (tag.kind == kParagraph) {
      add_text("\n");
    } else if (tag.closing) {
      close_field(tag.kind);
    } else {
      open_field(tag.kind);
    }
  }

  void open_doc(const Tag& tag) {
    if (doc_.open) {
      doc_.warnings.push_back("unterminated <DOC>: kept what was read up to the next <DOC> (line " +
                              std::to_string(in_.line_number()) + ")");
      finish();
    }
    doc_.open = true;
    doc_.line = in_.line_number();
    doc_.id_attribute = attribute(tag.attributes, "id");
  }

  void close_doc() {
    if (!doc_.open) {
      sink_.warn(in_.line_number(), "", "stray </DOC> ignored");
      return;
    }
    if (doc_.current != kNone) {
      doc_.warnings.push_back(std::string("<") + tag_name(doc_.current) +
                              "> not closed before </DOC>");
    }
    finish();
  }

  void open_field(int kind) {
    if (doc_.current != kNone) {
      doc_.warnings.push_back(std::string("<") + tag_name(doc_.current) + "> not closed before <" +
                              tag_name(kind) + "> (line " + std::to_string(in_.line_number()) +
                              ")");
    }
    doc_.current = kind;
    if (!doc_.fields[kind].empty()) doc_.fields[kind] += '\n';  // repeated field
  }

  void close_field(int kind) {
    if (doc_.current == kind) {
      doc_.current = kNone;
    } else {
      doc_.warnings.push_back(std::string("stray </") + tag_name(kind) + "> ignored (line " +
                              std::to_string(in_.line_number()) + ")");
    }
  }

  // Hands the DOC read so far on as an article, and starts afresh.
  void finish() {
    Doc doc = std::move(doc_);
    doc_ = Doc();
    if (doc.cut) {
      doc.warnings.push_back("record longer than " + std::to_string(max_bytes()) +
                             " bytes: cut to that length");
    }
    for (std::string& f : doc.fields) decode_entities(&f);
    decode_entities(&doc.untagged);
    Article a;
    a.origin_line = doc.line;
    a.id = std::move(doc.fields[kDocno]);
    trim(&a.id);
    if (a.id.empty()) a.id = doc.id_attribute;
    if (a.id.empty()) doc.warnings.push_back("no <DOCNO>: id derived from the content");
    a.title = std::move(doc.fields[is_blank(doc.fields[kTitle]) ? kHeadline : kTitle]);
    if (!is_blank(doc.fields[kText])) {
      a.body = std::move(doc.fields[kText]);
      if (!is_blank(doc.untagged)) report_untagged(doc.line);
    } else if (!is_blank(doc.fields[kAbstract])) {
      a.body = std::move(doc.fields[kAbstract]);
      if (!is_blank(doc.untagged)) report_untagged(doc.line);
    } else {
      a.body = std::move(doc.untagged);
    }
    if (!is_blank(doc.fields[kDateline])) {
      trim(&doc.fields[kDateline]);
      trim(&a.body);
      a.body = doc.fields[kDateline] + "\n" + a.body;
    }
    for (const int f : {kDateTime, kDate, kTime}) {
      if (a.date_raw.empty() && !is_blank(doc.fields[f])) a.date_raw = std::move(doc.fields[f]);
    }
    a.source = std::move(doc.fields[kSource]);
    a.category = std::move(doc.fields[kCategory]);
    a.url = std::move(doc.fields[kUrl]);
    a.author = std::move(doc.fields[kAuthor]);
    sink_.deliver(std::move(a), doc.warnings);
  }

  void report_outside() {
    if (outside_reported_) return;
    outside_reported_ = true;
    sink_.warn(in_.line_number(), "", "text outside <DOC> ignored (first here)");
  }

  void report_untagged(size_t line) {
    if (untagged_reported_) return;
    untagged_reported_ = true;
    sink_.warn(line, "", "untagged text inside <DOC> ignored (first in the DOC at this line)");
  }

  InputStream& in_;
  ArticleSink& sink_;
  Doc doc_;
  bool outside_reported_ = false;
  bool untagged_reported_ = false;
};

}  // namespace

void read_trec(InputStream& in, ArticleSink& sink) { TrecReader(in, sink).run(); }

}  // namespace akhbar
