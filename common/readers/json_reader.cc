#include "readers/json_reader.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <optional>
#include <streambuf>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text/utf8_repair.h"

namespace akhbar {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxDepth = 64;

// nlohmann::json rejects invalid UTF-8 and raw control characters, so they
// pass through the parser as private-use code points and are turned back
// into the bytes they stand for once the strings are out; ArticleSink then
// repairs and reports them like any reader's. (A real U+10FFFC or U+10FFFD
// in a JSON corpus would be taken for damage; none is expected in news.)
constexpr std::string_view kInvalidMark = "\xF4\x8F\xBF\xBD";  // U+10FFFD
constexpr std::string_view kNulMark = "\xF4\x8F\xBF\xBC";      // U+10FFFC
constexpr std::string_view kMarkPrefix = "\xF4\x8F\xBF";

void mark_damage(std::string* text) {
  repair_utf8(*text, kInvalidMark);
  if (text->find('\0') == std::string::npos) return;
  std::string out;
  for (const char c : *text) {
    if (c == '\0') {
      out += kNulMark;
    } else {
      out += c;
    }
  }
  text->swap(out);
}

void unmark_damage(std::string* text) {
  if (text->find(kMarkPrefix) == std::string::npos) return;
  std::string out;
  for (size_t i = 0; i < text->size(); ++i) {
    const std::string_view rest = std::string_view(*text).substr(i);
    if (rest.substr(0, kInvalidMark.size()) == kInvalidMark) {
      out += '\xFF';  // an invalid byte, for ArticleSink to replace and report
      i += kInvalidMark.size() - 1;
    } else if (rest.substr(0, kNulMark.size()) == kNulMark) {
      out += '\0';
      i += kNulMark.size() - 1;
    } else {
      out += (*text)[i];
    }
  }
  text->swap(out);
}

// Cuts every string of a JSON text, fed in pieces, to at most `max` bytes
// as written (escapes count as written), so that the parser never holds a
// longer one: the rest of the string is dropped up to its closing quote. A
// cut never splits an escape, a surrogate pair or a UTF-8 character.
class JsonStringCap {
 public:
  explicit JsonStringCap(size_t max) : max_(max) {}

  // Appends the bytes of `in`, strings cut, to *out.
  void feed(std::string_view in, std::string* out) {
    for (const char c : in) {
      if (!in_string_) {
        out->push_back(c);
        if (c == '"') start_string();
      } else if (dropping_) {
        drop(c, out);
      } else if (length_ >= max_ && c != '"' && at_boundary(c)) {
        dropping_ = cut_ = true;
        drop(c, out);
      } else {
        keep(c, out);
      }
    }
  }

  // Whether a string was cut since the last call.
  bool take_cut() { return std::exchange(cut_, false); }

  // A new text begins (JSON Lines: each line): a string left open by the
  // last one does not continue.
  void restart() { in_string_ = dropping_ = false; }

 private:
  void start_string() {
    in_string_ = true;
    dropping_ = escape_ = high_surrogate_ = false;
    length_ = hex_left_ = 0;
  }

  static unsigned hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;  // not hex: the parser rejects the escape
  }

  bool at_boundary(char c) const {
    return !escape_ && hex_left_ == 0 && !high_surrogate_ &&
           (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }

  void keep(char c, std::string* out) {
    out->push_back(c);
    ++length_;
    if (hex_left_ > 0) {
      hex_ = hex_ * 16 + hex_digit(c);
      if (--hex_left_ == 0) high_surrogate_ = hex_ >= 0xD800 && hex_ <= 0xDBFF;
    } else if (escape_) {
      escape_ = false;
      if (c == 'u') {
        hex_left_ = 4;
        hex_ = 0;
      } else {
        high_surrogate_ = false;
      }
    } else if (c == '\\') {
      escape_ = true;
    } else {
      high_surrogate_ = false;
      if (c == '"') in_string_ = false;
    }
  }

  void drop(char c, std::string* out) {
    if (escape_) {
      escape_ = false;
    } else if (c == '\\') {
      escape_ = true;
    } else if (c == '"') {
      out->push_back(c);
      in_string_ = dropping_ = false;
    }
  }

  const size_t max_;
  bool in_string_ = false, dropping_ = false, escape_ = false, high_surrogate_ = false;
  bool cut_ = false;
  size_t length_ = 0, hex_left_ = 0;
  unsigned hex_ = 0;
};

// Input key → article field, with the rank of the name among the field's
// names (0 best).
class FieldMatcher {
 public:
  explicit FieldMatcher(const ReaderOptions& options) {
    for (const char* field : kArticleFields) {
      size_t rank = 0;
      for (const std::string& name : input_names(field, options)) {
        names_.emplace(lower_ascii(name), Match{field, rank++});
      }
    }
  }
  struct Match {
    const char* field;
    size_t rank;
  };
  const Match* find(const std::string& key) const {
    const auto it = names_.find(lower_ascii(key));
    return it == names_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, Match> names_;
};

// Builds the values of a JSON stream one element at a time: the values at
// the top, or the members of a top-level array if `unwrap_array`. Elements
// are not built below kMaxDepth, which bounds memory and recursion.
class ElementBuilder : public nlohmann::json_sax<Json> {
 public:
  using Handler = std::function<void(Json&& element, size_t line, bool too_deep)>;

  ElementBuilder(bool unwrap_array, std::function<size_t()> line, Handler on_element)
      : unwrap_array_(unwrap_array), line_(std::move(line)), on_element_(std::move(on_element)) {}

  const std::string& error() const { return error_; }

  bool null() override { return value(Json(nullptr)); }
  bool boolean(bool v) override { return value(Json(v)); }
  bool number_integer(number_integer_t v) override { return value(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(Json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return value(Json(v)); }
  bool string(string_t& v) override { return value(Json(std::move(v))); }
  bool binary(binary_t&) override { return value(Json()); }  // not in JSON text
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t) override { return open(Json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (depth_ == 0 && unwrap_array_ && !in_top_array_) {
      in_top_array_ = true;
      return true;
    }
    return open(Json::array());
  }
  bool end_array() override {
    if (depth_ == 0 && in_top_array_) {
      in_top_array_ = false;
      return true;
    }
    return close();
  }
  bool parse_error(std::size_t, const std::string&, const Json::exception& e) override {
    error_ = describe(e.what());
    return false;
  }

 private:
  // "[json.exception.parse_error.101] parse error at line 1, column 9: x"
  // → "column 9: x" (lines are counted by the caller).
  static std::string describe(const std::string& what) {
    const size_t column = what.find("column ");
    return column == std::string::npos ? what : what.substr(column);
  }

  Json* insert(Json&& v) {
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    Json& slot = parent[key_];
    slot = std::move(v);
    return &slot;
  }

  bool value(Json&& v) {
    if (depth_ == 0) {
      on_element_(std::move(v), line_(), false);
    } else if (depth_ == stack_.size()) {
      insert(std::move(v));
    }
    return true;
  }

  bool open(Json&& container) {
    if (depth_ == 0) {
      element_ = std::move(container);
      stack_.assign(1, &element_);
      element_line_ = line_();
      too_deep_ = false;
    } else if (depth_ == stack_.size() && depth_ < kMaxDepth) {
      stack_.push_back(insert(std::move(container)));
    } else {
      too_deep_ = true;
    }
    ++depth_;
    return true;
  }

  bool close() {
    if (depth_ == stack_.size()) stack_.pop_back();
    if (--depth_ == 0) {
      Json element = std::move(element_);
      element_ = Json();
      on_element_(std::move(element), element_line_, too_deep_);
    }
    return true;
  }

  const bool unwrap_array_;
  const std::function<size_t()> line_;
  const Handler on_element_;
  bool in_top_array_ = false;
  size_t depth_ = 0;          // nesting inside the current element
  std::vector<Json*> stack_;  // the containers being built, outermost first
  Json element_;
  size_t element_line_ = 0;
  bool too_deep_ = false;
  std::string key_;
  std::string error_;
};

// The text of field `field` from value `v`; false if its type holds none.
bool field_text(const Json& v, std::string_view field, std::string* out) {
  switch (v.type()) {
    case Json::value_t::null:
      return true;
    case Json::value_t::string:
      *out = v.get_ref<const std::string&>();
      return true;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      *out = v.dump();
      return true;
    case Json::value_t::array: {
      if (field != "body" && field != "author" && field != "category") return false;
      const char* separator = field == "body" ? "\n" : ", ";
      for (const Json& item : v) {
        std::string text;
        if (item.is_array() || item.is_object() || !field_text(item, field, &text)) return false;
        if (text.empty()) continue;
        if (!out->empty()) *out += separator;
        *out += text;
      }
      return true;
    }
    default:
      return false;
  }
}

// `cut`: a string of the element was cut (JsonStringCap).
void deliver_element(Json&& element, size_t line, bool too_deep, bool cut,
                     const FieldMatcher& matcher, ArticleSink& sink) {
  if (too_deep) {
    sink.error(line, "", "JSON nested deeper than " + std::to_string(kMaxDepth) +
                             " levels: article skipped");
    return;
  }
  if (!element.is_object()) {
    sink.error(line, "", std::string("not a JSON object (") + element.type_name() +
                             "): skipped");
    return;
  }
  std::unordered_map<std::string_view, std::pair<const Json*, size_t>> best;  // field → value
  for (auto it = element.begin(); it != element.end(); ++it) {
    const FieldMatcher::Match* m = matcher.find(it.key());
    if (m == nullptr) continue;
    const auto found = best.find(m->field);
    if (found == best.end() || m->rank < found->second.second) best[m->field] = {&*it, m->rank};
  }
  Article a;
  a.origin_line = line;
  std::vector<std::string> warnings;
  if (cut) {
    warnings.push_back("a string longer than " + std::to_string(sink.options().max_article_bytes) +
                       " bytes was cut to that length");
  }
  for (const auto& [field, match] : best) {
    std::string* target = article_field(a, field);
    if (!field_text(*match.first, field, target)) {
      target->clear();
      warnings.push_back("field '" + std::string(field) + "' is " + match.first->type_name() +
                         ", not text: ignored");
    }
    unmark_damage(target);
  }
  sink.deliver(std::move(a), warnings);
}

// The bytes of one JSON document that may be held before an element ends:
// twice the string cap, as an element's strings are cut to the cap.
size_t max_element_bytes(const ReaderOptions& options) {
  return options.max_article_bytes > SIZE_MAX / 2 ? SIZE_MAX : 2 * options.max_article_bytes;
}

// Feeds a stream parser the input in parts of a line, strings cut
// (JsonStringCap) and damaged bytes marked. Once more than
// max_element_bytes() were given since the last element_done() (the
// parser holds at most one part more), the stream ends and too_long() is
// true.
class PartBuffer : public std::streambuf {
 public:
  PartBuffer(InputStream& in, const ReaderOptions& options)
      : in_(in), cap_(options.max_article_bytes), max_(max_element_bytes(options)) {}

  void element_done() { since_element_ = 0; }
  bool too_long() const { return too_long_; }
  bool take_cut() { return cap_.take_cut(); }

 protected:
  int_type underflow() override {
    do {
      if (since_element_ > max_) {
        too_long_ = true;
        return traits_type::eof();
      }
      if (!in_.read_part(&part_, kPart)) return traits_type::eof();
      mark_damage(&part_);
      filtered_.clear();
      cap_.feed(part_, &filtered_);
      since_element_ += filtered_.size();
    } while (filtered_.empty());
    setg(filtered_.data(), filtered_.data(), filtered_.data() + filtered_.size());
    return traits_type::to_int_type(filtered_[0]);
  }

 private:
  static constexpr size_t kPart = 64 * 1024;
  InputStream& in_;
  JsonStringCap cap_;
  const size_t max_;
  std::string part_, filtered_;
  size_t since_element_ = 0;
  bool too_long_ = false;
};

// One line of JSON Lines, strings cut: false at the end of the input. A line
// longer than max_element_bytes() once cut is dropped as it is read, and
// *too_long set.
bool read_json_line(InputStream& in, JsonStringCap& cap, size_t max, std::string* line,
                    bool* too_long) {
  line->clear();
  *too_long = false;
  cap.restart();
  std::string part;
  bool any = false;
  while (in.read_part(&part, 64 * 1024)) {
    any = true;
    const bool ends = part.back() == '\n';
    if (ends) part.pop_back();
    if (!*too_long) {
      mark_damage(&part);
      cap.feed(part, line);
      if (line->size() > max) {
        *too_long = true;
        line->clear();
        line->shrink_to_fit();
      }
    }
    if (ends) break;
  }
  return any;
}

}  // namespace

void read_json_lines(InputStream& in, ArticleSink& sink) {
  const FieldMatcher matcher(sink.options());
  const size_t max = max_element_bytes(sink.options());
  JsonStringCap cap(sink.options().max_article_bytes);
  std::string line;
  bool too_long = false;
  while (read_json_line(in, cap, max, &line, &too_long)) {
    const size_t number = in.line_number();
    const bool cut = cap.take_cut();
    if (too_long) {
      sink.error(number, "", "line longer than " + std::to_string(max) + " bytes, line skipped");
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_blank(line)) continue;
    std::optional<Json> element;
    bool too_deep = false;
    ElementBuilder builder(
        false, [number] { return number; },
        [&](Json&& e, size_t, bool deep) {
          element = std::move(e);
          too_deep = deep;
        });
    if (!Json::sax_parse(line, &builder)) {
      sink.error(number, "", "invalid JSON, line skipped: " + builder.error());
      continue;
    }
    if (element) deliver_element(std::move(*element), number, too_deep, cut, matcher, sink);
  }
}

void read_json(InputStream& in, ArticleSink& sink) {
  const FieldMatcher matcher(sink.options());
  PartBuffer buffer(in, sink.options());
  std::istream stream(&buffer);
  ElementBuilder builder(
      true, [&in] { return in.line_number(); },
      [&](Json&& e, size_t line, bool deep) {
        deliver_element(std::move(e), line, deep, buffer.take_cut(), matcher, sink);
        buffer.element_done();
      });
  const auto skip_rest = [&](const std::string& why) {
    sink.error(in.line_number(), "", why + ", rest of file skipped (kept " +
                                         std::to_string(sink.delivered()) +
                                         " articles read before it)");
  };
  for (;;) {
    stream >> std::ws;
    if (stream.peek() == std::char_traits<char>::eof()) break;
    if (!Json::sax_parse(stream, &builder, Json::input_format_t::json, false)) {
      if (!buffer.too_long()) skip_rest("invalid JSON: " + builder.error());
      break;
    }
  }
  if (buffer.too_long()) {
    skip_rest("more than " + std::to_string(max_element_bytes(sink.options())) +
              " bytes without the end of an article");
  }
}

}  // namespace akhbar
