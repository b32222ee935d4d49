#include "indexer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "bulk_builder.h"
#include "document_builder.h"
#include "entity_extractor.h"
#include "facet_ordinals.h"
#include "gazetteer.h"
#include "progress_meter.h"
#include "work_queue.h"

namespace akhbar {
namespace {

struct Work {
  size_t seq;
  Article article;
};

struct Built {
  size_t seq;
  std::string id;
  std::string origin;               // "file:line" for problems found late
  std::optional<Xapian::Document> doc;  // empty: analysis failed
  EntityNames names;
  std::string failure;
};

// Problems arrive from the reader thread and from analysers; one lock keeps
// each line whole and the counts right.
class ProblemLog {
 public:
  ProblemLog(std::ostream& out, IndexSummary& summary) : out_(out), summary_(summary) {}

  void report(const Problem& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    out_ << p.to_string() << '\n';
    if (p.severity == Problem::Severity::Error) {
      ++summary_.rejected;
      ++summary_.rejection_reasons[reason_class(p.what)];
    } else {
      ++summary_.warnings;
    }
  }

 private:
  // The reason without its details (numbers, quotes), so that the summary
  // groups "truncated gzip after 10 articles" with "... after 3 articles".
  static std::string reason_class(const std::string& what) {
    std::string out;
    for (char c : what) {
      if (c == ':' || c == '(' || c == '\'' || c == '"') break;
      if (c >= '0' && c <= '9') continue;
      out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? what : out;
  }

  std::mutex mutex_;
  std::ostream& out_;
  IndexSummary& summary_;
};

Xapian::WritableDatabase open_database(const std::string& path) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    if (db.get_metadata("akhbar.schema").empty()) db.set_metadata("akhbar.schema", "1");
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + path + " is locked: another akhbar-index is writing to it");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database " + path + ": " + e.get_msg());
  }
}

Problem problem_at(const Article& a, std::string what, Problem::Severity severity) {
  Problem p;
  p.severity = severity;
  p.file = a.origin_file;
  p.line = a.origin_line;
  p.id = a.id;
  p.what = std::move(what);
  return p;
}

void read_stage(const IndexSettings& settings, WorkQueue<Work>& work, ProblemLog& log,
                IndexSummary& summary) {
  size_t seq = 0;
  read_corpus(
      settings.inputs, settings.reader,
      [&](Article&& article) {
        ++summary.read;
        const ArticleCheck check = check_article(article, settings.check);
        if (check.rejection) {
          log.report(problem_at(article, *check.rejection, Problem::Severity::Error));
          return;
        }
        if (check.warning) {
          log.report(problem_at(article, *check.warning, Problem::Severity::Warning));
        }
        work.push(Work{seq++, std::move(article)});
      },
      [&](const Problem& p) { log.report(p); });
  work.close();
}

// The gazetteer, loaded once for the whole job; its problems are warnings.
std::optional<Gazetteer> load_gazetteer(const IndexSettings& settings, ProblemLog& log) {
  if (!settings.entities) return std::nullopt;
  std::vector<GazetteerProblem> problems;
  try {
    Gazetteer g = Gazetteer::load(Gazetteer::default_dir(), settings.gazetteers, problems);
    for (const GazetteerProblem& gp : problems) {
      Problem p;
      p.severity = Problem::Severity::Warning;
      p.file = gp.file;
      p.line = gp.line;
      p.what = "gazetteer: " + gp.what;
      log.report(p);
    }
    return g;
  } catch (const GazetteerError& e) {
    throw IndexError(e.what());
  }
}

void analyse_stage(const BuildOptions& build, WorkQueue<Work>& work, WorkQueue<Built>& built) {
  while (std::optional<Work> w = work.pop()) {
    Built b{w->seq, w->article.id, "", std::nullopt, {}, ""};
    try {
      b.doc = build_document(w->article, build, &b.names);
    } catch (const Xapian::Error& e) {
      b.failure = "cannot analyse: " + e.get_msg();
    } catch (const std::exception& e) {
      b.failure = std::string("cannot analyse: ") + e.what();
    }
    if (!b.doc) {
      b.origin = w->article.origin_file + "\t" + std::to_string(w->article.origin_line);
    }
    built.push(std::move(b));
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Shard writers of a bulk build: on ANT with two cores, one writer in
// shards was no faster than writing in place, two were (bulk_builder.h);
// three were no faster than two.
constexpr unsigned kBulkWriters = 2;

unsigned analysis_threads(const IndexSettings& settings) {
  if (settings.threads > 0) return settings.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexSummary run_index(const IndexSettings& settings, std::ostream& problems) {
  // We commit in batches ourselves; Xapian's own flush every 10,000
  // documents would only split our batches.
  setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(settings.commit_every + 1).c_str(), 1);
  Xapian::WritableDatabase db = open_database(settings.db_path);
  FacetDictionary facet_dictionary(db);
  // A new (empty) database is built in shards and merged at the end
  // (bulk_builder.h); an existing one is updated in place, commit by commit,
  // so that searches see it grow.
  std::optional<BulkBuilder> bulk;
  if (settings.bulk && db.get_doccount() == 0) {
    bulk.emplace(settings.db_path, settings.commit_every, kBulkWriters);
  }

  IndexSummary summary;
  ProblemLog log(problems, summary);
  const std::optional<Gazetteer> gazetteer = load_gazetteer(settings, log);
  std::optional<EntityExtractor> extractor;
  BuildOptions build = settings.build;
  if (gazetteer) build.entities = &extractor.emplace(*gazetteer);
  const auto start = std::chrono::steady_clock::now();
  WorkQueue<Work> work(512);
  WorkQueue<Built> built(512);

  std::thread reader([&] { read_stage(settings, work, log, summary); });
  std::vector<std::thread> analysers;
  const unsigned n_threads = analysis_threads(settings);
  for (unsigned i = 0; i < n_threads; ++i) {
    analysers.emplace_back([&] { analyse_stage(build, work, built); });
  }
  std::thread closer([&] {
    for (std::thread& t : analysers) t.join();
    built.close();
  });

  ProgressMeter progress(settings.progress);
  std::map<size_t, Built> pending;  // out-of-order arrivals, by sequence
  std::unordered_set<std::string> named;  // ids whose display name is stored
  size_t next_seq = 0, since_commit = 0;
  std::string fatal;
  while (std::optional<Built> b = built.pop()) {
    pending.emplace(b->seq, std::move(*b));
    for (auto it = pending.find(next_seq); it != pending.end(); it = pending.find(next_seq)) {
      Built& item = it->second;
      if (!item.doc) {
        Problem p;
        const size_t tab = item.origin.find('\t');
        p.file = item.origin.substr(0, tab);
        p.line = std::stoul(item.origin.substr(tab + 1));
        p.id = item.id;
        p.what = item.failure;
        log.report(p);
      } else if (fatal.empty()) {
        try {
          const std::string term = id_term(item.id);
          facet_dictionary.annotate(*item.doc);
          const auto write_start = std::chrono::steady_clock::now();
          if (bulk) {
            if (bulk->write(term, std::move(*item.doc))) ++summary.replaced;
          } else {
            if (db.term_exists(term)) ++summary.replaced;
            db.replace_document(term, *item.doc);
          }
          // The first spelling seen of a name found by rule is the one shown.
          for (const auto& [id, name] : item.names) {
            if (named.insert(id).second && db.get_metadata(entity_name_key(id)).empty()) {
              db.set_metadata(entity_name_key(id), name);
            }
          }
          ++summary.indexed;
          if (++since_commit >= settings.commit_every && !bulk) {
            db.commit();
            since_commit = 0;
          }
          summary.write_seconds += seconds_since(write_start);
        } catch (const Xapian::Error& e) {
          // A write error (disk full, I/O) is fatal: stop writing, keep
          // everything committed so far, and say so.
          fatal = "cannot write to " + settings.db_path + ": " + e.get_msg();
        }
      }
      pending.erase(it);
      ++next_seq;
      progress.update(summary.indexed);
    }
  }
  closer.join();
  reader.join();
  progress.finish();
  // A bulk build merges its shards here. After a write error it merges
  // nothing: the shards are removed and the target stays empty, as it was.
  if (fatal.empty()) {
    try {
      const auto write_start = std::chrono::steady_clock::now();
      db.commit();
      if (bulk) {
        db.close();
        summary.database_docs = bulk->finish();
      } else {
        summary.database_docs = db.get_doccount();
      }
      summary.write_seconds += seconds_since(write_start);
    } catch (const Xapian::Error& e) {
      fatal = "cannot commit to " + settings.db_path + ": " + e.get_msg();
    } catch (const std::filesystem::filesystem_error& e) {
      fatal = "cannot write " + settings.db_path + ": " + e.what();
    }
  }
  summary.seconds = seconds_since(start);
  if (!fatal.empty()) throw IndexError(fatal);
  return summary;
}

std::string format_summary(const IndexSummary& s) {
  std::ostringstream out;
  char rate[96];
  snprintf(rate, sizeof rate, "%.1f s (writing %.1f s), %.0f articles/s", s.seconds,
           s.write_seconds, s.seconds > 0 ? s.indexed / s.seconds : 0.0);
  out << "read " << s.read << ", indexed " << s.indexed << " (" << s.replaced << " replaced), rejected "
      << s.rejected << ", warnings " << s.warnings << "; " << rate << "; database holds "
      << s.database_docs << " articles\n";
  for (const auto& [reason, count] : s.rejection_reasons) {
    out << "  rejected " << count << ": " << reason << '\n';
  }
  return out.str();
}

}  // namespace akhbar
