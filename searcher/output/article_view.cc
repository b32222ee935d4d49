#include "output/article_view.h"

#include <nlohmann/json.hpp>

#include "text/string_util.h"

namespace akhbar {
namespace {

nlohmann::json ranges_json(const std::string& text, const std::vector<std::pair<size_t, size_t>>& ranges) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : ranges) {
    const size_t start = utf8_code_points(text, r.first);
    out.push_back({start, utf8_code_points(text, r.second) - start});
  }
  return out;
}

nlohmann::json refs_json(const std::vector<EntityRef>& refs) {
  nlohmann::json out = nlohmann::json::array();
  for (const EntityRef& r : refs) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string names(const std::vector<EntityRef>& refs) {
  std::vector<std::string> out;
  for (const EntityRef& r : refs) out.push_back(r.name.empty() ? r.id : r.name);
  return joined(out, "، ");
}

std::string places(const std::vector<PlaceMention>& mentions) {
  std::vector<std::string> out;
  for (const PlaceMention& p : mentions) {
    out.push_back((p.name.empty() ? p.id : p.name) +
                  (p.ancestors.empty() ? "" : " (" + joined(p.ancestors, "، ") + ")"));
  }
  return joined(out, "، ");
}

// "label: value" laid out as one paragraph, nothing when value is empty.
void field(std::ostream& out, const char* label, const std::string& value, const LayoutOptions& options) {
  if (value.empty()) return;
  StyledText line;
  line.add(label, Style::Dim).add(": ", Style::Dim).add(value);
  out << lay_out(line, options, "  ");
}

}  // namespace

std::vector<StyledText> styled_paragraphs(const std::string& text,
                                          const std::vector<std::pair<size_t, size_t>>& matches, Style base) {
  std::vector<StyledText> out;
  StyledText current;
  size_t at = 0, next = 0;
  auto flush = [&] {
    if (!current.text.empty()) out.push_back(std::move(current));
    current = StyledText{};
  };
  while (at < text.size()) {
    const size_t line_end = std::min(text.find('\n', at), text.size());
    while (at < line_end) {
      while (next < matches.size() && matches[next].second <= at) ++next;
      const bool in_match = next < matches.size() && matches[next].first <= at;
      size_t end = in_match ? matches[next].second : (next < matches.size() ? matches[next].first : line_end);
      end = std::min(end, line_end);
      current.add(std::string_view(text).substr(at, end - at), in_match ? Style::Match : base);
      at = end;
    }
    flush();
    at = line_end + 1;
  }
  flush();
  // A paragraph of spaces only is blank.
  std::vector<StyledText> kept;
  for (StyledText& p : out) {
    if (p.text.find_first_not_of(U" ") != std::u32string::npos) kept.push_back(std::move(p));
  }
  return kept;
}

void print_article_text(std::ostream& out, const ShownArticle& a, const LayoutOptions& options) {
  for (const StyledText& p : styled_paragraphs(a.title, a.title_highlights, Style::Bold)) out << lay_out(p, options);
  std::string facts = a.id + "  " + (a.date.empty() ? "date unknown" : a.date);
  if (!a.source.empty()) facts += "  " + a.source;
  if (!a.category.empty()) facts += "  " + a.category;
  field(out, "id", facts, options);
  field(out, "url", a.url, options);
  field(out, "author", a.author, options);
  field(out, "dateline", a.dateline, options);
  field(out, "places", places(a.places), options);
  field(out, "persons", names(a.persons), options);
  field(out, "organizations", names(a.organizations), options);
  field(out, "event dates", joined(a.event_dates, ", "), options);
  for (const StyledText& p : styled_paragraphs(a.body, a.body_highlights)) out << '\n' << lay_out(p, options);
  out.flush();
}

void print_article_json(std::ostream& out, const ShownArticle& a) {
  nlohmann::json places = nlohmann::json::array();
  for (const PlaceMention& p : a.places) places.push_back({{"id", p.id}, {"name", p.name}, {"in", p.ancestors}});
  const nlohmann::json j = {
      {"id", a.id}, {"title", a.title}, {"date", a.date}, {"source", a.source}, {"category", a.category},
      {"url", a.url}, {"author", a.author}, {"dateline", a.dateline}, {"places", places},
      {"persons", refs_json(a.persons)}, {"organizations", refs_json(a.organizations)},
      {"event_dates", a.event_dates}, {"body", a.body},
      {"highlights", {{"title", ranges_json(a.title, a.title_highlights)},
                      {"body", ranges_json(a.body, a.body_highlights)}}}};
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.flush();
}

}  // namespace akhbar
