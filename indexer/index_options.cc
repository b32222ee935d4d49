#include "index_options.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdint>
#include <sstream>

#include "data_dir.h"
#include "deleter.h"
#include "option_values.h"

namespace po = boost::program_options;

namespace akhbar {
namespace {

const char* const kUsage =
    "Usage: akhbar-index --db DIR [options] PATH...\n"
    "Reads Arabic articles from PATH (files or directories, .gz read transparently)\n"
    "and adds them to the Xapian database DIR. Re-indexing an id replaces it.\n\n";
const char* const kExitCodes =
    "\nExit status: 0 every article indexed (or deleted); 1 some input rejected or skipped\n"
    "(each said on stderr as file:line: id: what), or an id to delete not found;\n"
    "2 usage error or fatal error.\n";

std::pair<std::string, std::string> split_field(const std::string& spec) {
  const size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw UsageError("--field wants NAME=SOURCE, got '" + spec + "'");
  }
  static const char* const kCanonical[] = {"id",     "title",    "body", "date",
                                           "source", "category", "url",  "author"};
  const std::string name = spec.substr(0, eq);
  for (const char* c : kCanonical) {
    if (name == c) return {name, spec.substr(eq + 1)};
  }
  throw UsageError("--field: unknown field '" + name +
                   "' (id, title, body, date, source, category, url, author)");
}

// The bounds of the numeric options, stated in --help.
constexpr uint64_t kMaxThreads = 256;
constexpr uint64_t kMaxCommitEvery = 100000;  // a bulk writer queues a batch in memory
constexpr uint64_t kMaxBodyBytes = uint64_t{1} << 30;

// Converts the numeric options, read as text, into `s`.
void read_numbers(const po::variables_map& vm, IndexSettings& s) {
  const auto number = [&vm](const char* name, uint64_t min, uint64_t max) {
    try {
      return parse_whole_number(vm[name].as<std::string>(), std::string("--") + name, min, max);
    } catch (const OptionValueError& e) {
      throw UsageError(e.what());
    }
  };
  s.threads = static_cast<unsigned>(number("threads", 0, kMaxThreads));
  s.commit_every = number("commit-every", 1, kMaxCommitEvery);
  s.check.max_body_bytes = number("max-body-bytes", 0, kMaxBodyBytes);
  // The cap applies as the input is read, before bytes pile up.
  s.reader.max_article_bytes = article_bytes_for(s.check.max_body_bytes);
}

// The reader's options from --format, --field and --date.
void read_reader_options(const std::string& format, const std::vector<std::string>& fields,
                         const std::string& date, ReaderOptions& reader) {
  const auto parsed_format = parse_corpus_format(format);
  if (!parsed_format) throw UsageError("unknown --format '" + format + "'");
  reader.format = *parsed_format;
  for (const std::string& f : fields) reader.field_map.insert(split_field(f));
  if (!date.empty()) {
    reader.default_date = parse_date(date);
    if (!reader.default_date) throw UsageError("--date: cannot read date '" + date + "'");
  }
}

}  // namespace

IndexCommand parse_index_options(int argc, const char* const argv[]) {
  IndexCommand command;
  IndexSettings& s = command.settings;
  std::string format = "auto", date;
  std::vector<std::string> fields;
  bool no_progress = false, no_entities = false, no_bulk = false;
  std::string partition, shards;
  std::vector<std::string> delete_from;
  bool no_spelling = false;
  const std::string threads = std::to_string(s.threads);
  const std::string commit_every = std::to_string(s.commit_every);
  const std::string max_body_bytes = std::to_string(s.check.max_body_bytes);
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help")
      ("version", po::bool_switch(&command.version), "show the version")
      ("db", po::value(&s.db_path), "database directory (created if missing)")
      ("format", po::value(&format)->default_value(format),
       "input format: auto, trec, jsonl, json, csv, text")
      ("field", po::value(&fields)->composing(),
       "map a field: NAME=SOURCE, e.g. body=content (repeatable)")
      ("date", po::value(&date), "date for articles that have none (text files)")
      ("gazetteer", po::value(&s.gazetteers)->composing(), "extra gazetteer TSV file (repeatable)")
      ("data-dir", po::value(&command.data_dir), kDataDirHelp)
      ("commit-every", po::value<std::string>()->default_value(commit_every),
       "articles per commit, 1 to 100000 (in a new database: per batch of one writer thread)")
      ("no-bulk", po::bool_switch(&no_bulk),
       "build a new database commit by commit, so that searches see it grow "
       "(slower; default: in shards merged at the end)")
      ("threads", po::value<std::string>()->default_value(threads),
       "analysis threads, 0 to 256 (0: one per core)")
      ("max-body-bytes", po::value<std::string>()->default_value(max_body_bytes),
       "longer bodies are truncated to this, 0 to 1073741824; no article's input "
       "is held beyond 4 times this plus 1 MiB (longer input is cut or skipped, and reported)")
      ("partition", po::value(&partition),
       "K/N: index only partition K of N (by a stable hash of the id, so N jobs given the same "
       "input build N shards of one archive; README: Scaling out)")
      ("shards", po::value(&shards),
       "N: build DIR as an archive of N shards written in parallel, named by DIR/XAPIANDB; "
       "later jobs on DIR route each article to its shard")
      ("no-entities", po::bool_switch(&no_entities), "do not extract places and actors (faster)")
      ("no-progress", po::bool_switch(&no_progress), "no progress line on the terminal")
      ("no-spelling", po::bool_switch(&no_spelling),
       "build a new database without spelling data (no 'did you mean'); a database keeps what it was built with")
      ("delete", po::value(&command.delete_ids)->multitoken()->composing()->value_name("ID..."),
       "delete these articles instead of indexing (an id not found is reported, exit 1)")
      ("delete-from", po::value(&delete_from)->composing()->value_name("FILE"),
       "delete the ids FILE lists, one a line ('#' comments, blank lines skipped; - stdin)");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&s.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::ostringstream help;
      help << kUsage << visible << kExitCodes;
      command.help_text = help.str();
      return command;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (command.version) return command;
  if (s.db_path.empty()) throw UsageError("no database given (--db DIR)");
  read_numbers(vm, s);
  // "db/" is the database "db": its lock, shards and merge go beside it.
  while (s.db_path.size() > 1 && s.db_path.back() == '/') s.db_path.pop_back();
  if (vm.count("delete") || vm.count("delete-from")) {
    if (!s.inputs.empty()) throw UsageError("--delete takes ids, not PATH: index and delete in two runs");
    command.deleting = true;
    for (const std::string& file : delete_from) {
      for (std::string& id : read_id_list(file)) command.delete_ids.push_back(std::move(id));
    }
    return command;
  }
  if (s.inputs.empty()) throw UsageError("no input PATH given");
  read_reader_options(format, fields, date, s.reader);
  if (!partition.empty()) {
    const std::optional<Partition> p = parse_partition(partition);
    if (!p) {
      throw UsageError("--partition wants K/N with 1 <= K <= N <= " + std::to_string(kMaxPartitions) +
                       ", got '" + partition + "'");
    }
    s.partition = *p;
  }
  if (!shards.empty()) {
    const std::optional<Partition> p = parse_partition("1/" + shards);
    if (!p) {
      throw UsageError("--shards wants a number from 1 to " + std::to_string(kMaxPartitions) +
                       ", got '" + shards + "'");
    }
    if (s.partition.count > 1) throw UsageError("--shards and --partition go on different jobs");
    s.shards = p->count;
  }
  s.entities = !no_entities;
  s.bulk = !no_bulk;
  s.spelling = !no_spelling;
  s.progress = !no_progress && isatty(STDERR_FILENO);
  return command;
}

}  // namespace akhbar
