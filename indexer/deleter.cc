#include "deleter.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <xapian.h>

#include "index/database_spec.h"
#include "indexer.h"
#include "index/document_builder.h"
#include "index/schema.h"
#include "index/spelling.h"
#include "indexer.h"
#include "job_lock.h"

namespace akhbar {
namespace {

// One shard, locked and open for writing.
struct OpenShard {
  std::unique_ptr<JobLock> lock;
  std::optional<Xapian::WritableDatabase> db;
};

std::vector<ShardSpec> shards_of(const std::string& db_path) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) throw IndexError("no database " + db_path);
  try {
    return expand_database_spec(db_path);
  } catch (const DatabaseSpecError& e) {
    throw IndexError(e.what());
  }
}

OpenShard open_shard_for_delete(const ShardSpec& shard) {
  if (shard.remote) {
    throw IndexError("shard " + shard.name +
                     " is remote: delete on the machine that holds it (akhbar-index --db DIR --delete)");
  }
  OpenShard open;
  open.lock = std::make_unique<JobLock>(shard.path);
  check_job_lock(*open.lock, shard.path);
  try {
    open.db.emplace(shard.path, Xapian::DB_OPEN);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write to database " + shard.path + ": " + e.get_msg());
  }
  if (open.db->get_metadata(schema::kSchemaKey).empty() && open.db->get_doccount() > 0) {
    throw IndexError("database " + shard.path + " is not an Akhbar database (no " +
                     schema::kSchemaKey + " marker): not written");
  }
  return open;
}

// Deletes the document of `term` from `db` if it holds one.
bool delete_from(Xapian::WritableDatabase& db, const std::string& term) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return false;
  if (keeps_spelling(db)) remove_spelling_of(db, db.get_document(*p));
  db.delete_document(term);
  return true;
}

}  // namespace

DeleteSummary run_delete(const std::string& db_path, const std::vector<std::string>& ids,
                         std::ostream& problems) {
  std::vector<OpenShard> shards;
  for (const ShardSpec& spec : shards_of(db_path)) shards.push_back(open_shard_for_delete(spec));
  DeleteSummary summary;
  std::set<std::string> seen;
  try {
    for (const std::string& id : ids) {
      if (!seen.insert(id).second) continue;
      ++summary.asked;
      bool found = false;
      for (OpenShard& shard : shards) found = delete_from(*shard.db, id_term(id)) || found;
      if (found) {
        ++summary.deleted;
      } else {
        summary.missing.push_back(id);
        problems << id << ": id not found\n";
      }
    }
    for (OpenShard& shard : shards) {
      shard.db->commit();
      summary.database_docs += shard.db->get_doccount();
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot delete from " + db_path + ": " + e.get_msg());
  }
  return summary;
}

std::vector<std::string> read_id_list(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) throw IndexError("cannot read the id list " + path);
    in = &file;
  }
  std::vector<std::string> ids;
  std::string line;
  while (std::getline(*in, line)) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const size_t last = line.find_last_not_of(" \t\r");
    ids.push_back(line.substr(first, last - first + 1));
  }
  if (in->bad()) throw IndexError("cannot read the id list " + path);
  return ids;
}

std::string format_delete_summary(const DeleteSummary& s) {
  std::ostringstream out;
  out << "deleted " << s.deleted << " of " << s.asked << " ids";
  if (!s.missing.empty()) out << " (" << s.missing.size() << " not found)";
  out << "; database holds " << s.database_docs << " articles\n";
  return out.str();
}

}  // namespace akhbar
