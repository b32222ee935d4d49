#include "stored_article.h"

#include <nlohmann/json.hpp>

namespace akhbar {

std::string encode_stored(const Article& a) {
  nlohmann::json j = {{"id", a.id},         {"title", a.title},
                      {"body", a.body},     {"date", a.date ? a.date->iso() : ""},
                      {"source", a.source}, {"category", a.category},
                      {"url", a.url},       {"author", a.author}};
  // Readers guarantee valid UTF-8; replace rather than throw if one did not.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle decode_stored(const std::string& data) {
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

}  // namespace akhbar
