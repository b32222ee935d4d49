#include "index/stored_article.h"

#include <iterator>

#include <nlohmann/json.hpp>

#include "index/schema.h"

namespace akhbar {

namespace {

constexpr char kVersion = '\x01';

StoredArticle decode_json(const std::string& data) {
  StoredArticle s;
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) return s;
  auto get = [&j](const char* key, std::string& out) {
    auto it = j.find(key);
    if (it != j.end() && it->is_string()) out = it->get<std::string>();
  };
  get("id", s.id);
  get("title", s.title);
  get("body", s.body);
  get("date", s.date);
  get("source", s.source);
  get("category", s.category);
  get("url", s.url);
  get("author", s.author);
  return s;
}

}  // namespace

std::string encode_stored(const Article& a) {
  std::string out(1, kVersion);
  out += schema::serialise_list(
      {a.id, a.title, a.body, a.date ? a.date->iso() : "", a.source, a.category, a.url, a.author});
  return out;
}

StoredArticle decode_stored(const std::string& data) {
  if (!data.empty() && data[0] == '{') return decode_json(data);
  StoredArticle s;
  if (data.empty() || data[0] != kVersion) return s;
  std::string* const fields[] = {&s.id,     &s.title,    &s.body, &s.date,
                                 &s.source, &s.category, &s.url,  &s.author};
  size_t i = 0;
  schema::for_each_in_list(std::string_view(data).substr(1), [&](std::string_view field) {
    if (i < std::size(fields)) fields[i++]->assign(field);
  });
  return s;
}

}  // namespace akhbar
