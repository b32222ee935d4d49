#include "json_reader.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <optional>
#include <streambuf>
#include <string_view>
#include <unordered_map>

#include "utf8_repair.h"

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

void deliver_element(Json&& element, size_t line, bool too_deep, const FieldMatcher& matcher,
                     ArticleSink& sink) {
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

// Feeds a stream parser one line at a time, so that the line being parsed
// is known, and marks damaged bytes on the way.
class LineBuffer : public std::streambuf {
 public:
  explicit LineBuffer(InputStream& in) : in_(in) {}

 protected:
  int_type underflow() override {
    if (!in_.read_line(&line_)) return traits_type::eof();
    mark_damage(&line_);
    line_ += '\n';
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  InputStream& in_;
  std::string line_;
};

}  // namespace

void read_json_lines(InputStream& in, ArticleSink& sink) {
  const FieldMatcher matcher(sink.options());
  std::string line;
  while (in.read_line(&line)) {
    if (is_blank(line)) continue;
    mark_damage(&line);
    const size_t number = in.line_number();
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
    if (element) deliver_element(std::move(*element), number, too_deep, matcher, sink);
  }
}

void read_json(InputStream& in, ArticleSink& sink) {
  const FieldMatcher matcher(sink.options());
  LineBuffer buffer(in);
  std::istream stream(&buffer);
  ElementBuilder builder(
      true, [&in] { return in.line_number(); },
      [&](Json&& e, size_t line, bool deep) {
        deliver_element(std::move(e), line, deep, matcher, sink);
      });
  for (;;) {
    stream >> std::ws;
    if (stream.peek() == std::char_traits<char>::eof()) return;
    if (!Json::sax_parse(stream, &builder, Json::input_format_t::json, false)) {
      sink.error(in.line_number(), "", "invalid JSON, rest of file skipped: " + builder.error() +
                                          " (kept " + std::to_string(sink.delivered()) +
                                          " articles read before it)");
      return;
    }
  }
}

}  // namespace akhbar
