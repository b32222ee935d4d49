#include "search_options.h"

#include <boost/program_options.hpp>
#include <sstream>

#include "data_dir.h"
#include "option_values.h"

namespace po = boost::program_options;

namespace akhbar {
namespace {

const char* const kUsage =
    "Usage: akhbar-search --db DIR [--db DIR2 ...] [options] QUERY\n"
    "Searches Akhbar databases. QUERY: words (all must match), \"phrases\", OR, NOT,\n"
    "-word, (groups), title:word. Facets count every match exactly.\n"
    "       akhbar-search --db DIR --show ID [QUERY]   (read one article)\n"
    "       akhbar-search --db DIR                      (on a terminal: interactive; :help)\n\n";

const char* const kExitCodes =
    "\nExit status: 0 answered (also when nothing matches); 1 some --batch line\n"
    "failed (its JSON line carries \"error\"); 2 usage error or fatal error.\n";

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

namespace {

// Values read as text and checked after parsing: numbers through
// parse_whole_number (Boost would read "-1" into a size_t as a huge value).
struct RawOptions {
  std::vector<std::string> words;
  std::string from, to, event_from, event_to, sort = "relevance", date_facet = "month", color = "auto";
  std::string bidi = "auto";
  std::string limit = "10", offset = "0", facet_limit = "20";
  bool no_facets = false, no_snippets = false;
  bool no_collapse = false;
};

po::options_description visible_options(SearchCommand& c, RawOptions& raw) {
  SearchRequest& r = c.request;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help")
      ("version", po::bool_switch(&c.version), "show the version")
      ("db", po::value(&c.db_paths)->composing(),
       "database directory or stub file (local paths, 'remote HOST:PORT' lines); repeatable: searched as one")
      ("allow-partial", po::bool_switch(&c.allow_partial),
       "answer from the remote shards that respond, naming those that do not")
      ("any", po::bool_switch(&r.match_any), "any word may match (OR) instead of all (AND)")
      ("from", po::value(&raw.from), "published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
      ("to", po::value(&raw.to), "published on or before: YYYY, YYYY-MM or YYYY-MM-DD")
      ("event-from", po::value(&raw.event_from), "speaks of a date on or after: YYYY, YYYY-MM or YYYY-MM-DD")
      ("event-to", po::value(&raw.event_to), "speaks of a date on or before: YYYY, YYYY-MM or YYYY-MM-DD")
      ("source", po::value(&r.filters.sources)->composing(), "only this source (repeatable: any of)")
      ("category", po::value(&r.filters.categories)->composing(),
       "only this category (repeatable: any of)")
      ("place", po::value(&r.filters.places)->composing(),
       "mentions this place or a place in it: Arabic name, variant, English name or id (repeatable: any of)")
      ("actor", po::value(&r.filters.actors)->composing(),
       "mentions this person or organization (repeatable: any of)")
      ("gazetteer", po::value(&c.gazetteer_files)->composing(), "extra gazetteer TSV file (repeatable)")
      ("data-dir", po::value(&c.data_dir), kDataDirHelp)
      ("limit", po::value(&raw.limit)->default_value(raw.limit), "results to show (0 to 10000)")
      ("offset", po::value(&raw.offset)->default_value(raw.offset), "results to skip")
      ("sort", po::value(&raw.sort)->default_value(raw.sort), "relevance or date (newest first)")
      ("date-facet", po::value(&raw.date_facet)->default_value(raw.date_facet), "year, month or day")
      ("facet-limit", po::value(&raw.facet_limit)->default_value(raw.facet_limit),
       "values shown per facet, 0 to 1000000 (dates: all)")
      ("no-facets", po::bool_switch(&raw.no_facets), "do not count facets (faster)")
      ("no-snippets", po::bool_switch(&raw.no_snippets), "do not cut snippets")
      ("ids-only", po::bool_switch(&r.ids_only),
       "results as ids and scores only (text: one 'id<TAB>score' line each)")
      ("no-collapse", po::bool_switch(&raw.no_collapse),
       "show every copy of a story (default: one per near-duplicate cluster, '+N similar')")
      ("like", po::value(&r.like_id), "articles most like the article of this id (instead of a QUERY)")
      ("json", po::bool_switch(&c.json), "print one JSON object")
      ("batch", po::value(&c.batch_file), "run one query per line of FILE ('-': stdin), JSON lines out")
      ("color", po::value(&raw.color)->default_value(raw.color),
       "auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never")
      // Terminal output: docs/terminal.md.
      ("show", po::value(&c.show_id), "print the stored article with this id (a QUERY marks its words)")
      ("bidi", po::value(&raw.bidi)->default_value(raw.bidi),
       "reorder and join Arabic for terminals without bidi: auto, always or never")
      ("no-pager", po::bool_switch(&c.no_pager), "do not page long output on a terminal");
  return visible;
}

// "-سوريا" is an excluded word, not an option: a '-' before a letter that
// is not ASCII starts no option name.
std::pair<std::string, std::string> excluded_word(const std::string& token) {
  if (token.size() > 1 && token[0] == '-' && static_cast<unsigned char>(token[1]) >= 0x80) {
    return {"query", token};
  }
  return {};
}

template <typename Fn>
auto checked(Fn&& fn) {
  try {
    return fn();
  } catch (const OptionValueError& e) {
    throw SearchUsageError(e.what());
  }
}

void check_ordered(const std::optional<Date>& from, const std::optional<Date>& to, const char* from_name,
                   const char* to_name) {
  if (from && to && *to < *from) {
    throw SearchUsageError(std::string(from_name) + " " + from->iso() + " is after " + to_name + " " +
                           to->iso() + ": the range holds no date");
  }
}

void read_filters(const RawOptions& raw, Filters& f) {
  if (!raw.from.empty()) f.from = date_bound(raw.from, false, "--from");
  if (!raw.to.empty()) f.to = date_bound(raw.to, true, "--to");
  if (!raw.event_from.empty()) f.event_from = date_bound(raw.event_from, false, "--event-from");
  if (!raw.event_to.empty()) f.event_to = date_bound(raw.event_to, true, "--event-to");
  check_ordered(f.from, f.to, "--from", "--to");
  check_ordered(f.event_from, f.event_to, "--event-from", "--event-to");
  const std::pair<const char*, const std::vector<std::string>*> named[] = {
      {"--source", &f.sources}, {"--category", &f.categories}, {"--place", &f.places}, {"--actor", &f.actors}};
  for (const auto& entry : named) {
    const char* option = entry.first;  // a lambda may not capture a structured binding (C++17)
    for (const std::string& v : *entry.second) checked([&] { return require_name(v, option); });
  }
}

void read_numbers(const RawOptions& raw, SearchRequest& r) {
  r.limit = checked([&] { return parse_whole_number(raw.limit, "--limit", 0, kMaxLimit); });
  // Xapian counts documents in 32 bits: an offset past that would wrap.
  r.offset = checked([&] { return parse_whole_number(raw.offset, "--offset", 0, kMaxOffset); });
  r.facet_limit = checked([&] { return parse_whole_number(raw.facet_limit, "--facet-limit", 0, kMaxFacetLimit); });
}

}  // namespace

SearchCommand parse_search_options(int argc, const char* const argv[], bool on_terminal) {
  SearchCommand c;
  SearchRequest& r = c.request;
  RawOptions raw;
  const po::options_description visible = visible_options(c, raw);
  po::options_description hidden;
  hidden.add_options()("query", po::value(&raw.words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).extra_parser(excluded_word).run(), vm);
    if (vm.count("help")) {
      std::ostringstream help;
      help << kUsage << visible << kExitCodes;
      c.help_text = help.str();
      return c;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw SearchUsageError(e.what());
  }
  if (c.version) return c;
  if (c.db_paths.empty()) throw SearchUsageError("no database given (--db DIR)");
  for (const std::string& w : raw.words) r.query += (r.query.empty() ? "" : " ") + w;
  if (vm.count("show") && c.show_id.empty()) throw SearchUsageError("--show wants an article id");
  if (vm.count("like") && r.like_id.empty()) throw SearchUsageError("--like wants an article id");
  if (!r.like_id.empty() && (!raw.words.empty() || !c.batch_file.empty() || !c.show_id.empty())) {
    throw SearchUsageError("give either --like ID or a QUERY (or --batch FILE, --show ID), not both");
  }
  c.interactive = on_terminal && c.batch_file.empty() && c.show_id.empty() && raw.words.empty() &&
                  r.like_id.empty();
  if (c.batch_file.empty() && raw.words.empty() && c.show_id.empty() && r.like_id.empty() &&
      !c.interactive) {
    throw SearchUsageError("no QUERY given");
  }
  if (!c.show_id.empty() && !c.batch_file.empty()) throw SearchUsageError("give either --show ID or --batch FILE, not both");
  if (!c.batch_file.empty() && !raw.words.empty()) {
    throw SearchUsageError("give either a QUERY or --batch FILE, not both");
  }
  if (r.query.size() > kMaxQueryBytes) {
    throw SearchUsageError("the query is longer than " + std::to_string(kMaxQueryBytes) +
                           " bytes, the most a query may have");
  }
  read_filters(raw, r.filters);
  read_numbers(raw, r);
  r.sort = one_of<SortOrder>(raw.sort, "--sort", {{"relevance", SortOrder::Relevance}, {"date", SortOrder::Date}});
  r.date_facet = one_of<DateGranularity>(
      raw.date_facet, "--date-facet",
      {{"year", DateGranularity::Year}, {"month", DateGranularity::Month}, {"day", DateGranularity::Day}});
  c.color = one_of<ColorMode>(raw.color, "--color",
                              {{"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}});
  c.bidi = one_of<BidiMode>(raw.bidi, "--bidi",
                            {{"auto", BidiMode::Auto}, {"always", BidiMode::Always}, {"never", BidiMode::Never}});
  r.facets = !raw.no_facets;
  r.collapse = !raw.no_collapse;
  r.snippets = !raw.no_snippets && !r.ids_only;
  if (!c.batch_file.empty()) c.json = true;
  if (r.ids_only && !c.json) {  // the text form shows neither facets nor a total
    r.facets = false;
    r.exact_total = false;
  }
  return c;
}

}  // namespace akhbar
