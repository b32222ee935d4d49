// Database specs: what a --db value names, shard by shard, as Xapian reads
// it: a database directory; a stub (a file, or a directory holding a file
// XAPIANDB) of one line per shard — a path (bare, or after "auto", "glass"
// or "chert"; relative to the stub's folder), "remote HOST:PORT" (a
// database served by xapian-tcpsrv) or "remote :PROGRAM ARGS" (one served
// over a program's pipes, e.g. ssh to xapian-progsrv) — nested stubs
// included; blank lines and '#' comments are skipped. The searcher opens
// the shards one by one so that it can name a shard that fails, leave it
// out when allowed, and keep its fast paths for local shards.
// Thread-safe (pure functions; opening touches only the new handle).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar {

struct DatabaseSpecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ShardSpec {
  std::string name;  // for messages: the directory, "HOST:PORT" or ":PROGRAM ARGS"
  bool remote = false;
  std::string path;                 // local: the database directory
  std::string host;                 // remote over TCP
  unsigned port = 0;
  std::string program, arguments;   // remote over a program's pipes
};

// The shards `spec` names, in order. Throws DatabaseSpecError naming the
// spec (and the stub's line) that names nothing Akhbar can search: no such
// file, a line it cannot read, an in-memory database, a stub that names
// itself.
std::vector<ShardSpec> expand_database_spec(const std::string& spec);

// Opens one shard. Throws Xapian::Error (NetworkError for a remote one that
// does not answer, DatabaseOpeningError for a local one).
Xapian::Database open_shard(const ShardSpec& shard);

}  // namespace akhbar
