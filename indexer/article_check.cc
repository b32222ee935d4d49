#include "article_check.h"

namespace akhbar {
namespace {

bool has_visible_text(const std::string& s) {
  for (unsigned char c : s) {
    if (c > 0x20 && c != 0x7f) return true;
  }
  return false;
}

// Index of the last UTF-8 lead byte boundary at or before `n`.
size_t utf8_boundary(const std::string& s, size_t n) {
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

ArticleCheck check_article(Article& article, const ArticleCheckOptions& options) {
  ArticleCheck result;
  if (article.id.empty()) {
    result.rejection = "article has no id";
    return result;
  }
  if (!has_visible_text(article.title) && !has_visible_text(article.body)) {
    result.rejection = "empty article: no title and no body text";
    return result;
  }
  if (article.body.size() > options.max_body_bytes) {
    const size_t original = article.body.size();
    article.body.resize(utf8_boundary(article.body, options.max_body_bytes));
    result.warning = "body of " + std::to_string(original) + " bytes truncated to " +
                     std::to_string(article.body.size()) + " bytes";
  }
  return result;
}

}  // namespace akhbar
