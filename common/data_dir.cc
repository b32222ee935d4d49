#include "data_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef AKHBAR_DATA_DIR
#define AKHBAR_DATA_DIR "corpus"
#endif

namespace akhbar {
namespace {

namespace fs = std::filesystem;

bool holds_data(const std::string& dir) {
  std::error_code ec;
  return fs::is_directory(fs::path(dir) / "gazetteer", ec);
}

std::string beside_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return "";
  return (exe.parent_path().parent_path() / "share" / "akhbar").string();
}

std::string& chosen_option() {
  static std::string option;
  return option;
}

std::string given(const std::string& dir, const char* how) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataDirError(std::string(how) + " " + dir + ": no such directory");
  if (!holds_data(dir)) {
    throw DataDirError(std::string(how) + " " + dir + ": not Akhbar's data (no gazetteer/ folder in it)");
  }
  return dir;
}

}  // namespace

std::vector<std::string> default_data_dirs() {
  std::vector<std::string> dirs;
  const std::string beside = beside_executable();
  if (!beside.empty()) dirs.push_back(beside);
  dirs.push_back(AKHBAR_DATA_DIR);
  return dirs;
}

std::string find_data_dir(const std::string& option) {
  if (!option.empty()) return given(option, "--data-dir");
  if (const char* env = std::getenv("AKHBAR_DATA_DIR"); env && *env) return given(env, "AKHBAR_DATA_DIR");
  std::string looked;
  for (const std::string& dir : default_data_dirs()) {
    if (holds_data(dir)) return dir;
    looked += (looked.empty() ? "" : ", ") + dir;
  }
  throw DataDirError("no data directory found (looked in " + looked +
                     "); give --data-dir DIR or set AKHBAR_DATA_DIR");
}

void use_data_dir_option(const std::string& option) {
  if (!option.empty()) given(option, "--data-dir");
  chosen_option() = option;
}

const std::string& data_dir() {
  static const std::string dir = find_data_dir(chosen_option());
  return dir;
}

}  // namespace akhbar
