// ProgressMeter: a one-line progress display on stderr for a watching user
// ("12000 articles, 2450 articles/s"), redrawn at most twice a second.
// Does nothing when disabled (output is not a terminal). Not thread-safe:
// call from the writer thread only.
#pragma once

#include <chrono>
#include <cstddef>

namespace akhbar {

class ProgressMeter {
 public:
  explicit ProgressMeter(bool enabled);
  void update(size_t articles);  // cheap when nothing is due
  void finish();                 // clears the line

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace akhbar
