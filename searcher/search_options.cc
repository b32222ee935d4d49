#include "search_options.h"

#include <boost/program_options.hpp>
#include <sstream>

namespace po = boost::program_options;

namespace akhbar {
namespace {

const char* const kUsage =
    "Usage: akhbar-search --db DIR [--db DIR2 ...] [options] QUERY\n"
    "Searches Akhbar databases. QUERY: words (all must match), \"phrases\", OR, NOT,\n"
    "-word, (groups), title:word. Facets count every match exactly.\n\n";

Date date_bound(const std::string& text, bool upper, const char* option) {
  const std::optional<Date> d = parse_date_bound(text, upper);
  if (!d) {
    throw SearchUsageError(std::string(option) + " wants YYYY, YYYY-MM or YYYY-MM-DD, got '" +
                           text + "'");
  }
  return *d;
}

template <typename T>
T one_of(const std::string& value, const char* option,
         std::initializer_list<std::pair<const char*, T>> choices) {
  std::string names;
  for (const auto& [name, v] : choices) {
    if (value == name) return v;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw SearchUsageError(std::string(option) + " must be one of " + names + ", got '" + value + "'");
}

}  // namespace

SearchCommand parse_search_options(int argc, const char* const argv[]) {
  SearchCommand c;
  SearchRequest& r = c.request;
  std::vector<std::string> words;
  std::string from, to, event_from, event_to, sort = "relevance", date_facet = "month", color = "auto";
  bool no_facets = false, no_snippets = false;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&c.db_paths)->composing(), "database directory (repeatable: searched as one)")
      ("any", po::bool_switch(&r.match_any), "any word may match (OR) instead of all (AND)")
      ("from", po::value(&from), "published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
      ("to", po::value(&to), "published on or before: YYYY, YYYY-MM or YYYY-MM-DD")
      ("event-from", po::value(&event_from), "speaks of a date on or after: YYYY, YYYY-MM or YYYY-MM-DD")
      ("event-to", po::value(&event_to), "speaks of a date on or before: YYYY, YYYY-MM or YYYY-MM-DD")
      ("source", po::value(&r.filters.sources)->composing(), "only this source (repeatable: any of)")
      ("category", po::value(&r.filters.categories)->composing(),
       "only this category (repeatable: any of)")
      ("place", po::value(&r.filters.places)->composing(),
       "mentions this place or a place in it: Arabic name, variant, English name or id (repeatable: any of)")
      ("actor", po::value(&r.filters.actors)->composing(),
       "mentions this person or organization (repeatable: any of)")
      ("gazetteer", po::value(&c.gazetteer_files)->composing(), "extra gazetteer TSV file (repeatable)")
      ("limit", po::value(&r.limit)->default_value(r.limit), "results to show")
      ("offset", po::value(&r.offset)->default_value(r.offset), "results to skip")
      ("sort", po::value(&sort)->default_value(sort), "relevance or date (newest first)")
      ("date-facet", po::value(&date_facet)->default_value(date_facet), "year, month or day")
      ("facet-limit", po::value(&r.facet_limit)->default_value(r.facet_limit),
       "values shown per facet (dates: all)")
      ("no-facets", po::bool_switch(&no_facets), "do not count facets (faster)")
      ("no-snippets", po::bool_switch(&no_snippets), "do not cut snippets")
      ("ids-only", po::bool_switch(&r.ids_only),
       "results as ids and scores only (text: one 'id<TAB>score' line each)")
      ("json", po::bool_switch(&c.json), "print one JSON object")
      ("batch", po::value(&c.batch_file), "run one query per line of FILE ('-': stdin), JSON lines out")
      ("color", po::value(&color)->default_value(color), "auto, always or never");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::ostringstream help;
      help << kUsage << visible;
      c.help_text = help.str();
      return c;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw SearchUsageError(e.what());
  }
  if (c.db_paths.empty()) throw SearchUsageError("no database given (--db DIR)");
  for (const std::string& w : words) r.query += (r.query.empty() ? "" : " ") + w;
  if (c.batch_file.empty() && words.empty()) throw SearchUsageError("no QUERY given");
  if (!c.batch_file.empty() && !words.empty()) {
    throw SearchUsageError("give either a QUERY or --batch FILE, not both");
  }
  if (!from.empty()) r.filters.from = date_bound(from, false, "--from");
  if (!to.empty()) r.filters.to = date_bound(to, true, "--to");
  if (!event_from.empty()) r.filters.event_from = date_bound(event_from, false, "--event-from");
  if (!event_to.empty()) r.filters.event_to = date_bound(event_to, true, "--event-to");
  r.sort = one_of<SortOrder>(sort, "--sort", {{"relevance", SortOrder::Relevance}, {"date", SortOrder::Date}});
  r.date_facet = one_of<DateGranularity>(
      date_facet, "--date-facet",
      {{"year", DateGranularity::Year}, {"month", DateGranularity::Month}, {"day", DateGranularity::Day}});
  c.color = one_of<ColorMode>(color, "--color",
                              {{"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}});
  if (r.limit > 10000) throw SearchUsageError("--limit is at most 10000");
  r.facets = !no_facets;
  r.snippets = !no_snippets && !r.ids_only;
  if (!c.batch_file.empty()) c.json = true;
  if (r.ids_only && !c.json) {  // the text form shows neither facets nor a total
    r.facets = false;
    r.exact_total = false;
  }
  return c;
}

}  // namespace akhbar
