#include <cstdio>

#include "output/date_chart.h"
#include "output/result_printer.h"
#include "output/text_layout.h"

namespace akhbar {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

class TextPrinter : public ResultPrinter {
 public:
  TextPrinter(std::ostream& out, const TextOptions& options)
      : out_(out), color_(options.layout.color), options_(options) {}

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
    if (!results.suggestion.empty()) out_ << style(kBold) << "did you mean: " << results.suggestion << style(kReset) << '\n';
    for (const std::string& shard : results.missing_shards) {
      out_ << style(kBold) << "missing shard: " << shard << " (its articles are not counted)" << style(kReset) << '\n';
    }
    size_t rank = options_.first_rank;
    numbered_ = 0;
    for (const Hit& hit : results.hits) print_hit(rank++, hit);
    for (const Facet& facet : results.facets) print_facet(facet);
    out_.flush();
  }

 private:
  const char* style(const char* code) const { return color_ ? code : ""; }

  void print_hit(size_t rank, const Hit& hit) {
    char score[32];
    snprintf(score, sizeof score, "%.3f", hit.score);
    const std::string number = std::to_string(rank) + ". ";
    out_ << '\n' << lay_out(StyledText().add(hit.title, Style::Bold), options_.layout, number,
                            std::string(number.size(), ' '));
    out_ << "   " << style(kDim) << hit.id << "  " << (hit.date.empty() ? "date unknown" : hit.date);
    if (!hit.source.empty()) out_ << "  " << hit.source;
    if (!hit.category.empty()) out_ << "  " << hit.category;
    out_ << "  score " << score;
    if (hit.similar > 0) out_ << "  +" << hit.similar << " similar";
    out_ << style(kReset) << '\n';
    if (!hit.snippet.text.empty()) out_ << lay_out(snippet_text(hit.snippet), options_.layout, "   ");
    print_entities("places", hit.places);
    print_entities("persons", hit.persons);
    print_entities("organizations", hit.organizations);
  }

  void print_entities(const char* label, const std::vector<EntityRef>& refs) {
    if (refs.empty()) return;
    StyledText line;
    line.add(label, Style::Dim).add(":", Style::Dim);
    for (size_t i = 0; i < refs.size(); ++i) {
      line.add(i ? "، " : " ").add(refs[i].name.empty() ? refs[i].id : refs[i].name);
    }
    out_ << lay_out(line, options_.layout, "   ");
  }

  // The snippet, "…" where it is cut, its matched words styled.
  StyledText snippet_text(const Snippet& s) const {
    StyledText out;
    if (s.starts_mid) out.add("… ");
    size_t at = 0;
    for (const auto& [begin, end] : s.highlights) {
      out.add(std::string_view(s.text).substr(at, begin - at));
      out.add(std::string_view(s.text).substr(begin, end - begin), Style::Match);
      at = end;
    }
    out.add(std::string_view(s.text).substr(at));
    if (s.ends_mid) out.add(" …");
    return out;
  }

  // The date facet as a bar chart, the others as ranked lists (numbered
  // for the interactive mode's `:f N`). An LRM after each value keeps its
  // count beside it in a line of Arabic names (on a terminal only).
  void print_facet(const Facet& facet) {
    if (facet.name == "date" && !facet.values.empty()) {
      out_ << '\n' << style(kBold) << facet.name << style(kReset) << ":\n";
      const size_t width = options_.layout.width ? options_.layout.width : 80;
      for (const std::string& line : date_chart(facet.values, width)) out_ << line << '\n';
      return;
    }
    StyledText line;
    line.add(facet.name, Style::Bold).add(":");
    if (facet.values.empty()) line.add(" (none)");
    // On a terminal, no-break spaces keep each "[N] value (count)" on one line.
    const bool terminal = options_.layout.width > 0;
    const std::string space = terminal ? "\u00A0" : " ";
    for (const FacetValue& v : facet.values) {
      line.add("  ");
      if (options_.number_facets) line.add("[" + std::to_string(++numbered_) + "]" + space, Style::Dim);
      std::string value;
      for (char c : v.value) value += c == ' ' ? space : std::string(1, c);
      line.add(value).add((terminal ? "\u200E" : "") + space + "(" + std::to_string(v.count) + ")");
    }
    out_ << '\n' << lay_out(line, options_.layout, "", "  ");
  }

  std::ostream& out_;
  bool color_;
  TextOptions options_;
  size_t numbered_ = 0;  // facet values numbered so far
};

}  // namespace

std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, bool color) {
  TextOptions options;
  options.layout.color = color;
  return std::make_unique<TextPrinter>(out, options);
}

std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const TextOptions& options) {
  return std::make_unique<TextPrinter>(out, options);
}

std::vector<NumberedValue> numbered_facet_values(const SearchResults& results) {
  std::vector<NumberedValue> out;
  for (const Facet& facet : results.facets) {
    if (facet.name == "date" && !facet.values.empty()) continue;
    for (const FacetValue& v : facet.values) out.push_back({facet.name, v});
  }
  return out;
}

}  // namespace akhbar
