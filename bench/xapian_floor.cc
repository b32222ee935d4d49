// akhbar-xapian-floor: what Xapian alone costs for Akhbar's own documents
// and queries; the floor under Akhbar's figures in the benchmark
// (bench/run.py, bench/README.md). Where Akhbar misses a target against a
// peer, this says how much of the gap Xapian's own code leaves. It ranks
// with Xapian's own length reads on purpose: akhbar-search --batch replaces
// them (searcher/bm25_source.h) and may go below this floor.
//
//   write --db INDEX --out DIR [--threads 2] [--batch 2000] [--no-positions]
//     Rebuilds every document of a finished Akhbar index in memory (terms,
//     wdf, positions, values, stored data: what the indexer gave Xapian),
//     then times writing them as the indexer's bulk build does
//     (indexer/bulk_builder.h): one shard per thread, batches dealt to the
//     threads in turn, one commit per batch, then one compaction of the
//     shards into DIR/merged. No reading, no analysis: Xapian's work only.
//     The documents are held in memory.
//     Written apart from BulkBuilder on purpose: a floor must leave out every
//     cost of ours (BulkBuilder's queues, replace by id term, freeing each
//     document on its writer); the documents are freed after the timing.
//
//   query --db INDEX --queries FILE [--passes 3] [--limit 10]
//     FILE is a latency set (bench/prepare_corpus.py): kind <TAB> query <TAB>
//     JSON list of akhbar-search options (filters). Each query is built as
//     akhbar-search builds it (build_ranked_query) and ranked by Xapian's
//     matcher with Akhbar's weighting (ranking.h), as the peers' recipes
//     time theirs: parse and top `limit`, no exact total, no document read
//     (rank_ms, which includes build_ms, the parse). Also timed: the same
//     with the exact total counted by the matcher (count_ms).
//     Per query, the median of `passes` timed passes after one untimed pass.
//     Queries with --place or --actor (they need the gazetteer) are skipped.
//
// Prints one JSON object on stdout; times of queries in milliseconds, of
// writing in seconds. Exit 2 on a usage error of the command itself; 1 on a
// database error or a latency line it cannot read (named by file and line).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "query/query_builder.h"
#include "match/ranking.h"
#include "search_options.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

uint64_t disk_bytes(const fs::path& dir) {
  uint64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) n += e.file_size();
  }
  return n;
}

// A document as the indexer handed it to Xapian, rebuilt from what Xapian
// stored of it.
Xapian::Document rebuild(const Xapian::Document& stored, bool positions) {
  Xapian::Document doc;
  doc.set_data(stored.get_data());
  for (auto v = stored.values_begin(); v != stored.values_end(); ++v) doc.add_value(v.get_valueno(), *v);
  for (auto t = stored.termlist_begin(); t != stored.termlist_end(); ++t) {
    const std::string term = *t;
    const Xapian::termcount wdf = t.get_wdf();
    if (positions && t.positionlist_count() > 0) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) doc.add_posting(term, *p, 0);
    }
    if (wdf == 0) {
      doc.add_boolean_term(term);
    } else {
      doc.add_term(term, wdf);
    }
  }
  return doc;
}

nlohmann::json run_write(const po::variables_map& vm) {
  const Xapian::Database source(vm["db"].as<std::string>());
  const fs::path out = vm["out"].as<std::string>();
  const unsigned threads = std::max(1u, vm["threads"].as<unsigned>());
  const size_t batch = std::max<size_t>(1, vm["batch"].as<size_t>());
  const bool positions = !vm.count("no-positions");

  auto start = Clock::now();
  std::vector<Xapian::Document> docs;
  docs.reserve(source.get_doccount());
  for (Xapian::PostingIterator it = source.postlist_begin(""); it != source.postlist_end(""); ++it) {
    docs.push_back(rebuild(source.get_document(*it), positions));
  }
  const double load_s = seconds_since(start);

  fs::remove_all(out);
  fs::create_directories(out);
  // As the indexer: Xapian's own flush would only split the batches.
  setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(batch + 1).c_str(), 1);
  start = Clock::now();
  std::vector<std::thread> writers;
  std::vector<std::string> failures(threads);
  for (unsigned w = 0; w < threads; ++w) {
    writers.emplace_back([&, w] {
      try {
        Xapian::WritableDatabase db((out / std::to_string(w)).string(), Xapian::DB_CREATE);
        for (size_t first = w * batch; first < docs.size(); first += threads * batch) {
          for (size_t i = first; i < std::min(docs.size(), first + batch); ++i) db.add_document(docs[i]);
          db.commit();
        }
      } catch (const Xapian::Error& e) {
        failures[w] = e.get_description();
      }
    });
  }
  for (std::thread& t : writers) t.join();
  for (const std::string& f : failures) {
    if (!f.empty()) throw std::runtime_error("writing a shard: " + f);
  }
  const double write_s = seconds_since(start);

  start = Clock::now();
  Xapian::Database shards;
  for (unsigned w = 0; w < threads; ++w) shards.add_database(Xapian::Database((out / std::to_string(w)).string()));
  shards.compact((out / "merged").string());
  const double compact_s = seconds_since(start);
  for (unsigned w = 0; w < threads; ++w) fs::remove_all(out / std::to_string(w));

  const double total_s = write_s + compact_s;
  return {{"mode", "write"},
          {"docs", docs.size()},
          {"threads", threads},
          {"batch", batch},
          {"positions", positions},
          {"load_s", load_s},
          {"write_s", write_s},
          {"compact_s", compact_s},
          {"total_s", total_s},
          {"articles_per_s", total_s > 0 ? docs.size() / total_s : 0.0},
          {"index_bytes", disk_bytes(out / "merged")}};
}

struct LatencyQuery {
  std::string kind;
  akhbar::SearchRequest request;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

// The query as akhbar-search ranks it; one that akhbar-search refuses (only
// stop words, say) matches nothing, as quickly as akhbar-search answers it.
Xapian::Query ranked_or_nothing(const akhbar::SearchRequest& request, const Xapian::Database& db) {
  try {
    return akhbar::build_ranked_query(request, &db);
  } catch (const akhbar::QueryError&) {
    return Xapian::Query();
  }
}

nlohmann::json run_query(const po::variables_map& vm) {
  const std::string db_path = vm["db"].as<std::string>();
  const Xapian::Database db(db_path);
  const unsigned passes = std::max(1u, vm["passes"].as<unsigned>());
  const Xapian::doccount limit = vm["limit"].as<Xapian::doccount>();

  const std::string file = vm["queries"].as<std::string>();
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::vector<LatencyQuery> queries;
  size_t skipped = 0, line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) {
      throw std::runtime_error(file + ":" + std::to_string(line_no) + ": expected kind, query and options");
    }
    // The options go through akhbar-search's own parser, so that a filter
    // means here what it means there.
    akhbar::SearchCommand command;
    try {
      std::vector<std::string> args = {"akhbar-search", "--db", db_path};
      for (const auto& option : nlohmann::json::parse(line.substr(tab2 + 1))) args.push_back(option.get<std::string>());
      args.push_back(line.substr(tab1 + 1, tab2 - tab1 - 1));
      std::vector<const char*> argv;
      for (const std::string& a : args) argv.push_back(a.c_str());
      command = akhbar::parse_search_options(static_cast<int>(argv.size()), argv.data());
    } catch (const std::exception& e) {  // JSON or akhbar-search's options
      throw std::runtime_error(file + ":" + std::to_string(line_no) + ": " + e.what());
    }
    if (!command.request.filters.places.empty() || !command.request.filters.actors.empty()) {
      ++skipped;
      continue;
    }
    queries.push_back({line.substr(0, tab1), std::move(command.request)});
  }

  auto ms_since = [](Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  };
  nlohmann::json rows = nlohmann::json::array();
  std::vector<std::vector<double>> build(queries.size()), rank(queries.size()), count(queries.size());
  std::vector<Xapian::doccount> totals(queries.size());
  // Ranking and counting in passes of their own, so that neither runs on
  // caches the other has just warmed for the same query.
  for (unsigned pass = 0; pass <= passes; ++pass) {
    for (size_t i = 0; i < queries.size(); ++i) {
      const akhbar::SearchRequest& request = queries[i].request;
      const auto start = Clock::now();
      double built = 0;
      {
        // The query, matcher and results are freed inside the time, as
        // they are inside akhbar-search's.
        const Xapian::Query query = ranked_or_nothing(request, db);
        built = ms_since(start);
        Xapian::Enquire enquire(db);
        akhbar::configure_ranking(enquire, query, request.sort);
        const Xapian::MSet top = enquire.get_mset(0, limit);
      }
      const double ranked = ms_since(start);
      if (pass == 0) continue;  // warms the caches, as the searcher's warm-up pass
      build[i].push_back(built);
      rank[i].push_back(ranked);
    }
    for (size_t i = 0; i < queries.size(); ++i) {
      const akhbar::SearchRequest& request = queries[i].request;
      const auto start = Clock::now();
      {
        Xapian::Enquire enquire(db);
        akhbar::configure_ranking(enquire, ranked_or_nothing(request, db), request.sort);
        totals[i] = enquire.get_mset(0, limit, db.get_doccount()).get_matches_estimated();
      }
      const double counted = ms_since(start);
      if (pass > 0) count[i].push_back(counted);
    }
  }
  for (size_t i = 0; i < queries.size(); ++i) {
    rows.push_back({{"kind", queries[i].kind},
                    {"build_ms", median(build[i])},
                    {"rank_ms", median(rank[i])},
                    {"count_ms", median(count[i])},
                    {"total", totals[i]}});
  }
  return {{"mode", "query"}, {"passes", passes}, {"limit", limit}, {"skipped", skipped}, {"queries", rows}};
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("Options");
  options.add_options()
      ("help,h", "show this help")
      ("db", po::value<std::string>(), "a finished Akhbar database")
      ("out", po::value<std::string>(), "write: scratch folder for the shards and the merged database")
      ("threads", po::value<unsigned>()->default_value(2), "write: writer threads, one shard each")
      ("batch", po::value<size_t>()->default_value(2000), "write: documents per commit")
      ("no-positions", "write: drop the positions (what they cost)")
      ("queries", po::value<std::string>(), "query: latency set (kind, query, JSON options)")
      ("passes", po::value<unsigned>()->default_value(3), "query: timed passes (median per query)")
      ("limit", po::value<Xapian::doccount>()->default_value(10), "query: hits ranked");
  po::options_description hidden;
  hidden.add_options()("mode", po::value<std::string>());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("mode", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: akhbar-xapian-floor write --db INDEX --out DIR | query --db INDEX --queries FILE\n";
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "akhbar-xapian-floor: " << e.what() << "\n" << usage;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << usage << options;
    return 0;
  }
  const std::string mode = vm.count("mode") ? vm["mode"].as<std::string>() : "";
  const bool write = mode == "write", query = mode == "query";
  if (!vm.count("db") || (!write && !query) || (write && !vm.count("out")) || (query && !vm.count("queries"))) {
    std::cerr << usage;
    return 2;
  }
  try {
    std::cout << (write ? run_write(vm) : run_query(vm)).dump() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "akhbar-xapian-floor: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "akhbar-xapian-floor: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
