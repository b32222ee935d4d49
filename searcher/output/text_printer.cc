#include <cstdio>

#include "output/result_printer.h"

namespace akhbar {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kMatch = "\033[1;31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

// Newlines inside a snippet would break the layout; they read as spaces.
std::string one_line(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return out;
}

class TextPrinter : public ResultPrinter {
 public:
  TextPrinter(std::ostream& out, bool color) : out_(out), color_(color) {}

  void print(const SearchResults& results) override {
    if (results.ids_only) {  // for scripts: nothing but the results
      char score[32];
      for (const Hit& hit : results.hits) {
        snprintf(score, sizeof score, "%.3f", hit.score);
        out_ << hit.id << '\t' << score << '\n';
      }
      out_.flush();
      return;
    }
    char took[32];
    snprintf(took, sizeof took, " (%.1f ms)", results.took_ms);
    out_ << style(kBold) << results.total << " articles match" << style(kReset) << took << '\n';
    for (const std::string& note : results.notes) out_ << style(kDim) << "note: " << note << style(kReset) << '\n';
    for (const std::string& shard : results.missing_shards) {
      out_ << style(kBold) << "missing shard: " << shard << " (its articles are not counted)" << style(kReset) << '\n';
    }
    size_t rank = 0;
    for (const Hit& hit : results.hits) print_hit(++rank, hit);
    for (const Facet& facet : results.facets) print_facet(facet);
    out_.flush();
  }

 private:
  const char* style(const char* code) const { return color_ ? code : ""; }

  void print_hit(size_t rank, const Hit& hit) {
    char score[32];
    snprintf(score, sizeof score, "%.3f", hit.score);
    out_ << '\n' << rank << ". " << style(kBold) << one_line(hit.title) << style(kReset) << '\n';
    out_ << "   " << style(kDim) << hit.id << "  " << (hit.date.empty() ? "date unknown" : hit.date);
    if (!hit.source.empty()) out_ << "  " << hit.source;
    if (!hit.category.empty()) out_ << "  " << hit.category;
    out_ << "  score " << score;
    if (hit.similar > 0) out_ << "  +" << hit.similar << " similar";
    out_ << style(kReset) << '\n';
    if (!hit.snippet.text.empty()) out_ << "   " << snippet_text(hit.snippet) << '\n';
    print_entities("places", hit.places);
    print_entities("persons", hit.persons);
    print_entities("organizations", hit.organizations);
  }

  void print_entities(const char* label, const std::vector<EntityRef>& refs) {
    if (refs.empty()) return;
    out_ << "   " << style(kDim) << label << ':' << style(kReset);
    for (size_t i = 0; i < refs.size(); ++i) {
      out_ << (i ? "، " : " ") << (refs[i].name.empty() ? refs[i].id : refs[i].name);
    }
    out_ << '\n';
  }

  std::string snippet_text(const Snippet& s) const {
    std::string out = s.starts_mid ? "… " : "";
    size_t at = 0;
    for (const auto& [begin, end] : s.highlights) {
      out += s.text.substr(at, begin - at);
      // Without colour, brackets mark the matched words.
      out += color_ ? kMatch : "[";
      out += s.text.substr(begin, end - begin);
      out += color_ ? kReset : "]";
      at = end;
    }
    out += s.text.substr(at);
    if (s.ends_mid) out += " …";
    return one_line(out);
  }

  void print_facet(const Facet& facet) {
    out_ << '\n' << style(kBold) << facet.name << style(kReset) << ':';
    if (facet.values.empty()) out_ << " (none)";
    for (const FacetValue& v : facet.values) out_ << "  " << v.value << " (" << v.count << ')';
    out_ << '\n';
  }

  std::ostream& out_;
  bool color_;
};

}  // namespace

std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, bool color) {
  return std::make_unique<TextPrinter>(out, color);
}

}  // namespace akhbar
