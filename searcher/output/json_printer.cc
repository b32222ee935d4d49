#include <cmath>
#include <nlohmann/json.hpp>

#include "text/string_util.h"

#include "output/result_printer.h"

namespace akhbar {
namespace {

nlohmann::json entities_json(const std::vector<EntityRef>& refs, const char* type) {
  nlohmann::json out = nlohmann::json::array();
  for (const EntityRef& r : refs) {
    nlohmann::json e = {{"id", r.id}, {"name", r.name}};
    if (type) e["type"] = type;
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::json hit_json(const Hit& hit) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [begin, end] : hit.snippet.highlights) {
    const size_t start = utf8_code_points(hit.snippet.text, begin);
    highlights.push_back({start, utf8_code_points(hit.snippet.text, end) - start});
  }
  nlohmann::json actors = entities_json(hit.persons, "person");
  for (auto& o : entities_json(hit.organizations, "organization")) actors.push_back(std::move(o));
  return {{"id", hit.id},           {"title", hit.title},
          {"date", hit.date},       {"source", hit.source},
          {"category", hit.category}, {"url", hit.url},
          {"score", hit.score},     {"snippet", hit.snippet.text},
          {"highlights", highlights}, {"places", entities_json(hit.places, nullptr)},
          {"actors", actors},       {"origin", hit.origin},
          {"similar", hit.similar}};
}

class JsonPrinter : public ResultPrinter {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void print(const SearchResults& results) override {
    nlohmann::json j;
    j["query"] = results.query;
    if (!results.notes.empty()) j["notes"] = results.notes;
    if (!results.suggestion.empty()) j["suggestion"] = results.suggestion;
    if (!results.missing_shards.empty()) j["missing_shards"] = results.missing_shards;
    j["total"] = results.total;
    if (!results.total_exact) j["total_exact"] = false;  // an estimate (SearchRequest::exact_total)
    j["took_ms"] = std::round(results.took_ms * 1000) / 1000;  // to the microsecond
    j["match_ms"] = std::round(results.match_ms * 1000) / 1000;
    j["results"] = nlohmann::json::array();
    for (const Hit& hit : results.hits) {
      j["results"].push_back(results.ids_only ? nlohmann::json{{"id", hit.id}, {"score", hit.score}}
                                              : hit_json(hit));
    }
    j["facets"] = nlohmann::json::object();
    for (const Facet& facet : results.facets) {
      nlohmann::json values = nlohmann::json::array();
      for (const FacetValue& v : facet.values) {
        nlohmann::json value = {{"value", v.value}, {"count", v.count}};
        if (!v.id.empty()) value["id"] = v.id;
        values.push_back(std::move(value));
      }
      j["facets"][facet.name] = values;
    }
    out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
};

}  // namespace

void print_json_error(std::ostream& out, const std::string& query, const std::string& message) {
  const nlohmann::json j = {{"query", query}, {"error", message}};
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.flush();
}

std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace akhbar
