#include "entities/gazetteer.h"

#include "data_dir.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/name_key.h"
#include "text/normalizer.h"
#include "text/string_util.h"
#include "text/tokenizer.h"
#include "text/utf8_repair.h"


namespace akhbar {
namespace {

// Fields and lines of a gazetteer file are read without spaces and CRs at
// their ends (tabs separate fields).
constexpr std::string_view kFieldTrim = " \r";

constexpr std::string_view kArticle = "\xd8\xa7\xd9\x84";  // ال
constexpr std::string_view kYa = "\xd9\x8a";               // ي

struct TypeName {
  EntityType type;
  const char* name;
};
constexpr TypeName kTypeNames[] = {
    {EntityType::Country, "country"}, {EntityType::Region, "region"},
    {EntityType::City, "city"},       {EntityType::Area, "area"},
    {EntityType::Person, "person"},   {EntityType::Organization, "organization"},
    {EntityType::Nationality, "nationality"},
};

// Normalized tokens of a name, as the tokenizer would produce them in text.
std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> out;
  for (Token& t : tokenize(name)) out.push_back(std::move(t.text));
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Nationality adjectives are written in the masculine singular (سوري); the
// other forms are regular: سوريه, سوريان, سوريين, سوريون, سوريتان, سوريتين,
// سوريات.
std::vector<std::string> inflections(const std::string& adjective) {
  static const char* const kSuffixes[] = {
      "\xd9\x87",                          // ه
      "\xd8\xa7\xd9\x86",                  // ان
      "\xd9\x8a\xd9\x86",                  // ين
      "\xd9\x88\xd9\x86",                  // ون
      "\xd8\xaa\xd8\xa7\xd9\x86",          // تان
      "\xd8\xaa\xd9\x8a\xd9\x86",          // تين
      "\xd8\xa7\xd8\xaa",                  // ات
  };
  std::vector<std::string> out;
  if (adjective.size() < kYa.size() ||
      adjective.compare(adjective.size() - kYa.size(), kYa.size(), kYa) != 0) {
    return out;
  }
  for (const char* suffix : kSuffixes) out.push_back(adjective + suffix);
  return out;
}

std::string english_country_name(const std::string& id) {
  if (id.size() != 4 || id.compare(0, 2, "c:") != 0) return "";
  icu::UnicodeString name;
  icu::Locale("", id.substr(2).c_str()).getDisplayCountry(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out == id.substr(2) ? "" : out;
}

}  // namespace

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (const TypeName& t : kTypeNames) {
    if (name == t.name) return t.type;
  }
  return std::nullopt;
}

const char* entity_type_name(EntityType type) {
  for (const TypeName& t : kTypeNames) {
    if (t.type == type) return t.name;
  }
  return "?";
}

EntityKind kind_of(EntityType type) {
  switch (type) {
    case EntityType::Person: return EntityKind::Person;
    case EntityType::Organization: return EntityKind::Organization;
    default: return EntityKind::Place;
  }
}

const char* entity_kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return "person";
    case EntityKind::Organization: return "organization";
    default: return "place";
  }
}

std::string GazetteerProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + what;
}

BareWord strip_article(std::string_view word) {
  if (word.size() >= kArticle.size() + 4 && word.compare(0, kArticle.size(), kArticle) == 0) {
    return {word.substr(kArticle.size()), true};
  }
  return {word, false};
}

const std::vector<std::string>& Gazetteer::default_files() {
  static const std::vector<std::string> files = {"places.tsv", "nationalities.tsv",
                                                 "places_extra.tsv", "actors.tsv"};
  return files;
}

std::string Gazetteer::default_dir() {
  return data_dir() + "/gazetteer";
}

Gazetteer Gazetteer::load(const std::string& dir, const std::vector<std::string>& user_files,
                          std::vector<GazetteerProblem>& problems) {
  Gazetteer g;
  for (const std::string& name : default_files()) {
    const std::string path = dir + "/" + name;
    if (!std::ifstream(path)) {
      problems.push_back({path, 0, "default gazetteer file missing or unreadable"});
      continue;
    }
    g.add_file(path, problems);
  }
  if (std::ifstream in(dir + "/" + kGivenNamesFile); in) {
    std::ostringstream text;
    text << in.rdbuf();
    g.add_given_names(text.str());
  }
  for (const std::string& path : user_files) g.add_file(path, problems);
  g.check_parents(problems);
  return g;
}

void Gazetteer::add_file(const std::string& path, std::vector<GazetteerProblem>& problems) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw GazetteerError(path + ": is a directory, not a gazetteer file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GazetteerError(path + ": cannot open gazetteer file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw GazetteerError(path + ": cannot read gazetteer file");
  const std::string content = text.str();
  if (content.find('\0') != std::string::npos || !is_valid_utf8(content)) {
    throw GazetteerError(path + ": not a gazetteer file (binary or not UTF-8 text)");
  }
  add_tsv(path, content, problems);
}

void Gazetteer::add_tsv(std::string_view name, std::string_view content,
                        std::vector<GazetteerProblem>& problems) {
  size_t line_no = 0;
  for (std::string_view line : split(content, '\n')) {
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> cols = split(line, '\t');
    auto bad = [&](const std::string& what) {
      problems.push_back({std::string(name), line_no, what});
    };
    if (cols.size() < 3 || cols.size() > 6) {
      bad("expected 3 to 6 tab-separated columns (id, type, arabic[, english, variants, parents]), got " +
          std::to_string(cols.size()));
      continue;
    }
    std::string error;
    const std::optional<uint32_t> entry = entry_for_row(cols, {std::string(name), line_no}, error);
    if (!entry) {
      bad(error);
      continue;
    }
    const uint32_t rank = next_rank_++;
    GazetteerEntry& e = entries_[*entry];
    // The display name is a variant too, unless listed with a mark (?مالي).
    std::vector<std::string_view> variants;
    if (cols.size() > 4 && !cols[4].empty()) variants = split(cols[4], '|', kFieldTrim);
    const bool display_marked = std::any_of(variants.begin(), variants.end(), [&](std::string_view v) {
      return v.size() > 1 && (v.front() == '?' || v.front() == '~') && v.substr(1) == cols[2];
    });
    if (!display_marked) variants.insert(variants.begin(), cols[2]);
    for (std::string_view v : variants) {
      const size_t start = v.find_first_not_of("?~");  // weak and descriptive marks
      if (start == std::string_view::npos) continue;
      const std::string_view text = v.substr(start);
      if (name_tokens(text).empty()) {
        bad("variant without a word: '" + std::string(v) + "'");
        continue;
      }
      if (std::find(e.variants.begin(), e.variants.end(), text) == e.variants.end()) {
        e.variants.emplace_back(text);
      }
      add_variant(*entry, v, rank);
    }
  }
}

std::optional<uint32_t> Gazetteer::entry_for_row(const std::vector<std::string_view>& cols,
                                                 const Origin& where, std::string& error) {
  auto fail = [&](const std::string& what) -> std::optional<uint32_t> {
    error = what;
    return std::nullopt;
  };
  const std::string id(cols[0]);
  if (id.empty() || id.find_first_of(" |") != std::string::npos) {
    return fail("bad id '" + id + "': must be non-empty, without spaces or '|'");
  }
  const std::optional<EntityType> type = parse_entity_type(cols[1]);
  if (!type) return fail("unknown type '" + std::string(cols[1]) + "' for " + id);
  if (cols[2].empty()) return fail("empty Arabic name for " + id);

  uint32_t entry;
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    entry = it->second;
    if (entries_[entry].type != *type) {
      return fail(id + " is already a " + entity_type_name(entries_[entry].type) + ", not a " +
                  std::string(cols[1]));
    }
    entries_[entry].arabic = std::string(cols[2]);  // the last row names it
  } else {
    entry = static_cast<uint32_t>(entries_.size());
    GazetteerEntry e;
    e.id = id;
    e.type = *type;
    e.arabic = std::string(cols[2]);
    entries_.push_back(std::move(e));
    by_id_.emplace(id, entry);
    if (*type == EntityType::Country && (cols.size() < 4 || cols[3].empty())) {
      if (std::string name = english_country_name(id); !name.empty()) {
        entries_[entry].english.push_back(name);
        add_lookup(normalize(name), entry);
      }
    }
  }
  GazetteerEntry& e = entries_[entry];
  if (cols.size() > 3 && !cols[3].empty()) {
    for (std::string_view name : split(cols[3], '|', kFieldTrim)) {
      if (name.empty()) continue;
      if (std::find(e.english.begin(), e.english.end(), name) == e.english.end()) {
        e.english.emplace_back(name);
      }
      add_lookup(join(name_tokens(name)), entry);
    }
  }
  if (cols.size() > 5 && !cols[5].empty()) {
    for (std::string_view parent : split(cols[5], '|', kFieldTrim)) {
      if (parent.empty() || parent == id) continue;
      if (std::find(e.parents.begin(), e.parents.end(), parent) == e.parents.end()) {
        e.parents.emplace_back(parent);
        parent_origins_.push_back({entry, where});
      }
    }
  }
  return entry;
}

void Gazetteer::add_lookup(std::string key, uint32_t entry) {
  if (key.empty()) return;
  std::vector<uint32_t>& list = by_name_[std::move(key)];
  if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
}

void Gazetteer::add_variant(uint32_t entry, std::string_view variant, uint32_t rank) {
  const bool weak = !variant.empty() && variant.front() == '?';
  if (weak) variant.remove_prefix(1);
  const bool descriptive = !variant.empty() && variant.front() == '~';
  if (descriptive) variant.remove_prefix(1);
  const bool nationality = entries_[entry].type == EntityType::Nationality;
  std::vector<std::vector<std::string>> forms = {name_tokens(variant)};
  if (nationality && forms[0].size() == 1) {
    for (std::string& f : inflections(forms[0][0])) forms.push_back({std::move(f)});
  }
  for (std::vector<std::string>& tokens : forms) {
    const std::string joined = join(tokens);
    add_lookup(joined, entry);
    const BareWord first = strip_article(tokens[0]);
    // resolve() accepts a name with or without its article.
    if (first.has_article) {
      add_lookup(joined.substr(kArticle.size()), entry);
    } else {
      add_lookup(std::string(kArticle) + joined, entry);
    }
    GazetteerPattern p;
    p.rest.assign(tokens.begin() + 1, tokens.end());
    p.entry = entry;
    p.rank = rank;
    p.first_has_article = first.has_article;
    p.weak = weak;
    p.descriptive = descriptive;
    p.article_optional = nationality;
    auto it = by_first_.find(first.bare);
    if (it == by_first_.end()) {
      key_storage_.emplace_back(first.bare);
      it = by_first_.emplace(std::string_view(key_storage_.back()),
                             std::vector<GazetteerPattern>{}).first;
      first_filter_.add_key(by_first_, it->first);
    }
    std::vector<GazetteerPattern>& list = it->second;
    const bool duplicate = std::any_of(list.begin(), list.end(), [&](const GazetteerPattern& q) {
      return q.entry == entry && q.rest == p.rest && q.first_has_article == p.first_has_article;
    });
    if (duplicate) continue;
    list.push_back(std::move(p));
    sort_patterns(list);
  }
}

void Gazetteer::sort_patterns(std::vector<GazetteerPattern>& list) const {
  std::stable_sort(list.begin(), list.end(),
                   [](const GazetteerPattern& a, const GazetteerPattern& b) {
                     if (a.rest.size() != b.rest.size()) return a.rest.size() > b.rest.size();
                     return a.rank > b.rank;
                   });
}

void Gazetteer::add_given_names(std::string_view content) {
  for (std::string_view line : split(content, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const bool ambiguous = line.front() == '?';
    if (ambiguous) line.remove_prefix(1);
    const std::string name = join(name_tokens(line));
    if (name.empty()) continue;
    auto it = given_names_.find(name);
    if (it == given_names_.end()) {
      key_storage_.push_back(name);
      it = given_names_.emplace(std::string_view(key_storage_.back()), NameClass::None).first;
      given_filter_.add_key(given_names_, it->first);
    }
    it->second = ambiguous ? NameClass::AmbiguousGiven : NameClass::Given;
  }
}

void Gazetteer::check_parents(std::vector<GazetteerProblem>& problems) const {
  std::unordered_set<std::string> reported;
  for (const auto& [entry, where] : parent_origins_) {
    for (const std::string& parent : entries_[entry].parents) {
      if (by_id_.count(parent) || !reported.insert(entries_[entry].id + " " + parent).second) continue;
      problems.push_back({where.file, where.line,
                          "unknown parent '" + parent + "' of " + entries_[entry].id});
    }
  }
}

size_t Gazetteer::count(EntityType type) const {
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(),
                                            [&](const GazetteerEntry& e) { return e.type == type; }));
}

const GazetteerEntry* Gazetteer::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

std::string Gazetteer::display_name(std::string_view id) const {
  if (const GazetteerEntry* e = find(id)) return e->arabic;
  if (id.size() > 2 && (id.compare(0, 2, "p:") == 0 || id.compare(0, 2, "o:") == 0)) {
    return std::string(id.substr(2));
  }
  return "";
}

std::optional<EntityType> Gazetteer::type(std::string_view id) const {
  if (const GazetteerEntry* e = find(id)) return e->type;
  if (id.compare(0, 2, "p:") == 0) return EntityType::Person;
  if (id.compare(0, 2, "o:") == 0) return EntityType::Organization;
  return std::nullopt;
}

std::vector<std::string> Gazetteer::resolve(std::string_view text, EntityKind kind) const {
  std::vector<std::string> out;
  auto accept = [&](const GazetteerEntry& e) {
    if (e.type == EntityType::Nationality || kind_of(e.type) != kind) return;
    if (std::find(out.begin(), out.end(), e.id) == out.end()) out.push_back(e.id);
  };
  const std::string_view trimmed = trim(text, kFieldTrim);
  if (const GazetteerEntry* e = find(trimmed)) accept(*e);
  const std::string key = join(name_tokens(trimmed));
  if (auto it = by_name_.find(key); it != by_name_.end()) {
    // Later-loaded entries first, as in text matching.
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) accept(entries_[*e]);
  }
  if (out.empty() && !key.empty() && kind != EntityKind::Place) {
    if (trimmed.size() > 2 && (trimmed.compare(0, 2, "p:") == 0 || trimmed.compare(0, 2, "o:") == 0)) {
      out.emplace_back(trimmed);
    } else {
      out.push_back((kind == EntityKind::Person ? "p:" : "o:") + name_key(key));
    }
  }
  return out;
}

std::vector<std::string> Gazetteer::ancestors(std::string_view id) const {
  std::vector<std::string> out;
  const GazetteerEntry* start = find(id);
  if (!start) return out;
  std::vector<const GazetteerEntry*> frontier = {start};
  std::unordered_set<std::string> seen = {start->id};
  for (size_t i = 0; i < frontier.size(); ++i) {
    for (const std::string& parent : frontier[i]->parents) {
      if (!seen.insert(parent).second) continue;
      if (const GazetteerEntry* p = find(parent)) {
        out.push_back(parent);
        frontier.push_back(p);
      }
    }
  }
  return out;
}

const std::vector<GazetteerPattern>* Gazetteer::patterns(std::string_view bare_first) const {
  if (!first_filter_.may_contain(bare_first)) return nullptr;
  auto it = by_first_.find(bare_first);
  return it == by_first_.end() ? nullptr : &it->second;
}

Gazetteer::NameClass Gazetteer::given_name(std::string_view word) const {
  if (!given_filter_.may_contain(word)) return NameClass::None;
  auto it = given_names_.find(word);
  return it == given_names_.end() ? NameClass::None : it->second;
}

}  // namespace akhbar
