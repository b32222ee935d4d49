// ArticleCheck: the indexer's policy for articles that readers hand over but
// that cannot be indexed as they are.
//
// check_article() rejects an article with no id or with neither title nor
// body text (it would be unfindable), and truncates a body longer than
// `max_body_bytes` at a UTF-8 boundary, keeping the article (a demanding user
// prefers the first megabytes of a huge record to losing it). Pure function.
#pragma once

#include <optional>
#include <string>

#include "readers/article.h"

namespace akhbar {

struct ArticleCheckOptions {
  size_t max_body_bytes = 4u << 20;  // 4 MiB of body text per article
};

struct ArticleCheck {
  std::optional<std::string> rejection;  // set: do not index, say why
  std::optional<std::string> warning;    // set: indexed, but say this
};

ArticleCheck check_article(Article& article, const ArticleCheckOptions& options = {});

}  // namespace akhbar
