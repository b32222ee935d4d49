// akhbar-index: parse options, run the indexing job, map the outcome to an
// exit status (0 all indexed or deleted, 1 some input rejected or an id to
// delete not found, 2 usage or fatal error,
// or output that could not be written). Every exception ends here as one line.
#include <cerrno>
#include <cstring>
#include <iostream>

#include <xapian.h>

#include "data_dir.h"
#include "deleter.h"
#include "index_options.h"
#include "indexer.h"
#include "sharded_index.h"
#include "version.h"

int main(int argc, char** argv) {
  try {
    const akhbar::IndexCommand command = akhbar::parse_index_options(argc, argv);
    if (!command.help_text.empty() || command.version) {
      if (command.version) akhbar::print_version(std::cout, "akhbar-index");
      std::cout << command.help_text << std::flush;
      if (!std::cout) {
        std::cerr << "akhbar-index: cannot write the output: " << std::strerror(errno) << '\n';
        return 2;
      }
      return 0;
    }
    if (command.deleting) {
      const akhbar::DeleteSummary deleted =
          akhbar::run_delete(command.settings.db_path, command.delete_ids, std::cerr);
      std::cerr << akhbar::format_delete_summary(deleted) << std::flush;
      if (!std::cerr) return 2;
      return deleted.missing.empty() ? 0 : 1;
    }
    akhbar::use_data_dir_option(command.data_dir);
    const akhbar::IndexSummary summary = akhbar::index_archive(command.settings, std::cerr);
    std::cerr << akhbar::format_summary(summary) << std::flush;
    if (!std::cerr) return 2;  // the problems and the summary were lost; nowhere to say so
    return summary.rejected > 0 ? 1 : 0;
  } catch (const akhbar::UsageError& e) {
    std::cerr << "akhbar-index: " << e.what() << "\nTry 'akhbar-index --help'.\n";
  } catch (const akhbar::IndexError& e) {
    std::cerr << "akhbar-index: " << e.what() << '\n';
  } catch (const std::exception& e) {  // std::bad_alloc included
    std::cerr << "akhbar-index: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {  // not a std::exception
    std::cerr << "akhbar-index: " << e.get_description() << '\n';
  } catch (...) {
    std::cerr << "akhbar-index: unknown error\n";
  }
  return 2;
}
