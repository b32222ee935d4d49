#!/usr/bin/env bash
# Configures and builds Akhbar into BUILD_DIR (default: build/).
# AKHBAR_BENCH=1 also builds the benchmark tool. BUILD_TARGETS (space-separated) builds only
# those targets. Extra arguments go to cmake's configure step (e.g. -DAKHBAR_SANITIZE=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
bench=OFF
[ "${AKHBAR_BENCH:-0}" = 1 ] && bench=ON  # the benchmark's akhbar-xapian-floor and its tests
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DAKHBAR_BENCH=$bench "$@" >/dev/null
# shellcheck disable=SC2086  # BUILD_TARGETS is a list
cmake --build "$build_dir" -j"$(nproc)" ${BUILD_TARGETS:+--target $BUILD_TARGETS}
