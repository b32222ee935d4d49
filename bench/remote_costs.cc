// akhbar-remote-costs: what each step of a search costs over remote shards,
// timed apart, so that bench/shards.py's latencies can be read.
//
//   akhbar-remote-costs --shard HOST:PORT [--shard HOST:PORT ...]
//                       [--reps 200] [--limit 10]
//
// Times, over the shards searched as one (medians over `reps`, in ms):
//   round trip       one keep-alive message to the first shard: the floor of
//                    any remote call;
//   reopen           every shard reopened (Database::reopen: one after another),
//                    and the same on threads of their own, one a shard;
//   match            a one-term query's top `limit` (Enquire::get_mset): the
//                    statistics round and the match round to every shard;
//   documents        that page's documents read one after another
//                    (MSetIterator::get_document, as Xapian 1.4 reads them)
//                    and from every shard at once (fetch_documents);
//   one document     one document of the first shard: data and every value.
// The queries cycle through 50 stems (Z terms) of the first shard held by
// 1 % to 10 % of its documents. Prints one JSON object. Not part of CI.
#include <algorithm>
#include <chrono>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "match/shard_documents.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::vector<std::pair<std::string, unsigned>> shards;
  int reps = 200;
  Xapian::doccount limit = 10;
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--shard") {
      const size_t colon = value.rfind(':');
      if (colon == std::string::npos) return false;
      o.shards.emplace_back(value.substr(0, colon), std::stoul(value.substr(colon + 1)));
    } else if (flag == "--reps") {
      o.reps = std::stoi(value);
    } else if (flag == "--limit") {
      o.limit = std::stoul(value);
    } else {
      return false;
    }
  }
  return !o.shards.empty() && o.reps > 0 && argc % 2 == 1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Milliseconds `step` takes, recorded under `name`.
void timed(std::map<std::string, std::vector<double>>& times, const std::string& name,
           const std::function<void()>& step) {
  const Clock::time_point start = Clock::now();
  step();
  times[name].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
}

// Each shard reopened on a thread of its own (the first on this one).
void reopen_at_once(std::vector<Xapian::Database>& shards) {
  std::vector<std::thread> threads;
  for (size_t k = 1; k < shards.size(); ++k) {
    threads.emplace_back([&shards, k] {
      try {
        shards[k].reopen();
      } catch (const Xapian::Error&) {  // the next step meets it on this thread
      }
    });
  }
  shards[0].reopen();
  for (std::thread& t : threads) t.join();
}

// Up to 50 stems of `db` held by 1 % to 10 % of its documents, spread over
// the alphabet.
std::vector<std::string> pick_terms(const Xapian::Database& db) {
  std::vector<std::string> fitting;
  const Xapian::doccount n = db.get_doccount();
  for (Xapian::TermIterator it = db.allterms_begin("Z"); it != db.allterms_end("Z"); ++it) {
    if (it.get_termfreq() >= n / 100 && it.get_termfreq() <= n / 10) fitting.push_back(*it);
  }
  std::vector<std::string> terms;
  const size_t step = std::max<size_t>(1, fitting.size() / 50);
  for (size_t i = 0; i < fitting.size() && terms.size() < 50; i += step) terms.push_back(fitting[i]);
  return terms;
}

int run(const Options& o) {
  std::vector<Xapian::Database> shards;
  Xapian::Database all;
  for (const auto& [host, port] : o.shards) {
    shards.push_back(Xapian::Remote::open(host, port));
    all.add_database(shards.back());
  }
  const std::vector<std::string> terms = pick_terms(shards[0]);
  if (terms.empty()) throw std::runtime_error("the first shard holds no stem in 1-10 % of its documents");
  std::map<std::string, std::vector<double>> t;
  for (int rep = 0; rep < o.reps; ++rep) {
    timed(t, "round_trip", [&] { shards[0].keep_alive(); });
    // Each pair of ways alternates which goes first, so that neither always
    // finds the servers' caches warmed by the other.
    const bool swap = rep % 2 == 1;
    auto reopen_one_by_one = [&] { timed(t, "reopen_one_by_one", [&] { all.reopen(); }); };
    auto reopen_threads = [&] { timed(t, "reopen_at_once", [&] { reopen_at_once(shards); }); };
    swap ? (reopen_threads(), reopen_one_by_one()) : (reopen_one_by_one(), reopen_threads());
    Xapian::Enquire enquire(all);
    enquire.set_query(Xapian::Query(terms[rep % terms.size()]));
    Xapian::MSet mset;
    timed(t, "match", [&] { mset = enquire.get_mset(0, o.limit); });
    const std::vector<Xapian::docid> ids(mset.begin(), mset.end());
    auto one_by_one = [&] {
      timed(t, "documents_one_by_one", [&] {
        for (auto it = mset.begin(); it != mset.end(); ++it) it.get_document().get_data();
      });
    };
    auto at_once = [&] { timed(t, "documents_at_once", [&] { akhbar::fetch_documents(shards, ids); }); };
    swap ? (at_once(), one_by_one()) : (one_by_one(), at_once());
    const Xapian::docid did = 1 + static_cast<Xapian::docid>(rep) % shards[0].get_lastdocid();
    timed(t, "one_document", [&] {
      try {
        shards[0].get_document(did);
      } catch (const Xapian::DocNotFoundError&) {
      }
    });
  }
  std::cout << "{\"shards\": " << shards.size() << ", \"reps\": " << o.reps << ", \"limit\": " << o.limit
            << ", \"median_ms\": {";
  const char* sep = "";
  std::cout << std::fixed << std::setprecision(3);
  for (const auto& [name, values] : t) {
    std::cout << sep << '"' << name << "\": " << median(values);
    sep = ", ";
  }
  std::cout << "}}\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::cerr << "usage: akhbar-remote-costs --shard HOST:PORT [--shard ...] [--reps N] [--limit N]\n";
    return 2;
  }
  try {
    return run(o);
  } catch (const Xapian::Error& e) {
    std::cerr << "akhbar-remote-costs: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "akhbar-remote-costs: " << e.what() << "\n";
  }
  return 2;
}
