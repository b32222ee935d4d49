#include "progress_meter.h"

#include <cstdio>

namespace akhbar {

ProgressMeter::ProgressMeter(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressMeter::update(size_t articles) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  fprintf(stderr, "\r\033[K%zu articles, %.0f articles/s", articles,
          seconds > 0 ? articles / seconds : 0.0);
  drawn_ = true;
}

void ProgressMeter::finish() {
  if (drawn_) fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace akhbar
