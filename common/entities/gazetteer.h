// Gazetteer: the places and actors (persons, organizations) Akhbar knows by
// name, loaded from TSV files (format: corpus/gazetteer/README.md).
//
// Each entry has a stable id ("c:SY", "g:170063", "o:isis", "p:trump"), a type,
// an Arabic display name, English names, name variants and parents (a city's
// region and country; a nationality's country). Variants are indexed by their
// normalized token sequence (normalizer.h, tokenizer.h) for the entity
// extractor; ids, variants and English names are indexed for resolve(), which
// turns what a user typed (--place Damascus, --actor داعش) into ids.
//
// When several entries share a variant, the one loaded LAST wins in text
// matching: the default files are read from the most generic (places.tsv,
// generated) to the most specific (actors.tsv, written by hand), then the user
// files, so a user's entry overrides the defaults. A row whose id is already
// loaded adds its variants, English names and parents to that entry, and its
// Arabic name becomes the display name.
//
// Thread-safety: loading (add_*) is not thread-safe; once loaded, every const
// method may be called from any number of threads. Not copyable (the index
// points into the object); movable.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/word_filter.h"

namespace akhbar {

enum class EntityType : uint8_t { Country, Region, City, Area, Person, Organization, Nationality };

// What an entity counts as in facets and tags. A nationality counts as a place
// (its country).
enum class EntityKind : uint8_t { Place, Person, Organization };

// "country", "region", "city", "area", "person", "organization", "nationality".
std::optional<EntityType> parse_entity_type(std::string_view name);
const char* entity_type_name(EntityType type);
EntityKind kind_of(EntityType type);
const char* entity_kind_name(EntityKind kind);  // "place", "person", "organization"

struct GazetteerEntry {
  std::string id;
  EntityType type = EntityType::Area;
  std::string arabic;                // display name, as written
  std::vector<std::string> english;  // English names; the first is the display one
  std::vector<std::string> variants; // as written, display name first
  std::vector<std::string> parents;  // ids
};

// A line of a gazetteer file that was skipped, or a parent that does not exist.
struct GazetteerProblem {
  std::string file;
  size_t line = 0;  // 1-based; 0 for the whole file
  std::string what;

  std::string to_string() const;  // "file:line: what"
};

// A gazetteer file that cannot be read at all.
class GazetteerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How a variant is matched in running text (see EntityExtractor).
struct GazetteerPattern {
  std::vector<std::string> rest;  // normalized tokens after the first one
  uint32_t entry = 0;             // index into entries()
  uint32_t rank = 0;              // load order: higher wins among equal lengths
  bool first_has_article = false; // the first token starts with ال
  bool weak = false;              // "?" variant: only after a place preposition
  bool descriptive = false;       // "~" variant: a description, not a name (NER tags O)
  bool article_optional = false;  // nationality adjectives: السوري and سوري
};

class Gazetteer {
 public:
  // Files read from the default directory, in this order (later wins).
  static const std::vector<std::string>& default_files();  // places.tsv, ...
  // Lexicon of given names, one per line, in the same directory (optional).
  static constexpr const char* kGivenNamesFile = "given_names.txt";

  // data_dir() + "/gazetteer" (data_dir.h). Throws DataDirError when no
  // data directory is found.
  static std::string default_dir();

  // Loads the default files of `dir` (a missing file is skipped, with a
  // problem reported), then every user file. Throws GazetteerError when a
  // user file cannot be read, is a directory, or is not text (a NUL byte or
  // invalid UTF-8). Bad lines are skipped and reported.
  static Gazetteer load(const std::string& dir, const std::vector<std::string>& user_files,
                        std::vector<GazetteerProblem>& problems);

  Gazetteer() = default;
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Adds the rows of one TSV file. Throws GazetteerError if it cannot be read.
  void add_file(const std::string& path, std::vector<GazetteerProblem>& problems);
  // Adds the rows of TSV text; `name` is used in problems (for tests and tools).
  void add_tsv(std::string_view name, std::string_view content,
               std::vector<GazetteerProblem>& problems);
  // Adds given names ("?name" = also a common word), one per line.
  void add_given_names(std::string_view content);
  // Reports parents that name no entry. Call once after the last add_*.
  void check_parents(std::vector<GazetteerProblem>& problems) const;

  size_t size() const { return entries_.size(); }
  size_t count(EntityType type) const;
  const std::vector<GazetteerEntry>& entries() const { return entries_; }

  // The entry with this id, or nullptr.
  const GazetteerEntry* find(std::string_view id) const;
  // Display name of an id ("" if unknown); for "p:"/"o:" ids found by rule
  // and unknown to the gazetteer, the name after the prefix.
  std::string display_name(std::string_view id) const;
  std::optional<EntityType> type(std::string_view id) const;

  // The ids that `text` may mean, best first: an id; any variant (normalized,
  // with or without its article ال, clitics not stripped); an English name
  // (case-insensitive). Only entries of `kind` (a nationality never). For
  // Person and Organization, a text that matches nothing gives the id the
  // extractor uses for names found by rule: "p:"/"o:" + normalized text.
  std::vector<std::string> resolve(std::string_view text, EntityKind kind) const;

  // Every place containing `id`, nearest first (city → region → country →
  // world regions), without `id` itself. Empty for unknown ids.
  std::vector<std::string> ancestors(std::string_view id) const;

  // For the extractor: the patterns whose first token, article removed, is
  // `bare_first`, longest first and, among equal lengths, last loaded first.
  // nullptr if none.
  const std::vector<GazetteerPattern>* patterns(std::string_view bare_first) const;

  enum class NameClass : uint8_t { None, Given, AmbiguousGiven };
  // Whether a normalized word is a known given name (محمد, جورج); ambiguous
  // ones are also common words (علي = على, حسن "good").
  NameClass given_name(std::string_view normalized_word) const;

 private:
  struct Origin {
    std::string file;
    size_t line = 0;
  };
  // The entry a row adds to (new or, for a known id, the existing one); nullopt
  // with `error` set for a bad row.
  std::optional<uint32_t> entry_for_row(const std::vector<std::string_view>& cols,
                                        const Origin& where, std::string& error);
  void add_variant(uint32_t entry, std::string_view variant, uint32_t rank);
  void add_lookup(std::string key, uint32_t entry);
  void sort_patterns(std::vector<GazetteerPattern>& list) const;

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, uint32_t> by_id_;
  // Lookup keys for resolve(): normalized variants and English names.
  std::unordered_map<std::string, std::vector<uint32_t>> by_name_;
  // Text-matching index, keyed by the article-less first token. Keys live in
  // key_storage_ (a deque: stable addresses, also across moves).
  std::deque<std::string> key_storage_;
  std::unordered_map<std::string_view, std::vector<GazetteerPattern>> by_first_;
  std::unordered_map<std::string_view, NameClass> given_names_;  // keys in key_storage_
  // Most tokens are no key of either: the filters say so before the maps.
  WordFilter first_filter_, given_filter_;
  struct ParentOrigin {
    uint32_t entry;
    Origin where;  // the row that gave the parents, for check_parents()
  };
  std::vector<ParentOrigin> parent_origins_;
  uint32_t next_rank_ = 0;
};

// Splits a normalized word into its article-less form and whether it had the
// article: "الرقه" → {"رقه", true}; "دمشق" → {"دمشق", false}. The article is
// only taken off when at least two letters remain.
struct BareWord {
  std::string_view bare;
  bool has_article = false;
};
BareWord strip_article(std::string_view normalized_word);

}  // namespace akhbar
