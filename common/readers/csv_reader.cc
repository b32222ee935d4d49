#include "readers/csv_reader.h"

#include <deque>

namespace akhbar {
namespace {

// Tab for *.tsv; else the most frequent of ',', ';', tab outside quotes in
// the first line, ',' on a tie.
char find_separator(InputStream& in, const std::string& file) {
  if (ends_with(file, ".tsv") || ends_with(file, ".tsv.gz")) return '\t';
  const std::string_view head = in.peek(64 * 1024);
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

struct Record {
  std::vector<std::string> fields;
  size_t line = 0;           // first line
  bool stray_text = false;   // text after a closing quote
};

// Splits the input into records, reading lines again after a record whose
// quote never closes (see csv_reader.h).
class RecordReader {
 public:
  RecordReader(InputStream& in, ArticleSink& sink, char separator)
      : in_(in), sink_(sink), separator_(separator) {}

  // The next record; false at the end of the input.
  bool next(Record* record) {
    for (;;) {
      std::vector<std::pair<size_t, std::string>> lines;
      if (parse(record, &lines)) return true;
      if (lines.empty()) return false;
      std::string what = too_long_ ? "record longer than " + std::to_string(max_bytes()) +
                                         " bytes (a quote not closed?): record skipped"
                                   : "unbalanced quote: record skipped";
      if (lines.size() > 1) {
        what += ", lines " + std::to_string(lines[1].first) + "-" +
                std::to_string(lines.back().first) + " read again as rows";
      }
      sink_.error(record->line, "", what);
      for (size_t k = lines.size(); k-- > 1;) pending_.push_front(std::move(lines[k]));
    }
  }

 private:
  size_t max_bytes() const { return sink_.options().max_article_bytes; }

  // The next line to parse; a line cut by the input (longer than
  // max_bytes()) is reported and skipped.
  bool get_line(std::pair<size_t, std::string>* line) {
    if (!pending_.empty()) {
      *line = std::move(pending_.front());
      pending_.pop_front();
      return true;
    }
    while (in_.read_line(&line->second)) {
      line->first = in_.line_number();
      if (!in_.line_cut()) return true;
      sink_.error(line->first, "", "line longer than " + std::to_string(max_bytes()) +
                                       " bytes: skipped");
    }
    return false;
  }

  // Reads one record. False at the end of the input (`lines` empty) or when
  // a quote is still open there (`lines` holds the lines read).
  bool parse(Record* record, std::vector<std::pair<size_t, std::string>>* lines) {
    record->fields.clear();
    record->stray_text = false;
    too_long_ = false;
    size_t bytes = 0;  // held in `lines`
    std::string field;
    bool quoted = false, after_quote = false, field_start = true;
    std::pair<size_t, std::string> line;
    while (get_line(&line)) {
      if (lines->empty()) record->line = line.first;
      const std::string& text = line.second;
      for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
          if (c != '"') {
            field += c;
          } else if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
            after_quote = true;
          }
        } else if (c == separator_) {
          record->fields.push_back(std::move(field));
          field.clear();
          field_start = true;
          after_quote = false;
        } else if (c == '"' && field_start) {
          quoted = true;
          field_start = false;
        } else {
          record->stray_text = record->stray_text || after_quote;
          field += c;
          field_start = false;
        }
      }
      bytes += line.second.size();
      lines->push_back(std::move(line));
      if (!quoted) {
        record->fields.push_back(std::move(field));
        return true;
      }
      if (bytes > max_bytes()) {  // hold no more: read the lines again as rows
        too_long_ = true;
        return false;
      }
      field += '\n';
    }
    return false;
  }

  InputStream& in_;
  ArticleSink& sink_;
  const char separator_;
  std::deque<std::pair<size_t, std::string>> pending_;
  bool too_long_ = false;  // the record parse() gave up on passed max_bytes()
};

bool blank_row(const std::vector<std::string>& fields) {
  return fields.size() == 1 && is_blank(fields[0]);
}

class CsvReader {
 public:
  CsvReader(InputStream& in, ArticleSink& sink)
      : sink_(sink), records_(in, sink, find_separator(in, sink.file())) {}

  void run() {
    Record header;
    do {
      if (!records_.next(&header)) return;
    } while (blank_row(header.fields));
    if (!map_columns(header)) return;
    Record row;
    while (records_.next(&row)) {
      if (!blank_row(row.fields)) deliver(row, header.fields.size());
    }
  }

 private:
  // Fills columns_; false (and the file reported) if there is nothing to read.
  bool map_columns(const Record& header) {
    std::vector<std::string> names;
    for (std::string name : header.fields) {
      trim(&name);
      names.push_back(lower_ascii(name));
    }
    std::vector<bool> used(names.size(), false);
    for (const char* field : kArticleFields) {
      const std::vector<std::string> wanted = input_names(field, sink_.options());
      bool found = false;
      for (size_t w = 0; w < wanted.size() && !found; ++w) {
        for (size_t col = 0; col < names.size() && !found; ++col) {
          if (used[col] || names[col] != lower_ascii(wanted[w])) continue;
          columns_.emplace_back(col, field);
          used[col] = found = true;
        }
      }
      if (!found && sink_.options().field_map.count(field)) {
        sink_.warn(header.line, "", "--field " + std::string(field) + "=" + wanted.front() +
                                        ": no such column");
      }
    }
    std::string unused;
    for (size_t col = 0; col < names.size(); ++col) {
      if (!used[col]) unused += (unused.empty() ? "'" : ", '") + header.fields[col] + "'";
    }
    if (!has_text_column()) {
      sink_.error(header.line, "", "no title or body column in the header row, file skipped");
      return false;
    }
    if (!unused.empty()) sink_.warn(header.line, "", "columns not used: " + unused);
    return true;
  }

  bool has_text_column() const {
    for (const auto& [col, field] : columns_) {
      if (std::string_view(field) == "title" || std::string_view(field) == "body") return true;
    }
    return false;
  }

  void deliver(const Record& row, size_t expected) {
    Article a;
    a.origin_line = row.line;
    for (const auto& [col, field] : columns_) {
      if (col < row.fields.size()) *article_field(a, field) = row.fields[col];
    }
    std::vector<std::string> warnings;
    if (row.fields.size() != expected) {
      warnings.push_back("row has " + std::to_string(row.fields.size()) +
                         " fields, the header " + std::to_string(expected) +
                         ": the fields present are used");
    }
    if (row.stray_text) warnings.push_back("text after a closing quote kept");
    sink_.deliver(std::move(a), warnings);
  }

  ArticleSink& sink_;
  RecordReader records_;
  std::vector<std::pair<size_t, const char*>> columns_;  // column → field
};

}  // namespace

void read_csv(InputStream& in, ArticleSink& sink) { CsvReader(in, sink).run(); }

}  // namespace akhbar
