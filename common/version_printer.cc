#include "data_dir.h"
#include "version.h"

namespace akhbar {

void print_version(std::ostream& out, const char* tool) {
  out << tool << ' ' << kVersion << "\nAkhbar: full-text search for Arabic news archives.\n";
  try {
    out << "data: " << data_dir() << '\n';
  } catch (const DataDirError& e) {
    out << "data: " << e.what() << '\n';
  }
}

}  // namespace akhbar
