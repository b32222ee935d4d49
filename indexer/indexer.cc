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
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "bulk_builder.h"
#include "cluster_assigner.h"
#include "index/document_builder.h"
#include "entities/entity_extractor.h"
#include "index/facet_ordinals.h"
#include "entities/gazetteer.h"
#include "job_lock.h"
#include "progress_meter.h"
#include "index/schema.h"
#include "index/spelling.h"
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
  NearDuplicateSignature near_duplicate;
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

// A database a killed job began to create but never committed: a folder of
// Xapian's files only, with no revision file (iamglass) or an empty one.
// It holds nothing, so it is created again. "v.tmp" is the revision file
// Xapian writes before renaming it to iamglass.
bool is_xapian_file(const std::string& name) {
  return name == "flintlock" || name == "v.tmp" || name.rfind("iamglass", 0) == 0 ||
         name.rfind("changes", 0) == 0 || name.find(".glass") != std::string::npos;
}

// The first entry of a folder that is not one of Xapian's files, or "".
std::string foreign_file(const std::string& path) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_xapian_file(name)) return name;
  }
  return "";
}

bool half_created(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return false;
  const fs::path revision = fs::path(path) / "iamglass";
  if (fs::exists(revision, ec) && fs::file_size(revision, ec) > 0) return false;
  return foreign_file(path).empty();
}

// Xapian's own lock on a database can outlive a job killed a moment ago
// (the process that holds it for the job notices its death after a
// while); the job lock is ours, so its Xapian lock is only waited for.
Xapian::WritableDatabase open_writable(const std::string& path) {
  if (half_created(path)) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) std::filesystem::remove(entry, ec);
  }
  for (int attempt = 0;; ++attempt) {
    try {
      return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      if (attempt >= 100) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

// Opens (or creates) the Akhbar database at `path` for writing. Refuses
// what is not a database directory (a stub file, e.g. naming an inmemory
// database, would keep nothing) and a Xapian database that holds documents
// but not Akhbar's schema marker. The caller holds the job lock.
Xapian::WritableDatabase open_database(const std::string& path) {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_directory(status)) {
    throw IndexError("database " + path +
                     " is not a directory: akhbar-index writes a database directory, not a stub "
                     "file or any other file");
  }
  // A folder of other files is not a database: writing one there (and a
  // bulk build's swap at the end) would put the files at risk.
  if (std::filesystem::is_directory(status)) {
    if (const std::string other = foreign_file(path); !other.empty()) {
      throw IndexError("database " + path + " holds files that are not a database's (" + other +
                       "): not written; give a new or an Akhbar database directory");
    }
  }
  try {
    Xapian::WritableDatabase db = open_writable(path);
    if (db.get_metadata(schema::kSchemaKey).empty()) {
      if (db.get_doccount() > 0) {
        throw IndexError("database " + path + " is not an Akhbar database (no " +
                         schema::kSchemaKey + " marker): not written");
      }
      db.set_metadata(schema::kSchemaKey, "1");
    }
    return db;
  } catch (const Xapian::Error& e) {
    // Not another akhbar-index (the job lock says so): a read-only
    // directory, another Xapian writer, damage.
    throw IndexError("cannot write to database " + path + ": " + e.get_msg());
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

// The first fatal error of the job, from whichever thread meets it: an
// exception must not leave a thread (std::terminate), so each stage catches
// everything and keeps it here.
class FatalError {
 public:
  void set(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (what_.empty()) what_ = what.empty() ? "unknown error" : what;
  }
  std::string get() {
    std::lock_guard<std::mutex> lock(mutex_);
    return what_;
  }

 private:
  std::mutex mutex_;
  std::string what_;
};

void read_stage(const IndexSettings& settings, WorkQueue<Work>& work, ProblemLog& log,
                IndexSummary& summary, FatalError& fatal) {
  size_t seq = 0;
  try {
    read_corpus(
        settings.inputs, settings.reader,
        [&](Article&& article) {
          ++summary.read;
          // Each article is checked, and its problems reported, by the
          // partition that holds it; one without an id by partition 1.
          const Partition& part = settings.partition;
          const uint32_t home = article.id.empty() ? 1 : partition_of(article.id, part.count);
          if (part.count > 1 && home != part.index) {
            ++summary.other_partition;
            return;
          }
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
        [&](const Problem& p) {
          if (settings.reports_unpartitioned) log.report(p);
        });
  } catch (const Xapian::Error& e) {
    fatal.set("cannot read the input: " + e.get_description());
  } catch (const std::exception& e) {
    fatal.set(std::string("cannot read the input: ") + e.what());
  }
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

void analyse_stage(const BuildOptions& build, WorkQueue<Work>& work, WorkQueue<Built>& built,
                   FatalError& fatal) {
  try {
    while (std::optional<Work> w = work.pop()) {
      Built b{w->seq, w->article.id, "", std::nullopt, {}, {}, ""};
      try {
        b.doc = build_document(w->article, build, &b.names, &b.near_duplicate);
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
  } catch (const std::exception& e) {  // e.g. std::bad_alloc outside one article
    fatal.set(std::string("cannot analyse: ") + e.what());
    while (work.pop()) {  // so that the reader never waits for this thread
    }
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

// The writing stage: takes the analysed articles, in any order, and writes
// them in input order. The first error stops the writing (what follows is
// only counted as lost) and is kept in `fatal`: committed batches stay.
class WriteStage {
 public:
  WriteStage(const IndexSettings& settings, Xapian::WritableDatabase& db,
             std::optional<BulkBuilder>& bulk, ProblemLog& log, IndexSummary& summary,
             FatalError& fatal)
      : settings_(settings), db_(db), bulk_(bulk), facets_(db), clusters_(db, bulk.has_value()), log_(log), summary_(summary),
        fatal_(fatal), progress_(settings.progress) {}

  void take(Built&& b) {
    try {
      pending_.emplace(b.seq, std::move(b));
      for (auto it = pending_.find(next_seq_); it != pending_.end(); it = pending_.find(next_seq_)) {
        write(it->second);
        pending_.erase(it);
        ++next_seq_;
        progress_.update(summary_.indexed);
      }
    } catch (const Xapian::Error& e) {
      // A write error (disk full, I/O) is fatal: stop writing, keep
      // everything committed so far, and say so.
      fail("cannot write to " + settings_.db_path + ": " + e.get_msg());
    } catch (const std::exception& e) {
      fail("cannot write to " + settings_.db_path + ": " + e.what());
    }
  }

  // Commits the last batch, or merges a bulk build's shards. After an
  // error it merges nothing: the shards are removed and the target stays
  // empty, as it was.
  void finish() {
    progress_.finish();
    if (failed_) return;
    try {
      const auto write_start = std::chrono::steady_clock::now();
      spelling_.flush(db_);
      db_.commit();
      if (bulk_) {
        db_.close();
        if (settings_.before_merge) settings_.before_merge();
        summary_.database_docs = bulk_->finish();
      } else {
        summary_.database_docs = db_.get_doccount();
      }
      summary_.write_seconds += seconds_since(write_start);
    } catch (const Xapian::Error& e) {
      fail("cannot commit to " + settings_.db_path + ": " + e.get_msg());
    } catch (const std::exception& e) {
      fail("cannot write " + settings_.db_path + ": " + e.what());
    }
  }

 private:
  void fail(const std::string& what) {
    failed_ = true;
    fatal_.set(what);
  }

  void write(Built& item) {
    if (!item.doc) {
      Problem p;
      const size_t tab = item.origin.find('\t');
      p.file = item.origin.substr(0, tab);
      p.line = std::stoul(item.origin.substr(tab + 1));
      p.id = item.id;
      p.what = item.failure;
      log_.report(p);
      return;
    }
    if (failed_) return;
    const std::string term = id_term(item.id);
    facets_.annotate(*item.doc);
    set_cluster(*item.doc, clusters_.assign(item.id, item.near_duplicate));
    const auto write_start = std::chrono::steady_clock::now();
    if (bulk_) {
      if (bulk_->write(term, std::move(*item.doc))) ++summary_.replaced;
    } else {
      Xapian::PostingIterator old = db_.postlist_begin(term);
      if (old != db_.postlist_end(term)) {
        ++summary_.replaced;
        if (settings_.spelling) spelling_.remove(db_.get_document(*old));
      }
      db_.replace_document(term, *item.doc);
      if (settings_.spelling) spelling_.add(*item.doc);
    }
    // The first spelling seen of a name found by rule is the one shown.
    for (const auto& [id, name] : item.names) {
      if (named_.insert(id).second && db_.get_metadata(schema::entity_name_key(id)).empty()) {
        db_.set_metadata(schema::entity_name_key(id), name);
      }
    }
    ++summary_.indexed;
    if (++since_commit_ >= settings_.commit_every && !bulk_) {
      spelling_.flush(db_);
      db_.commit();
      since_commit_ = 0;
    }
    summary_.write_seconds += seconds_since(write_start);
  }

  const IndexSettings& settings_;
  Xapian::WritableDatabase& db_;
  std::optional<BulkBuilder>& bulk_;
  FacetDictionary facets_;
  ClusterAssigner clusters_;  // in input order, as the articles are written
  ProblemLog& log_;
  IndexSummary& summary_;
  FatalError& fatal_;
  ProgressMeter progress_;
  std::map<size_t, Built> pending_;  // out-of-order arrivals, by sequence
  std::unordered_set<std::string> named_;  // ids whose display name is stored
  SpellingCounts spelling_;  // of the batch in flight (writing in place)
  size_t next_seq_ = 0, since_commit_ = 0;
  bool failed_ = false;
};

}  // namespace

// Takes the job lock of the database at `path` (job_lock.h) or throws.
void check_job_lock(const JobLock& lock, const std::string& path) {
  if (lock.outcome() == JobLock::Outcome::Held) {
    throw IndexError("database " + path + " is locked: another akhbar-index is writing to it");
  }
  if (lock.outcome() == JobLock::Outcome::Failed) {
    throw IndexError("cannot write to database " + path + ": cannot lock " + lock.path() + ": " +
                     lock.error());
  }
}

void set_flush_threshold(size_t commit_every) {
  // We commit in batches ourselves; Xapian's own flush every 10,000
  // documents would only split our batches.
  setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(commit_every + 1).c_str(), 1);
}

std::optional<Gazetteer> load_job_gazetteer(const IndexSettings& settings, std::ostream& problems,
                                            IndexSummary& summary) {
  ProblemLog log(problems, summary);
  return load_gazetteer(settings, log);
}

IndexSummary run_index(const IndexSettings& settings, std::ostream& problems) {
  set_flush_threshold(settings.commit_every);
  IndexSummary gazetteer_summary;
  const std::optional<Gazetteer> gazetteer = load_job_gazetteer(settings, problems, gazetteer_summary);
  IndexSummary summary = run_index_job(settings, gazetteer ? &*gazetteer : nullptr, problems);
  summary.warnings += gazetteer_summary.warnings;
  return summary;
}

IndexSummary run_index_job(const IndexSettings& job_settings, const Gazetteer* gazetteer,
                           std::ostream& problems) {
  const JobLock lock(job_settings.db_path);  // held to the end of the merge
  check_job_lock(lock, job_settings.db_path);
  Xapian::WritableDatabase db = open_database(job_settings.db_path);
  IndexSettings settings = job_settings;
  try {  // the database's record decides (spelling.h); --no-spelling names a new one's
    settings.spelling = keeps_spelling(db, job_settings.spelling);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write to database " + settings.db_path + ": " + e.get_msg());
  }
  // A new (empty) database is built in shards and merged at the end
  // (bulk_builder.h); an existing one is updated in place, commit by commit,
  // so that searches see it grow.
  std::optional<BulkBuilder> bulk;
  if (settings.bulk && db.get_doccount() == 0) {
    bulk.emplace(settings.db_path, settings.commit_every, kBulkWriters, settings.spelling);
  }

  IndexSummary summary;
  ProblemLog log(problems, summary);
  std::optional<EntityExtractor> extractor;
  BuildOptions build = settings.build;
  if (gazetteer) build.entities = &extractor.emplace(*gazetteer);
  const auto start = std::chrono::steady_clock::now();
  WorkQueue<Work> work(512);
  WorkQueue<Built> built(512);
  FatalError fatal;
  WriteStage writer(settings, db, bulk, log, summary, fatal);

  // Started consumers first, so that if a thread cannot start, closing
  // `work` lets every started one end.
  std::vector<std::thread> analysers;
  std::thread closer, reader;
  try {
    for (unsigned i = 0; i < analysis_threads(settings); ++i) {
      analysers.emplace_back([&] { analyse_stage(build, work, built, fatal); });
    }
    closer = std::thread([&] {
      for (std::thread& t : analysers) t.join();
      built.close();
    });
    reader = std::thread([&] { read_stage(settings, work, log, summary, fatal); });
  } catch (const std::system_error& e) {
    work.close();
    if (closer.joinable()) {
      closer.join();
    } else {
      for (std::thread& t : analysers) t.join();
    }
    throw IndexError(std::string("cannot start a thread: ") + e.what());
  }
  while (std::optional<Built> b = built.pop()) writer.take(std::move(*b));
  closer.join();
  reader.join();
  if (fatal.get().empty()) writer.finish();
  summary.seconds = seconds_since(start);
  const std::string error = fatal.get();
  if (!error.empty()) throw IndexError(error);
  return summary;
}

std::string format_summary(const IndexSummary& s) {
  std::ostringstream out;
  char rate[96];
  snprintf(rate, sizeof rate, "%.1f s (writing %.1f s), %.0f articles/s", s.seconds,
           s.write_seconds, s.seconds > 0 ? s.indexed / s.seconds : 0.0);
  out << "read " << s.read << ", indexed " << s.indexed << " (" << s.replaced << " replaced), rejected "
      << s.rejected << ", warnings " << s.warnings << "; " << rate << "; database holds "
      << s.database_docs << " articles";
  if (s.other_partition > 0) out << "; " << s.other_partition << " left to other partitions";
  out << '\n';
  for (const auto& [reason, count] : s.rejection_reasons) {
    out << "  rejected " << count << ": " << reason << '\n';
  }
  return out.str();
}

}  // namespace akhbar
