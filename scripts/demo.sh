#!/usr/bin/env bash
# The main job, from a fresh machine: install what is missing, build, index
# the bundled sample corpus into demo-db/ and run a search on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -rf demo-db
build/akhbar-index --db demo-db corpus/sample.jsonl
echo
echo '$ akhbar-search --db demo-db "وقف إطلاق النار"'
build/akhbar-search --db demo-db "وقف إطلاق النار"
